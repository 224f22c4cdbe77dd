import CertifyEngine
import CertifyModel
import CertifyXML

/// What a verified report says, read from the verified tree.
public struct ReportSummary: Sendable {
    public struct Indicator: Sendable, Equatable {
        public var id: String
        public var points: String
        public var status: String
    }

    /// An applicant as the report names it.
    public struct Party: Sendable, Equatable {
        public var id: String
        public var kind: String
        public var role: String?
        /// Its names in document order (Korean, English).
        public var names: [String]
    }

    public var rubricID: String
    public var rubricVersion: String
    public var rubricSHA256: String
    public var dossierID: String
    public var dossierSHA256: String
    public var reviewSHA256s: [String]
    public var applicants: [String]
    public var parties: [Party]
    public var date: CalendarDate?
    public var official: Bool
    public var total: String
    public var max: String
    public var threshold: String
    public var grade: String?
    public var certified: Bool
    public var validFrom: CalendarDate?
    public var validUntil: CalendarDate?
    public var indicators: [Indicator]
    public var signerKeyID: String
    public var signerName: String?
    public var generatedAt: String

    public init(_ root: CertifyXML.XMLElement) {
        func first(_ name: String) -> CertifyXML.XMLElement? { root.element(named: name) }
        let decision = first("decision")
        rubricID = first("rubric")?.attribute("id") ?? ""
        rubricVersion = first("rubric")?.attribute("version") ?? ""
        rubricSHA256 = first("rubric")?.attribute("sha256") ?? ""
        dossierID = first("dossier")?.attribute("id") ?? ""
        dossierSHA256 = first("dossier")?.attribute("sha256") ?? ""
        reviewSHA256s = root.elements(named: "review").compactMap { $0.attribute("sha256") }
        applicants = root.elements(named: "applicant").map { applicant in
            let names = applicant.elements(named: "name").map(\.text).joined(separator: " / ")
            return "\(names) (\(applicant.attribute("id") ?? ""), \(applicant.attribute("kind") ?? "")\(applicant.attribute("role").map { ", " + $0 } ?? ""))"
        }
        parties = root.elements(named: "applicant").map { applicant in
            Party(id: applicant.attribute("id") ?? "", kind: applicant.attribute("kind") ?? "",
                  role: applicant.attribute("role"), names: applicant.elements(named: "name").map(\.text))
        }
        date = decision?.attribute("date").flatMap(CalendarDate.init(iso:))
        official = decision?.attribute("official") == "true"
        total = decision?.attribute("total") ?? ""
        max = decision?.attribute("max") ?? ""
        threshold = decision?.attribute("threshold") ?? ""
        grade = decision?.attribute("grade")
        certified = decision?.attribute("certified") == "true"
        validFrom = decision?.attribute("valid-from").flatMap(CalendarDate.init(iso:))
        validUntil = decision?.attribute("valid-until").flatMap(CalendarDate.init(iso:))
        indicators = root.elements(named: "area").flatMap { $0.elements(named: "indicator") }.map {
            Indicator(id: $0.attribute("id") ?? "", points: $0.attribute("points") ?? "", status: $0.attribute("status") ?? "")
        }
        signerKeyID = first("signer")?.attribute("key-id") ?? ""
        signerName = first("signer")?.element(named: "name")?.text
        generatedAt = first("generated-at")?.text ?? ""
    }

    /// Whether the certificate is in force on `day`.
    public func isCurrent(on day: CalendarDate) -> Bool {
        guard certified, let from = validFrom, let until = validUntil else { return false }
        return from <= day && day <= until
    }

    /// Every way a fresh score of the same inputs disagrees with this report.
    public func disagreements(with result: ScoreResult) -> [Message] {
        var found: [Message] = []
        func check(_ what: String, _ recorded: String, _ now: String) {
            if recorded != now { found.append(.verifyField(field: what, recorded: recorded, now: now)) }
        }
        check("total", total, ReportXML.number(result.total))
        check("grade", grade ?? "", result.grade ?? "")
        check("certified", String(certified), String(result.certified))
        check("valid-from", validFrom?.description ?? "", result.validFrom?.description ?? "")
        check("valid-until", validUntil?.description ?? "", result.validUntil?.description ?? "")
        let fresh = result.areas.flatMap(\.indicators).map {
            Indicator(id: $0.id, points: ReportXML.number($0.points), status: $0.status.rawValue)
        }
        if fresh != indicators {
            for (old, new) in zip(indicators, fresh) where old != new {
                found.append(.verifyIndicator(
                    indicator: new.id, recordedPoints: old.points, recordedStatus: old.status, points: new.points,
                    status: new.status))
            }
            if fresh.count != indicators.count { found.append(.verifyIndicatorCount(report: indicators.count, rubric: fresh.count)) }
        }
        return found
    }
}
