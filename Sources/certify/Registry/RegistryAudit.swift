import ArgumentParser
import CertifyModel
import CertifyRegistry

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
        let registry = try options.open(readOnly: true)
        let report = try orExit { () throws(CertifyError) in try registry.audit(expecting: expected) }
        if !report.passed {
            Output.report(CertifyError(.auditFailed, report.problems.map { Diagnostic("audit: \($0)", file: options.path) }))
            throw ExitCode(CertifyError.Code.auditFailed.exitCode)
        }
        Output.write("audit passed: \(report.entries) entries, \(report.checkpoints) signed checkpoints, \(report.certificates) certificates agree with the log\n")
        Output.flush()
    }
}
