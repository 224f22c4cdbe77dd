import CertifyEngine
import CertifyModel

/// What scoring the same dossiers under another rubric changes: one
/// `Comparison` per rubric the dossiers name (cohort.md).
public struct Comparison: Sendable {
    public var from: Rubric
    public var to: Rubric
    /// Dossiers scored under both, in input order.
    public var pairs: [(from: DossierOutcome, to: DossierOutcome)]
    /// Dossiers that could not be scored under one rubric or both.
    public var invalid: [InvalidDossier]

    public init(from: Rubric, to: Rubric, pairs: [(from: DossierOutcome, to: DossierOutcome)] = [], invalid: [InvalidDossier] = []) {
        self.from = from
        self.to = to
        self.pairs = pairs
        self.invalid = invalid
    }

    /// Grades when both rubrics grade, else pass/fail for both.
    public var byGrade: Bool { Comparison.grades(from) != nil && Comparison.grades(to) != nil }

    static func grades(_ rubric: Rubric) -> [String]? {
        guard case .grades(let grades, _) = rubric.decision else { return nil }
        return grades.map(\.id)
    }

    public func outcome(_ dossier: DossierOutcome) -> String {
        byGrade ? (dossier.grade ?? "") : (dossier.certified ? "pass" : "fail")
    }

    public var fromOutcomes: [String] { byGrade ? Comparison.grades(from)! : ["pass", "fail"] }
    public var toOutcomes: [String] { byGrade ? Comparison.grades(to)! : ["pass", "fail"] }

    public struct Transition: Sendable, Equatable {
        public var from: String
        public var to: String
        public var count: Int
    }

    /// Every (old outcome, new outcome) pair, unchanged and empty ones
    /// included, old outcomes first in rubric order.
    public var transitions: [Transition] {
        var counts: [String: Int] = [:]
        for (old, new) in pairs { counts[outcome(old) + "\u{0}" + outcome(new), default: 0] += 1 }
        return fromOutcomes.flatMap { old in
            toOutcomes.map { new in Transition(from: old, to: new, count: counts[old + "\u{0}" + new] ?? 0) }
        }
    }

    public struct IndicatorDelta: Sendable, Equatable {
        public var id: String
        public var from: Rational?
        public var to: Rational?
        public var delta: Rational
    }

    public struct Change: Sendable {
        public var from: DossierOutcome
        public var to: DossierOutcome
        /// Indicators whose points moved, largest move first (ties in rubric order).
        public var indicators: [IndicatorDelta]
        public var id: String { from.id }
    }

    /// Every dossier whose grade (or pass/fail) or certification changes.
    public var changes: [Change] {
        pairs.filter { outcome($0.from) != outcome($0.to) || $0.from.certified != $0.to.certified }
            .map { Change(from: $0.from, to: $0.to, indicators: deltas($0.from, $0.to)) }
    }

    /// Points that moved, by indicator id over both rubrics (an indicator
    /// in one only counts as 0 in the other).
    public func deltas(_ old: DossierOutcome, _ new: DossierOutcome) -> [IndicatorDelta] {
        var result: [IndicatorDelta] = []
        for (position, indicator) in from.indicators.enumerated() {
            let before = old.points[position]
            let after = Comparison.position(of: indicator.id, in: to).map { new.points[$0] }
            let delta = (after ?? .zero) - before
            if delta != .zero { result.append(IndicatorDelta(id: indicator.id, from: before, to: after, delta: delta)) }
        }
        for (position, indicator) in to.indicators.enumerated() where from.indicator(indicator.id) == nil {
            let after = new.points[position]
            if after != .zero { result.append(IndicatorDelta(id: indicator.id, from: nil, to: after, delta: after)) }
        }
        // Stable: equal moves keep rubric order.
        return result.enumerated().sorted { a, b in
            let (x, y) = (magnitude(a.element.delta), magnitude(b.element.delta))
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    static func position(of id: String, in rubric: Rubric) -> Int? {
        var hint = 0
        return rubric.position(of: id, hint: &hint)
    }

    private func magnitude(_ value: Rational) -> Rational { value.isNegative ? -value : value }

    public struct IndicatorMean: Sendable {
        public var indicator: Indicator
        public var meanFrom: Rational
        public var meanTo: Rational
        public var meanDelta: Rational { meanTo - meanFrom }
    }

    /// Mean points of each shared indicator under both rubrics, over the
    /// dossiers scored under both (from-rubric order).
    public var indicatorMeans: [IndicatorMean] {
        guard !pairs.isEmpty else { return [] }
        let count = Rational(pairs.count)
        return from.indicators.enumerated().compactMap { position, indicator in
            guard let target = Comparison.position(of: indicator.id, in: to) else { return nil }
            let before = pairs.reduce(Rational.zero) { $0 + $1.from.points[position] }
            let after = pairs.reduce(Rational.zero) { $0 + $1.to.points[target] }
            return IndicatorMean(indicator: to.indicators[target], meanFrom: before / count, meanTo: after / count)
        }
    }

    public var onlyInFrom: [Indicator] { from.indicators.filter { to.indicator($0.id) == nil } }
    public var onlyInTo: [Indicator] { to.indicators.filter { from.indicator($0.id) == nil } }

    public var totalFrom: Distribution? { Distribution(pairs.map(\.from.total)) }
    public var totalTo: Distribution? { Distribution(pairs.map(\.to.total)) }
    public var certifiedFrom: Share { Share(pairs.count { $0.from.certified }, of: pairs.count) }
    public var certifiedTo: Share { Share(pairs.count { $0.to.certified }, of: pairs.count) }

    /// Whether the two rubrics can be compared: the same id, or at least
    /// one indicator id in common.
    public static func comparable(_ a: Rubric, _ b: Rubric) -> Bool {
        a.id == b.id || a.indicators.contains { b.indicator($0.id) != nil }
    }
}
