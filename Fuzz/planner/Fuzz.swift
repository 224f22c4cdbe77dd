// fuzz target "planner": bytes → safe parser → dossier → bind → `certify
// plan` for every better outcome (what the command does without --goal;
// the far goals exercise the search's exact bounds) with K = 2.
// Every plan returned must reach its goal when rescored (the planner proves
// this itself and throws `Planner.inconsistent` otherwise; both are checked
// here), plans come best first, and no two change the same indicators.
import CertifyEngine
import CertifyModel
import CertifyPlanner
import CertifyRuntime

enum PlannerFuzz {
    static func check(_ report: PlanReport) {
        for goal in report.goals {
            if !goal.reachable { precondition(goal.plans.isEmpty, "unreachable goal \(goal.goal) with plans") }
            var seen: [[String]] = []
            var previous: (Int, Int, Rational)?
            for plan in goal.plans {
                precondition(plan.result.total >= goal.threshold,
                             "plan for \(goal.goal) totals \(plan.result.total) < \(goal.threshold)")
                if goal.certifies { precondition(plan.result.certified, "plan for \(goal.goal) does not certify") }
                precondition(plan.changed >= 1 && !plan.changes.isEmpty, "empty plan for \(goal.goal)")
                let key = (plan.changed, plan.steps, plan.gained)
                if let previous {
                    precondition(previous.0 < key.0 || (previous.0 == key.0 && (previous.1 < key.1
                        || (previous.1 == key.1 && previous.2 <= key.2))), "plans for \(goal.goal) out of order")
                }
                previous = key
                let ids = plan.changes.map(\.indicator.id)
                precondition(!seen.contains(ids), "two plans for \(goal.goal) change the same indicators")
                seen.append(ids)
                Harness.consume(plan.changes.count)
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanner(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do throws(CertifyError) {
        let (submission, rubric) = try Harness.certifier.bind(
            dossier: .bytes(Harness.bytes(data, size), name: "fuzz-dossier.xml"), reviews: [])
        let options = ScoringOptions(date: Harness.date)
        for judgments in [false, true] {
            do {
                let report = try Planner.plan(
                    submission: submission, rubric: rubric, options: options, goals: [], maxPlans: 2,
                    judgments: judgments)
                PlannerFuzz.check(report)
            } catch {
                if error.code == Planner.inconsistent { fatalError("planner-inconsistent: \(error.diagnostics.map(\.rendered))") }
                Harness.rendered(error)
            }
        }
    } catch {
        Harness.rendered(error)
    }
    return 0
}
