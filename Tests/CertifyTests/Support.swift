import CertifyEngine
import CertifyModel
import CertifyRuntime
import CertifyTestSupport
import Foundation
import Testing

extension Paths {
    /// This target's fixtures (the fictional rubrics are `Paths.fixtureRubrics`).
    static let fixtures = file("Tests/CertifyTests/Fixtures")
}

/// Certifiers are expensive to build (schemas, rubrics): build them once.
enum Shared {
    static let shipped: Certifier = try! Certifier(rubricsDirectory: Paths.rubrics, schemas: .shipped())
    static let fictional: Certifier = try! Certifier(rubricsDirectory: Paths.fixtureRubrics, schemas: .shipped())
    static let date = CalendarDate(iso: "2026-03-02")!
}

/// A dossier document around `body` (values, electives, KPIs, judgments).
func dossierXML(
    id: String = "TEST-1", rubric: String = "kr-smart-city", version: String = "1.0",
    applicants: String = #"<applicant id="A1" kind="city"><name xml:lang="en">Testville</name></applicant>"#,
    _ body: String
) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <dossier xmlns="urn:certify:dossier:1" id="\(id)" rubric="\(rubric)" rubric-version="\(version)">
      \(applicants)
      \(body)
    </dossier>
    """
}

func reviewXML(dossier: String = "TEST-1", reviewer: String, _ body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <review xmlns="urn:certify:review:1" dossier="\(dossier)" reviewer="\(reviewer)">
      \(body)
    </review>
    """
}

/// Scores XML text in-process, from bytes, through the same path the CLI uses.
func score(
    _ dossier: String, reviews: [String] = [], with certifier: Certifier = Shared.shipped,
    official: Bool = false, date: CalendarDate = Shared.date
) throws -> ScoreResult {
    try certifier.score(
        dossier: .bytes(Array(dossier.utf8), name: "dossier.xml"),
        reviews: reviews.enumerated().map { .bytes(Array($0.element.utf8), name: "review-\($0.offset).xml") },
        options: ScoringOptions(date: date, official: official))
}

/// The diagnostics a dossier gets, rendered (file names stripped).
func problems(_ dossier: String, reviews: [String] = [], with certifier: Certifier = Shared.shipped) -> [String] {
    do {
        _ = try score(dossier, reviews: reviews, with: certifier)
        return []
    } catch let error as CertifyError {
        return error.diagnostics.map { "\($0.position.line):\($0.position.column): \($0.message)" }
    } catch {
        return ["unexpected \(error)"]
    }
}

extension ScoreResult {
    func indicator(_ id: String) -> IndicatorResult {
        areas.flatMap(\.indicators).first { $0.id == id }!
    }

    func findings(about id: String?) -> [Finding] { findings.filter { $0.indicator == id } }
}

/// Decimal literal helper for expectations.
func dec(_ text: String) -> Rational { Rational(decimal: text)! }
