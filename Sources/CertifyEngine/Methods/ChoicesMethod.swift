import CertifyModel

/// A listed value maps to its points.
struct ChoicesMethod: IndicatorMethod {
    let choices: [Choice]

    func evaluate(_ input: IndicatorInput, for indicator: Indicator, in context: EvaluationContext) -> Evaluation {
        guard case .choice(let value) = input, let index = choices.firstIndex(where: { $0.value == value }) else {
            return mismatch(indicator)
        }
        let choice = choices[index]
        return Evaluation(points: choice.points, rule: .ruleChoice(value: value, points: choice.points), fixedRule: index)
    }
}
