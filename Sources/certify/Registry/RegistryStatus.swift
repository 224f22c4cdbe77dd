import ArgumentParser
import CertifyModel
import CertifyRegistry

struct RegistryStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "A certificate's status on a date: valid, renewal-due, expired, superseded, revoked or not-yet-valid.",
        discussion: "Exit codes: 0 in force (valid or renewal-due); 3 not in force on the date; 65 no such certificate.")

    @Argument(help: ArgumentHelp("The certificate id.", valueName: "CERT-ID"))
    var certificate: String

    @Option(help: ArgumentHelp("The date (default: today).", valueName: "YYYY-MM-DD"))
    var at: CalendarDate?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let registry = try options.open(readOnly: true)
        let day = at ?? .today()
        let found = try orExit { () throws(CertifyError) in try registry.certificate(certificate) }
        guard let found else {
            Output.report(CertifyError(.notFound, Message.registry(.noCertificate(certificate)), file: options.path))
            throw ExitCode(CertifyError.Code.invalidInput.exitCode)
        }
        let status = found.status(on: day)
        if format == .json {
            Output.write(found.json(on: day) + "\n")
        } else {
            var lines = [
                "certificate:  \(found.id)",
                "status:       \(status.rawValue) (\(status.text(.ko))) on \(day)",
            ]
            for (position, applicant) in found.applicants.enumerated() {
                lines.append("\(position == 0 ? "applicant:   " : "joint:       ") \(applicant.id) \(applicant.name)")
            }
            lines.append("rubric:       \(found.rubric) \(found.rubricVersion)")
            lines.append("validity:     \(found.validFrom) – \(found.validUntil) (renewal window from \(found.renewalWindowStart))")
            if let predecessor = found.predecessor { lines.append("renews:       \(predecessor)") }
            if let successor = found.successor { lines.append("renewed by:   \(successor) from \(found.successorFrom.map(\.description) ?? "?")") }
            if let revoked = found.revokedOn { lines.append("revoked:      \(revoked): \(found.revocationReason ?? "")") }
            lines.append("report:       sha256 \(found.reportSHA256)")
            lines.append("log entry:    \(found.latestIndex) (certify registry prove \(found.id))")
            Output.write(lines.joined(separator: "\n") + "\n")
        }
        Output.flush()
        if !status.inForce { throw ExitCode(CertifyError.Code.notCurrent.exitCode) }
    }
}
