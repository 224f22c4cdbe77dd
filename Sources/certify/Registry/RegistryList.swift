import ArgumentParser
import CertifyModel
import CertifyRender
import CertifyRegistry

extension CertificateStatus: ExpressibleByArgument {}

struct RegistryList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Every certificate with its status on a date; text, JSON Lines or Excel-ready CSV (UTF-8 BOM, CRLF).",
        discussion: """
            --due DAYS lists the certificates still in force on --at whose renewal window (the last 3 months)
            opens within DAYS days (including windows already open).
            """)

    @Option(help: ArgumentHelp("The date of the statuses (default: today).", valueName: "YYYY-MM-DD"))
    var at: CalendarDate?

    @Option(help: ArgumentHelp("Only this status: valid, renewal-due, expired, superseded, revoked, not-yet-valid.", valueName: "S"))
    var status: CertificateStatus?

    @Option(help: ArgumentHelp("Only certificates whose renewal window opens within DAYS days.", valueName: "DAYS"))
    var due: Int?

    @Option(help: "Output format: text, json or csv.")
    var format: ListFormat = .text

    @OptionGroup var options: RegistryOptions

    func validate() throws {
        if let due, due < 0 || due > 36_500 { throw ValidationError("--due must be between 0 and 36500 days") }
    }

    func run() throws {
        let registry = try options.open(readOnly: true)
        let day = at ?? .today()
        let found = try orExit { () throws(CertifyError) in try registry.certificates(on: day, status: status, dueWithin: due) }
        switch format {
        case .json:
            for certificate in found { Output.write(certificate.json(on: day) + "\n") }
        case .csv:
            Output.write(CSVWriter.byteOrderMark)
            Output.write(CSVWriter.line(RegistryRows.csvHeader))
            for certificate in found { Output.write(RegistryRows.csv(certificate, on: day)) }
        case .text:
            for certificate in found {
                let status = certificate.status(on: day)
                Output.write("\(certificate.id)\t\(status.rawValue)\t\(certificate.validFrom)\t\(certificate.validUntil)\t\(certificate.rubric) \(certificate.rubricVersion)\t\(certificate.applicant.id)\t\(certificate.applicant.name)\n")
            }
        }
        Output.flush()
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
