import ArgumentParser
import CertifyModel
import CertifyRegistry
import Foundation

// The log's commands: its signed checkpoints, entries and proofs, and the audit that
// replays it against the certificate tables.

struct RegistryCheckpoint: RegistryQuery {
    static let configuration = RegistryCommandHelp.checkpoint.configuration()

    @Option(help: ArgumentHelp(RegistryHelp.checkpointSize, valueName: "N"))
    var size: Int?

    @OptionGroup var options: RegistryOptions

    func answer(_ registry: Registry) throws(CertifyError) -> String { try registry.checkpoint(size: size) }
}

struct RegistryEntry: ParsableCommand {
    static let configuration = RegistryCommandHelp.entry.configuration()

    @Argument(help: ArgumentHelp(RegistryHelp.entryIndex, valueName: "N"))
    var index: Int

    @OptionGroup var options: RegistryOptions

    func run() throws {
        Output.write(bytes: try options.query { registry throws(CertifyError) in try registry.entry(index) })
        Output.flush()
    }
}

struct RegistryProve: RegistryQuery {
    static let configuration = RegistryCommandHelp.prove.configuration()

    @OptionGroup var id: CertificateArgument

    @Option(help: ArgumentHelp(RegistryHelp.proveSize, valueName: "N"))
    var size: Int?

    @OptionGroup var output: FormatOption

    @OptionGroup var options: RegistryOptions

    func answer(_ registry: Registry) throws(CertifyError) -> String {
        let proof = try registry.inclusionProof(certificate: id.certificate, size: size)
        let heading = "certificate: \(id.certificate)\nentry:       \(proof.index)\ntree size:   \(proof.size)\n"
        let text = proofText(output.format, json: proof.json, heading: heading, hashes: proof.proof)
        return output.format == .text ? text + "checkpoint:\n\(proof.checkpoint)" : text
    }
}

struct RegistryConsistency: RegistryQuery {
    static let configuration = RegistryCommandHelp.consistency.configuration()

    @Option(help: ArgumentHelp(RegistryHelp.from, valueName: "OLD"))
    var from: Int

    @Option(help: ArgumentHelp(RegistryHelp.to, valueName: "NEW"))
    var to: Int

    @Option(help: ArgumentHelp(OptionHelp.format))
    var format: OutputFormat = .json

    @OptionGroup var options: RegistryOptions

    func answer(_ registry: Registry) throws(CertifyError) -> String {
        let proof = try registry.consistencyProof(from: from, to: to)
        return proofText(format, json: proof.json, heading: "from: \(proof.from)\nto:   \(proof.to)\n", hashes: proof.proof)
    }
}

struct RegistryAudit: ParsableCommand {
    static let configuration = RegistryCommandHelp.audit.configuration()

    @Option(help: ArgumentHelp(RegistryHelp.vkey, valueName: "VKEY"))
    var vkey: String?

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let expected = try vkey.map { try NoteVerifier.argument($0, else: Message.registry(.notVerifierKey)) }
        let report = try options.query { registry throws(CertifyError) in try registry.audit(expecting: expected) }
        if !report.passed {
            throw failure(CertifyError(.auditFailed, report.problems.map { Diagnostic("audit: \($0)", file: options.path) }))
        }
        let counts = [report.entries, report.checkpoints, report.certificates].map(String.init)
        Output.write(CLIWord.registryAuditPassed.text(Output.language, values: counts) + "\n")
        Output.flush()
    }
}
