import CertifyEngine
import CertifyModel
import CertifyRuntime
import CertifyTestSupport
import CertifyXML
import Foundation
import PropertyBased

/// The rubrics the properties run against: the shipped ones and the fictional
/// fixtures of CertifyTests, so that every scoring method is exercised.
enum Fixture {
    static let schemas: Schemas = try! Schemas.shipped()
    /// The shipped rubrics and the fictional ones, in one catalog (their ids differ).
    static let catalog: RubricCatalog = {
        let fixtures = Paths.fixtureRubrics
        let files = ["Rubrics/kr-smart-city.xml", "Rubrics/kr-smart-service.xml"].map { Paths.path($0) }
            + (try! FileManager.default.contentsOfDirectory(atPath: fixtures.path)).sorted()
                .map { fixtures.appendingPathComponent($0).path }
        return try! RubricCatalog(files.map { InputSource.file($0) }, schemas: schemas)
    }()
    static let rubrics: [Rubric] = catalog.entries.map(\.rubric)
    static let certifier = Certifier(catalog: catalog, schemas: schemas)
    static let date = CalendarDate(iso: "2026-03-02")!
}

/// A submission as plain values, rendered to dossier and review XML. Every
/// value it holds is valid for its rubric, so that it always scores.
struct Case: Sendable, CustomStringConvertible {
    enum Value: Sendable {
        case number(Rational)
        case boolean(Bool)
        case choice(String)
        case set([String])
        case kpis([KPIValue])
        case selfScore(Int)
    }

    struct KPIValue: Sendable {
        var higher: Bool
        var target: Rational
        var achieved: Rational
    }

    let rubricIndex: Int
    var rubric: Rubric { Fixture.rubrics[rubricIndex] }
    /// By indicator position; nil when not given.
    var values: [Value?]
    var electives: [String]
    /// One dictionary per reviewer: indicator position → score.
    var reviews: [[Int: Int]]
    /// Order in which the dossier's body elements and the reviews are written.
    var bodyOrder: [Int]? = nil
    var reviewOrder: [Int]? = nil

    var description: String { "\(rubric.id): " + dossierXML().replacingOccurrences(of: "\n", with: " ") }

    // ------------------------------------------------------------ rendering

    func dossierXML() -> String {
        let kind = rubric.applicantKinds[0]
        let role = rubric.applicantRoles.first.map { #" role="\#($0)""# } ?? ""
        var body: [String] = []
        for (position, value) in values.enumerated() {
            guard let value else { continue }
            let id = rubric.indicators[position].id
            switch value {
            case .number(let number): body.append(#"<value indicator="\#(id)">\#(number.formatted(places: 10))</value>"#)
            case .boolean(let flag): body.append(#"<value indicator="\#(id)">\#(flag)</value>"#)
            case .choice(let choice): body.append(#"<value indicator="\#(id)">\#(choice)</value>"#)
            case .set(let items):
                body.append(#"<value indicator="\#(id)">"# + items.map { "<item>\($0)</item>" }.joined() + "</value>")
            case .kpis(let kpis):
                for (k, kpi) in kpis.enumerated() {
                    body.append(#"<kpi indicator="\#(id)" id="K\#(position)-\#(k)" direction="\#(kpi.higher ? "higher" : "lower")" target="\#(kpi.target.formatted(places: 10))" achieved="\#(kpi.achieved.formatted(places: 10))">goal</kpi>"#)
                }
            case .selfScore(let score): body.append(#"<judgment indicator="\#(id)" score="\#(score)"/>"#)
            }
        }
        body += electives.map { #"<elective indicator="\#($0)"/>"# }
        if let bodyOrder { body = bodyOrder.map { body[$0] } }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <dossier xmlns="urn:certify:dossier:1" id="PROP-1" rubric="\(rubric.id)" rubric-version="\(rubric.version)">
            <applicant id="A1" kind="\(kind)"\(role)><name xml:lang="en">Applicant</name></applicant>
            \(body.joined(separator: "\n"))
            </dossier>
            """
    }

    var bodyCount: Int {
        values.reduce(electives.count) { count, value in
            if case .kpis(let kpis)? = value { return count + kpis.count }
            return count + (value == nil ? 0 : 1)
        }
    }

    func reviewXMLs() -> [String] {
        let sheets = reviews.enumerated().map { number, scores in
            let judgments = scores.keys.sorted().map { position in
                #"<judgment indicator="\#(rubric.indicators[position].id)" score="\#(scores[position]!)"/>"#
            }
            return """
                <?xml version="1.0" encoding="UTF-8"?>
                <review xmlns="urn:certify:review:1" dossier="PROP-1" reviewer="R\(number)">
                \(judgments.joined(separator: "\n"))
                </review>
                """
        }
        return reviewOrder.map { $0.map { sheets[$0] } } ?? sheets
    }

    // ------------------------------------------------------------ scoring

    /// Parses, validates, decodes, binds and scores, in memory (the
    /// certifier's bytes API, as the CLI uses it for files).
    func score() throws -> ScoreResult {
        try Fixture.certifier.score(
            dossier: .bytes(Array(dossierXML().utf8), name: "dossier.xml"),
            reviews: reviewXMLs().enumerated().map { .bytes(Array($0.element.utf8), name: "review-\($0.offset).xml") },
            options: ScoringOptions(date: Fixture.date))
    }

    // ------------------------------------------------------------ generating

    static let generator = Generator<Case, Shrink.None<Case>>(run: { rng in Case.random(using: &rng) })

    static func random(using rng: inout any SeededRandomNumberGenerator) -> Case {
        let index = Int.random(in: 0..<Fixture.rubrics.count, using: &rng)
        let rubric = Fixture.rubrics[index]
        var values: [Value?] = []
        for indicator in rubric.indicators {
            values.append(Bool.random(using: &rng) || Int.random(in: 0..<4, using: &rng) > 0
                ? randomValue(indicator, rubric, using: &rng) : nil)
        }
        var electives: [String] = []
        for group in rubric.electiveGroups {
            let members = rubric.indicators.filter { $0.electiveGroup == group.id }.map(\.id).shuffled(using: &rng)
            electives += members.prefix(Int.random(in: 0...group.choose, using: &rng))
        }
        var reviews: [[Int: Int]] = []
        if let panel = rubric.panel, Bool.random(using: &rng) {
            let judged = rubric.indicators.indices.filter { rubric.indicators[$0].input == .judgment }
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                var scores: [Int: Int] = [:]
                for position in judged where Int.random(in: 0..<5, using: &rng) > 0 {
                    scores[position] = Int.random(in: panel.minScore...panel.maxScore, using: &rng)
                }
                reviews.append(scores)
            }
        }
        return Case(rubricIndex: index, values: values, electives: electives, reviews: reviews)
    }

    /// A decimal with up to 3 places in [lo, hi].
    static func decimal(_ lo: Rational, _ hi: Rational, using rng: inout any SeededRandomNumberGenerator) -> Rational {
        let steps = Int.random(in: 0...1000, using: &rng)
        let exact = lo + (hi - lo) * Rational(BigIntBridge.int(steps), BigIntBridge.int(1000))
        return exact.rounded(places: Int.random(in: 0...3, using: &rng)).clamped(to: lo...hi)
    }

    static func randomValue(_ indicator: Indicator, _ rubric: Rubric, using rng: inout any SeededRandomNumberGenerator) -> Value? {
        let floor: Rational = if case .bands(let bands) = indicator.method { bands.first?.min ?? .zero } else { .zero }
        let top: Rational = switch indicator.method {
        case .bands(let bands): (bands.last?.min ?? .zero) * Rational(2) + Rational(3)
        case .linear(_, let hi): hi * Rational(2) + Rational(1)
        default: Rational(100)
        }
        switch indicator.input {
        case .count:
            let lo = Int(floor.formatted()) ?? 0
            let hi = max(lo, Int((top.rounded(places: 0)).formatted()) ?? 100)
            return .number(Rational(Int.random(in: lo...hi, using: &rng)))
        case .decimal:
            return .number(decimal(floor, max(floor, top), using: &rng))
        case .percent:
            return .number(decimal(Swift.max(floor, .zero), Rational(100), using: &rng))
        case .boolean:
            return .boolean(Bool.random(using: &rng))
        case .enum:
            guard case .choices(let choices) = indicator.method else { return nil }
            return .choice(choices.randomElement(using: &rng)!.value)
        case .set:
            let known: [String] = switch indicator.method {
            case .recognisedCount(let recognised, _), .recognisedEach(let recognised, _): recognised
            default: []
            }
            var items = known.filter { _ in Bool.random(using: &rng) }
            if Int.random(in: 0..<4, using: &rng) == 0 { items.append("UNLISTED-\(Int.random(in: 0...9, using: &rng))") }
            if items.isEmpty { items = [known.randomElement(using: &rng) ?? "X"] }
            return .set(Array(Set(items)).sorted().shuffled(using: &rng))
        case .kpis:
            let kpis = (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                KPIValue(higher: Bool.random(using: &rng),
                         target: decimal(Rational(1), Rational(500), using: &rng),
                         achieved: decimal(Rational(1), Rational(600), using: &rng))
            }
            return .kpis(kpis)
        case .judgment:
            guard let panel = rubric.panel else { return nil }
            return .selfScore(Int.random(in: panel.minScore...panel.maxScore, using: &rng))
        }
    }

    // ------------------------------------------------------------ raising

    /// The same case with one input raised (made better for the applicant):
    /// a larger number, a higher score, one more recognised item, a KPI
    /// achieved further in its direction, `true` for a yes/no whose yes
    /// scores at least its no. Nil when the chosen input cannot be raised.
    func raised(using rng: inout any SeededRandomNumberGenerator) -> Case? {
        var copy = self
        let choice = Int.random(in: 0..<(values.count + reviews.count), using: &rng)
        if choice >= values.count {
            let review = choice - values.count
            guard let panel = rubric.panel, let position = reviews[review].keys.sorted().randomElement(using: &rng),
                  reviews[review][position]! < panel.maxScore else { return nil }
            copy.reviews[review][position] = Int.random(in: (reviews[review][position]! + 1)...panel.maxScore, using: &rng)
            return copy
        }
        let indicator = rubric.indicators[choice]
        guard let value = values[choice] else { return nil }
        switch value {
        case .number(let number):
            var bigger = number + Case.decimal(Rational(0), Rational(indicator.input == .count ? 5 : 50), using: &rng)
            if indicator.input == .count { bigger = bigger.rounded(places: 0) }
            if indicator.input == .percent { bigger = Swift.min(bigger, Rational(100)) }
            copy.values[choice] = .number(Swift.max(bigger, number))
        case .boolean(let flag):
            guard !flag, case .yesNo(let yes, let no) = indicator.method, yes >= no else { return nil }
            copy.values[choice] = .boolean(true)
        case .set(let items):
            let known: [String] = switch indicator.method {
            case .recognisedCount(let recognised, _), .recognisedEach(let recognised, _): recognised
            default: []
            }
            guard let extra = known.filter({ !items.contains($0) }).randomElement(using: &rng) else { return nil }
            copy.values[choice] = .set(items + [extra])
        case .kpis(var kpis):
            let k = Int.random(in: 0..<kpis.count, using: &rng)
            let step = Case.decimal(Rational(0), Rational(100), using: &rng)
            if kpis[k].higher {
                kpis[k].achieved = kpis[k].achieved + step
            } else {
                // Lower is better: a smaller (still positive) achieved value.
                kpis[k].achieved = Swift.max(kpis[k].achieved - step, Rational(1) / Rational(1000))
            }
            copy.values[choice] = .kpis(kpis)
        case .selfScore(let score):
            guard let panel = rubric.panel, score < panel.maxScore else { return nil }
            copy.values[choice] = .selfScore(Int.random(in: (score + 1)...panel.maxScore, using: &rng))
        case .choice:
            return nil  // listed values have no order
        }
        return copy
    }
}

/// A case and a variant of it made by the same random draw.
struct Pair: Sendable, CustomStringConvertible {
    var base: Case
    var variant: Case
    var description: String { "base \(base)\nvariant \(variant)" }
}

import BigInt

enum BigIntBridge {
    static func int(_ value: Int) -> BigInt { BigInt(value) }
}
