import CertifyEngine
import CertifyModel
import CertifyPlanner
import Foundation

/// How an extension's page embeds the review sheet (the office's online
/// review): its address, hidden fields first (the CSRF token first of
/// all), the reviewer's fixed round code, and save and submit buttons.
public struct ReviewEmbedding: Sendable {
    public var action: String
    public var hidden: [(String, String)]
    public var title: String
    public var reviewer: String
    public var saveLabel: String
    public var submitLabel: String
    public var backLink: String
    public var backLabel: String

    public init(action: String, hidden: [(String, String)], title: String, reviewer: String, saveLabel: String, submitLabel: String,
                backLink: String, backLabel: String) {
        self.action = action
        self.hidden = hidden
        self.title = title
        self.reviewer = reviewer
        self.saveLabel = saveLabel
        self.submitLabel = submitLabel
        self.backLink = backLink
        self.backLabel = backLabel
    }
}

/// The review sheet of a dossier, as an extension's page shows and checks it.
public struct EmbeddedReviewSheet: @unchecked Sendable {
    /// The values for the `review` template.
    public var view: [String: Any]
    /// The review XML the sheet writes (exactly what `certify validate` accepts when `ok`).
    public var xml: String
    /// Whether the sheet is complete and its XML valid.
    public var ok: Bool
}

extension CertifyServer {
    /// The review sheet for `dossier` with the posted `fields`, the reviewer
    /// fixed to `embedding.reviewer`. With `check`, the sheet is written as
    /// XML, validated and checked for completeness (a reason for every
    /// rejected KPI, at least one opinion), its problems shown at their fields.
    public func reviewSheet(dossier bytes: [UInt8], fields: [String: [String]], language: Language, embedding: ReviewEmbedding,
                            check: Bool) throws(CertifyError) -> EmbeddedReviewSheet {
        let upload = Upload(name: "dossier.xml", bytes: bytes)
        let dossier = try inputs.dossier(upload)
        let rubric = try certifier.catalog.rubric(for: dossier)
        let subject = SheetSubject(dossierID: dossier.id, rubric: rubric, kpis: dossier.kpis.map { ($0.id, $0.label) },
                                   given: Self.given(dossier, language: language))
        var values = FormValues()
        values.fields = fields
        values.set("reviewer", embedding.reviewer)
        let writer = ReviewWriter.write(values, subject: subject)
        var errors: [Diagnostic] = []
        var problems: [FormFields.Problem] = []
        if check {
            do { try inputs.validate(Upload(name: "review.xml", bytes: Array(writer.xml.utf8))) } catch { errors = error.diagnostics }
            problems = Self.sheetProblems(values, subject: subject, language: language)
        }
        var view = reviewSheetView(subject, values: values, language: language, errors: errors, problems: problems,
                                   writer: check ? writer : nil)
        view["reviewer"] = nil
        view["fixedReviewer"] = embedding.reviewer
        view["hidden"] = embedding.hidden.map { ["name": $0.0, "value": $0.1] }
        view["embedded"] = ["action": embedding.action, "save": embedding.saveLabel, "submit": embedding.submitLabel,
                            "back": embedding.backLink, "backLabel": embedding.backLabel]
        view["heading"] = embedding.title
        return EmbeddedReviewSheet(view: view, xml: writer.xml, ok: errors.isEmpty && problems.isEmpty)
    }

    /// The sheet's fields of a review XML (to show a submitted review, or start a revision from it).
    public func reviewFields(ofReview bytes: [UInt8]) -> [String: [String]] {
        guard let review = try? certifier.loadReview(.bytes(bytes, name: "review.xml")) else { return [:] }
        var fields: [String: [String]] = [:]
        for judgment in review.judgments {
            fields["judgment-\(judgment.indicator)-score"] = [judgment.score]
            if !judgment.comment.isEmpty { fields["judgment-\(judgment.indicator)-comment"] = [judgment.comment] }
        }
        for decision in review.kpiDecisions {
            fields["decision-\(decision.kpi)"] = [decision.accepted ? "accept" : "reject"]
            if !decision.reason.isEmpty { fields["reason-\(decision.kpi)"] = [decision.reason] }
        }
        return fields
    }

    /// The panel page's values for a result (the `panel` template's body):
    /// each judgment's scores with the dropped ones marked, the mean, the
    /// KPIs with their attainment and who rejected them, the outcome.
    public func panelView(_ result: ScoreResult, language: Language) -> [String: Any] {
        panelValues(result, language: language)
    }

    /// The plan to the next outcomes for a dossier and its reviews (the
    /// self-check page's plan section), or nil when it cannot be computed.
    public func planView(dossier: [UInt8], reviews: [[UInt8]], date: CalendarDate, language: Language) -> [String: Any]? {
        guard let (submission, rubric) = try? certifier.bind(dossier: .bytes(dossier, name: "dossier.xml"),
                                                           reviews: reviews.enumerated().map { .bytes($1, name: "review-\($0).xml") }),
              let report = try? Planner.plan(submission: submission, rubric: rubric, options: ScoringOptions(date: date, official: true))
        else { return nil }
        return PlanView(report: report, language: language).build()
    }
}
