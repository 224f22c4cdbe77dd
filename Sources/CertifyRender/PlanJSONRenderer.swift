import CertifyEngine
import CertifyModel
import CertifyPlanner

/// `certify plan --format json`: the keys of selfcheck.md in its order,
/// plus a few more (threshold, certifies, changed, steps, gained, added).
public enum PlanJSONRenderer {
    /// One JSON Lines record: the object and a newline, as UTF-8.
    public static func render(_ report: PlanReport) -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            json.key("dossier"); json.reference(report.dossier)
            json.key("rubric"); json.reference(report.rubric)
            json.key("current")
            outcome(&json, report.current)
            json.key("goals")
            json.objects(report.goals) { json, goal in
                json.key("goal"); json.string(goal.goal)
                json.key("threshold"); json.number(goal.threshold)
                json.key("certifies"); json.bool(goal.certifies)
                json.key("reachable"); json.bool(goal.reachable)
                if goal.reached { json.key("reached"); json.bool(true) }
                if let reason = goal.reason {
                    json.key("reason"); json.string(reason.english)
                    json.key("reasonKo"); json.string(reason.korean)
                }
                json.key("plans")
                json.array { json in for plan in goal.plans { self.plan(&json, plan) } }
            }
            json.key("margin")
            if let margin = report.margin {
                json.object { json in
                    json.key("above"); json.string(margin.above)
                    json.key("threshold"); json.number(margin.threshold)
                    json.key("points"); json.number(margin.points)
                }
            } else {
                json.string(nil)
            }
            json.key("risks")
            json.objects(report.risks) { json, risk in
                json.key("indicator"); json.string(risk.indicator.id)
                json.key("to"); input(&json, risk.to)
                if case .mean(let mean)? = risk.to {
                    json.key("toKo"); json.string(Message.planMean(mean).korean)
                }
                json.key("total"); json.number(risk.result.total)
                json.key("grade"); json.string(risk.result.grade)
                json.key("certified"); json.bool(risk.result.certified)
            }
            json.key("missing")
            json.objects(report.missing) { json, item in
                json.key("indicator"); json.string(item.indicator.id)
                json.key("message"); json.string(item.message.english)
                json.key("messageKo"); json.string(item.message.korean)
            }
        }
        json.newline()
        return json.bytes()
    }

    private static func outcome(_ json: inout JSONWriter, _ result: ScoreResult) {
        json.object { json in
            json.key("total"); json.number(result.total)
            json.key("grade"); json.string(result.grade)
            json.key("certified"); json.bool(result.certified)
        }
    }

    private static func plan(_ json: inout JSONWriter, _ plan: Plan) {
        json.object { json in
            json.key("total"); json.number(plan.result.total)
            json.key("grade"); json.string(plan.result.grade)
            json.key("certified"); json.bool(plan.result.certified)
            json.key("changed"); json.number(Rational(plan.changed))
            json.key("steps"); json.number(Rational(plan.steps))
            json.key("gained"); json.number(plan.gained)
            json.key("changes")
            json.objects(plan.changes) { json, change in
                json.key("indicator"); json.string(change.indicator.id)
                if let declare = change.declare { json.key("declare"); json.bool(declare) }
                json.key("from"); input(&json, change.from)
                json.key("to"); input(&json, change.to)
                json.key("points")
                json.object { json in
                    json.key("from"); json.number(change.pointsFrom)
                    json.key("to"); json.number(change.pointsTo)
                }
                json.key("steps"); json.number(Rational(change.steps))
                if !change.added.isEmpty {
                    json.key("added")
                    json.array { json in for id in change.added { json.string(id) } }
                }
            }
        }
    }

    private static func input(_ json: inout JSONWriter, _ input: PlanInput?) {
        switch input {
        case nil: json.string(nil)
        case .value(let text)?: json.string(text)
        case .mean(let mean)?: json.string(Message.planMean(mean).english)
        case .items(let items)?: json.array { json in for item in items { json.string(item) } }
        }
    }
}
