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
        let listed = set.recognised.isEmpty ? "" : " (\(set.recognised.joined(separator: ", ")))"
        return Evaluation(
            points: capped,
            rule: "\(set.recognised.count) recognised\(listed) × \(points) = \(raw)" + (raw > capped ? ", capped at \(capped)" : ""),
            findings: set.findings)
    }
}
