import CertifyEngine
import CertifyModel
import Foundation

/// Loads inputs and scores them. Built once (schemas compiled, rubrics
/// loaded), then used from any thread.
public struct Certifier: Sendable {
    public let schemas: Schemas
    public let catalog: RubricCatalog

    public init(rubricsDirectory: URL, schemas: Schemas) throws(CertifyError) {
        self.schemas = schemas
        self.catalog = try RubricCatalog(directory: rubricsDirectory, schemas: schemas)
    }

    /// `--rubrics`/`$CERTIFY_RUBRICS`/shipped, with the shipped schemas.
    public init(rubricsOption: String?) throws(CertifyError) {
        try self.init(rubricsDirectory: Installation.rubricsDirectory(option: rubricsOption), schemas: .shipped())
    }

    /// A catalog already loaded (e.g. from rubrics held in memory).
    public init(catalog: RubricCatalog, schemas: Schemas) {
        self.schemas = schemas
        self.catalog = catalog
    }

    /// Parses, validates and decodes a dossier (not yet checked against its rubric).
    public func loadDossier(_ source: InputSource) throws(CertifyError) -> (Dossier, InputFile) {
        let file = try InputFile(source, schemas: schemas, expected: [.dossier])
        do {
            var dossier = try Dossier.decode(file.document.root)
            dossier.sha256 = file.sha256
            return (dossier, file)
        } catch { throw file.located(error) }
    }

    /// Parses, validates and decodes one review sheet.
    public func loadReview(_ source: InputSource) throws(CertifyError) -> Review {
        let file = try InputFile(source, schemas: schemas, expected: [.review])
        do {
            var review = try Review.decode(file.document.root)
            review.file = source.name
            review.sha256 = file.sha256
            return review
        } catch { throw file.located(error) }
    }

    /// Parses, validates and decodes review sheets. Every one is read, so
    /// that all of their errors are reported at once (unreadable if any is).
    public func loadReviews(_ sources: [InputSource]) throws(CertifyError) -> [Review] {
        var reviews: [Review] = []
        var diagnostics: [Diagnostic] = []
        var code = CertifyError.Code.invalidInput
        for review in sources {
            do { reviews.append(try loadReview(review)) } catch {
                diagnostics += error.diagnostics
                if error.code == .unreadable { code = .unreadable }
            }
        }
        guard diagnostics.isEmpty else { throw CertifyError(code, diagnostics) }
        return reviews
    }

    /// A dossier and its reviews, checked against the rubric it names.
    public func bind(dossier source: InputSource, reviews reviewSources: [InputSource]) throws(CertifyError) -> (Submission, Rubric) {
        let (dossier, file) = try loadDossier(source)
        let reviews = try loadReviews(reviewSources)
        do {
            let rubric = try catalog.rubric(for: dossier)
            return (try Binder.bind(dossier, reviews: reviews, to: rubric), rubric)
        } catch { throw file.located(error) }
    }

    /// Loads, binds and scores a dossier with its reviews.
    public func score(dossier: InputSource, reviews: [InputSource], options: ScoringOptions) throws(CertifyError) -> ScoreResult {
        let (submission, rubric) = try bind(dossier: dossier, reviews: reviews)
        return Scorer.score(submission, rubric: rubric, options: options)
    }

    /// `bind(dossier:reviews:)` on files.
    public func bind(dossierPath: String, reviewPaths: [String]) throws(CertifyError) -> (Submission, Rubric) {
        try bind(dossier: .file(dossierPath), reviews: reviewPaths.map(InputSource.file))
    }

    /// `score(dossier:reviews:options:)` on files.
    public func score(dossierPath: String, reviewPaths: [String], options: ScoringOptions) throws(CertifyError) -> ScoreResult {
        try score(dossier: .file(dossierPath), reviews: reviewPaths.map(InputSource.file), options: options)
    }

    /// A review on its own names no rubric: check each judgment against the
    /// rubrics that define its indicator as a judgment.
    private func checkScores(_ review: Review) throws(CertifyError) {
        var diagnostics: [Diagnostic] = []
        for judgment in review.judgments {
            let panels = catalog.entries.compactMap { entry -> (Rubric, PanelRule)? in
                guard entry.rubric.indicator(judgment.indicator)?.input == .judgment,
                      let panel = entry.rubric.panel else { return nil }
                return (entry.rubric, panel)
            }
            guard let (rubric, panel) = panels.first else {
                diagnostics.append(Diagnostic(.noJudgmentRubric(indicator: judgment.indicator), at: judgment.location))
                continue
            }
            if panel.admits(judgment.score) == nil {
                diagnostics.append(Diagnostic(
                    .scoreOutOfRange(
                        indicator: judgment.indicator, min: panel.minScore, max: panel.maxScore, rubric: rubric.id,
                        given: judgment.score),
                    at: judgment.location))
            }
        }
        if !diagnostics.isEmpty { throw CertifyError(.invalidInput, diagnostics) }
    }

    /// Validates any Certify document; a dossier is also checked against its
    /// rubric. Returns what the document is, e.g. "valid dossier X (rubric 1.0)".
    public func validate(_ source: InputSource) throws(CertifyError) -> Message {
        var warnings: [Diagnostic] = []
        return try validate(source, warnings: &warnings)
    }

    /// `validate`, with what is worth a warning in a valid document (a
    /// rubric's texts in fewer languages than its others), located.
    public func validate(_ source: InputSource, warnings: inout [Diagnostic]) throws(CertifyError) -> Message {
        let file = try InputFile(source, schemas: schemas)
        do {
            switch file.kind {
            case .rubric:
                let rubric = try Rubric.decode(file.document.root)
                warnings = Rubric.languageWarnings(file.document.root).map { $0.inFile(file.name) }
                return .valid(.rubric(id: rubric.id, version: rubric.version))
            case .dossier:
                let dossier = try Dossier.decode(file.document.root)
                let rubric = try catalog.rubric(for: dossier)
                _ = try Binder.bind(dossier, reviews: [], to: rubric)
                return .valid(.dossier(id: dossier.id, rubric: rubric.id, version: rubric.version))
            case .review:
                let review = try Review.decode(file.document.root)
                try checkScores(review)
                return .valid(.review(reviewer: review.reviewer, dossier: review.dossierID))
            case .report:
                return .valid(.report)
            }
        } catch { throw file.located(error) }
    }
}
