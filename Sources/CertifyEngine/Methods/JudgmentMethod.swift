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
        let listed = scores.map { String($0.score) }.joined(separator: ", ")
        let trimmed = dropped.isEmpty ? "" : ", highest \(dropped[0]) and lowest \(dropped[1]) dropped"
        let source = context.selfAssessed ? "self-assessed" : "panel"
        return Evaluation(
            points: points,
            rule: "\(source) {\(listed)}\(trimmed): mean \(mean.formatted(places: 3)) → \(indicator.max) × (\(mean.formatted(places: 3)) − \(low)) / \(span) = \(points.formatted(places: 3))",
            panel: PanelTrace(scores: scores, dropped: dropped, mean: mean, selfAssessed: context.selfAssessed))
    }
}
