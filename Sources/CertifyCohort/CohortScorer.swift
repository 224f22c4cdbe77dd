import CertifyEngine
import CertifyModel
import CertifyRuntime
import Foundation

/// One dossier scored, kept small: a cohort of thousands holds one of
/// these per dossier (not the full `ScoreResult` with its trace).
public struct DossierOutcome: Sendable {
    public var file: String
    public var id: String
    public var rubric: Rubric
    /// The lead applicant (the first listed) and how many there are.
    public var applicantID: String
    public var applicantName: LocalizedText
    public var kind: String
    public var applicantCount: Int
    public var total: Rational
    public var grade: String?
    public var certified: Bool
    /// By area, in rubric order.
    public var areaPoints: [Rational]
    /// By indicator position in the rubric (`rubric.indicators`).
    public var points: [Rational]
    public var statuses: [IndicatorResult.Status]

    public init(_ result: ScoreResult, file: String) {
        self.file = file
        id = result.dossier.id
        rubric = result.rubric
        let lead = result.dossier.applicants.first
        applicantID = lead?.id ?? ""
        applicantName = lead?.name ?? LocalizedText()
        kind = lead?.kind ?? ""
        applicantCount = result.dossier.applicants.count
        total = result.total
        grade = result.grade
        certified = result.certified
        areaPoints = result.areas.map(\.points)
        var points = Array(repeating: Rational.zero, count: result.rubric.indicators.count)
        var statuses = Array(repeating: IndicatorResult.Status.missing, count: result.rubric.indicators.count)
        var hint = 0
        for area in result.areas {
            for indicator in area.indicators {
                guard let position = result.rubric.position(of: indicator.id, hint: &hint) else { continue }
                points[position] = indicator.points
                statuses[position] = indicator.status
            }
        }
        self.points = points
        self.statuses = statuses
    }

    /// `pass`/`fail` for a pass/fail rubric, else the grade.
    public var outcome: String { grade ?? (certified ? "pass" : "fail") }
}

/// A dossier that could not be scored, with its first error (the others go
/// to standard error). `rubric` is the rubric it names when it was read
/// that far.
public struct InvalidDossier: Sendable {
    public var file: String
    public var message: String
    public var error: CertifyError
    public var rubric: Rubric?

    public init(file: String, error: CertifyError, rubric: Rubric?) {
        self.file = file
        self.error = error
        self.rubric = rubric
        message = error.diagnostics.first?.rendered ?? "\(file):0:0: error: \(error.code)"
    }

    /// `message` in `language` (the located error's catalog text).
    public func message(_ language: Language) -> String {
        error.diagnostics.first?.rendered(language) ?? message
    }
}

/// Scores a dossier found on disk the way `certify score` does, its panel
/// reviews found by dossier id: every `*.xml` in `REVIEWS/<dossier id>/`.
public struct CohortScorer: Sendable {
    public let certifier: Certifier
    public let reviewsDirectory: String?
    public let options: ScoringOptions

    public init(certifier: Certifier, reviewsDirectory: String?, options: ScoringOptions) {
        self.certifier = certifier
        self.reviewsDirectory = reviewsDirectory
        self.options = options
    }

    /// The dossier, its reviews and the rubric it names.
    public struct Loaded: Sendable {
        public var dossier: Dossier
        public var reviews: [Review]
        public var rubric: Rubric
    }

    /// Why a dossier could not be loaded, and the rubric it names if known.
    public struct Failure: Error, Sendable {
        public var error: CertifyError
        public var rubric: Rubric?
    }

    public func load(_ path: String) throws(Failure) -> Loaded {
        let dossier: Dossier
        do { dossier = try certifier.loadDossier(.file(path)).0 } catch { throw Failure(error: error, rubric: nil) }
        let rubric = try? certifier.catalog.rubric(for: dossier)
        let reviews: [Review]
        do { reviews = try certifier.loadReviews(reviewPaths(for: dossier.id).map(InputSource.file)) } catch {
            throw Failure(error: error, rubric: rubric)
        }
        do {
            return Loaded(dossier: dossier, reviews: reviews, rubric: try certifier.catalog.rubric(for: dossier))
        } catch { throw Failure(error: Self.located(error, path), rubric: nil) }
    }

    /// Binds and scores a loaded dossier under its own rubric, or under
    /// `other`: then only the values of indicators `other` defines count
    /// (the rest are what the two rubrics do not share).
    public func score(_ loaded: Loaded, path: String, under other: Rubric? = nil) throws(CertifyError) -> ScoreResult {
        let rubric = other ?? loaded.rubric
        var dossier = loaded.dossier
        var reviews = loaded.reviews
        if let other {
            let known = { (id: String) in other.indicator(id) != nil }
            dossier.values.removeAll { !known($0.indicator) }
            dossier.electives.removeAll { !known($0.indicator) }
            dossier.kpis.removeAll { !known($0.indicator) }
            dossier.judgments.removeAll { !known($0.indicator) }
            for index in reviews.indices { reviews[index].judgments.removeAll { !known($0.indicator) } }
        }
        do {
            let submission = try Binder.bind(dossier, reviews: reviews, to: rubric)
            return Scorer.score(submission, rubric: rubric, options: options)
        } catch { throw Self.located(error, path) }
    }

    /// Review files for a dossier id. An id that could climb out of the
    /// reviews directory (`/`, `.`, `..`) never names a folder.
    public func reviewPaths(for dossierID: String) -> [String] {
        guard let directory = reviewsDirectory, !dossierID.contains("/"), !dossierID.contains("\0"),
              dossierID != ".", dossierID != ".." else { return [] }
        let folder = (directory.hasSuffix("/") ? directory : directory + "/") + dossierID
        return InputFile.xmlFiles(in: folder) ?? []
    }

    /// Errors from binding carry no file name; this adds it.
    static func located(_ error: CertifyError, _ path: String) -> CertifyError {
        var copy = error
        copy.diagnostics = error.diagnostics.map { $0.file == nil ? $0.inFile(path) : $0 }
        return copy
    }
}

/// A rubric file named on the command line (`compare --with`), read like
/// the catalog reads its own: the safe parser, `rubric.xsd`, the rubric's
/// consistency checks, errors located in the file.
public enum RubricFile {
    public static func load(_ path: String, schemas: Schemas) throws(CertifyError) -> Rubric {
        let file = try InputFile(.file(path), schemas: schemas, expected: [.rubric])
        do { return try Rubric.decode(file.document.root, sha256: file.sha256) } catch { throw file.located(error) }
    }
}
