import CertifyCohort
import CertifyEngine
import CertifyModel
import CertifyRuntime
import CertifyTestSupport
import Foundation

enum Shared {
    static let certifier: Certifier = try! Certifier(rubricsDirectory: Paths.rubrics, schemas: .shipped())
    static let date = CalendarDate(iso: "2026-03-02")!
    static let scorer = CohortScorer(certifier: certifier, reviewsDirectory: nil, options: ScoringOptions(date: date))
}

/// A city dossier: `values` as (indicator, value), then declared electives.
func cityDossier(_ id: String, kind: String = "city", nameKo: String? = nil, _ values: [(String, String)],
                 electives: [String] = []) -> String {
    let name = nameKo ?? "\(id)시"
    let escaped = name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: "\"", with: "&quot;")
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <dossier xmlns="urn:certify:dossier:1" id="\(id)" rubric="kr-smart-city" rubric-version="1.0">
          <applicant id="KR-\(id)" kind="\(kind)"><name xml:lang="ko">\(escaped)</name><name xml:lang="en">\(id) Town</name></applicant>
        \(values.map { "  <value indicator=\"\($0.0)\">\($0.1)</value>" }.joined(separator: "\n"))
        \(electives.map { "  <elective indicator=\"\($0)\"/>" }.joined(separator: "\n"))
        </dossier>
        """
}

func dec(_ text: String) -> Rational { Rational(decimal: text)! }

/// Hand-scored city dossiers (rubric kr-smart-city 1.0 and the draft 1.1
/// in Samples/calibration), points worked out in the comments.
enum Hand {
    /// 1.0: INN 10+10+10, GOV 10+10+5+5, SVC 8×5 = 100 (A).
    /// 1.1: INN 10+10+10, GOV 10+10+5 (+0: GOV-5 new, GOV-3 gone), SVC 8×5 = 95 (A).
    static let top: [(String, String)] = [
        ("INN-1", "12"), ("INN-2", "5"), ("INN-3", "60"), ("GOV-1", "14"), ("GOV-2", "approved"), ("GOV-3", "3"),
        ("GOV-4", "true"), ("SVC-TRA", "5"), ("SVC-SAF", "5"), ("SVC-ENE", "5"), ("SVC-ENV", "5"), ("SVC-WEL", "5"),
    ]
    static let topElectives = ["SVC-ENE", "SVC-ENV", "SVC-WEL"]
    /// 1.0: INN 10+10+10, GOV 3+10+0+5, SVC 8+4 = 60 (C, certified).
    /// 1.1: INN 9+10+8.33 (50/60 of 10), GOV 3+10+5+0, SVC 6+3 = 54.33 (D, not certified).
    static let edge: [(String, String)] = [
        ("INN-1", "10"), ("INN-2", "4"), ("INN-3", "50"), ("GOV-1", "1"), ("GOV-2", "approved"), ("GOV-4", "true"),
        ("SVC-TRA", "4"), ("SVC-SAF", "1"),
    ]
    /// 1.0: 8+8 = 16 (E). 1.1: service bands 1→3, 2→6, 5→8, so 4 → 6: 6+6 = 12 (E).
    static let low: [(String, String)] = [("SVC-TRA", "4"), ("SVC-SAF", "4")]
    /// 1.0: 4, safety missing (E, not certified). 1.1: 3 (E).
    static let noSafety: [(String, String)] = [("SVC-TRA", "1")]
}
