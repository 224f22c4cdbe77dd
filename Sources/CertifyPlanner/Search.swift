import CertifyModel

/// One way to handle an indicator in a plan.
struct Move {
    /// Final points that count, in hundredths.
    var points: Int
    /// 1 when the indicator is changed (a value raised or an elective declared).
    var changes: Int
    var steps: Int
    /// Index into the indicator's `raises`, or nil to keep the value.
    var raise: Int?
    /// A raise whose level is decided when the rest of the plan is known
    /// (linear methods): each level's points (ascending) and raise index.
    /// `points` is then the highest.
    var levels: [(points: Int, raise: Int)]?

    init(points: Int, changes: Int, steps: Int, raise: Int?, levels: [(points: Int, raise: Int)]? = nil) {
        self.points = points
        self.changes = changes
        self.steps = steps
        self.raise = raise
        self.levels = levels
    }

    /// The least points this move can give.
    var least: Int { levels?.first?.points ?? points }
}

/// What a plan does with an indicator under one elective scenario.
enum Role {
    /// Counts; may be kept (if allowed) or raised.
    case counted
    /// An elective declared by the plan: always a change.
    case added
    /// An elective whose declaration the plan removes (a swap): counts 0.
    case removed
    /// Does not count and is left alone.
    case idle
}

/// An assignment of roles and moves for every indicator, for one goal.
struct Scenario {
    var roles: [Role]
    /// Moves per indicator, the keep move (if allowed) first, then raises
    /// by ascending points.
    var moves: [[Move]]
    /// Declared electives after the plan, by group id (absent: left as they
    /// are; empty: every declaration withdrawn, so the engine picks).
    var declared: [String: [String]]
    /// Declared electives whose declaration the plan withdraws (the whole
    /// list of a group at once): listed in the plan, one change per group.
    var withdrawn: [Bool]
    /// Changes made by the plan that no indicator's move counts: one per
    /// group whose declarations are withdrawn.
    var extra: Int

    /// Whether the plan lists `position` whatever its move (a declaration
    /// removed in a swap or withdrawn).
    func listed(_ position: Int) -> Bool { roles[position] == .removed || withdrawn[position] }
}

/// A plan found by the search, before it is proved by rescoring.
struct Candidate {
    var changed: Int
    var steps: Int
    var total: Int
    /// Positions of the changed indicators (removed declarations included), ascending.
    var entries: [Int]
    var scenario: Int
    var moves: [Int]
    /// For moves with `levels`: the level chosen, by position.
    var levels: [Int: Int] = [:]

    /// The spec's order: fewest changes, fewest steps, least total, rubric order.
    func isBetter(than other: Candidate) -> Bool {
        if changed != other.changed { return changed < other.changed }
        if steps != other.steps { return steps < other.steps }
        if total != other.total { return total < other.total }
        return entries.lexicographicallyPrecedes(other.entries)
    }
}

/// Exact search for the K best plans with distinct sets of changed
/// indicators. Plans are enumerated by number of changes; within one, a
/// depth-first branch and bound over the indicators in rubric order prunes
/// every branch that cannot reach the goal (an exact upper bound on the
/// total with the changes left, area caps included) or cannot beat the K-th
/// plan found (lower bounds on steps, total and rubric order).
struct Search {
    let rubric: Rubric
    let goal: Int
    let maxPlans: Int
    let scenarios: [Scenario]
    /// Area of each indicator position, and each area's range and cap.
    let areaOf: [Int]
    let areaRanges: [Range<Int>]
    let caps: [Int]

    private(set) var best: [Candidate] = []

    init(rubric: Rubric, goal: Int, maxPlans: Int, scenarios: [Scenario]) {
        self.rubric = rubric
        self.goal = goal
        self.maxPlans = maxPlans
        self.scenarios = scenarios
        var areaOf: [Int] = []
        var ranges: [Range<Int>] = []
        for (index, area) in rubric.areas.enumerated() {
            let start = areaOf.count
            areaOf += Array(repeating: index, count: area.indicators.count)
            ranges.append(start..<areaOf.count)
        }
        self.areaOf = areaOf
        self.areaRanges = ranges
        self.caps = rubric.areas.map { hundredths($0.max.rounded(places: 2)) }
    }

    /// Runs the search: after it, `best` holds up to `maxPlans` candidates, best first.
    mutating func run() {
        let count = rubric.indicators.count
        let bounds = scenarios.map { Bounds(self, $0) }
        let cache = StepTableCache(count: scenarios.count)
        for changes in 0...(count + (scenarios.map(\.extra).max() ?? 0)) {
            for index in scenarios.indices where scenarios[index].extra <= changes {
                var walk = Walk(search: self, scenario: scenarios[index], bounds: bounds[index], index: index, changes: changes)
                walk.cache = cache
                walk.visit(position: 0, area: 0, areaSum: 0, done: 0, used: scenarios[index].extra, steps: 0)
                best = walk.local.best
            }
            if best.count >= maxPlans { return }
        }
    }

    /// The K-th plan so far, when there are K.
    var kth: Candidate? { best.count >= maxPlans ? best.last : nil }

    mutating func insert(_ candidate: Candidate) {
        if let same = best.firstIndex(where: { $0.entries == candidate.entries }) {
            guard candidate.isBetter(than: best[same]) else { return }
            best.remove(at: same)
        } else if let kth, !candidate.isBetter(than: kth) {
            return
        }
        let at = best.firstIndex { candidate.isBetter(than: $0) } ?? best.count
        best.insert(candidate, at: at)
        if best.count > maxPlans { best.removeLast() }
    }
}

/// Per-scenario tables for the bounds.
struct Bounds {
    static let none = Int.min / 4
    /// Least final points of each indicator (keep, or its least move).
    var least: [Int]
    /// Sum of `least` from each position to the end of its area.
    var restLeast: [Int]
    /// For each position: the most points the indicators from it to the end
    /// of its area give with exactly c changes (index c; uncapped), `none`
    /// where no choice of moves makes exactly c changes. A multiple-choice
    /// knapsack over the moves, so the bound is exact: a walk that passes it
    /// can always be completed (steps aside), and one with no completion
    /// reaching the goal is cut where it starts.
    var inArea: [[Int]]
    /// For each area (and one past the last): the most the areas from it on
    /// give with exactly c changes, each capped; and the least they give.
    var after: [[Int]]
    var afterLeast: [Int]
    /// Changes that must be made from each position on (forced moves).
    var forced: [Int]
    /// Positions from each one on whose change may take no step (declarations).
    var stepless: [Int]

    init(_ search: Search, _ scenario: Scenario) {
        let count = scenario.moves.count
        let none = Bounds.none
        let least = scenario.moves.map { $0.map(\.least).min() ?? 0 }
        var restLeast = Array(repeating: 0, count: count + 1)
        var forced = Array(repeating: 0, count: count + 1)
        var stepless = Array(repeating: 0, count: count + 1)
        var inArea: [[Int]] = Array(repeating: [0], count: count)
        var whole: [[Int]] = []
        for range in search.areaRanges {
            var next = [0]  // past the area's end: nothing left, no change
            for position in range.reversed() {
                restLeast[position] = least[position] + (position + 1 < range.upperBound ? restLeast[position + 1] : 0)
                let width = next.count + 1
                var table = Array(repeating: none, count: width)
                for move in scenario.moves[position] {
                    for (c, value) in next.enumerated() where value != none {
                        let index = c + move.changes
                        if value + move.points > table[index] { table[index] = value + move.points }
                    }
                }
                while table.count > 1 && table.last == none { table.removeLast() }
                inArea[position] = table
                next = table
            }
            whole.append(next)
        }
        for position in stride(from: count - 1, through: 0, by: -1) {
            let moves = scenario.moves[position]
            forced[position] = forced[position + 1] + (!moves.isEmpty && moves.allSatisfy { $0.changes > 0 } ? 1 : 0)
            stepless[position] = stepless[position + 1] + (moves.contains { $0.changes > 0 && $0.steps == 0 } ? 1 : 0)
        }
        let areas = search.areaRanges.count
        var after: [[Int]] = Array(repeating: [0], count: areas + 1)
        var afterLeast = Array(repeating: 0, count: areas + 1)
        for area in stride(from: areas - 1, through: 0, by: -1) {
            let range = search.areaRanges[area]
            let cap = search.caps[area]
            let here = whole[area], later = after[area + 1]
            afterLeast[area] = Swift.min(range.isEmpty ? 0 : restLeast[range.lowerBound], cap) + afterLeast[area + 1]
            var table = Array(repeating: none, count: here.count + later.count - 1)
            for (c1, value) in here.enumerated() where value != none {
                let capped = Swift.min(value, cap)
                for (c2, rest) in later.enumerated() where rest != none {
                    if capped + rest > table[c1 + c2] { table[c1 + c2] = capped + rest }
                }
            }
            after[area] = table
        }
        self.least = least
        self.restLeast = restLeast
        self.inArea = inArea
        self.after = after
        self.afterLeast = afterLeast
        self.forced = forced
        self.stepless = stepless
    }

    /// The most the plan can total from `position` (in `area`, whose
    /// indicators so far sum to `areaSum`, capped at `cap`) on with exactly
    /// `changes` changes; `none` when no completion makes exactly that many.
    func most(position: Int, area: Int, areaSum: Int, cap: Int, changes: Int) -> Int {
        let here = inArea[position], later = after[area + 1]
        var best = Bounds.none
        for c1 in 0..<Swift.min(here.count, changes + 1) {
            let value = here[c1]
            let c2 = changes - c1
            guard value != Bounds.none, c2 < later.count else { continue }
            let rest = later[c2]
            guard rest != Bounds.none else { continue }
            let total = Swift.min(areaSum + value, cap) + rest
            if total > best { best = total }
        }
        return best
    }
}

/// One depth-first walk: one scenario, an exact number of changes.
struct Walk {
    let search: Search
    let scenario: Scenario
    let bounds: Bounds
    let index: Int
    let changes: Int
    /// The K-th best known (from earlier walks and this one).
    var kth: Candidate?
    var local: Search
    var chosen: [Int]
    var entries: [Int] = []
    /// Whether some move of the scenario has deferred levels.
    let hasDeferred: Bool
    /// Step-bounded tables, shared by the walks of one search.
    var cache: StepTableCache?

    init(search: Search, scenario: Scenario, bounds: Bounds, index: Int, changes: Int) {
        self.search = search
        self.scenario = scenario
        self.bounds = bounds
        self.index = index
        self.changes = changes
        self.local = search
        self.kth = search.kth
        self.chosen = Array(repeating: 0, count: scenario.moves.count)
        self.hasDeferred = scenario.moves.contains { $0.contains { $0.levels != nil } }
    }

    mutating func visit(position: Int, area: Int, areaSum: Int, done: Int, used: Int, steps: Int) {
        visit(position: position, area: area, areaSum: areaSum, done: done, areaLeast: areaSum, doneLeast: done,
              used: used, steps: steps)
    }

    /// `areaSum`/`done` count deferred levels at their highest, `areaLeast`/
    /// `doneLeast` at their lowest.
    mutating func visit(
        position: Int, area: Int, areaSum: Int, done: Int, areaLeast: Int, doneLeast: Int, used: Int, steps: Int
    ) {
        let count = scenario.moves.count
        var area = area, areaSum = areaSum, done = done, areaLeast = areaLeast, doneLeast = doneLeast
        // Close the areas that end here.
        while area < search.areaRanges.count && search.areaRanges[area].upperBound <= position {
            done += Swift.min(areaSum, search.caps[area])
            doneLeast += Swift.min(areaLeast, search.caps[area])
            areaSum = 0
            areaLeast = 0
            area += 1
        }
        let left = changes - used
        if position == count {
            guard left == 0, done >= search.goal else { return }
            var candidate = Candidate(changed: changes, steps: steps, total: done, entries: entries, scenario: index, moves: chosen)
            if hasDeferred {
                // Even a single level must be picked (and where caps make
                // every level total the same, the lowest one).
                guard let (total, levels) = resolveLevels() else { return }
                candidate.total = total
                candidate.levels = levels
            }
            if let kth, !candidate.isBetter(than: kth) { return }
            record(candidate)
            return
        }
        // The exact most the total can reach with `left` changes.
        let cap = search.caps[area]
        let most = bounds.most(position: position, area: area, areaSum: areaSum, cap: cap, changes: left)
        guard most != Bounds.none else { return }
        guard done + most >= search.goal else { return }
        // Lower bounds against the K-th plan.
        if let kth {
            let leastBase = areaLeast + bounds.restLeast[position]
            let leastTotal = Swift.max(search.goal, doneLeast + Swift.min(leastBase, cap) + bounds.afterLeast[area + 1])
            let leastSteps = steps + Swift.max(0, left - bounds.stepless[position])
            if (changes, leastSteps, leastTotal) > (kth.changed, kth.steps, kth.total) { return }
            if (changes, leastSteps, leastTotal) == (kth.changed, kth.steps, kth.total),
               !leastEntries(from: position, left: left).lexicographicallyPrecedes(kth.entries) { return }
            // Only completions within the K-th plan's steps can beat it: the
            // most points reachable with `left` changes and that many steps.
            if kth.changed == changes, let tables = stepTables(steps: kth.steps) {
                let budget = kth.steps - steps
                guard budget >= 0 else { return }
                guard done + tables.most(position: position, area: area, areaSum: areaSum, cap: cap,
                                         changes: left, steps: budget) >= search.goal else { return }
                // When one step less cannot reach the goal, every completion
                // ties the K-th plan's steps: it must then beat its total or
                // rubric order.
                if budget > 0, leastSteps < kth.steps,
                   done + tables.most(position: position, area: area, areaSum: areaSum, cap: cap,
                                      changes: left, steps: budget - 1) < search.goal {
                    if leastTotal > kth.total { return }
                    if leastTotal == kth.total,
                       !leastEntries(from: position, left: left).lexicographicallyPrecedes(kth.entries) { return }
                }
            }
        }
        for (moveIndex, move) in scenario.moves[position].enumerated() {
            guard move.changes <= left else { continue }
            let isEntry = move.changes > 0 || scenario.listed(position)
            if isEntry { entries.append(position) }
            chosen[position] = moveIndex
            visit(position: position + 1, area: area, areaSum: areaSum + move.points, done: done,
                  areaLeast: areaLeast + move.least, doneLeast: doneLeast, used: used + move.changes,
                  steps: steps + move.steps)
            if isEntry { entries.removeLast() }
        }
    }

    /// The levels of the deferred moves on the current path that give the
    /// least total reaching the goal, exactly: each deferred move in turn,
    /// its levels ascending, the others bounded by their lowest and highest;
    /// the last one by binary search (the total rises with its level).
    private func resolveLevels() -> (total: Int, levels: [Int: Int])? {
        var fixedSums = Array(repeating: 0, count: search.areaRanges.count)
        var deferred: [(position: Int, area: Int, levels: [(points: Int, raise: Int)])] = []
        for position in scenario.moves.indices {
            let move = scenario.moves[position][chosen[position]]
            if let levels = move.levels {
                deferred.append((position, search.areaOf[position], levels))
            } else {
                fixedSums[search.areaOf[position]] += move.points
            }
        }
        let caps = search.caps
        let goal = search.goal
        func total(_ sums: [Int]) -> Int { zip(sums, caps).reduce(0) { $0 + Swift.min($1.0, $1.1) } }
        var best: (total: Int, levels: [Int: Int])?
        var picked: [Int: Int] = [:]
        func explore(_ at: Int, _ sums: [Int]) {
            if let best, best.total == goal { return }
            let item = deferred[at]
            var high = sums, low = sums
            for later in deferred[(at + 1)...] {
                high[later.area] += later.levels.last!.points
                low[later.area] += later.levels.first!.points
            }
            func with(_ level: Int, _ base: [Int]) -> Int {
                var copy = base
                copy[item.area] += item.levels[level].points
                return total(copy)
            }
            // The first level whose total can reach the goal.
            var lo = 0, hi = item.levels.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if with(mid, high) >= goal { hi = mid } else { lo = mid + 1 }
            }
            guard lo < item.levels.count else { return }
            if at == deferred.count - 1 {
                let value = with(lo, sums)
                if best == nil || value < best!.total {
                    picked[item.position] = lo
                    best = (value, picked)
                }
                return
            }
            for level in lo..<item.levels.count {
                if let best, with(level, low) >= best.total { break }
                var next = sums
                next[item.area] += item.levels[level].points
                picked[item.position] = level
                explore(at + 1, next)
                if let best, best.total == goal { return }
            }
            picked[item.position] = nil
        }
        if deferred.isEmpty { return (total(fixedSums), [:]) }
        explore(0, fixedSums)
        return best
    }

    /// The smallest entry list any completion can have: the entries so far,
    /// the fixed ones ahead, and the first changeable positions ahead.
    private func leastEntries(from position: Int, left: Int) -> [Int] {
        var result = entries
        var free = left - bounds.forced[position]
        for ahead in position..<scenario.moves.count {
            let moves = scenario.moves[ahead]
            let fixed = scenario.listed(ahead) || (!moves.isEmpty && moves.allSatisfy { $0.changes > 0 })
            if fixed {
                result.append(ahead)
            } else if free > 0 && moves.contains(where: { $0.changes > 0 }) {
                result.append(ahead)
                free -= 1
            }
        }
        return result
    }

    /// The step-bounded tables covering `changes` and `steps`, made when first needed.
    private mutating func stepTables(steps: Int) -> StepTables? {
        guard let cache else { return nil }
        if let tables = cache.tables[index], tables.changes >= changes, tables.steps >= steps { return tables }
        guard let tables = StepTables(search: search, scenario: scenario, changes: changes, steps: steps) else {
            return nil
        }
        cache.tables[index] = tables
        return tables
    }

    private mutating func record(_ candidate: Candidate) {
        local.insert(candidate)
        kth = local.kth
    }
}


/// Step-bounded tables of each scenario, kept across the walks of one search.
final class StepTableCache {
    var tables: [StepTables?]

    init(count: Int) { tables = Array(repeating: nil, count: count) }
}

/// For one scenario, the most points reachable with exactly c changes and at
/// most s steps (c ≤ `changes`, s ≤ `steps`): within an area from each
/// position on (uncapped), and over the areas from each one on (each capped).
/// An exact upper bound (every move's highest points), so pruning with it
/// never loses a plan: a multiple-choice knapsack over the indicators.
struct StepTables {
    static let none = Int.min / 4
    let changes: Int
    let steps: Int
    /// Per position: [c * (steps + 1) + s], to the end of its area.
    let inArea: [[Int]]
    /// Per area (and one past the last): [c * (steps + 1) + s], capped per area.
    let after: [[Int]]

    /// Nil when the tables would be too large to be worth making.
    init?(search: Search, scenario: Scenario, changes: Int, steps: Int) {
        let width = steps + 1
        let size = (changes + 1) * width
        let areas = search.areaRanges.count
        guard size * size * areas <= 40_000_000 else { return nil }
        self.changes = changes
        self.steps = steps
        var empty = Array(repeating: StepTables.none, count: size)
        for s in 0..<width { empty[s] = 0 }
        var inArea = Array(repeating: [Int](), count: scenario.moves.count)
        var whole = Array(repeating: empty, count: areas)
        for (area, range) in search.areaRanges.enumerated() {
            var next = empty
            for position in range.reversed() {
                var table = Array(repeating: StepTables.none, count: size)
                for move in scenario.moves[position] where move.changes <= changes && move.steps <= steps {
                    for c in move.changes...changes {
                        let from = (c - move.changes) * width - move.steps
                        for s in move.steps..<width {
                            let value = next[from + s]
                            if value != StepTables.none && value + move.points > table[c * width + s] {
                                table[c * width + s] = value + move.points
                            }
                        }
                    }
                }
                inArea[position] = table
                next = table
            }
            whole[area] = next
        }
        var after = Array(repeating: empty, count: areas + 1)
        for area in stride(from: areas - 1, through: 0, by: -1) {
            let cap = search.caps[area]
            let here = whole[area], later = after[area + 1]
            var table = Array(repeating: StepTables.none, count: size)
            for c1 in 0...changes {
                for s1 in 0..<width {
                    let value = here[c1 * width + s1]
                    guard value != StepTables.none else { continue }
                    let capped = Swift.min(value, cap)
                    for c2 in 0...(changes - c1) {
                        for s2 in 0..<(width - s1) {
                            let rest = later[c2 * width + s2]
                            guard rest != StepTables.none else { continue }
                            let index = (c1 + c2) * width + s1 + s2
                            if capped + rest > table[index] { table[index] = capped + rest }
                        }
                    }
                }
            }
            after[area] = table
        }
        self.inArea = inArea
        self.after = after
    }

    /// The most the plan can total from `position` (in `area`, whose
    /// indicators so far sum to `areaSum`) on, with exactly `changes`
    /// changes and at most `steps` steps; `none` when nothing fits.
    func most(position: Int, area: Int, areaSum: Int, cap: Int, changes: Int, steps: Int) -> Int {
        let width = self.steps + 1
        let here = inArea[position], later = after[area + 1]
        var best = StepTables.none
        for c1 in 0...changes {
            for s1 in 0...steps {
                let value = here[c1 * width + s1]
                guard value != StepTables.none else { continue }
                let rest = later[(changes - c1) * width + steps - s1]
                guard rest != StepTables.none else { continue }
                let total = Swift.min(areaSum + value, cap) + rest
                if total > best { best = total }
            }
        }
        return best
    }
}
