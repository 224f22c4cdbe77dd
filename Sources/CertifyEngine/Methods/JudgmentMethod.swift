import CertifyModel

/// Panel judgment: integer scores; with `trimFrom` or more scores drop one
/// highest and one lowest, then take the mean;
/// `points = max × (mean − minScore) / (maxScore − minScore)`.
struct JudgmentMethod: IndicatorMethod {
    func evaluate(_ input: IndicatorInput, for indicator: Indicator, in context: EvaluationContext) -> Evaluation {
        guard case .judgments(let scores) = input, let panel = context.rubric.panel, !scores.isEmpty else {
            return mismatch(indicator)
        }
        let values = scores.map(\.score).sorted()
        var used = values
        var dropped: [Int] = []
        if let trimFrom = panel.trimFrom, values.count >= trimFrom {
            dropped = [values.last!, values.first!]
            used = Array(values.dropFirst().dropLast())
        }
        let mean = Rational(used.reduce(0, +)) / Rational(used.count)
        let low = Rational(panel.minScore)
        let span = Rational(panel.maxScore - panel.minScore)
        let points = indicator.max * (mean - low) / span
        return Evaluation(
            points: points,
            rule: .ruleJudgment(
                selfAssessed: context.selfAssessed, scores: scores.map(\.score), dropped: dropped, mean: mean,
                max: indicator.max, low: low, span: span, points: points),
            panel: PanelTrace(scores: scores, dropped: dropped, mean: mean, selfAssessed: context.selfAssessed))
    }
}
