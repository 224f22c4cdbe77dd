import CertifyModel

/// Points for each distinct recognised id, capped at the indicator maximum.
struct RecognisedEachMethod: IndicatorMethod {
    let recognised: [String]
    let points: Rational

    func evaluate(_ input: IndicatorInput, for indicator: Indicator, in context: EvaluationContext) -> Evaluation {
        guard case .set(let items) = input else { return mismatch(indicator) }
        let set = RecognisedSet(items, recognising: recognised, indicator: indicator)
        let raw = Rational(set.recognised.count) * points
        let capped = min(raw, indicator.max)
        return Evaluation(
            points: capped,
            rule: .ruleRecognisedEach(ids: set.recognised, each: points, raw: raw, capped: raw > capped ? capped : nil),
            findings: set.findings)
    }
}
