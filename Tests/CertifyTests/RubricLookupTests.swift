@testable import CertifyModel
import Testing

/// `Rubric.position(of:hint:)` and `indicator(_:)`: an id names the first
/// indicator with exactly its bytes, whether the rubric is small (ids
/// compared as words) or large (looked up by hash), in or out of order.
@Suite struct RubricLookupTests {
    func rubric(_ ids: [String]) -> Rubric {
        let indicators = ids.map { id in
            Indicator(
                id: id, label: LocalizedText(en: id), description: LocalizedText(en: id), input: .boolean,
                max: Rational(1), mandatory: false, electiveGroup: nil, method: .yesNo(yes: Rational(1), no: .zero))
        }
        return Rubric(
            id: "r", version: "1", title: LocalizedText(en: "r"), applicantKinds: ["company"], applicantRoles: [],
            jointApplicants: false, decision: .pass(threshold: .zero), validityYears: 2, panel: nil,
            electiveGroups: [], areas: [Area(id: "A", label: LocalizedText(en: "A"), max: Rational(ids.count), indicators: indicators)])
    }

    /// Every id found where it is, in order (the hint) and out of it;
    /// names it does not hold are not found.
    @Test(arguments: [3, 64, 65, 200])
    func everyIdIsFoundAtItsPosition(count: Int) {
        let ids = (0..<count).map { index in
            // Short and long ids, the longest a word pair holds and one more.
            switch index % 4 {
            case 0: "K\(index)"
            case 1: "ABCDEFGHIJKL-\(index % 1000)".prefix(16).description
            case 2: "a-much-longer-indicator-id-\(index)"
            default: "X.\(index)_y"
            }
        }
        let rubric = rubric(ids)
        var hint = 0
        for (position, id) in ids.enumerated() {
            #expect(rubric.position(of: id, hint: &hint) == position)
            #expect(hint == position + 1)
        }
        var backwards = ids.count
        for (position, id) in ids.enumerated().reversed() {
            var hint = backwards
            #expect(rubric.position(of: id, hint: &hint) == position)
            #expect(rubric.indicator(id)?.id == id)
            backwards = position
        }
        for absent in ["", "K", "k0", "K0\0", "\u{212A}0", "K0 ", "a-much-longer-indicator-id-2x", String(repeating: "Z", count: 70)] {
            var hint = 0
            #expect(rubric.position(of: absent, hint: &hint) == nil, "\(absent)")
            #expect(hint == 0)
            #expect(rubric.indicator(absent) == nil)
        }
    }

    /// A rubric that defines an id twice: the first definition is the one
    /// found (the rubric check reports the second).
    @Test(arguments: [4, 100])
    func aRepeatedIdNamesItsFirstDefinition(count: Int) {
        let ids = (0..<count).map { "I\($0)" } + ["I1"]
        let rubric = rubric(ids)
        var hint = 0
        #expect(rubric.position(of: "I1", hint: &hint) == 1)
        #expect(rubric.indicator("I1") === rubric.indicators[1])
    }
}
