import CertifyEngine
import CertifyModel
import CertifyRender
import CertifyRuntime
import PropertyBased
import Testing

/// Properties of scoring, over random valid submissions for every rubric in
/// the fixtures (shipped and fictional).
@Suite struct ScoringProperties {
    /// What a result decides, and how: compared between runs.
    struct Outcome: Equatable, CustomStringConvertible {
        var total: Rational
        var grade: String?
        var certified: Bool
        var validUntil: String?
        var indicators: [String]
        var findings: [String]

        init(_ result: ScoreResult) {
            total = result.total
            grade = result.grade
            certified = result.certified
            validUntil = result.validUntil?.description
            indicators = result.areas.flatMap(\.indicators).map {
                "\($0.id) \($0.status.rawValue) \($0.points) \($0.exactPoints)"
            }
            findings = result.findings.map { "\($0.severity.rawValue) \($0.indicator ?? "-") \($0.message)" }.sorted()
        }

        var description: String { "\(total) \(grade ?? "-") \(certified)\n" + indicators.joined(separator: "\n") }
    }

    static let raisedPairs = Generator<Pair, Shrink.None<Pair>>(run: { rng in
        while true {
            let base = Case.random(using: &rng)
            if let variant = base.raised(using: &rng) { return Pair(base: base, variant: variant) }
        }
    })

    @Test func raisingAnInputNeverLowersAnIndicatorOrTheTotal() async {
        await propertyCheck(count: 300, input: Self.raisedPairs) { pair in
            let before = try pair.base.score()
            let after = try pair.variant.score()
            #expect(after.total >= before.total, "\(pair)")
            // Electives left undeclared are chosen for the applicant (the
            // best `choose` of the group): a better elective may displace
            // another, so for electives it is the group's sum that never falls.
            var groups: [String: (old: Rational, new: Rational)] = [:]
            for (old, new) in zip(before.areas.flatMap(\.indicators), after.areas.flatMap(\.indicators)) {
                if let group = old.indicator.electiveGroup {
                    groups[group, default: (.zero, .zero)].old += old.points
                    groups[group, default: (.zero, .zero)].new += new.points
                    continue
                }
                #expect(new.exactPoints >= old.exactPoints, "\(old.id): \(old.exactPoints) → \(new.exactPoints)\n\(pair)")
                #expect(new.points >= old.points, "\(old.id)\n\(pair)")
            }
            for (group, sums) in groups {
                #expect(sums.new >= sums.old, "elective group \(group): \(sums.old) → \(sums.new)\n\(pair)")
            }
            for (old, new) in zip(before.areas, after.areas) {
                #expect(new.points >= old.points, "area \(old.id)\n\(pair)")
            }
        }
    }

    static let shuffledPairs = Generator<Pair, Shrink.None<Pair>>(run: { rng in
        let base = Case.random(using: &rng)
        var variant = base
        variant.bodyOrder = Array(0..<base.bodyCount).shuffled(using: &rng)
        variant.reviewOrder = Array(0..<base.reviews.count).shuffled(using: &rng)
        return Pair(base: base, variant: variant)
    })

    @Test func theOrderOfValuesAndOfReviewsNeverChangesAResult() async {
        await propertyCheck(count: 300, input: Self.shuffledPairs) { pair in
            let base = Outcome(try pair.base.score()), variant = Outcome(try pair.variant.score())
            #expect(base == variant, "\(pair)")
        }
    }

    @Test func pointsStayWithinZeroAndTheirMaximum() async {
        await propertyCheck(count: 300, input: Case.generator) { submission in
            let result = try submission.score()
            for area in result.areas {
                #expect(area.points >= .zero && area.points <= area.max, "area \(area.id)\n\(submission)")
                for indicator in area.indicators {
                    #expect(indicator.points >= .zero && indicator.points <= indicator.max, "\(indicator.id)\n\(submission)")
                    #expect(indicator.exactPoints >= .zero && indicator.exactPoints <= indicator.max, "\(indicator.id)\n\(submission)")
                }
            }
            #expect(result.total >= .zero && result.total <= result.max, "\(submission)")
            #expect(result.max == submission.rubric.maxTotal)
        }
    }

    @Test func scoringIsDeterministic() async {
        await propertyCheck(count: 200, input: Case.generator) { submission in
            let first = try submission.score()
            let second = try submission.score()
            #expect(JSONRenderer.render(first) == JSONRenderer.render(second), "\(submission)")
            #expect(TextRenderer.render(first, language: .en) == TextRenderer.render(second, language: .en), "\(submission)")
        }
    }
}
