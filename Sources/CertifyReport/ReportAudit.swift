import CertifyEngine
import CertifyModel
import CertifyRuntime
import Crypto

/// `certify verify`'s policy, callable in-process: a report's signature,
/// its standing on a day, and optionally its inputs (hashes and a fresh
/// score). The command line and the registry call this same code.
public struct ReportAudit: Sendable {
    /// The inputs a report is checked against.
    public struct Inputs: Sendable {
        public var dossier: InputSource
        public var reviews: [InputSource]
        /// The certifier that re-scores; its failure to load is reported
        /// as a disagreement, like any other failure of re-scoring.
        public var certifier: Result<Certifier, CertifyError>

        public init(dossier: InputSource, reviews: [InputSource], certifier: Result<Certifier, CertifyError>) {
            self.dossier = dossier
            self.reviews = reviews
            self.certifier = certifier
        }
    }

    /// What the report says, read from the tree whose signature was checked.
    public let summary: ReportSummary
    /// The trusted key that verified it.
    public let keyID: String
    /// The day its standing was checked on.
    public let day: CalendarDate
    /// Where the inputs disagree with the report: nil when no inputs were
    /// given, empty when the hashes match and re-scoring confirms it.
    public let disagreements: [Message]?

    /// Certified, and in force on `day`.
    public var isCurrent: Bool { summary.isCurrent(on: day) }

    /// The failure this outcome amounts to: a disagreement before a report
    /// that is not current; nil for a valid, current (and confirmed) report.
    public var code: CertifyError.Code? {
        if let disagreements, !disagreements.isEmpty { return .disagreement }
        return isCurrent ? nil : .notCurrent
    }

    /// The standing in words, e.g. "valid and current on 2026-03-02".
    public var standing: String { standing(.en) }

    /// The standing in `language`.
    public func standing(_ language: Language) -> String {
        Message.verifyStanding(current: isCurrent, certified: summary.certified, day: day.description).text(language)
    }

    /// The disagreements as one located error about the report named `name`.
    public func disagreementError(in name: String) -> CertifyError? {
        guard let disagreements, !disagreements.isEmpty else { return nil }
        return CertifyError(.disagreement, disagreements.map { Diagnostic(.verifyDisagrees($0), file: name) })
    }

    /// Verifies `report` with the trusted `keys`, then checks it on `day`
    /// and, with `inputs`, against them.
    ///
    /// - Throws: `.unreadable` or `.invalidInput` for a report that cannot be
    ///   read or is not one, `.signatureInvalid` for a forged, changed or
    ///   untrusted one. A report that is authentic but not current, or that
    ///   its inputs disagree with, is an outcome (see `code`), not an error.
    public static func run(
        report: InputSource, trusting keys: [P256.Signing.PublicKey], schemas: Schemas,
        on day: CalendarDate, inputs: Inputs? = nil
    ) throws(CertifyError) -> ReportAudit {
        let bytes = try report.read()
        let verified = try ReportVerifier.verify(bytes, name: report.name, trusting: keys, schema: schemas.report)
        let summary = ReportSummary(verified.root)
        return ReportAudit(summary: summary, keyID: verified.keyID, day: day,
                           disagreements: inputs.map { recheck(summary, $0) })
    }

    /// Hashes of the given inputs against the report, then a fresh score.
    static func recheck(_ summary: ReportSummary, _ inputs: Inputs) -> [Message] {
        var problems: [Message] = []
        do throws(CertifyError) {
            let certifier = try inputs.certifier.get()
            let dossierHash = InputFile.sha256(try inputs.dossier.read())
            if dossierHash != summary.dossierSHA256 {
                problems.append(.verifyDossierHash(file: inputs.dossier.name, sha256: dossierHash, expected: summary.dossierSHA256))
            }
            var reviewHashes: [String] = []
            for review in inputs.reviews { reviewHashes.append(InputFile.sha256(try review.read())) }
            if reviewHashes.sorted() != summary.reviewSHA256s.sorted() {
                problems.append(.verifyReviewsDiffer(count: summary.reviewSHA256s.count))
            }
            guard let date = summary.date else { return problems + [.verifyNoDate] }
            let result = try certifier.score(dossier: inputs.dossier, reviews: inputs.reviews,
                                             options: ScoringOptions(date: date, official: summary.official))
            if result.rubric.sha256 != summary.rubricSHA256 {
                problems.append(.verifyRubricHash(
                    rubric: result.rubric.id, version: result.rubric.version, sha256: result.rubric.sha256,
                    expected: summary.rubricSHA256))
            }
            problems += summary.disagreements(with: result)
        } catch {
            problems += error.diagnostics.map { .verifyRescoreFailed(english: $0.rendered, korean: $0.rendered(.ko)) }
        }
        return problems
    }
}
