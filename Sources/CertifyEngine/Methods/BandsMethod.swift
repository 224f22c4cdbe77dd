import CertifyModel

/// Half-open bands `[min, next min)`; the last band is open-ended.
struct BandsMethod: IndicatorMethod {
    let bands: [Band]

    func evaluate(_ input: IndicatorInput, for indicator: Indicator, in context: EvaluationContext) -> Evaluation {
        guard case .number(let value) = input else { return mismatch(indicator) }
        guard let (band, upper, index) = band(for: value, in: bands) else {
            return Evaluation(points: .zero, rule: .ruleBelowFirstBand(value: value))
        }
        return Evaluation(points: band.points, rule: .ruleBand(step(band, upper: upper)), fixedRule: index)
    }
}
