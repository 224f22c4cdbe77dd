import CertifyEngine
import CertifyModel

/// Dossiers counted together (a rubric's cohort, or its dossiers of one
/// applicant kind): how many, how many certified, how their totals spread.
public protocol DossierSet {
    var dossiers: [DossierOutcome] { get }
}

extension DossierSet {
    public var count: Int { dossiers.count }
    public var certified: Share { Share(dossiers.count { $0.certified }, of: dossiers.count) }
    public var total: Distribution? { Distribution(dossiers.map(\.total)) }
}

/// How an area's or an indicator's points spread over the dossiers.
public protocol PointsSpread {
    var distribution: Distribution? { get }
    var atMax: Share { get }
    var atZero: Share { get }
}

/// The dossiers of one rubric and their statistics. A cohort that mixes
/// rubrics is one `CohortGroup` per rubric, in order of first appearance.
public struct CohortGroup: DossierSet, Sendable {
    /// nil only for a group of invalid dossiers whose rubric is unknown.
    public var rubric: Rubric?
    public var dossiers: [DossierOutcome]
    public var invalid: [InvalidDossier]

    public init(rubric: Rubric?, dossiers: [DossierOutcome] = [], invalid: [InvalidDossier] = []) {
        self.rubric = rubric
        self.dossiers = dossiers
        self.invalid = invalid
    }

    /// The total that certifies: the pass mark, or the lowest certifying grade's minimum.
    public var threshold: Rational? {
        switch rubric?.decision {
        case .grades(let grades, let from)?: grades.first { $0.id == from }?.min
        case .pass(let threshold)?: threshold
        case nil: nil
        }
    }

    /// Dossiers whose total reaches the threshold but that are not
    /// certified (an unmet mandatory indicator or another error finding).
    public var blocked: Share {
        guard let threshold else { return Share(0, of: dossiers.count) }
        return Share(dossiers.count { !$0.certified && $0.total >= threshold }, of: dossiers.count)
    }

    /// The rubric's grades, best first (empty for pass/fail).
    public var gradeIDs: [String] {
        guard case .grades(let grades, _)? = rubric?.decision else { return [] }
        return grades.map(\.id)
    }

    /// Every grade of the rubric with its count (zeros included), best first.
    public func grades(of dossiers: [DossierOutcome]? = nil) -> [(grade: String, count: Int)] {
        let dossiers = dossiers ?? self.dossiers
        return gradeIDs.map { id in (id, dossiers.count { $0.grade == id }) }
    }

    /// The outcomes a chart or matrix shows: grades, or pass and fail.
    public var outcomes: [String] { gradeIDs.isEmpty ? ["pass", "fail"] : gradeIDs }

    public struct AreaStats: PointsSpread, Sendable {
        public var area: Area
        public var distribution: Distribution?
        public var atMax: Share
        public var atZero: Share
    }

    public var areas: [AreaStats] {
        guard let rubric else { return [] }
        return rubric.areas.enumerated().map { index, area in
            let values = dossiers.map { $0.areaPoints[index] }
            return AreaStats(area: area, distribution: Distribution(values),
                             atMax: Share(values.count { $0 >= area.max }, of: values.count),
                             atZero: Share(values.count { $0 == .zero }, of: values.count))
        }
    }

    public struct IndicatorStats: PointsSpread, Sendable {
        public var indicator: Indicator
        public var areaID: String
        public var distribution: Distribution?
        public var atMax: Share
        public var atZero: Share
        /// No value given (status `missing`).
        public var missing: Share
        /// An elective not submitted.
        public var notSelected: Share
        /// Dossiers by points, lowest first: what the per-indicator chart draws.
        public var histogram: [(points: Rational, count: Int)]
    }

    public var indicators: [IndicatorStats] {
        guard let rubric else { return [] }
        var result: [IndicatorStats] = []
        var position = 0
        for area in rubric.areas {
            for indicator in area.indicators {
                let values = dossiers.map { $0.points[position] }
                let statuses = dossiers.map { $0.statuses[position] }
                var counts: [Rational: Int] = [:]
                for value in values { counts[value, default: 0] += 1 }
                result.append(IndicatorStats(
                    indicator: indicator, areaID: area.id, distribution: Distribution(values),
                    atMax: Share(values.count { $0 >= indicator.max }, of: values.count),
                    atZero: Share(values.count { $0 == .zero }, of: values.count),
                    missing: Share(statuses.count { $0 == .missing }, of: values.count),
                    notSelected: Share(statuses.count { $0 == .notSelected }, of: values.count),
                    histogram: counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
                position += 1
            }
        }
        return result
    }

    public struct KindStats: DossierSet, Sendable {
        public var kind: String
        public var dossiers: [DossierOutcome]
    }

    /// By the lead applicant's kind: the rubric's kinds in its order (those
    /// with dossiers), then any other kind met.
    public var kinds: [KindStats] {
        var order = (rubric?.applicantKinds ?? []).filter { kind in dossiers.contains { $0.kind == kind } }
        for dossier in dossiers where !order.contains(dossier.kind) { order.append(dossier.kind) }
        return order.map { kind in KindStats(kind: kind, dossiers: dossiers.filter { $0.kind == kind }) }
    }

    /// The thresholds a histogram of totals draws: each grade's minimum
    /// above zero, or the pass mark.
    public var thresholds: [(label: String, min: Rational)] {
        switch rubric?.decision {
        case .grades(let grades, _)?: grades.filter { $0.min > .zero }.map { ($0.id, $0.min) }
        case .pass(let threshold)?: [("pass", threshold)]
        case nil: []
        }
    }

    /// Totals in bins of a twentieth of the maximum: `[lo, hi)`, the last
    /// bin closed so that a perfect total is counted.
    public var totalHistogram: [(lo: Rational, hi: Rational, count: Int)] {
        guard let rubric, rubric.maxTotal > .zero else { return [] }
        let bins = 20
        let width = rubric.maxTotal / Rational(bins)
        var counts = Array(repeating: 0, count: bins)
        for dossier in dossiers {
            var bin = 0
            while bin < bins - 1 && dossier.total >= width * Rational(bin + 1) { bin += 1 }
            counts[bin] += 1
        }
        return (0..<bins).map { (width * Rational($0), width * Rational($0 + 1), counts[$0]) }
    }
}

/// Sorts scored and invalid dossiers into groups, one per rubric, in the
/// order they are first met. Invalid dossiers join the group of the rubric
/// they name; those whose rubric is unknown join the only group when there
/// is one, else a group of their own (`rubric` nil).
public struct CohortBuilder {
    private var groups: [CohortGroup] = []
    private var orphans: [InvalidDossier] = []

    public init() {}

    private mutating func index(of rubric: Rubric) -> Int {
        if let found = groups.firstIndex(where: { $0.rubric === rubric }) { return found }
        groups.append(CohortGroup(rubric: rubric))
        return groups.count - 1
    }

    public mutating func add(_ outcome: DossierOutcome) {
        groups[index(of: outcome.rubric)].dossiers.append(outcome)
    }

    public mutating func add(_ invalid: InvalidDossier) {
        if let rubric = invalid.rubric { groups[index(of: rubric)].invalid.append(invalid) } else { orphans.append(invalid) }
    }

    /// At least one group: a cohort with no dossiers at all is one empty
    /// group (count 0), not no output.
    public func build() -> [CohortGroup] {
        var groups = self.groups
        if groups.isEmpty { return [CohortGroup(rubric: nil, invalid: orphans)] }
        if orphans.isEmpty { return groups }
        if groups.count == 1 {
            groups[0].invalid += orphans
            return groups
        }
        groups.append(CohortGroup(rubric: nil, invalid: orphans))
        return groups
    }
}
