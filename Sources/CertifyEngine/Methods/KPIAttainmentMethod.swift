import CertifyModel

/// Applicant-proposed KPIs: attainment `achieved/target` (higher is better)
/// or `target/achieved` (lower is better), each capped at 1; with `m` the
/// mean over accepted KPIs, `max × clamp((m − zeroAt) / (fullAt − zeroAt), 0, 1)`.
struct KPIAttainmentMethod: IndicatorMethod {
    let zeroAt: Rational
    let fullAt: Rational

    func evaluate(_ input: IndicatorInput, for indicator: Indicator, in context: EvaluationContext) -> Evaluation {
        guard case .kpis(let kpis) = input else { return mismatch(indicator) }
        var traces: [KPITrace] = []
        traces.reserveCapacity(kpis.count)
        var findings: [Finding] = []
        // The accepted KPIs' attainments and their sum, in the same pass.
        var accepted: [Message.KPIAttainment] = []
        var sum = Rational.zero
        for kpi in kpis {
            let ratio = kpi.direction == .higher ? kpi.achieved / kpi.target : kpi.target / kpi.achieved
            let attainment = min(ratio, .one)
            traces.append(KPITrace(kpi: kpi, attainment: attainment))
            if kpi.accepted {
                accepted.append(Message.KPIAttainment(id: kpi.id, attainment: attainment))
                sum = sum + attainment
            } else {
                findings.append(Finding(
                    .warning, indicator: indicator.id,
                    message: .kpiRejected(kpi: kpi.id, rejectedBy: kpi.rejectedBy, reviews: kpi.reviewCount)))
            }
        }
        guard !accepted.isEmpty else {
            findings.append(Finding(
                .warning, indicator: indicator.id,
                message: .noAcceptedKPI))
            return Evaluation(points: .zero, rule: .ruleNoAcceptedKPI, findings: findings, kpis: traces)
        }
        let mean = sum / Rational(accepted.count)
        let share = ((mean - zeroAt) / (fullAt - zeroAt)).clamped(to: .zero ... .one)
        let points = indicator.max * share
        return Evaluation(
            points: points,
            rule: .ruleKPIAttainment(
                mean: mean, attainments: accepted,
                max: indicator.max, zeroAt: zeroAt, fullAt: fullAt, points: points),
            findings: findings, kpis: traces)
    }
}
