import CertifyEngine
import CertifyModel

/// Points in integer hundredths: indicator points are rounded to 2 decimals,
/// so every sum the planner forms is exact in `Int`.
func hundredths(_ points: Rational) -> Int {
    guard let value = (points * Rational(100)).intValue else {
        preconditionFailure("points \(points) are not rounded to 2 decimals")
    }
    return value
}

func fromHundredths(_ value: Int) -> Rational { Rational(value) / Rational(100) }

/// A level an indicator can be raised to, with the least input reaching it.
struct RaiseLevel {
    /// Rounded points, in hundredths.
    var points: Int
    /// Levels climbed from the current input.
    var steps: Int
    var input: IndicatorInput
    var added: [String]

    init(points: Int, steps: Int, input: IndicatorInput, added: [String]) {
        self.points = points
        self.steps = steps
        self.input = input
        self.added = added
    }

    /// The input as a dossier writes it (made when a plan is printed, not
    /// for each of the thousands of levels a linear method may have).
    var asGiven: String { LevelBuilder.written(input) }
    var shown: PlanInput {
        if case .set(let items) = input { return .items(items) }
        return .value(asGiven)
    }
}

/// What the planner may do with one indicator.
struct IndicatorOptions {
    var position: Int
    var indicator: Indicator
    var current: BoundInput?
    /// The current input's rounded points (hundredths), as if it counted.
    var raw: Int
    /// Whether the plan may change it.
    var changeable: Bool
    /// Raises, by ascending points (empty when not changeable).
    var raises: [RaiseLevel]
    /// Why it cannot be changed.
    var fixedBecause: Message.PlanFixed?
}

enum LevelBuilder {
    static func options(
        position: Int, rubric: Rubric, submission: Submission, judgments: Bool
    ) -> IndicatorOptions {
        let indicator = rubric.indicators[position]
        let current = submission.inputs[position]
        let raw = current.map { hundredths(Scorer.points(of: indicator, for: $0.value, in: rubric).rounded) } ?? 0
        var result = IndicatorOptions(
            position: position, indicator: indicator, current: current, raw: raw, changeable: false, raises: [],
            fixedBecause: nil)
        if !indicator.actionable {
            result.fixedBecause = .notActionable
            return result
        }
        switch indicator.input {
        case .kpis:
            result.fixedBecause = .kpiFacts
            return result
        case .judgment where !(judgments && submission.selfAssessed):
            result.fixedBecause = .judgmentsPanel(selfAssessed: submission.selfAssessed)
            return result
        default: break
        }
        result.changeable = true
        result.raises = raises(indicator, current: current, raw: raw, rubric: rubric)
        return result
    }

    private static func raises(_ indicator: Indicator, current: BoundInput?, raw: Int, rubric: Rubric) -> [RaiseLevel] {
        switch indicator.method {
        case .linear(let lo, let hi):
            return linearRaises(indicator, lo: lo, hi: hi, raw: raw, rubric: rubric)
        case .recognisedCount, .recognisedEach:
            return setRaises(indicator, current: current, raw: raw, rubric: rubric)
        default:
            guard case .discrete(let levels) = Scorer.levels(of: indicator, in: rubric) else { return [] }
            let all = levels.map { hundredths($0.points.rounded) }
            var result: [RaiseLevel] = []
            for (index, level) in levels.enumerated() where all[index] > raw {
                // The first level in the method's order with these points is the least input.
                guard !result.contains(where: { $0.points == all[index] }) else { continue }
                result.append(RaiseLevel(
                    points: all[index], steps: steps(from: raw, to: all[index], among: all), input: level.leastInput,
                    added: []))
            }
            return result.sorted { $0.points < $1.points }
        }
    }

    /// Distinct point values climbed: levels with points in (from, to].
    private static func steps(from: Int, to: Int, among points: [Int]) -> Int {
        Set(points.filter { $0 > from && $0 <= to }).count
    }

    /// The input as a dossier writes it.
    static func written(_ input: IndicatorInput) -> String {
        switch input {
        case .number(let value): value.formatted()
        case .boolean(let flag): flag ? "true" : "false"
        case .choice(let value): value
        case .set(let items): items.joined(separator: ", ")
        case .judgments(let scores): scores.map { String($0.score) }.joined(separator: ", ")
        case .kpis: ""
        }
    }

    /// For a linear method: for each rounded points value above the current
    /// one that some input reaches, the least such input at the precision a
    /// dossier writes (whole counts; decimals and percents rounded up to 2
    /// decimals).
    private static func linearRaises(
        _ indicator: Indicator, lo: Rational, hi: Rational, raw: Int, rubric: Rubric
    ) -> [RaiseLevel] {
        let places = indicator.input == .count ? 0 : 2
        let unit = indicator.input == .count ? Rational.one : Rational(1) / Rational(100)
        let ceiling: Rational? = indicator.input == .percent ? Rational(100) : nil
        let maximum = hundredths(indicator.max.rounded(places: 2))
        var result: [RaiseLevel] = []
        result.reserveCapacity(max(0, maximum - raw))
        var target = raw + 1
        while target <= maximum {
            // Rounded half-up, points reach `target` hundredths exactly when the
            // exact points reach target − ½ hundredth.
            let exact = (Rational(target) - Rational(1) / Rational(2)) / Rational(100)
            var value = (lo + exact * (hi - lo) / indicator.max).roundedUp(places: places)
            var points = hundredths(Scorer.points(of: indicator, for: .number(value), in: rubric).rounded)
            while points < target {  // guards the algebra with the engine itself
                value += unit
                points = hundredths(Scorer.points(of: indicator, for: .number(value), in: rubric).rounded)
            }
            if let ceiling, value > ceiling { break }
            result.append(RaiseLevel(points: points, steps: 1, input: .number(value), added: []))
            target = points + 1
        }
        return result
    }

    /// For a set method: add recognised ids not yet given, in rubric order,
    /// one level per count that raises the points.
    private static func setRaises(_ indicator: Indicator, current: BoundInput?, raw: Int, rubric: Rubric) -> [RaiseLevel] {
        let recognised: [String]
        switch indicator.method {
        case .recognisedCount(let ids, _), .recognisedEach(let ids, _): recognised = ids
        default: return []
        }
        var items: [String] = []
        if case .set(let given)? = current?.value { items = given }
        let missing = recognised.filter { !items.contains($0) }
        var result: [RaiseLevel] = []
        var best = raw
        var climbed = 0
        for count in missing.indices.map({ $0 + 1 }) {
            let added = Array(missing.prefix(count))
            let newItems = items + added
            let points = hundredths(Scorer.points(of: indicator, for: .set(newItems), in: rubric).rounded)
            guard points > best else { continue }
            climbed += 1
            best = points
            result.append(RaiseLevel(points: points, steps: climbed, input: .set(newItems), added: added))
        }
        return result
    }
}
