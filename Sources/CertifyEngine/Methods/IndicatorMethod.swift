import CertifyModel

/// One scoring method. Each `ScoringMethod` case has exactly one
/// implementation, in its own file; `evaluate(_:for:in:)` picks it.
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
    var rule: Message
    /// The position of `rule` among the indicator's `FixedRules`, if it is one.
    var fixedRule: Int? = nil
    var findings: [Finding] = []
    var panel: PanelTrace?
    var kpis: [KPITrace] = []
}

/// Evaluates `input` by the indicator's method. The switch calls each
/// method statically: no existential box per indicator scored.
func evaluate(_ input: IndicatorInput, for indicator: Indicator, in context: EvaluationContext) -> Evaluation {
    switch indicator.method {
    case .bands(let bands): BandsMethod(bands: bands).evaluate(input, for: indicator, in: context)
    case .linear(let lo, let hi): LinearMethod(lo: lo, hi: hi).evaluate(input, for: indicator, in: context)
    case .choices(let choices): ChoicesMethod(choices: choices).evaluate(input, for: indicator, in: context)
    case .yesNo(let yes, let no): YesNoMethod(yes: yes, no: no).evaluate(input, for: indicator, in: context)
    case .recognisedCount(let ids, let bands):
        RecognisedCountMethod(recognised: ids, bands: bands).evaluate(input, for: indicator, in: context)
    case .recognisedEach(let ids, let points):
        RecognisedEachMethod(recognised: ids, points: points).evaluate(input, for: indicator, in: context)
    case .kpiAttainment(let zeroAt, let fullAt):
        KPIAttainmentMethod(zeroAt: zeroAt, fullAt: fullAt).evaluate(input, for: indicator, in: context)
    case .judgment: JudgmentMethod().evaluate(input, for: indicator, in: context)
    }
}

/// Used when the input does not fit the method; `Binder` makes this unreachable
/// for bound submissions, but the scorer stays total.
func mismatch(_ indicator: Indicator) -> Evaluation {
    Evaluation(points: .zero, rule: .ruleMismatch(method: indicator.method.name))
}

/// `[min, next)` band lookup shared by the band-based methods.
func band(for value: Rational, in bands: [Band]) -> (band: Band, upper: Rational?, index: Int)? {
    guard let index = bands.lastIndex(where: { $0.min <= value }) else { return nil }
    let upper = index + 1 < bands.count ? bands[index + 1].min : nil
    return (bands[index], upper, index)
}

/// The band reached, as rule texts show it.
func step(_ band: Band, upper: Rational?) -> Message.BandStep {
    Message.BandStep(min: band.min, upper: upper, points: band.points)
}
