import ArgumentParser
import CertifyModel
import CertifyRegistry

struct RegistryStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "A certificate's status on a date: valid, renewal-due, expired, superseded, revoked or not-yet-valid.",
        discussion: """
            With --witness VKEY... the published checkpoint must carry valid cosignatures of --quorum of those
            witnesses (default: all) and its tree must hold the certificate's latest entry.
            Exit codes: 0 in force (valid or renewal-due); 1 too few cosignatures, or the entry not yet in the
            cosigned tree; 3 not in force on the date; 65 no such certificate or a bad witness key.
            """)

    @Argument(help: ArgumentHelp("The certificate id.", valueName: "CERT-ID"))
    var certificate: String

    @Option(help: ArgumentHelp("The date (default: today).", valueName: "YYYY-MM-DD"))
    var at: CalendarDate?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var quorumOptions: QuorumOptions

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let registry = try options.open(readOnly: true)
        let day = at ?? .today()
        let found = try orExit { () throws(CertifyError) in try registry.certificate(certificate) }
        guard let found else {
            Output.report(CertifyError(.notFound, Message.registry(.noCertificate(certificate)), file: options.path))
            throw ExitCode(CertifyError.Code.invalidInput.exitCode)
        }
        if let policy = try quorumOptions.policy() {
            try orExit { () throws(CertifyError) in
                let note = try registry.latestCheckpoint()
                guard let checkpoint = registry.verifier.open(note).flatMap(Checkpoint.init(text:)) else {
                    throw CertifyError(.auditFailed, Message.tlog(.checkpointNotSigned(key: registry.verifier.encoded)), file: options.path)
                }
                try policy.require(note, size: checkpoint.size)
                guard found.latestIndex < checkpoint.size else {
                    throw CertifyError(.auditFailed, Message.tlog(.notInCosignedTree(certificate: found.id, index: found.latestIndex, size: checkpoint.size)))
                }
            }
        }
        let status = found.status(on: day)
        if format == .json {
            Output.write(found.json(on: day) + "\n")
        } else {
            var lines = [
                "certificate:  \(found.id)",
                "status:       \(status.rawValue) (\(status.label.ko)) on \(day)",
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
