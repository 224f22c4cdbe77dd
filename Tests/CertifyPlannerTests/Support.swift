import CertifyEngine
import CertifyModel
@testable import CertifyPlanner
import CertifyRuntime
import CertifyTestSupport
import Foundation
import Testing

extension Paths {
    /// This target's fixtures.
    static let fixtures = file("Tests/CertifyPlannerTests/Fixtures")
    /// The fictional green-campus rubric of CertifyTests' fixtures.
    static let greenCampus = fixtureRubrics.appendingPathComponent("green-campus.xml")
}

enum Shared {
    static let date = CalendarDate(iso: "2026-03-02")!
    static let options = ScoringOptions(date: date)
    static let shipped: Certifier = try! Certifier(rubricsDirectory: Paths.rubrics, schemas: .shipped())
    /// The caps-and-electives fixture and the fictional green-campus rubric
    /// with its linear indicator made a small count (so brute force can
    /// enumerate every level).
    static let testRubrics: (Certifier, Scratch) = {
        let scratch = Scratch()
        let caps = try! String(contentsOf: Paths.fixtures.appendingPathComponent("caps-electives.xml"), encoding: .utf8)
        scratch.write("caps-electives.xml", caps)
        var green = try! String(contentsOf: Paths.greenCampus, encoding: .utf8)
        green = green.replacingOccurrences(
            of: #"<indicator id="E-SOLAR" input="decimal""#, with: #"<indicator id="E-SOLAR" input="count""#)
        green = green.replacingOccurrences(of: #"<linear lo="0" hi="1000"/>"#, with: #"<linear lo="0" hi="8"/>"#)
        scratch.write("green-small.xml", green)
        return (try! Certifier(rubricsDirectory: scratch.directory, schemas: .shipped()), scratch)
    }()
    static var tests: Certifier { testRubrics.0 }
}

/// Binds dossier XML text with `certifier`.
func bind(_ xml: String, reviews: [String] = [], with certifier: Certifier) throws -> (Submission, Rubric) {
    let scratch = Scratch()
    let path = scratch.write("dossier.xml", xml)
    let reviewPaths = reviews.enumerated().map { scratch.write("review-\($0.offset).xml", $0.element) }
    return try certifier.bind(dossierPath: path, reviewPaths: reviewPaths)
}

func dossierXML(id: String = "T-1", rubric: String, version: String, kind: String, _ body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <dossier xmlns="urn:certify:dossier:1" id="\(id)" rubric="\(rubric)" rubric-version="\(version)">
      <applicant id="A1" kind="\(kind)"><name xml:lang="en">Test</name></applicant>
      \(body)
    </dossier>
    """
}

/// A deterministic generator (64-bit LCG), so every run tests the same dossiers.
struct Seeded {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    mutating func subset<T>(_ items: [T]) -> [T] { items.filter { _ in next(2) == 1 } }
}

/// The ranking key the spec fixes, and the set it is for.
struct Ranked: Equatable, CustomStringConvertible {
    var changed: Int
    var steps: Int
    var total: Rational
    var entries: [Int]
    var description: String { "(\(changed), \(steps), \(total), \(entries))" }
    func isBetter(than other: Ranked) -> Bool {
        if changed != other.changed { return changed < other.changed }
        if steps != other.steps { return steps < other.steps }
        if total != other.total { return total < other.total }
        return entries.lexicographicallyPrecedes(other.entries)
    }
}

extension Plan {
    func ranked(in rubric: Rubric) -> Ranked {
        let positions = changes.map { change in rubric.indicators.firstIndex { $0 === change.indicator }! }.sorted()
        return Ranked(changed: changed, steps: steps, total: result.total, entries: positions)
    }
}

/// Brute force: every combination of levels of every changeable indicator
/// and every admissible change of elective declarations, each rescored by
/// the real scorer; the K best reaching the goal, distinct sets.
struct BruteForce {
    struct Outcome { var ranked: Ranked; var result: ScoreResult }
    var outcomes: [Outcome] = []

    init(_ submission: Submission, rubric: Rubric, judgments: Bool = false) {
        let options = rubric.indicators.indices.map {
            LevelBuilder.options(position: $0, rubric: rubric, submission: submission, judgments: judgments)
        }
        let current = Scorer.score(submission, rubric: rubric, options: Shared.options)
        let currentPoints = current.areas.flatMap(\.indicators).map(\.points)
        // Declaration alternatives per group: nil keeps them as they are, an
        // empty list withdraws them all (one change; the engine then picks).
        typealias Alternative = (group: String, list: [String]?, added: [Int], removed: [Int], withdrawn: [Int], members: [Int])
        var declarations: [[Alternative]] = []
        for group in rubric.electiveGroups {
            let members = Electives.members(of: group, in: rubric)
            let declared = (submission.declaredElectives[group.id] ?? []).compactMap { id in
                members.first { rubric.indicators[$0].id == id }
            }
            var alternatives: [Alternative] = [(group.id, nil, [], [], [], members)]
            if !declared.isEmpty {
                for mask in 1..<(1 << members.count) {
                    let chosen = members.indices.filter { mask & (1 << $0) != 0 }.map { members[$0] }
                    let added = chosen.filter { !declared.contains($0) }
                    let removed = declared.filter { !chosen.contains($0) }
                    guard chosen.count <= group.choose, !added.isEmpty || !removed.isEmpty,
                          removed.count <= added.count, removed.isEmpty || chosen.count == group.choose else { continue }
                    let list = declared.filter { chosen.contains($0) } + added
                    alternatives.append((group.id, list.map { rubric.indicators[$0].id }, added, removed, [], members))
                }
                alternatives.append((group.id, [], [], [], declared, members))
            }
            declarations.append(alternatives)
        }
        var levels = options.map { option in [nil] + option.raises.indices.map { Optional($0) } }
        for index in levels.indices where !options[index].changeable { levels[index] = [nil] }
        var pick = Array(repeating: 0, count: levels.count)
        var decl = Array(repeating: 0, count: declarations.count)
        while true {
            var changed = submission
            var raised: [Int] = []
            var steps = 0
            for position in levels.indices {
                guard let level = levels[position][pick[position]] else { continue }
                let raise = options[position].raises[level]
                changed.inputs[position] = BoundInput(value: raise.input, asGiven: .text(raise.asGiven), evidence: [])
                raised.append(position)
                steps += raise.steps
            }
            var added: [Int] = [], removed: [Int] = [], withdrawn: [Int] = []
            var withdrawals: [Alternative] = []
            for (group, alternatives) in declarations.enumerated() {
                let alternative = alternatives[decl[group]]
                if let list = alternative.list { changed.declaredElectives[alternative.group] = list }
                added += alternative.added
                removed += alternative.removed
                withdrawn += alternative.withdrawn
                if !alternative.withdrawn.isEmpty { withdrawals.append(alternative) }
            }
            if !raised.isEmpty || !added.isEmpty || !withdrawals.isEmpty {
                let result = Scorer.score(changed, rubric: rubric, options: Shared.options)
                let points = result.areas.flatMap(\.indicators).map(\.points)
                // Every change must raise the points that count; a withdrawal
                // must count a member its declarations left out, with points.
                let raises = raised.allSatisfy { points[$0] > currentPoints[$0] } && added.allSatisfy { points[$0] > .zero }
                    && withdrawals.allSatisfy { alternative in
                        alternative.members.contains { !alternative.withdrawn.contains($0) && points[$0] > .zero }
                    }
                if raises {
                    let entries = Array(Set(raised + added + removed + withdrawn)).sorted()
                    outcomes.append(Outcome(
                        ranked: Ranked(
                            changed: Set(raised + added).count + withdrawals.count, steps: steps, total: result.total,
                            entries: entries),
                        result: result))
                }
            }
            // Next combination.
            var index = 0
            while index < pick.count {
                pick[index] += 1
                if pick[index] < levels[index].count { break }
                pick[index] = 0
                index += 1
            }
            if index == pick.count {
                var group = 0
                while group < decl.count {
                    decl[group] += 1
                    if decl[group] < declarations[group].count { break }
                    decl[group] = 0
                    group += 1
                }
                if group == decl.count { break }
            }
        }
    }

    func best(_ goal: GoalPlans, plans: Int) -> [Ranked] {
        var best: [Ranked] = []
        for outcome in outcomes
        where outcome.result.total >= goal.threshold && (!goal.certifies || outcome.result.certified) {
            if let same = best.firstIndex(where: { $0.entries == outcome.ranked.entries }) {
                if outcome.ranked.isBetter(than: best[same]) { best[same] = outcome.ranked }
            } else {
                best.append(outcome.ranked)
            }
        }
        return Array(best.sorted { $0.isBetter(than: $1) }.prefix(plans))
    }
}
