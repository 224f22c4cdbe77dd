import CertifyModel

/// `true` and `false` map to points.
struct YesNoMethod: IndicatorMethod {
    let yes: Rational
    let no: Rational

    func evaluate(_ input: IndicatorInput, for indicator: Indicator, in context: EvaluationContext) -> Evaluation {
        guard case .boolean(let value) = input else { return mismatch(indicator) }
        return Evaluation(
            points: value ? yes : no, rule: .ruleYesNo(value: value, points: value ? yes : no), fixedRule: value ? 0 : 1)
    }
}
