import ArgumentParser
import CertifyModel
import CertifyRegistry
import Foundation

// The log's commands: its signed checkpoints, entries and proofs, and the audit that
// replays it against the certificate tables.

struct RegistryCheckpoint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Print the published signed checkpoint (C2SP tlog-checkpoint in a signed note, with its witness cosignatures).",
        discussion: "The published one is the latest checkpoint that witnesses cosigned, once any did (registry cosign); else the latest.")

    @Option(help: ArgumentHelp("The checkpoint of this tree size instead of the latest.", valueName: "N"))
    var size: Int?

    @OptionGroup var options: RegistryOptions

    func run() throws {
        Output.write(try options.query { registry throws(CertifyError) in try registry.checkpoint(size: size) })
        Output.flush()
    }
}

struct RegistryEntry: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entry",
        abstract: "Print the exact bytes of log entry N (from 0); its leaf hash is SHA-256(0x00 ‖ bytes).")

    @Argument(help: ArgumentHelp("The entry's index.", valueName: "N"))
    var index: Int

    @OptionGroup var options: RegistryOptions

    func run() throws {
        Output.write(bytes: try options.query { registry throws(CertifyError) in try registry.entry(index) })
        Output.flush()
    }
}

struct RegistryProve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "An inclusion proof (RFC 9162) of a certificate's latest log entry, with the signed checkpoint it leads to.")

    @Argument(help: ArgumentHelp("The certificate id.", valueName: "CERT-ID"))
    var certificate: String

    @Option(help: ArgumentHelp("Prove in the tree of this size (default: the latest).", valueName: "N"))
    var size: Int?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let proof = try options.query { registry throws(CertifyError) in try registry.inclusionProof(certificate: certificate, size: size) }
        if format == .json {
            Output.write(proof.json + "\n")
        } else {
            Output.write("certificate: \(certificate)\nentry:       \(proof.index)\ntree size:   \(proof.size)\nproof:\n")
            Output.write(proof.proof.map { "  \(Data($0).base64EncodedString())\n" }.joined())
            Output.write("checkpoint:\n\(proof.checkpoint)")
        }
        Output.flush()
    }
}

struct RegistryConsistency: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consistency",
        abstract: "A consistency proof (RFC 9162) that the tree of size NEW extends the tree of size OLD.")

    @Option(help: ArgumentHelp("The older tree size (at least 1).", valueName: "OLD"))
    var from: Int

    @Option(help: ArgumentHelp("The newer tree size.", valueName: "NEW"))
    var to: Int

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .json

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let proof = try options.query { registry throws(CertifyError) in try registry.consistencyProof(from: from, to: to) }
        if format == .json {
            Output.write(proof.json + "\n")
        } else {
            Output.write("from: \(proof.from)\nto:   \(proof.to)\nproof:\n")
            Output.write(proof.proof.map { "  \(Data($0).base64EncodedString())\n" }.joined())
        }
        Output.flush()
    }
}

struct RegistryAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Recompute every hash, check every checkpoint's signature, and replay the log against the certificate tables.",
        discussion: "Exit codes: 0 everything agrees; 1 a difference (each wrong row or entry named on stderr); 65, 66.")

    @Option(help: ArgumentHelp("The verifier key the checkpoints must be signed with (NAME+ID+KEY, as init printed it; default: the registry's own).", valueName: "VKEY"))
    var vkey: String?

    @OptionGroup var options: RegistryOptions

    func run() throws {
        var expected: NoteVerifier?
        if let vkey {
            guard let verifier = NoteVerifier(encoded: vkey) else {
                Output.report(CertifyError(.invalidInput, Message.registry(.notVerifierKey)))
                throw ExitCode(CertifyError.Code.invalidInput.exitCode)
            }
            expected = verifier
        }
        let report = try options.query { registry throws(CertifyError) in try registry.audit(expecting: expected) }
        if !report.passed {
            Output.report(CertifyError(.auditFailed, report.problems.map { Diagnostic("audit: \($0)", file: options.path) }))
            throw ExitCode(CertifyError.Code.auditFailed.exitCode)
        }
        Output.write("audit passed: \(report.entries) entries, \(report.checkpoints) signed checkpoints, \(report.certificates) certificates agree with the log\n")
        Output.flush()
    }
}
