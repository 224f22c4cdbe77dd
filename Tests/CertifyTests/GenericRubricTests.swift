import CertifyEngine
import CertifyModel
import CertifyTestSupport
import Foundation
import Testing

/// A fictional third rubric (Fixtures/rubrics/green-campus.xml) with its own
/// areas, grade table, 0–10 panel, 3-year validity and mix of methods,
/// scored without any code change.
@Suite struct GenericRubricTests {
    let applicant = #"<applicant id="G1" kind="association"><name xml:lang="en">Campus Assoc.</name></applicant>"#

    func green(_ body: String) -> String {
        dossierXML(id: "GREEN-1", rubric: "xx-green-campus", version: "0.9", applicants: applicant, body)
    }

    func solar(_ value: String) throws -> ScoreResult {
        try score(green(#"<value indicator="E-SOLAR">\#(value)</value>"#), with: Shared.fictional)
    }

    @Test func passMarkIsDecidedOnTheTwoDecimalTotal() throws {
        // 60 × 999.9 / 1000 = 59.994 → 59.99: Bronze, not certified.
        let below = try solar("999.9")
        #expect(below.total == dec("59.99"))
        #expect(below.grade == "Bronze" && !below.certified)
        // 60 × 999.92 / 1000 = 59.9952 → 60.00 half-up: Silver, certified for 3 years.
        let at = try solar("999.92")
        #expect(at.total == dec("60"))
        #expect(at.grade == "Silver" && at.certified)
        #expect(at.validUntil?.description == "2029-03-01")
        // Exactly x.xx5 rounds up: 60 × 999.125 / 1000 = 59.9475 → 59.95.
        #expect(try solar("999.125").total == dec("59.95"))
    }

    @Test func everyMethodOfTheVocabularyScores() throws {
        let body = """
            <value indicator="E-SOLAR">500</value>
            <value indicator="P-CLUBS">4</value>
            <value indicator="P-LABELS"><item>A</item><item>B</item><item>C</item><item>D</item></value>
            <value indicator="P-RATE">90</value>
            <value indicator="P-GARDEN">true</value>
            <value indicator="P-TRANSIT">bus</value>
            <elective indicator="P-TRANSIT"/>
            <kpi indicator="P-GOALS" id="G1" direction="higher" target="10" achieved="9">trees</kpi>
            """
        let sheets = [7, 8, 10, 2].enumerated().map { index, value in
            reviewXML(dossier: "GREEN-1", reviewer: "J\(index)", #"<judgment indicator="P-PANEL" score="\#(value)"/>"#)
        }
        let result = try score(green(body), reviews: sheets, with: Shared.fictional)
        #expect(result.indicator("E-SOLAR").points == dec("30"))
        #expect(result.indicator("P-CLUBS").points == dec("2.5"))
        #expect(result.indicator("P-LABELS").points == dec("5"))  // 4 × 1.5 = 6, capped at 5
        #expect(result.indicator("P-RATE").points == dec("5"))
        #expect(result.indicator("P-TRANSIT").points == dec("3"))
        #expect(result.indicator("P-GARDEN").status == .notSelected)
        // 4 jury scores (trim-from 4): drop 10 and 2, mean 7.5 on 0–10 → 7.5.
        #expect(result.indicator("P-PANEL").points == dec("7.5"))
        // attainment 0.9 → 10 × (0.9 − 0.8) / 0.2 = 5.
        #expect(result.indicator("P-GOALS").points == dec("5"))
        #expect(result.areas.map(\.points) == [dec("30"), dec("28")])
        #expect(result.grade == "Bronze")
    }

    @Test func shippedRubricIdsAreUnknownToTheFictionalRubric() {
        let found = problems(green(#"<value indicator="INN-1">3</value>"#), with: Shared.fictional)
        #expect(found.first?.contains("unknown indicator 'INN-1'") == true)
    }

    /// The engine knows methods, never indicators: no indicator id of the
    /// shipped rubrics appears anywhere in Sources/.
    @Test func sourcesNameNoIndicator() throws {
        let sources = Paths.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        let pattern = try Regex(#"(INN|GOV|SVC|COM|PER|OPS)-[A-Z0-9]+"#)
        for file in files {
            let text = try String(contentsOfFile: sources.appendingPathComponent(file).path, encoding: .utf8)
            #expect(text.firstMatch(of: pattern) == nil, "\(file) names an indicator")
        }
    }
}
