import CertifyModel

/// `points = max × clamp((v − lo) / (hi − lo), 0, 1)`.
struct LinearMethod: IndicatorMethod {
    let lo: Rational
    let hi: Rational

    /// The points alone (no trace): what `evaluate` gives, for planners.
    func points(_ value: Rational, max: Rational) -> Rational {
        max * ((value - lo) / (hi - lo)).clamped(to: .zero ... .one)
    }

    func evaluate(_ input: IndicatorInput, for indicator: Indicator, in context: EvaluationContext) -> Evaluation {
        guard case .number(let value) = input else { return mismatch(indicator) }
        let points = self.points(value, max: indicator.max)
        return Evaluation(
            points: points,
            rule: .ruleLinear(max: indicator.max, value: value, lo: lo, hi: hi, points: points))
    }
}
