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

    @usableFromInline
    init(id: String, rubricID: String, rubricVersion: String, applicants: [Applicant], submitted: String?, evidence: [Evidence], values: [IndicatorValue], electives: [ElectiveDeclaration], kpis: [KPI], judgments: [Judgment], location: SourcePosition, sha256: String = "") {
        self.id = id
        self.rubricID = rubricID
        self.rubricVersion = rubricVersion
        self.applicants = applicants
        self.submitted = submitted
        self.evidence = evidence
        self.values = values
        self.electives = electives
        self.kpis = kpis
        self.judgments = judgments
        self.location = location
        self.sha256 = sha256
    }
}

public struct Applicant: Sendable {
    public var id: String
    public var kind: String
    public var role: String?
    public var name: LocalizedText
    public var location: SourcePosition

    @usableFromInline
    init(id: String, kind: String, role: String?, name: LocalizedText, location: SourcePosition) {
        self.id = id
        self.kind = kind
        self.role = role
        self.name = name
        self.location = location
    }
}

public struct Evidence: Sendable {
    public var id: String
    public var href: String?
    public var sha256: String
    public var title: String
    public var location: SourcePosition

    @usableFromInline
    init(id: String, href: String?, sha256: String, title: String, location: SourcePosition) {
        self.id = id
        self.href = href
        self.sha256 = sha256
        self.title = title
        self.location = location
    }
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

    @usableFromInline
    init(indicator: String, text: String, items: [String], hasItems: Bool, evidence: [String], location: SourcePosition) {
        self.indicator = indicator
        self.text = text
        self.items = items
        self.hasItems = hasItems
        self.evidence = evidence
        self.location = location
    }
}

public struct ElectiveDeclaration: Sendable {
    public var indicator: String
    public var location: SourcePosition

    @usableFromInline
    init(indicator: String, location: SourcePosition) {
        self.indicator = indicator
        self.location = location
    }
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

    @usableFromInline
    init(indicator: String, id: String, direction: Direction, target: String, achieved: String, unit: String?, label: String, location: SourcePosition) {
        self.indicator = indicator
        self.id = id
        self.direction = direction
        self.target = target
        self.achieved = achieved
        self.unit = unit
        self.label = label
        self.location = location
    }
}

/// A judgment score: self-assessed in a dossier, or a reviewer's.
public struct Judgment: Sendable {
    public var indicator: String
    public var score: String
    public var comment: String
    public var location: SourcePosition

    @usableFromInline
    init(indicator: String, score: String, comment: String, location: SourcePosition) {
        self.indicator = indicator
        self.score = score
        self.comment = comment
        self.location = location
    }
}

extension Judgment {
    /// A `<judgment indicator="…" score="…">comment</judgment>`, of a
    /// dossier (self-assessed) or of a review.
    @inlinable
    init(_ element: some ElementNode, _ reader: inout ElementReader) {
        self.init(
            indicator: reader.required(element, "indicator"), score: reader.required(element, "score").trimmingWhitespace,
            comment: element.text.trimmingWhitespace, location: element.location)
    }
}

extension Dossier {
    /// Inlinable, so that it is specialised for the caller's element type
    /// (CertifyXML's view of the libxml2 tree): unspecialised, every
    /// element and attribute read went through generic witnesses.
    @inlinable
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
            switch DossierChild(element) {
            case .applicant:
                dossier.applicants.append(Applicant(
                    id: reader.required(element, "id"), kind: reader.required(element, "kind"),
                    role: element.attribute("role"), name: reader.localized(element.elements(named: "name")),
                    location: element.location))
            case .submitted:
                dossier.submitted = element.text.trimmingWhitespace
            case .evidence:
                dossier.evidence.append(Evidence(
                    id: reader.required(element, "id"), href: element.attribute("href"),
                    sha256: reader.required(element, "sha256").lowercasedDigest,
                    title: element.text.trimmingWhitespace, location: element.location))
            case .value:
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
            case .elective:
                dossier.electives.append(ElectiveDeclaration(
                    indicator: reader.required(element, "indicator"), location: element.location))
            case .kpi:
                let id = reader.required(element, "id")
                guard let direction: KPI.Direction = reader.enumeration(element, "direction", context: .kpi(id)) else { continue }
                dossier.kpis.append(KPI(
                    indicator: reader.required(element, "indicator"), id: id,
                    direction: direction, target: reader.required(element, "target"),
                    achieved: reader.required(element, "achieved"), unit: element.attribute("unit"),
                    label: element.text.trimmingWhitespace, location: element.location))
            case .judgment:
                dossier.judgments.append(Judgment(element, &reader))
            case nil:
                reader.unexpected(element)
            }
        }
        return try reader.result(dossier)
    }
}

/// The children a dossier may have, told apart by name where it is (no
/// string made for each element), the most frequent first.
@usableFromInline
enum DossierChild {
    case value, judgment, kpi, elective, evidence, applicant, submitted

    @inlinable
    init?(_ element: some ElementNode) {
        if element.hasName("value") { self = .value }
        else if element.hasName("judgment") { self = .judgment }
        else if element.hasName("kpi") { self = .kpi }
        else if element.hasName("elective") { self = .elective }
        else if element.hasName("evidence") { self = .evidence }
        else if element.hasName("applicant") { self = .applicant }
        else if element.hasName("submitted") { self = .submitted }
        else { return nil }
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
            switch ReviewChild(element) {
            case .judgment:
                review.judgments.append(Judgment(element, &reader))
            case .kpiDecision:
                review.kpiDecisions.append(KPIDecision(
                    kpi: reader.required(element, "kpi"),
                    accepted: reader.boolean(element, "accepted", default: true),
                    reason: element.text.trimmingWhitespace, location: element.location))
            case nil:
                reader.unexpected(element)
            }
        }
        return try reader.result(review)
    }
}

/// The children a review may have, told apart by name where it is.
enum ReviewChild {
    case judgment, kpiDecision

    init?(_ element: some ElementNode) {
        if element.hasName("judgment") { self = .judgment }
        else if element.hasName("kpi-decision") { self = .kpiDecision }
        else { return nil }
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
    @inlinable
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
