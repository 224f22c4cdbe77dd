import CertifyModel

/// The number of distinct recognised ids, scored by bands.
struct RecognisedCountMethod: IndicatorMethod {
    let recognised: [String]
    let bands: [Band]

    func evaluate(_ input: IndicatorInput, for indicator: Indicator, in context: EvaluationContext) -> Evaluation {
        guard case .set(let items) = input else { return mismatch(indicator) }
        let set = RecognisedSet(items, recognising: recognised, indicator: indicator)
        let count = Rational(set.recognised.count)
        guard let (band, upper, _) = band(for: count, in: bands) else {
            return Evaluation(
                points: .zero, rule: .ruleRecognisedCount(ids: set.recognised, band: nil), findings: set.findings)
        }
        return Evaluation(
            points: band.points, rule: .ruleRecognisedCount(ids: set.recognised, band: step(band, upper: upper)),
            findings: set.findings)
    }
}
