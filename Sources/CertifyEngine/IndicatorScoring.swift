import CertifyModel

/// An indicator's points for one input: exact (clamped to 0…max) and
/// rounded half-up to 2 decimals, the value that counts.
public struct IndicatorPoints: Sendable, Hashable {
    public var exact: Rational
    public var rounded: Rational

    public init(exact: Rational) {
        self.exact = exact
        self.rounded = exact.rounded(places: 2)
    }

    public static let zero = IndicatorPoints(exact: .zero)
}

/// One level a method can reach: its points and the least input reaching it.
public struct MethodLevel: Sendable {
    public var points: IndicatorPoints
    /// The least input with these points: a band's minimum, a listed value,
    /// `true`, the first recognised ids in rubric order, a judgment score.
    public var leastInput: IndicatorInput
}

/// The levels an indicator's method can reach, as a planner sees them.
public enum MethodLevels: Sendable {
    /// Discrete levels in the method's own order (bands and recognised counts
    /// ascending, choices as listed, `false` then `true`, judgment scores
    /// ascending).
    case discrete([MethodLevel])
    /// `max × clamp((v − lo) / (hi − lo), 0, 1)`: every value of the input
    /// from `lo` to `hi` gives points from 0 to `max`, continuously.
    case linear(lo: Rational, hi: Rational, max: Rational)
    /// No level an applicant sets (applicant-proposed KPIs).
    case none
}

extension Scorer {
    /// The points `indicator` scores for `input` under its method, exactly as
    /// `score` counts them (before elective selection and area caps).
    public static func points(of indicator: Indicator, for input: IndicatorInput, in rubric: Rubric) -> IndicatorPoints {
        // The methods planners call most often, without building a trace.
        switch (indicator.method, input) {
        case (.linear(let lo, let hi), .number(let value)):
            return IndicatorPoints(exact: LinearMethod(lo: lo, hi: hi).points(value, max: indicator.max)
                .clamped(to: .zero ... indicator.max))
        case (.bands(let bands), .number(let value)):
            return IndicatorPoints(exact: (band(for: value, in: bands)?.band.points ?? .zero).clamped(to: .zero ... indicator.max))
        default: break
        }
        let context = EvaluationContext(rubric: rubric, official: false, selfAssessed: false)
        return IndicatorPoints(exact: clampedPoints(evaluate(input, for: indicator, in: context), indicator))
    }

    /// Method points clamped to `0…max`: the exact value every result carries.
    static func clampedPoints(_ evaluation: Evaluation, _ indicator: Indicator) -> Rational {
        evaluation.points.clamped(to: .zero ... indicator.max)
    }

    /// The levels `indicator`'s method can reach, each with its points and
    /// least input; for a linear method, its continuous range.
    public static func levels(of indicator: Indicator, in rubric: Rubric) -> MethodLevels {
        func level(_ input: IndicatorInput) -> MethodLevel {
            MethodLevel(points: points(of: indicator, for: input, in: rubric), leastInput: input)
        }
        switch indicator.method {
        case .bands(let bands):
            return .discrete(bands.map { level(.number($0.min)) })
        case .linear(let lo, let hi):
            return .linear(lo: lo, hi: hi, max: indicator.max)
        case .choices(let choices):
            return .discrete(choices.map { level(.choice($0.value)) })
        case .yesNo:
            return .discrete([level(.boolean(false)), level(.boolean(true))])
        case .recognisedCount(let ids, let bands):
            // The least count of each band that the recognised ids can reach.
            var counts: [Int] = []
            for band in bands {
                let least = leastWholeNumber(atLeast: band.min)
                if least <= ids.count, !counts.contains(least) { counts.append(least) }
            }
            return .discrete(counts.map { level(.set(Array(ids.prefix($0)))) })
        case .recognisedEach(let ids, let each):
            // One level per id added, up to the first count that reaches the maximum.
            var result: [MethodLevel] = []
            for count in 0...ids.count {
                result.append(level(.set(Array(ids.prefix(count)))))
                if Rational(count) * each >= indicator.max { break }
            }
            return .discrete(result)
        case .kpiAttainment:
            return .none
        case .judgment:
            guard let panel = rubric.panel else { return .none }
            return .discrete(panel.scoreRange.map { level(.judgments([ReviewerScore(reviewer: nil, score: $0)])) })
        }
    }

    private static func leastWholeNumber(atLeast value: Rational) -> Int {
        value > .zero ? Int(value.roundedUp(places: 0).formatted()) ?? Int.max : 0
    }
}

/// Areas and totals: sums of rounded indicator points, capped per area.
public enum Aggregation {
    /// An area's points: the sum of its indicators' rounded points, capped
    /// at the area maximum.
    public static func areaPoints(_ indicatorPoints: some Sequence<Rational>, max: Rational) -> Rational {
        var sum = Rational.zero
        for points in indicatorPoints { sum += points }
        return min(sum, max)
    }

    /// The total: the sum of the area points.
    public static func total(_ areaPoints: some Sequence<Rational>) -> Rational {
        areaPoints.reduce(.zero, +)
    }

    /// Whether a mandatory indicator with these (rounded, counted) points
    /// and status meets its prerequisite.
    public static func prerequisiteMet(points: Rational, missing: Bool) -> Bool {
        points != .zero && !missing
    }
}
