import CertifyModel

/// The outcome of scoring one dossier, with a complete trace: every
/// indicator carries its input as given and the rule that gave its points.
public struct ScoreResult: Sendable {
    public var rubric: Rubric
    public var dossier: Dossier
    public var reviews: [ReviewReference]
    public var decisionDate: CalendarDate
    public var official: Bool
    public var total: Rational
    public var max: Rational
    public var grade: String?
    public var certified: Bool
    public var validFrom: CalendarDate?
    public var validUntil: CalendarDate?
    public var areas: [AreaResult]
    public var findings: [Finding]

    /// The threshold a reader compares the total with: the pass mark, or the
    /// minimum of the lowest certifying grade.
    public var threshold: Rational { rubric.decision.certifyingThreshold }
}

public struct ReviewReference: Sendable {
    public var reviewer: String
    public var sha256: String
}

public struct AreaResult: Sendable {
    public var id: String
    public var label: LocalizedText
    /// Sum of the rounded indicator points, capped at `max`.
    public var points: Rational
    public var max: Rational
    public var indicators: [IndicatorResult]
}

/// One indicator's outcome. Immutable and shared by reference: a result
/// is read many times (areas, electives, renderers) and never copied.
public final class IndicatorResult: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case scored, missing, notSelected = "not-selected", selfAssessed = "self-assessed"
    }

    /// The indicator scored: its id, label, maximum and role.
    public let indicator: Indicator
    /// Rounded half-up to 2 decimals.
    public let points: Rational
    /// Before rounding.
    public let exactPoints: Rational
    public let status: Status
    /// The input as given (`nil` when none was given).
    public let input: GivenInput?
    /// The rule that produced the points (a catalog message: its words in
    /// either language, its numbers and formula the same in both).
    public let rule: Message
    /// The position of `rule` among the indicator's `FixedRules`, when it
    /// is one of them.
    public let fixedRule: Int?
    public let evidence: [Evidence]
    public let panel: PanelTrace?
    public let kpis: [KPITrace]

    public init(
        indicator: Indicator, points: Rational, exactPoints: Rational, status: Status, input: GivenInput?,
        rule: Message, fixedRule: Int? = nil, evidence: [Evidence], panel: PanelTrace?, kpis: [KPITrace]
    ) {
        self.indicator = indicator
        self.points = points
        self.exactPoints = exactPoints
        self.status = status
        self.input = input
        self.rule = rule
        self.fixedRule = fixedRule
        self.evidence = evidence
        self.panel = panel
        self.kpis = kpis
    }

    /// This result for an elective that was not selected: it scores 0.
    func notSelected() -> IndicatorResult {
        IndicatorResult(
            indicator: indicator, points: .zero, exactPoints: .zero, status: .notSelected, input: input,
            rule: .ruleElectiveNotSelected, fixedRule: FixedRules.notSelected(of: indicator),
            evidence: evidence, panel: panel, kpis: kpis)
    }

    public var id: String { indicator.id }
    public var label: LocalizedText { indicator.label }
    public var max: Rational { indicator.max }
    public var mandatory: Bool { indicator.mandatory }
    public var electiveGroup: String? { indicator.electiveGroup }
}

public struct PanelTrace: Sendable {
    public var scores: [ReviewerScore]
    /// The highest and lowest score dropped by the trimmed mean, if any.
    public var dropped: [Int]
    public var mean: Rational
    public var selfAssessed: Bool
}

/// A KPI as scored: the input as bound and its attainment (capped at 1).
/// The input's fields read through (`trace.id`, `trace.accepted`).
@dynamicMemberLookup
public struct KPITrace: Sendable {
    public var kpi: KPIInput
    public var attainment: Rational

    @inlinable
    public subscript<Value>(dynamicMember path: KeyPath<KPIInput, Value>) -> Value { kpi[keyPath: path] }
}

/// Something a reviewer or applicant should know, and what to do about it.
public struct Finding: Sendable, Equatable {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case error, warning, info
        var rank: Int { switch self { case .error: 0; case .warning: 1; case .info: 2 } }
        /// Every severity, most severe first.
        static let ranked = allCases.sorted()
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var indicator: String?
    /// What to know, from the catalog; renderers choose the language.
    public var message: Message

    public init(_ severity: Severity, indicator: String?, message: Message) {
        self.severity = severity
        self.indicator = indicator
        self.message = message
    }

    /// The stable code of the message (JSON `code`).
    public var code: Message.Code { message.code }
}

/// An input as the applicant wrote it: their own text, or (for KPIs) their
/// numbers put in words of the catalog.
///
/// `words` is boxed (`indirect`): KPIs are the only inputs put in words, and
/// a box keeps every input the size of a string (17 bytes, not a message's
/// 146), which each bound input and indicator result copies.
public enum GivenInput: Sendable, Hashable {
    case text(String)
    indirect case words(Message)

    public func text(_ language: Language) -> String {
        switch self {
        case .text(let text): text
        case .words(let message): message.text(language)
        }
    }

    /// Whether the text is the same in every language.
    public var isVerbatim: Bool {
        if case .text = self { return true }
        return false
    }
}
