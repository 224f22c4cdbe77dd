import Foundation

/// A certification rubric, as loaded from `Rubrics/*.xml`. Plain values:
/// what it means to score against it lives in `CertifyEngine`. Immutable and
/// shared: every result scored against it refers to the same instance.
public final class Rubric: Sendable {
    public let id: String
    public let version: String
    public let title: LocalizedText
    public let applicantKinds: [String]
    public let applicantRoles: [String]
    /// Whether a dossier may name several applicants (joint application).
    public let jointApplicants: Bool
    public let decision: DecisionRule
    public let validityYears: Int
    public let panel: PanelRule?
    public let electiveGroups: [ElectiveGroup]
    public let areas: [Area]
    /// SHA-256 (lowercase hex) of the rubric file, given by whoever loaded it.
    public let sha256: String

    /// Every indicator in rubric order, and an index by id: computed once
    /// when the rubric is made, not for every dossier scored.
    public let indicators: [Indicator]
    private let positions: [String: Int]
    /// The indicators' ids in rubric order (`position(of:hint:)` reads them
    /// without touching the shared indicator objects).
    private let ids: [String]
    /// The same ids as words (`ShortID`), when a rubric has few enough
    /// indicators that comparing words beats hashing the id.
    private let shortIDs: [ShortID]?
    /// The sum of the area maxima.
    public let maxTotal: Rational
    private let derivedValues = DerivedValues()

    public init(
        id: String, version: String, title: LocalizedText, applicantKinds: [String], applicantRoles: [String],
        jointApplicants: Bool, decision: DecisionRule, validityYears: Int, panel: PanelRule?,
        electiveGroups: [ElectiveGroup], areas: [Area], sha256: String = ""
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.applicantKinds = applicantKinds
        self.applicantRoles = applicantRoles
        self.jointApplicants = jointApplicants
        self.decision = decision
        self.validityYears = validityYears
        self.panel = panel
        self.electiveGroups = electiveGroups
        self.areas = areas
        self.sha256 = sha256
        indicators = areas.flatMap(\.indicators)
        ids = indicators.map(\.id)
        shortIDs = ids.count <= ShortID.scanLimit ? ids.map { ShortID($0) ?? .none } : nil
        // First definition wins; duplicates are reported by the rubric check.
        positions = Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        maxTotal = areas.reduce(.zero) { $0 + $1.max }
    }

    public func indicator(_ id: String) -> Indicator? {
        lookUp(id).map { indicators[$0] }
    }

    /// The position in `indicators` of the indicator `id`. Dossiers mostly
    /// list indicators in rubric order, so `hint` (the position after the
    /// last one found) is tried before the index.
    public func position(of id: String, hint: inout Int) -> Int? {
        let found = hint < ids.count && Self.sameBytes(ids[hint], id) ? hint : lookUp(id)
        if let found { hint = found + 1 }
        return found
    }

    /// The first indicator whose id has the bytes of `id` (not merely
    /// Unicode's canonical equivalence, which `String`'s `==` and the index
    /// go by: `\u{212A}1`, with a Kelvin sign, is not `K1`). By comparing
    /// words when the rubric and the id are short (a dossier's ids are
    /// looked up one by one, and hashing a string costs more than a
    /// rubric's worth of word comparisons), else by the index.
    private func lookUp(_ id: String) -> Int? {
        if let shortIDs, let short = ShortID(id) {
            for index in shortIDs.indices where shortIDs[index] == short { return index }
            return nil
        }
        guard let found = positions[id], Self.sameBytes(ids[found], id) else { return nil }
        return found
    }

    /// Equal and of the same length in UTF-8: the same bytes (the ids of a
    /// rubric are ASCII, and what is canonically equivalent to ASCII
    /// without being it is longer).
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        a == b && a.utf8.count == b.utf8.count
    }

    /// A value other modules derive from this rubric alone (such as the
    /// JSON encoding of its labels and maxima), made on first use and kept as long as the rubric: one
    /// value per type, an object shared by every caller. `make` must not call
    /// `derived` on the same rubric.
    public func derived<Value: AnyObject & Sendable>(_ type: Value.Type, make: (Rubric) -> Value) -> Value {
        derivedValues.value(type) { make(self) }
    }

    public func electiveGroup(_ id: String) -> ElectiveGroup? {
        electiveGroups.first { $0.id == id }
    }
}

public struct Area: Sendable {
    public var id: String
    public var label: LocalizedText
    public var max: Rational
    public var indicators: [Indicator]
}

/// One indicator of a rubric. Immutable, and shared rather than copied:
/// every result of every dossier scored refers to its indicator.
public final class Indicator: Sendable {
    public let id: String
    public let label: LocalizedText
    public let description: LocalizedText
    public let input: InputKind
    public let max: Rational
    public let mandatory: Bool
    /// The elective group this indicator belongs to, if it is an elective.
    public let electiveGroup: String?
    public let method: ScoringMethod
    /// Whether the applicant can change the input (`actionable="false"`
    /// marks a fact such as population): the planner leaves it as it is.
    public let actionable: Bool
    public let location: SourcePosition

    public init(
        id: String, label: LocalizedText, description: LocalizedText, input: InputKind, max: Rational,
        mandatory: Bool, electiveGroup: String?, method: ScoringMethod, actionable: Bool = true,
        location: SourcePosition = .unknown
    ) {
        self.id = id
        self.label = label
        self.description = description
        self.input = input
        self.max = max
        self.mandatory = mandatory
        self.electiveGroup = electiveGroup
        self.method = method
        self.actionable = actionable
        self.location = location
    }
}

/// What a dossier gives for an indicator.
public enum InputKind: String, Sendable, CaseIterable {
    /// A non-negative integer.
    case count
    /// A decimal number.
    case decimal
    /// A decimal number from 0 to 100.
    case percent
    /// `true` or `false`.
    case boolean
    /// One of the rubric's listed values.
    case `enum`
    /// A set of ids (`<item>` children).
    case set
    /// Applicant-proposed KPIs (`<kpi>` elements).
    case kpis
    /// Panel scores (reviews), or a self-assessed score in the dossier.
    case judgment
}

public struct Band: Sendable, Hashable {
    public var min: Rational
    public var points: Rational
}

public struct Choice: Sendable, Hashable {
    public var value: String
    public var points: Rational
    /// The value in words (`<label>`s of the choice), empty when the rubric gives none.
    public var label = LocalizedText()
}

/// How an indicator's points are computed. Each case is evaluated by its
/// own type in `CertifyEngine`.
public enum ScoringMethod: Sendable {
    /// Half-open bands `[min, next min)`; the last band is open-ended.
    case bands([Band])
    /// `max × clamp((v − lo) / (hi − lo), 0, 1)`.
    case linear(lo: Rational, hi: Rational)
    /// A listed value maps to points.
    case choices([Choice])
    /// `true` and `false` map to points.
    case yesNo(yes: Rational, no: Rational)
    /// The number of distinct recognised ids, scored by bands.
    case recognisedCount(recognised: [String], bands: [Band])
    /// Points for each distinct recognised id, capped at the maximum.
    case recognisedEach(recognised: [String], points: Rational)
    /// Mean KPI attainment `m`: `max × clamp((m − zeroAt) / (fullAt − zeroAt), 0, 1)`.
    case kpiAttainment(zeroAt: Rational, fullAt: Rational)
    /// Panel judgment, aggregated by the rubric's `PanelRule`.
    case judgment

    public var name: String {
        switch self {
        case .bands: "bands"
        case .linear: "linear"
        case .choices: "choices"
        case .yesNo: "yes-no"
        case .recognisedCount: "recognised-count"
        case .recognisedEach: "recognised-each"
        case .kpiAttainment: "kpi-attainment"
        case .judgment: "judgment"
        }
    }
}

/// Electives: "choose k of n".
public struct ElectiveGroup: Sendable {
    public var id: String
    public var choose: Int
    public var label: LocalizedText
}

/// How panel scores become points.
public struct PanelRule: Sendable {
    public var minScore: Int
    public var maxScore: Int
    /// With at least this many scores, drop one highest and one lowest.
    public var trimFrom: Int?
    /// Official scoring needs at least this many reviewers per indicator.
    public var officialMinimum: Int

    /// The scores a reviewer (or a self-assessment) may give.
    public var scoreRange: ClosedRange<Int> { minScore...maxScore }

    /// Whether `text` is a whole number within `scoreRange`: the one check
    /// of a judgment score, for dossiers and reviews alike.
    public func admits(_ text: String) -> Int? {
        guard let score = Int(text), scoreRange.contains(score) else { return nil }
        return score
    }
}

/// How a total becomes a decision.
public enum DecisionRule: Sendable {
    /// Letter grades by minimum total, best first; certified at
    /// `certifiedFrom` or better.
    case grades([Grade], certifiedFrom: String)
    /// Pass/fail at a threshold.
    case pass(threshold: Rational)

    /// The least total that can be certified: the pass mark, or the minimum
    /// of the certified-from grade. Defined here once for every reader.
    public var certifyingThreshold: Rational {
        switch self {
        case .pass(let threshold): threshold
        case .grades(let grades, let from): grades.first { $0.id == from }?.min ?? .zero
        }
    }
}

public struct Grade: Sendable, Hashable {
    public var id: String
    public var min: Rational
}

/// The store behind `Rubric.derived`: written once per type, read by every
/// dossier scored, from any thread.
private final class DerivedValues: @unchecked Sendable {
    // @unchecked: `values` is only touched with `lock` held.
    private let lock = NSLock()
    private var values: [ObjectIdentifier: AnyObject] = [:]

    func value<Value: AnyObject & Sendable>(_ type: Value.Type, make: () -> Value) -> Value {
        let key = ObjectIdentifier(Value.self)  // the static type, whatever metatype is passed
        // Every request of the server reads a value here from several
        // threads at once: the lock covers the lookup alone. The value under
        // a type's key is always of that type (this method alone stores it),
        // so no dynamic cast is needed to read it back.
        lock.lock()
        let found = values[key]
        lock.unlock()
        if let found { return unsafeDowncast(found, to: Value.self) }
        lock.lock()
        defer { lock.unlock() }
        if let found = values[key] { return unsafeDowncast(found, to: Value.self) }
        let value = make()
        values[key] = value
        return value
    }
}

/// An id of at most 16 bytes of UTF-8 as two words and its length (the
/// length tells `K1` from `K1` followed by NUL). Two ids are equal exactly
/// when their `ShortID`s are: the bytes, not Unicode's canonical
/// equivalence, as an id is compared everywhere else (`Ident` is ASCII).
struct ShortID: Equatable {
    /// Above this many indicators a rubric looks ids up by hash.
    static let scanLimit = 64
    /// What a rubric holds for a longer id: equal to no short one.
    static let none = ShortID(head: 0, tail: 0, count: -1)

    private let head: UInt64, tail: UInt64, count: Int

    private init(head: UInt64, tail: UInt64, count: Int) {
        (self.head, self.tail, self.count) = (head, tail, count)
    }

    init?(_ id: String) {
        guard let short = id.utf8.withContiguousStorageIfAvailable({ bytes -> ShortID? in
            guard bytes.count <= 16 else { return nil }
            var words: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
            return ShortID(head: words.0, tail: words.1, count: bytes.count)
        }) else {
            // Not stored as UTF-8 (a bridged string): a copy that is.
            var copy = id
            copy.makeContiguousUTF8()
            guard copy.utf8.count <= 16 else { return nil }
            self.init(copy)
            return
        }
        guard let short else { return nil }
        self = short
    }
}
