// In-process benchmark of the planner on a generated 2,000-point rubric with
// 53 indicators (every method of the vocabulary, area caps, a "choose 3 of 5"
// elective group, mandatory indicators, grades), over seeded dossiers.
// Run by scripts/bench-plan; not a test. Prints one line per figure.
import CertifyEngine
import CertifyModel
import CertifyPlanner
import CertifyXML
import Foundation

struct Seeded {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
}

/// 53 indicators in 6 areas (rubric XML, decoded as any rubric is); maxima
/// sum to more than the area caps, which sum to 2,000.
func rubricXML() -> String {
    var random = Seeded(state: 53)
    var areas: [String] = []
    let ids = ["ALPHA", "BETA", "GAMMA", "DELTA", "EPSILON", "ZETA"]
    let caps = [348, 348, 348, 348, 348, 260]
    let counts = [9, 9, 9, 9, 9, 8]
    var made = 0
    for (areaIndex, id) in ids.enumerated() {
        var indicators: [String] = []
        for local in 0..<counts[areaIndex] {
            let number = made
            made += 1
            let max = 4 * (11 + random.next(4))  // 44 … 56, divisible by 4
            let name = "\(id)-\(local + 1)"
            var input = "count", method: String
            switch number % 9 {
            case 0, 5:
                method = "<bands><band min=\"0\" points=\"0\"/><band min=\"1\" points=\"\(max / 4)\"/><band min=\"3\" points=\"\(max / 2)\"/><band min=\"6\" points=\"\(3 * max / 4)\"/><band min=\"10\" points=\"\(max)\"/></bands>"
            case 1: input = "decimal"; method = "<linear lo=\"0\" hi=\"100\"/>"
            case 2: method = "<linear lo=\"0\" hi=\"40\"/>"
            case 3:
                input = "enum"
                method = "<choices><choice value=\"none\" points=\"0\"/><choice value=\"partial\" points=\"\(max / 2)\"/><choice value=\"full\" points=\"\(max)\"/></choices>"
            case 4: input = "boolean"; method = "<yes-no yes=\"\(max)\" no=\"0\"/>"
            case 6:
                input = "set"
                method = "<recognised-count>" + (1...5).map { "<recognised>S\($0)</recognised>" }.joined()
                    + "<bands><band min=\"0\" points=\"0\"/><band min=\"1\" points=\"\(max / 4)\"/><band min=\"3\" points=\"\(max / 2)\"/><band min=\"5\" points=\"\(max)\"/></bands></recognised-count>"
            case 7:
                input = "set"
                method = "<recognised-each points=\"\(max / 4)\">" + (1...4).map { "<recognised>C\($0)</recognised>" }.joined() + "</recognised-each>"
            default:
                input = "percent"
                method = "<bands><band min=\"0\" points=\"0\"/><band min=\"50\" points=\"\(max / 2)\"/><band min=\"99.9\" points=\"\(max)\"/></bands>"
            }
            if number == 17 { input = "kpis"; method = "<kpi-attainment zero-at=\"0.5\" full-at=\"1\"/>" }
            if number == 26 || number == 35 { input = "judgment"; method = "<judgment/>" }
            var attributes = "id=\"\(name)\" input=\"\(input)\" max=\"\(max)\""
            if areaIndex == 5 && local < 5 { attributes += " elective=\"pick\"" }
            else if number == 0 || number == 10 || number == 20 { attributes += " mandatory=\"true\"" }
            indicators.append("<indicator \(attributes)><label xml:lang=\"en\">\(name)</label>\(method)</indicator>")
        }
        areas.append("<area id=\"\(id)\" max=\"\(caps[areaIndex])\"><label xml:lang=\"en\">\(id)</label>\(indicators.joined())</area>")
    }
    return """
        <rubric xmlns="urn:certify:rubric:1" id="xx-bench" version="1"><title xml:lang="en">Bench</title>
        <applicants><kind>company</kind></applicants>
        <grades certified-from="C"><grade id="A" min="1700"/><grade id="B" min="1500"/><grade id="C" min="1200"/><grade id="D" min="800"/><grade id="E" min="0"/></grades>
        <validity years="2"/><panel min-score="1" max-score="5" trim-from="5" official-minimum="3"/>
        <elective-group id="pick" choose="3"><label xml:lang="en">pick</label></elective-group>
        \(areas.joined(separator: "\n"))</rubric>
        """
}

func dossierXML(_ rubric: Rubric, _ random: inout Seeded, number: Int) -> String {
    var body: [String] = []
    for indicator in rubric.indicators {
        guard random.next(8) > 0 else { continue }
        let id = indicator.id
        switch indicator.method {
        case .bands(let bands): body.append("<value indicator=\"\(id)\">\(bands[random.next(bands.count)].min)</value>")
        case .linear:
            let value = indicator.input == .decimal ? "\(random.next(100)).\(random.next(100))" : "\(random.next(41))"
            body.append("<value indicator=\"\(id)\">\(value)</value>")
        case .choices(let choices): body.append("<value indicator=\"\(id)\">\(choices[random.next(choices.count)].value)</value>")
        case .yesNo: body.append("<value indicator=\"\(id)\">\(random.next(2) == 1)</value>")
        case .recognisedCount(let ids, _), .recognisedEach(let ids, _):
            body.append("<value indicator=\"\(id)\">" + ids.filter { _ in random.next(2) == 1 }.map { "<item>\($0)</item>" }.joined() + "</value>")
        case .kpiAttainment:
            body.append("<kpi indicator=\"\(id)\" id=\"K1\" direction=\"higher\" target=\"10\" achieved=\"\(5 + random.next(6))\">k</kpi>")
        case .judgment: body.append("<judgment indicator=\"\(id)\" score=\"\(1 + random.next(5))\"/>")
        }
    }
    if random.next(2) == 1 {
        for id in rubric.indicators.filter({ $0.electiveGroup == "pick" }).prefix(1 + random.next(3)).map(\.id) {
            body.append("<elective indicator=\"\(id)\"/>")
        }
    }
    return """
        <dossier xmlns="urn:certify:dossier:1" id="BENCH-\(number)" rubric="xx-bench" rubric-version="1">
        <applicant id="A1" kind="company"><name xml:lang="en">Bench</name></applicant>
        \(body.joined(separator: "\n"))</dossier>
        """
}

func parse(_ text: String) -> XMLDocument { try! SafeXMLParser.parse(Array(text.utf8)) }

let rubric = try Rubric.decode(parse(rubricXML()).root)
let options = ScoringOptions(date: CalendarDate(iso: "2026-03-02")!)
// certify-plan-bench [COUNT] [next | GOAL...]: every goal (default), the
// next better grade only ("next"), or the goals named (printing each dossier).
let count = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 50
let asked = CommandLine.arguments.dropFirst(2).map { String($0) }
let nextOnly = asked == ["next"]
let onlyGoals = nextOnly ? [] : asked
var random = Seeded(state: 2026)
var times: [Double] = []
var goals = 0, plans = 0, unreachable = 0
for number in 0..<count {
    let dossier = try Dossier.decode(parse(dossierXML(rubric, &random, number: number)).root)
    let submission = try Binder.bind(dossier, reviews: [], to: rubric)
    var goalsAsked = onlyGoals
    if nextOnly, case .grades(let grades, _) = rubric.decision {
        let current = Scorer.score(submission, rubric: rubric, options: options)
        let index = grades.firstIndex { $0.id == current.grade } ?? grades.count
        goalsAsked = [grades[max(0, index - 1)].id]
    }
    let start = DispatchTime.now().uptimeNanoseconds
    let report = try Planner.plan(submission: submission, rubric: rubric, options: options, goals: goalsAsked)
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    if !onlyGoals.isEmpty {
        print(number, report.current.total, report.current.grade ?? "-", report.goals.map { "\($0.goal):\($0.plans.first?.changed ?? -1)" }, String(format: "%.1f ms", times.last!))
    }
    goals += report.goals.count
    plans += report.goals.reduce(0) { $0 + $1.plans.count }
    unreachable += report.goals.filter { !$0.reachable }.count
}
let sorted = times.sorted()
print("rubric: \(rubric.indicators.count) indicators, \(rubric.maxTotal) points; \(count) dossiers, \(nextOnly ? "the next better grade" : "every goal"): \(goals) goals (\(unreachable) unreachable), \(plans) plans")
print(String(format: "in-process plan per dossier: median %.1f ms, p90 %.1f ms, max %.1f ms",
             sorted[sorted.count / 2], sorted[sorted.count * 9 / 10], sorted.last!))
