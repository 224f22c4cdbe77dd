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
        var findings: [Finding] = []
        for kpi in kpis {
            let ratio = kpi.direction == .higher ? kpi.achieved / kpi.target : kpi.target / kpi.achieved
            let attainment = min(ratio, .one)
            traces.append(KPITrace(
                id: kpi.id, label: kpi.label, unit: kpi.unit, direction: kpi.direction,
                target: kpi.target, achieved: kpi.achieved, attainment: attainment,
                accepted: kpi.accepted, rejectedBy: kpi.rejectedBy))
            if !kpi.accepted {
                findings.append(Finding(
                    .warning, indicator: indicator.id,
                    message: "KPI \(kpi.id) rejected by \(kpi.rejectedBy.count) of \(kpi.reviewCount) reviewers (\(kpi.rejectedBy.joined(separator: ", "))); it does not count"))
            }
        }
        let accepted = traces.filter(\.accepted)
        guard !accepted.isEmpty else {
            findings.append(Finding(
                .warning, indicator: indicator.id,
                message: "no accepted KPI; scored 0 — propose KPIs the panel can accept"))
            return Evaluation(points: .zero, rule: "no accepted KPI: 0", findings: findings, kpis: traces)
        }
        let mean = accepted.reduce(Rational.zero) { $0 + $1.attainment } / Rational(accepted.count)
        let share = ((mean - zeroAt) / (fullAt - zeroAt)).clamped(to: .zero ... .one)
        let points = indicator.max * share
        let parts = accepted.map { "\($0.id) \($0.attainment.formatted(places: 4))" }.joined(separator: ", ")
        return Evaluation(
            points: points,
            rule: "mean attainment \(mean.formatted(places: 4)) over \(accepted.count) accepted KPI\(accepted.count == 1 ? "" : "s") (\(parts)): \(indicator.max) × clamp((\(mean.formatted(places: 4)) − \(zeroAt)) / (\(fullAt) − \(zeroAt)), 0, 1) = \(points.formatted(places: 4))",
            findings: findings, kpis: traces)
    }
}
