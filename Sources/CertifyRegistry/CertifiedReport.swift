import CertifyModel
import CertifyReport
import CertifyRuntime
import Crypto
import Foundation

/// What a report verified with a trusted key says about the certificate it
/// grants: the facts an `issue` or `renew` event records.
public struct CertifiedReport: Sendable, Equatable {
    public var reportSHA256: String
    public var applicants: [Applicant]
    public var rubric: String
    public var rubricVersion: String
    public var validFrom: CalendarDate
    public var validUntil: CalendarDate
    /// The outcome the report states (kept beside the log for the
    /// certificate page; the log entry names the report by its SHA-256).
    public var outcome: ReportOutcome?
    /// The signed report itself, kept for download (empty: not kept).
    public var bytes: [UInt8]

    public init(reportSHA256: String, applicants: [Applicant], rubric: String, rubricVersion: String,
                validFrom: CalendarDate, validUntil: CalendarDate, outcome: ReportOutcome? = nil, bytes: [UInt8] = []) {
        self.reportSHA256 = reportSHA256
        self.applicants = applicants
        self.rubric = rubric
        self.rubricVersion = rubricVersion
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.outcome = outcome
        self.bytes = bytes
    }

    /// Checks a signed report with `certify verify`'s policy (`ReportAudit`)
    /// and reads what it certifies. Refused (invalid input, with the
    /// reason) unless the signature verifies with one of `keys` and the
    /// decision is certified. A certified report past its validity is
    /// accepted: the registry records history, and shows it as expired.
    public static func verify(_ bytes: [UInt8], file: String, trusting keys: [P256.Signing.PublicKey],
                              schemas: Schemas) throws(CertifyError) -> CertifiedReport {
        let audit: ReportAudit
        do {
            audit = try ReportAudit.run(report: .bytes(bytes, name: file), trusting: keys, schemas: schemas,
                                        on: .today())
        } catch {
            throw CertifyError(.invalidInput, error.diagnostics.map { diagnostic in
                Diagnostic(
                    .registry(.notRegistered(english: diagnostic.message, korean: diagnostic.message(.ko))),
                    at: diagnostic.position, file: diagnostic.file, severity: diagnostic.severity)
            })
        }
        let summary = audit.summary
        func refuse(_ problem: Message.RegistryProblem) -> CertifyError {
            CertifyError(.invalidInput, [Diagnostic(.registry(problem), file: file)])
        }
        guard summary.certified else { throw refuse(.notCertified) }
        guard let from = summary.validFrom, let until = summary.validUntil, from <= until else {
            throw refuse(.noValidityPeriod)
        }
        var applicants: [Applicant] = []
        for party in summary.parties {
            let name = party.names.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                .joined(separator: " / ")
            guard Event.isToken(party.id) else { throw refuse(.applicantIDBad(party.id)) }
            guard Event.isLine(name) else { throw refuse(.applicantNameBad(party.id)) }
            applicants.append(Applicant(id: party.id, name: name))
        }
        guard !applicants.isEmpty else { throw refuse(.noApplicant) }
        guard Event.isToken(summary.rubricID), Event.isToken(summary.rubricVersion) else {
            throw refuse(.rubricIDBad)
        }
        return CertifiedReport(reportSHA256: InputFile.sha256(bytes), applicants: applicants, rubric: summary.rubricID,
                               rubricVersion: summary.rubricVersion, validFrom: from, validUntil: until,
                               outcome: ReportOutcome(grade: summary.grade, total: summary.total, max: summary.max),
                               bytes: bytes)
    }
}
