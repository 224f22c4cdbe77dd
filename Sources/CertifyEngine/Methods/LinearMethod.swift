import CertifyModel

/// `points = max × clamp((v − lo) / (hi − lo), 0, 1)`.
struct LinearMethod: IndicatorMethod {
    let lo: Rational
    let hi: Rational

    func evaluate(_ input: IndicatorInput, for indicator: Indicator, in context: EvaluationContext) -> Evaluation {
        guard case .number(let value) = input else { return mismatch(indicator) }
        let share = ((value - lo) / (hi - lo)).clamped(to: .zero ... .one)
        let points = indicator.max * share
        return Evaluation(
            points: points,
            rule: .ruleLinear(max: indicator.max, value: value, lo: lo, hi: hi, points: points))
    }
}
