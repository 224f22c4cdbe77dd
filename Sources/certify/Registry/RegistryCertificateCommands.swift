import ArgumentParser
import CertifyModel
import CertifyRegistry
import CertifyRender

// The certificates' commands: creating the registry, revoking, a certificate's status and the list.

struct RegistryInit: ParsableCommand {
    static let configuration = RegistryCommandHelp.initialize.configuration()

    @Option(help: ArgumentHelp(RegistryHelp.origin, valueName: "NAME"))
    var origin: String

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let registry = try orExit { () throws(CertifyError) in
            let registry = try Registry.create(at: options.path, origin: origin)
            try registry.flush()
            return registry
        }
        Output.write(registry.verifier.encoded + "\n")
        Output.flush()
    }
}

struct RegistryRevoke: ParsableCommand {
    static let configuration = RegistryCommandHelp.revoke.configuration()

    @OptionGroup var id: CertificateArgument

    @Option(help: ArgumentHelp(RegistryHelp.reason, valueName: "TEXT"))
    var reason: String

    @OptionGroup var writing: RegistryWriteOptions

    func run() throws {
        try writing.write { registry in
            let added = try orExit { () throws(CertifyError) in
                let added = try registry.revoke(id.certificate, reason: reason)
                try registry.flush()
                return added
            }
            let recorded = added.certificate.revocationReason ?? ""
            Output.write(CLIWord.registryRevoked.text(Output.language, added.certificate.id, String(added.index), recorded) + "\n")
            Output.flush()
        }
    }
}

struct RegistryStatus: ParsableCommand {
    static let configuration = RegistryCommandHelp.status.configuration()

    @OptionGroup var id: CertificateArgument

    @Option(help: ArgumentHelp(RegistryHelp.statusDate, valueName: "YYYY-MM-DD"))
    var at: CalendarDate?

    @OptionGroup var output: FormatOption

    @OptionGroup var quorumOptions: QuorumOptions

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let registry = try options.open(readOnly: true)
        let day = at ?? .today()
        let found = try orExit { () throws(CertifyError) in try registry.certificate(id.certificate) }
        guard let found else {
            throw failure(CertifyError(.notFound, Message.registry(.noCertificate(id.certificate)), file: options.path), exit: .invalidInput)
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
        if output.format == .json {
            Output.write(found.json(on: day) + "\n")
        } else {
            Output.write(Self.describe(found, status: status, on: day, language: Output.language))
        }
        Output.flush()
        if !status.inForce { throw ExitCode(CertifyError.Code.notCurrent.exitCode) }
    }
}

extension RegistryStatus {
    /// The text form of a certificate's status: one field a line.
    static func describe(_ found: Certificate, status: CertificateStatus, on day: CalendarDate, language: Language) -> String {
        var lines: [(CLIWord, [String])] = [
            (.statusCertificate, [found.id]),
            (.statusOn, [status.rawValue, status.text(.ko), day.description]),
        ]
        for (position, applicant) in found.applicants.enumerated() {
            lines.append((position == 0 ? .statusApplicant : .statusJoint, ["\(applicant.id) \(applicant.name)"]))
        }
        lines.append((.statusRubric, ["\(found.rubric) \(found.rubricVersion)"]))
        lines.append((.statusValidity, [found.validFrom.description, found.validUntil.description, found.renewalWindowStart.description]))
        if let predecessor = found.predecessor { lines.append((.statusRenews, [predecessor])) }
        if let successor = found.successor {
            lines.append((.statusRenewedBy, [successor, found.successorFrom.map(\.description) ?? "?"]))
        }
        if let revoked = found.revokedOn { lines.append((.statusRevoked, [revoked.description, found.revocationReason ?? ""])) }
        lines.append((.statusReport, [found.reportSHA256]))
        lines.append((.statusLogEntry, [String(found.latestIndex), found.id]))
        return lines.map { $0.text(language, values: $1) + "\n" }.joined()
    }
}

extension CertificateStatus: ExpressibleByArgument {}

struct RegistryList: RegistryQuery {
    static let configuration = RegistryCommandHelp.list.configuration()

    @Option(help: ArgumentHelp(RegistryHelp.listDate, valueName: "YYYY-MM-DD"))
    var at: CalendarDate?

    @Option(help: ArgumentHelp(RegistryHelp.onlyStatus, valueName: "S"))
    var status: CertificateStatus?

    @Option(help: ArgumentHelp(RegistryHelp.due, valueName: "DAYS"))
    var due: Int?

    @Option(help: ArgumentHelp(RegistryHelp.listFormat))
    var format: ListFormat = .text

    @OptionGroup var options: RegistryOptions

    func validate() throws {
        if let due, due < 0 || due > 36_500 { throw ValidationError(.dueRange) }
    }

    func answer(_ registry: Registry) throws(CertifyError) -> String {
        let day = at ?? .today()
        let found = try registry.certificates(on: day, status: status, dueWithin: due)
        switch format {
        case .json:
            return found.map { $0.json(on: day) + "\n" }.joined()
        case .csv:
            return CSVWriter.byteOrderMark + CSVWriter.line(RegistryRows.csvHeader) + found.map { RegistryRows.csv($0, on: day) }.joined()
        case .text:
            return found.map { certificate in
                let status = certificate.status(on: day)
                return "\(certificate.id)\t\(status.rawValue)\t\(certificate.validFrom)\t\(certificate.validUntil)\t\(certificate.rubric) \(certificate.rubricVersion)\t\(certificate.applicant.id)\t\(certificate.applicant.name)\n"
            }.joined()
        }
    }
}

/// The columns of `list --format csv`.
enum RegistryRows {
    static let csvHeader = [
        "certificate", "status", "applicant", "applicant_name", "rubric", "version", "valid_from", "valid_until",
        "renewal_from", "predecessor", "revoked", "reason", "index", "report_sha256",
    ]

    static func csv(_ certificate: Certificate, on day: CalendarDate) -> String {
        let fields = [
            certificate.id, certificate.status(on: day).rawValue, certificate.applicant.id,
            certificate.applicants.map(\.name).joined(separator: "; "), certificate.rubric, certificate.rubricVersion,
            certificate.validFrom.description, certificate.validUntil.description, certificate.renewalWindowStart.description,
            certificate.predecessor ?? "", certificate.revokedOn?.description ?? "", certificate.revocationReason ?? "",
            String(certificate.latestIndex), certificate.reportSHA256,
        ]
        return CSVWriter.line(fields.map(CSVWriter.defused))
    }
}
