import CertifyEngine
import CertifyModel
import CertifyPlanner

/// `certify plan` as an applicant reads it: the current result, then per
/// goal "change these N indicators" with from → to and points, the result it
/// gives, then the margin, the risky single drops and what is missing.
public enum PlanTextRenderer {
    public static func render(_ report: PlanReport, language: Language) -> String {
        let l = Labels(language), p = PlanLabels(language)
        let rubric = report.rubric
        var lines: [String] = []
        lines.append("\(rubric.title.text(language)) — \(rubric.id) \(rubric.version)")
        lines.append("\(pad(l[.dossier], 12)) \(report.dossier.id)")
        let thresholdText: String
        switch rubric.decision {
        case .pass(let mark): thresholdText = "\(l[.pass]) \(number(mark))"
        case .grades(_, let from):
            thresholdText = "\(l[.threshold]) \(from) ≥ \(number(rubric.decision.certifyingThreshold))"
        }
        lines.append("\(pad(p[.current], 12)) \(outcome(report.current, l, p)) (\(thresholdText))")
        if report.goals.isEmpty { lines.append("  \(p[.best])") }
        for goal in report.goals {
            lines.append("")
            let certifies = goal.certifies ? ", \(p[.certified])" : ""
            var head = "\(p[.goal]) \(goal.goal) (≥ \(number(goal.threshold))\(certifies))"
            if goal.reached { head += ": \(p[.reached])" }
            if !goal.reachable { head += ": \(p[.unreachable]) — \(goal.reason?.text(language) ?? "")" }
            lines.append(head)
            for (index, plan) in goal.plans.enumerated() {
                lines.append("  \(p[.option]) \(index + 1): \(p[.changed]) \(plan.changed), \(p[.steps]) \(plan.steps) → \(outcome(plan.result, l, p)) (+\(number(plan.gained)))")
                for change in plan.changes {
                    var name = "\(change.indicator.id) \(change.indicator.label.text(language))"
                    if displayWidth(name) > 34 { name = String(name.prefix(33)) + "…" }
                    var what = "\(shown(change.from, p, language)) → \(shown(change.to, p, language))"
                    if !change.added.isEmpty { what += " (\(p[.add]) \(change.added.joined(separator: ", ")))" }
                    if change.declare == true { what += " · \(p[.declare])" }
                    if change.declare == false { what += " · \(p[.undeclare])" }
                    lines.append("    \(pad(name, 34)) \(pad(number(change.pointsFrom), 6, right: true)) → \(pad(number(change.pointsTo), 6, right: true))  \(what)")
                }
            }
        }
        lines.append("")
        if let margin = report.margin {
            lines.append("\(p[.margin]): \(number(margin.points)) \(p[.above]) \(margin.above) (\(number(margin.threshold)))")
        }
        lines.append("\(p[.risks]):" + (report.risks.isEmpty ? " \(p[.noRisks])" : ""))
        for risk in report.risks {
            lines.append("  \(pad(risk.indicator.id, 10)) → \(shown(risk.to, p, language)): \(outcome(risk.result, l, p))")
        }
        if !report.missing.isEmpty {
            lines.append("\(p[.missing]):")
            for item in report.missing {
                lines.append("  \(pad(item.indicator.id, 10)) \(item.message.text(language))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func outcome(_ result: ScoreResult, _ l: Labels, _ p: PlanLabels) -> String {
        var parts = ["\(l[.total]) \(number(result.total))"]
        if let grade = result.grade { parts.append("\(l[.grade]) \(grade)") }
        parts.append(result.certified ? p[.certified] : p[.notCertified])
        return parts.joined(separator: " · ")
    }

    private static func shown(_ input: PlanInput?, _ p: PlanLabels, _ language: Language) -> String {
        switch input {
        case nil: p[.noneGiven]
        case .value(let text)?: text
        case .mean(let mean)?: Message.planMean(mean).text(language)
        case .items(let items)?: items.isEmpty ? "[]" : "[" + items.joined(separator: ", ") + "]"
        }
    }

    private static func number(_ value: Rational) -> String { TextRenderer.number(value) }
}
