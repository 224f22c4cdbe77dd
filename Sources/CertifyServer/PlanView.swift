import CertifyEngine
import CertifyModel
import CertifyPlanner
import CertifyRender

/// The self-check page's plan section: per goal "do these N things"
/// (indicator, from → to, points) and the result it gives, then the margin,
/// the risky single drops and what is missing. The words are `certify
/// plan`'s own (`PlanLabels`), in the page's language.
struct PlanView {
    let report: PlanReport
    let language: Language

    func build() -> [String: Any] {
        let p = PlanLabels(language)
        let labels = Labels(language)
        func outcome(_ result: ScoreResult) -> String {
            var parts = ["\(labels[.total]) \(SelfCheckView.points(result.total))"]
            if let grade = result.grade { parts.append("\(labels[.grade]) \(grade)") }
            parts.append(result.certified ? p[.certified] : p[.notCertified])
            return parts.joined(separator: " · ")
        }
        // As the form shows it: a yes/no indicator's values are the form's
        // 예/아니오 (Yes/No), not the XML's true/false.
        func shown(_ input: PlanInput?, of indicator: Indicator) -> String {
            switch input {
            case nil: p[.noneGiven]
            case .value("true")? where indicator.input == .boolean: PageWord.yes.text(language)
            case .value("false")? where indicator.input == .boolean: PageWord.no.text(language)
            case .value(let text)? where indicator.input == .enum: UIText.choice(text, language)
            case .value(let text)?: text
            case .items(let items)?: items.isEmpty ? "[]" : "[" + items.joined(separator: ", ") + "]"
            case .mean(let mean)?: Message.planMean(mean).text(language)
            }
        }
        var view: [String: Any] = [
            "currentLabel": p[.current], "current": outcome(report.current),
            "atBest": report.goals.isEmpty, "best": p[.best],
        ]
        view["goals"] = report.goals.map { goal -> [String: Any] in
            var head = "\(p[.goal]) \(goal.goal) (≥ \(SelfCheckView.points(goal.threshold))\(goal.certifies ? ", \(p[.certified])" : ""))"
            if goal.reached { head += ": \(p[.reached])" }
            if !goal.reachable { head += ": \(p[.unreachable])" + (goal.reason.map { " — \($0.text(language))" } ?? "") }
            // The best plan shown; the others folded under it.
            let plans = goal.plans.enumerated().map { index, plan -> [String: Any] in
                    [
                        "title": "\(p[.option]) \(index + 1): \(p[.changed]) \(plan.changed), \(p[.steps]) \(plan.steps)",
                        "result": "→ \(outcome(plan.result)) (+\(SelfCheckView.points(plan.gained)))",
                        "changes": plan.changes.map { change -> [String: Any] in
                            var what = "\(shown(change.from, of: change.indicator)) → \(shown(change.to, of: change.indicator))"
                            if !change.added.isEmpty { what += " (\(p[.add]) \(change.added.joined(separator: ", ")))" }
                            if change.declare == true { what += " · \(p[.declare])" }
                            if change.declare == false { what += " · \(p[.undeclare])" }
                            return [
                                "indicator": "\(change.indicator.id) \(change.indicator.label.text(language))",
                                "change": what,
                                "points": "\(SelfCheckView.points(change.pointsFrom)) → \(SelfCheckView.points(change.pointsTo))",
                            ]
                        },
                    ]
                }
            return [
                "head": head, "bestPlan": Array(plans.prefix(1)), "others": Array(plans.dropFirst()),
                "hasOthers": plans.count > 1,
                "othersLabel": PageWord.otherPlans.text(language, String(plans.count - 1)),
            ]
        }
        if let margin = report.margin {
            view["margin"] = "\(p[.margin]): \(SelfCheckView.points(margin.points)) \(p[.above]) \(margin.above) (\(SelfCheckView.points(margin.threshold)))"
        }
        view["risksLabel"] = p[.risks]
        view["noRisks"] = p[.noRisks]
        view["hasRisks"] = !report.risks.isEmpty
        view["risks"] = report.risks.map { risk -> [String: Any] in
            ["indicator": risk.indicator.id, "to": shown(risk.to, of: risk.indicator), "result": outcome(risk.result)]
        }
        view["missingLabel"] = p[.missing]
        view["hasMissing"] = !report.missing.isEmpty
        view["missing"] = report.missing.map { item -> [String: Any] in
            ["indicator": item.indicator.id, "message": item.message.text(language)]
        }
        view["changeLabel"] = PageWord.indicator.text(language)
        view["changeText"] = PageWord.change.text(language)
        view["pointsLabel"] = PageWord.points.text(language)
        return view
    }
}
