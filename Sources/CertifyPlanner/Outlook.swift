import CertifyEngine
import CertifyModel

/// The current result's margin, the single drops that would lose it, and
/// what is missing.
enum Outlook {
    static func margin(_ current: ScoreResult) -> Margin? {
        switch current.rubric.decision {
        case .pass(let mark):
            guard current.total >= mark else { return nil }
            return Margin(above: "pass", threshold: mark, points: current.total - mark)
        case .grades(let grades, _):
            guard let grade = grades.first(where: { $0.id == current.grade }) else { return nil }
            return Margin(above: grade.id, threshold: grade.min, points: current.total - grade.min)
        }
    }

    /// Whether `changed` is a worse outcome than `current`: a lower grade, or
    /// certification lost.
    static func isWorse(_ changed: ScoreResult, than current: ScoreResult) -> Bool {
        if current.certified && !changed.certified { return true }
        guard case .grades(let grades, _) = current.rubric.decision else { return false }
        let rank = { (id: String?) in grades.firstIndex { $0.id == id } ?? grades.count }
        return rank(changed.grade) > rank(current.grade)
    }

    /// Each counted indicator dropped by one level (a judgment: every score
    /// one point lower, so the mean drops by one), rescored; those that
    /// lower the grade or lose certification.
    static func risks(_ context: Context) -> [Risk] {
        let rubric = context.rubric
        let results = context.currentResults
        var risks: [Risk] = []
        for (position, indicator) in rubric.indicators.enumerated() {
            guard let input = context.submission.inputs[position], results[position].status != .notSelected,
                  results[position].points > .zero,
                  let (dropped, shown) = drop(indicator, input, rubric: rubric, raw: context.options[position].raw)
            else { continue }
            var changed = context.submission
            changed.inputs[position] = dropped
            let result = Scorer.score(changed, rubric: rubric, options: context.scoring)
            if isWorse(result, than: context.current) {
                risks.append(Risk(indicator: indicator, to: shown, result: result))
            }
        }
        return risks
    }

    private static func drop(
        _ indicator: Indicator, _ input: BoundInput, rubric: Rubric, raw: Int
    ) -> (BoundInput, PlanInput)? {
        func bound(_ value: IndicatorInput) -> BoundInput {
            BoundInput(value: value, asGiven: .text(LevelBuilder.written(value)), evidence: input.evidence)
        }
        switch (indicator.method, input.value) {
        case (.kpiAttainment, _):
            return nil
        case (.judgment, .judgments(let scores)):
            let lower = scores.map { ReviewerScore(reviewer: $0.reviewer, score: $0.score - 1) }
            let mean = Rational(lower.map(\.score).reduce(0, +)) / Rational(lower.count)
            return (bound(.judgments(lower)), .mean(mean.rounded(places: 2)))
        case (.linear(let lo, _), .number(let value)):
            guard value > lo else { return nil }
            let lower = max(lo, value - Rational.one)
            return (bound(.number(lower)), .value(lower.formatted()))
        case (.recognisedCount(let ids, _), .set(let items)), (.recognisedEach(let ids, _), .set(let items)):
            guard let last = items.lastIndex(where: ids.contains) else { return nil }
            var fewer = items
            fewer.remove(at: last)
            return (bound(.set(fewer)), .items(fewer))
        default:
            guard case .discrete(let levels) = Scorer.levels(of: indicator, in: rubric) else { return nil }
            // The nearest level below the current points (the last in the
            // method's order among equals).
            var chosen: (points: Int, level: MethodLevel)?
            for level in levels {
                let points = hundredths(level.points.rounded)
                guard points < raw else { continue }
                if chosen == nil || points >= chosen!.points { chosen = (points, level) }
            }
            guard let chosen else { return nil }
            let text = LevelBuilder.written(chosen.level.leastInput)
            return (bound(chosen.level.leastInput), .value(text))
        }
    }

    static func missing(_ current: ScoreResult) -> [MissingItem] {
        current.areas.flatMap(\.indicators).filter { $0.status == .missing }.map { result in
            let message = current.findings.first { $0.indicator == result.id }?.message ?? result.rule
            return MissingItem(indicator: result.indicator, message: message)
        }
    }
}
