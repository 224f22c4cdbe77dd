/// What an applicant submits (`urn:certify:dossier:1`), as written: values
/// stay text until they are checked against the rubric.
public struct Dossier: Sendable {
    public var id: String
    public var rubricID: String
    public var rubricVersion: String
    public var applicants: [Applicant]
    public var submitted: String?
    public var evidence: [Evidence]
    public var values: [IndicatorValue]
    public var electives: [ElectiveDeclaration]
    public var kpis: [KPI]
    public var judgments: [Judgment]
    public var location: SourcePosition
    /// SHA-256 (lowercase hex) of the file's bytes.
    public var sha256: String = ""
}

public struct Applicant: Sendable {
    public var id: String
    public var kind: String
    public var role: String?
    public var name: LocalizedText
    public var location: SourcePosition
}

public struct Evidence: Sendable {
    public var id: String
    public var href: String?
    public var sha256: String
    public var title: String
    public var location: SourcePosition
}

public struct IndicatorValue: Sendable {
    public var indicator: String
    /// The text content, trimmed (for sets: empty).
    public var text: String
    /// `<item>` children, for set inputs.
    public var items: [String]
    public var hasItems: Bool
    public var evidence: [String]
    public var location: SourcePosition
}

public struct ElectiveDeclaration: Sendable {
    public var indicator: String
    public var location: SourcePosition
}

public struct KPI: Sendable {
    public enum Direction: String, Sendable, CaseIterable { case higher, lower }
    public var indicator: String
    public var id: String
    public var direction: Direction
    public var target: String
    public var achieved: String
    public var unit: String?
    public var label: String
    public var location: SourcePosition
}

/// A judgment score: self-assessed in a dossier, or a reviewer's.
public struct Judgment: Sendable {
    public var indicator: String
    public var score: String
    public var comment: String
    public var location: SourcePosition
}

extension Judgment {
    /// A `<judgment indicator="…" score="…">comment</judgment>`, of a
    /// dossier (self-assessed) or of a review.
    init(_ element: some ElementNode, _ reader: inout ElementReader) {
        self.init(
            indicator: reader.required(element, "indicator"), score: reader.required(element, "score").trimmingWhitespace,
            comment: element.text.trimmingWhitespace, location: element.location)
    }
}

extension Dossier {
    public static func decode(_ root: some ElementNode) throws(CertifyError) -> Dossier {
        var reader = try ElementReader(root: root, "dossier", in: CertifyNamespace.dossier)
        var dossier = Dossier(
            id: reader.required(root, "id"), rubricID: reader.required(root, "rubric"),
            rubricVersion: reader.required(root, "rubric-version"),
            applicants: [], submitted: nil, evidence: [], values: [], electives: [], kpis: [],
            judgments: [], location: root.location)
        let elements = root.elements
        dossier.values.reserveCapacity(elements.count)  // most of a dossier's elements
        for element in elements {
            switch element.name {
            case "applicant":
                dossier.applicants.append(Applicant(
                    id: reader.required(element, "id"), kind: reader.required(element, "kind"),
                    role: element.attribute("role"), name: reader.localized(element.elements(named: "name")),
                    location: element.location))
            case "submitted":
                dossier.submitted = element.text.trimmingWhitespace
            case "evidence":
                dossier.evidence.append(Evidence(
                    id: reader.required(element, "id"), href: element.attribute("href"),
                    sha256: reader.required(element, "sha256").lowercasedDigest,
                    title: element.text.trimmingWhitespace, location: element.location))
            case "value":
                // Most values are one number or word: their items are looked
                // for only when there is one.
                var items: [String] = []
                if element.element(named: "item") != nil {
                    // A loop, not `map`: generic over the element type, `map`
                    // is not specialised here and costs ten times as much.
                    for item in element.elements(named: "item") { items.append(item.text.trimmingWhitespace) }
                }
                dossier.values.append(IndicatorValue(
                    indicator: reader.required(element, "indicator"), text: element.text.trimmingWhitespace,
                    items: items, hasItems: !items.isEmpty,
                    evidence: element.attribute("evidence")?.xmlListItems ?? [],
                    location: element.location))
            case "elective":
                dossier.electives.append(ElectiveDeclaration(
                    indicator: reader.required(element, "indicator"), location: element.location))
            case "kpi":
                let id = reader.required(element, "id")
                guard let direction: KPI.Direction = reader.enumeration(element, "direction", context: .kpi(id)) else { continue }
                dossier.kpis.append(KPI(
                    indicator: reader.required(element, "indicator"), id: id,
                    direction: direction, target: reader.required(element, "target"),
                    achieved: reader.required(element, "achieved"), unit: element.attribute("unit"),
                    label: element.text.trimmingWhitespace, location: element.location))
            case "judgment":
                dossier.judgments.append(Judgment(element, &reader))
            default:
                reader.unexpected(element)
            }
        }
        return try reader.result(dossier)
    }
}

/// One panel reviewer's sheet (`urn:certify:review:1`).
public struct Review: Sendable {
    public var dossierID: String
    public var reviewer: String
    public var judgments: [Judgment]
    public var kpiDecisions: [KPIDecision]
    public var location: SourcePosition
    /// Where the review came from (for located messages) and its hash.
    public var file: String = ""
    public var sha256: String = ""

    public static func decode(_ root: some ElementNode) throws(CertifyError) -> Review {
        var reader = try ElementReader(root: root, "review", in: CertifyNamespace.review)
        var review = Review(
            dossierID: reader.required(root, "dossier"), reviewer: reader.required(root, "reviewer"),
            judgments: [], kpiDecisions: [], location: root.location)
        for element in root.elements {
            switch element.name {
            case "judgment":
                review.judgments.append(Judgment(element, &reader))
            case "kpi-decision":
                review.kpiDecisions.append(KPIDecision(
                    kpi: reader.required(element, "kpi"),
                    accepted: reader.boolean(element, "accepted", default: true),
                    reason: element.text.trimmingWhitespace, location: element.location))
            default:
                reader.unexpected(element)
            }
        }
        return try reader.result(review)
    }
}

public struct KPIDecision: Sendable {
    public var kpi: String
    public var accepted: Bool
    public var reason: String
    public var location: SourcePosition
}

extension String {
    /// A digest of hexadecimal digits in lowercase, as every digest in
    /// Certify's formats is written; anything else as written, for the
    /// binder to refuse and quote (a lowercase digest, nearly every one, is
    /// returned without a copy).
    var lowercasedDigest: String {
        var text = self
        // One pass over the bytes: all hexadecimal, and any of them A-F.
        let hasUppercaseDigits = text.withUTF8 { bytes in
            var hex = true, upper = false
            for byte in bytes {
                hex = hex && Hex.isDigit(byte)
                upper = upper || (0x41...0x46).contains(byte)
            }
            return hex && upper
        }
        return hasUppercaseDigits ? lowercased() : self
    }
}
