import CertifyEngine
import CertifyModel

/// `certify plan`: for a bound submission, the provably smallest sets of
/// changes that reach each better outcome, the margin of the current result,
/// the single drops that would lose it, and what is missing. Pure: no I/O.
public enum Planner {
    /// The planner's own failure: a plan that does not reach its goal when
    /// rescored is a bug, never output.
    public static let inconsistent = CertifyError.Code("planner-inconsistent")

    /// Plans `submission` against `rubric`.
    /// - Parameters:
    ///   - goals: grade ids or `pass`; empty: every outcome better than the current one.
    ///   - maxPlans: how many plans per goal (each a different set of changed indicators).
    ///   - judgments: self-assessed judgment scores may rise (only without reviews).
    /// - Throws: `.usage` for a goal the rubric does not have; `Planner.inconsistent`
    ///   if a plan fails its proof by rescoring.
    public static func plan(
        submission: Submission, rubric: Rubric, options: ScoringOptions, goals: [String] = [],
        maxPlans: Int = 3, judgments: Bool = false
    ) throws(CertifyError) -> PlanReport {
        let current = Scorer.score(submission, rubric: rubric, options: options)
        let indicators = rubric.indicators.indices.map {
            LevelBuilder.options(position: $0, rubric: rubric, submission: submission, judgments: judgments)
        }
        let context = Context(
            rubric: rubric, submission: submission, scoring: options, current: current, options: indicators,
            maxPlans: max(1, maxPlans))
        var planned: [GoalPlans] = []
        for goal in try Goals.resolve(goals, rubric: rubric, current: current) {
            planned.append(try context.plan(goal))
        }
        return PlanReport(
            current: current, goals: planned, margin: Outlook.margin(current),
            risks: Outlook.risks(context), missing: Outlook.missing(current))
    }
}

/// A goal to plan for.
struct Goal {
    var id: String
    var threshold: Rational
    var certifies: Bool
    var reached: Bool
}

enum Goals {
    static func resolve(_ asked: [String], rubric: Rubric, current: ScoreResult) throws(CertifyError) -> [Goal] {
        var all: [Goal] = []
        switch rubric.decision {
        case .pass(let mark):
            all = [Goal(id: "pass", threshold: mark, certifies: true, reached: current.certified)]
        case .grades(let grades, let from):
            let certifying = grades.firstIndex { $0.id == from } ?? -1
            let now = grades.firstIndex { $0.id == current.grade } ?? grades.count
            for (index, grade) in grades.enumerated() {
                let certifies = index <= certifying
                let reached = index > now || (index == now && (!certifies || current.certified))
                all.append(Goal(id: grade.id, threshold: grade.min, certifies: certifies, reached: reached))
            }
            all.reverse()  // nearest first
        }
        guard !asked.isEmpty else { return all.filter { !$0.reached } }
        var chosen: [Goal] = []
        for id in asked {
            guard let goal = all.first(where: { $0.id == id }) else {
                throw CertifyError(
                    .usage, [Diagnostic(.planUnknownGoal(goal: id, rubric: rubric.id, goals: all.reversed().map(\.id)))])
            }
            if !chosen.contains(where: { $0.id == id }) { chosen.append(goal) }
        }
        return chosen
    }
}

/// Everything one dossier's plans are made from.
struct Context {
    let rubric: Rubric
    let submission: Submission
    let scoring: ScoringOptions
    let current: ScoreResult
    let options: [IndicatorOptions]
    let maxPlans: Int

    /// The current result of each indicator, by position.
    var currentResults: [IndicatorResult] { current.areas.flatMap(\.indicators) }

    func plan(_ goal: Goal) throws(CertifyError) -> GoalPlans {
        var result = GoalPlans(
            goal: goal.id, threshold: goal.threshold, certifies: goal.certifies, reachable: true, reached: goal.reached,
            reason: nil, plans: [])
        if goal.reached { return result }
        if let reason = obstacle(goal) {
            result.reachable = false
            result.reason = reason
            return result
        }
        let scenarios = Scenarios.all(self, goal: goal)
        var search = Search(rubric: rubric, goal: hundredths(goal.threshold), maxPlans: maxPlans, scenarios: scenarios)
        if !scenarios.isEmpty { search.run() }
        guard !search.best.isEmpty else {
            result.reachable = false
            result.reason = .planNoCombination(goal: goal.id)
            return result
        }
        for candidate in search.best {
            result.plans.append(try prove(candidate, scenario: scenarios[candidate.scenario], goal: goal))
        }
        return result
    }

    /// Why no plan can reach `goal`, when that can be told without searching.
    private func obstacle(_ goal: Goal) -> Message? {
        let threshold = goal.threshold
        if goal.certifies {
            let prerequisites = rubric.indicators.filter(\.mandatory).map(Scorer.prerequisiteFinding)
            let blocking = current.findings.filter { $0.severity == .error && !prerequisites.contains($0) }
            if !blocking.isEmpty {
                return .planErrorsRemain(blocking.map(\.message))
            }
            for option in options where option.indicator.mandatory && option.raw == 0 && option.raises.isEmpty {
                return .planMandatoryFixed(indicator: option.indicator.id, because: option.fixedBecause)
            }
        }
        let best = Scorer.score(maximal(), rubric: rubric, options: scoring)
        if best.total < threshold {
            return .planMaximumBelow(total: best.total, threshold: threshold)
        }
        return nil
    }

    /// The dossier with every changeable indicator at its most points and,
    /// where electives are declared, the best ones declared.
    private func maximal() -> Submission {
        var changed = submission
        for option in options {
            guard let top = option.raises.last else { continue }
            changed.inputs[option.position] = BoundInput(
                value: top.input, asGiven: .text(top.asGiven), evidence: option.current?.evidence ?? [])
        }
        for group in rubric.electiveGroups where !(submission.declaredElectives[group.id] ?? []).isEmpty {
            let members = Electives.members(of: group, in: rubric)
            let most = { (position: Int) in max(self.options[position].raw, self.options[position].raises.last?.points ?? 0) }
            changed.declaredElectives[group.id] = members.sorted { a, b in
                most(a) != most(b) ? most(a) > most(b) : a < b
            }.prefix(group.choose).map { rubric.indicators[$0].id }
        }
        return changed
    }

    /// Applies the candidate, rescores it with the real scorer and checks
    /// that it reaches the goal with the total the search computed.
    private func prove(_ candidate: Candidate, scenario: Scenario, goal: Goal) throws(CertifyError) -> Plan {
        var changed = submission
        var changes: [PlanChange] = []
        let results = currentResults
        var steps = 0
        for position in candidate.entries {
            let option = options[position]
            var move = scenario.moves[position][candidate.moves[position]]
            if let level = candidate.levels[position] {
                move.points = move.levels![level].points
                move.raise = move.levels![level].raise
            }
            let from = Self.shown(option.current)
            var change = PlanChange(
                indicator: option.indicator, declare: nil, from: from, to: from,
                pointsFrom: results[position].points, pointsTo: fromHundredths(move.points), steps: move.steps, added: [])
            if let raise = move.raise.map({ option.raises[$0] }) {
                changed.inputs[position] = BoundInput(
                    value: raise.input, asGiven: .text(raise.asGiven), evidence: option.current?.evidence ?? [])
                change.to = raise.shown
                change.added = raise.added
            }
            switch scenario.roles[position] {
            case .added: change.declare = true
            case .removed: change.declare = false
            default: if scenario.withdrawn[position] { change.declare = false }
            }
            steps += move.steps
            changes.append(change)
        }
        for (group, declared) in scenario.declared { changed.declaredElectives[group] = declared }
        let result = Scorer.score(changed, rubric: rubric, options: scoring)
        let reaches = result.total >= goal.threshold && (!goal.certifies || result.certified)
        guard reaches, hundredths(result.total) == candidate.total else {
            throw CertifyError(Planner.inconsistent, [Diagnostic(
                "planner: a plan for \(goal.id) (\(changes.map(\.indicator.id).joined(separator: ", "))) was expected to total \(fromHundredths(candidate.total)) but rescores to \(result.total) (certified: \(result.certified)); this is a bug in certify plan",
                at: submission.dossier.location)])
        }
        return Plan(
            changes: changes, result: result, changed: candidate.changed, steps: steps,
            gained: result.total - current.total)
    }

    static func shown(_ input: BoundInput?) -> PlanInput? {
        guard let input else { return nil }
        if case .set(let items) = input.value { return .items(items) }
        return .value(input.asGiven.text(.en))
    }
}

/// The elective scenarios: which electives count after the plan.
enum Scenarios {
    /// One way a group's declarations can stand after the plan.
    struct Alternative {
        var roles: [Int: Role] = [:]
        /// Least final points of a member (hundredths).
        var floors: [Int: Int] = [:]
        /// Members that must end with no points (the value kept at 0).
        var zero: Set<Int> = []
        /// The group's declarations after the plan: nil as they are, empty withdrawn.
        var declared: [String]?
        var withdrawn: [Int] = []
    }

    static func all(_ context: Context, goal: Goal) -> [Scenario] {
        let rubric = context.rubric
        let count = rubric.indicators.count
        var perGroup: [[Alternative]] = []
        for group in rubric.electiveGroups {
            let members = Electives.members(of: group, in: rubric)
            let declaredIDs = context.submission.declaredElectives[group.id] ?? []
            var alternatives: [Alternative] = []
            if declaredIDs.isEmpty {
                // The engine picks the best k, now and after the plan.
                alternatives = picks(context, members: members, choose: group.choose)
            } else {
                let declared = Set(declaredIDs.compactMap { id in members.first { rubric.indicators[$0].id == id } })
                for size in 0...min(group.choose, members.count) {
                    for chosen in subsets(members, size: size) {
                        let added = chosen.filter { !declared.contains($0) }
                        let removed = declared.filter { !chosen.contains($0) }
                        guard removed.count <= added.count, removed.isEmpty || size == group.choose else { continue }
                        var alternative = Alternative()
                        for member in members {
                            alternative.roles[member] = chosen.contains(member)
                                ? (declared.contains(member) ? .counted : .added)
                                : (declared.contains(member) ? .removed : .idle)
                        }
                        let kept = declaredIDs.filter { id in !removed.contains { rubric.indicators[$0].id == id } }
                        alternative.declared = kept + added.map { rubric.indicators[$0].id }
                        alternatives.append(alternative)
                    }
                }
                // Withdrawing every declaration (one change) lets the engine
                // pick the best k. It must count some member the declarations
                // left out with points: per pick, the first such member in
                // rubric order is named, those before it end at 0, so each
                // plan belongs to one scenario.
                for pick in picks(context, members: members, choose: group.choose) {
                    let newcomers = members.filter { pick.roles[$0] == .counted && !declared.contains($0) }
                    for (index, first) in newcomers.enumerated() {
                        var alternative = pick
                        alternative.floors[first] = max(alternative.floors[first] ?? 0, 1)
                        alternative.zero = Set(newcomers[..<index])
                        alternative.declared = []
                        alternative.withdrawn = declared.sorted()
                        alternatives.append(alternative)
                    }
                }
            }
            perGroup.append(alternatives)
        }
        var result: [Scenario] = []
        var cache: [MoveKey: [Move]] = [:]
        var pick = Array(repeating: 0, count: perGroup.count)
        while true {
            var roles = Array(repeating: Role.counted, count: count)
            var floors = Array(repeating: 0, count: count)
            var zero = Array(repeating: false, count: count)
            var withdrawn = Array(repeating: false, count: count)
            var extra = 0
            var declared: [String: [String]] = [:]
            for (group, alternatives) in perGroup.enumerated() {
                let alternative = alternatives[pick[group]]
                for (position, role) in alternative.roles { roles[position] = role }
                for (position, floor) in alternative.floors { floors[position] = floor }
                for position in alternative.zero { zero[position] = true }
                for position in alternative.withdrawn { withdrawn[position] = true }
                if !alternative.withdrawn.isEmpty { extra += 1 }
                if let list = alternative.declared { declared[rubric.electiveGroups[group].id] = list }
            }
            if var scenario = scenario(
                context, goal: goal, roles: roles, bounds: floors, zero: zero, declared: declared, cache: &cache) {
                scenario.withdrawn = withdrawn
                scenario.extra = extra
                result.append(scenario)
            }
            // Next combination of alternatives.
            var group = perGroup.count - 1
            while group >= 0 {
                pick[group] += 1
                if pick[group] < perGroup[group].count { break }
                pick[group] = 0
                group -= 1
            }
            if group < 0 { break }
        }
        return result
    }

    /// The engine's pick of the best k after the plan, one alternative per
    /// chosen set: every counted member must end above the members left out
    /// (at least equal to those after it in rubric order, which ties favour),
    /// and those are left as they are.
    private static func picks(_ context: Context, members: [Int], choose: Int) -> [Alternative] {
        var result: [Alternative] = []
        for chosen in subsets(members, size: min(choose, members.count)) {
            var alternative = Alternative()
            for member in members {
                guard chosen.contains(member) else { alternative.roles[member] = .idle; continue }
                alternative.roles[member] = .counted
                var least = 0
                for other in members where !chosen.contains(other) {
                    least = max(least, context.options[other].raw + (other < member ? 1 : 0))
                }
                alternative.floors[member] = least
            }
            result.append(alternative)
        }
        return result
    }

    /// The moves of every indicator, or nil when some indicator has none.
    /// What an indicator's moves depend on in a scenario: most indicators
    /// have the same in every scenario, and their moves (a linear method's
    /// may list thousands of levels) are made once and shared.
    private struct MoveKey: Hashable {
        var position: Int
        var role: Role
        var least: Int
        var zero: Bool
    }

    private static func scenario(
        _ context: Context, goal: Goal, roles: [Role], bounds: [Int], zero: [Bool], declared: [String: [String]],
        cache: inout [MoveKey: [Move]]
    ) -> Scenario? {
        var moves: [[Move]] = []
        for (position, option) in context.options.enumerated() {
            var least = bounds[position]
            if goal.certifies && option.indicator.mandatory { least = max(least, 1) }
            let key = MoveKey(position: position, role: roles[position], least: least, zero: zero[position])
            if let list = cache[key] {
                if list.isEmpty { return nil }
                moves.append(list)
                continue
            }
            // Raises come by ascending points: the allowed ones are a suffix
            // (a linear method may have thousands; none is copied).
            let levels = option.raises
            var first = levels.count
            while first > 0 && levels[first - 1].points >= least { first -= 1 }
            let allowed = first..<levels.count
            var raises: [Move]
            if case .linear = option.indicator.method, !allowed.isEmpty {
                // Every level is one step: the level only moves the total, and
                // the best plan for a set takes the least level that reaches the
                // goal, so the search decides it last (`Move.levels`).
                raises = [Move(points: levels[levels.count - 1].points, changes: 1, steps: 1, raise: nil,
                               levels: allowed.map { (levels[$0].points, $0) })]
            } else {
                raises = allowed.map { Move(points: levels[$0].points, changes: 1, steps: levels[$0].steps, raise: $0) }
            }
            var list: [Move] = []
            switch roles[position] {
            case .counted:
                if option.raw >= least { list.append(Move(points: option.raw, changes: 0, steps: 0, raise: nil)) }
                list += raises
            case .added:
                if option.raw >= max(least, 1) { list.append(Move(points: option.raw, changes: 1, steps: 0, raise: nil)) }
                list += raises
            case .removed, .idle:
                list.append(Move(points: 0, changes: 0, steps: 0, raise: nil))
            }
            if zero[position] { list.removeAll { $0.changes > 0 || $0.points > 0 } }
            cache[key] = list
            if list.isEmpty { return nil }
            moves.append(list)
        }
        return Scenario(
            roles: roles, moves: moves, declared: declared, withdrawn: Array(repeating: false, count: roles.count), extra: 0)
    }

    /// Subsets of `items` of exactly `size` elements, in lexicographic order.
    static func subsets(_ items: [Int], size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard size <= items.count else { return [] }
        var result: [[Int]] = []
        var chosen: [Int] = []
        func walk(_ start: Int) {
            if chosen.count == size { result.append(chosen); return }
            guard start < items.count, items.count - start >= size - chosen.count else { return }
            for index in start..<items.count {
                chosen.append(items[index])
                walk(index + 1)
                chosen.removeLast()
            }
        }
        walk(0)
        return result
    }
}

