import CertifyModel

/// One scoring method. Each `ScoringMethod` case has exactly one
/// implementation, in its own file; the scorer picks it in `evaluator(for:)`.
protocol IndicatorMethod {
    /// Points (exact, before rounding, within 0…max) and the rule that gave them.
    func evaluate(_ input: IndicatorInput, for indicator: Indicator, in context: EvaluationContext) -> Evaluation
}

struct EvaluationContext {
    var rubric: Rubric
    var official: Bool
    var selfAssessed: Bool
}

/// The outcome of one method on one input: the trace's core.
struct Evaluation {
    var points: Rational
    var rule: String
    var findings: [Finding] = []
    var panel: PanelTrace?
    var kpis: [KPITrace] = []
}

func evaluator(for method: ScoringMethod) -> any IndicatorMethod {
    switch method {
    case .bands(let bands): BandsMethod(bands: bands)
    case .linear(let lo, let hi): LinearMethod(lo: lo, hi: hi)
    case .choices(let choices): ChoicesMethod(choices: choices)
    case .yesNo(let yes, let no): YesNoMethod(yes: yes, no: no)
    case .recognisedCount(let ids, let bands): RecognisedCountMethod(recognised: ids, bands: bands)
    case .recognisedEach(let ids, let points): RecognisedEachMethod(recognised: ids, points: points)
    case .kpiAttainment(let zeroAt, let fullAt): KPIAttainmentMethod(zeroAt: zeroAt, fullAt: fullAt)
    case .judgment: JudgmentMethod()
    }
}

/// Used when the input does not fit the method; `Binder` makes this unreachable
/// for bound submissions, but the scorer stays total.
func mismatch(_ indicator: Indicator) -> Evaluation {
    Evaluation(points: .zero, rule: "input does not fit method \(indicator.method.name): 0")
}

/// `[min, next)` band lookup shared by the band-based methods.
func band(for value: Rational, in bands: [Band]) -> (band: Band, upper: Rational?)? {
    guard let index = bands.lastIndex(where: { $0.min <= value }) else { return nil }
    let upper = index + 1 < bands.count ? bands[index + 1].min : nil
    return (bands[index], upper)
}

func describe(_ band: Band, upper: Rational?) -> String {
    "band [\(band.min), \(upper.map { $0.description } ?? "…")) → \(band.points)"
}
