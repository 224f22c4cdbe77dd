import CertifyCohort
import CertifyEngine
import CertifyModel
import CertifyRuntime
import CertifyTestSupport
import Foundation
import Testing

@Suite struct CompareTests {
    static let draft: Rubric = try! RubricFile.load(Paths.path("Samples/calibration/kr-smart-city-1.1.xml"), schemas: Shared.certifier.schemas)

    /// Built to move in known ways (see `Hand`): 100 A → 95 A, 60 C → 54.33 D
    /// (loses certification), 16 E → 12 E, 4 E → 3 E; one dossier invalid.
    func compared() throws -> (Comparison, [InvalidDossier]) {
        let scratch = Scratch()
        let inputs = handCohort(scratch)
        let (comparisons, unscored) = CohortRunner.compare(inputs, scorer: Shared.scorer, with: Self.draft)
        #expect(comparisons.count == 1)
        return (try #require(comparisons.first), unscored)
    }

    @Test func transitionMatrixCountsEveryPair() throws {
        let (comparison, unscored) = try compared()
        #expect(unscored.isEmpty)
        #expect(comparison.from.version == "1.0" && comparison.to.version == "1.1")
        #expect(comparison.pairs.map(\.to.total) == [dec("12"), dec("95"), dec("54.33"), dec("3")])
        let transitions = comparison.transitions
        #expect(transitions.count == 25)  // every (old, new) pair of grades, unchanged and empty ones too
        let nonZero = transitions.filter { $0.count > 0 }.map { "\($0.from)→\($0.to) \($0.count)" }
        #expect(nonZero == ["A→A 1", "C→D 1", "E→E 2"])
        #expect(transitions.reduce(0) { $0 + $1.count } == 4)
    }

    @Test func changesNameTheIndicatorsThatMovedMost() throws {
        let (comparison, _) = try compared()
        let changes = comparison.changes
        #expect(changes.map(\.id) == ["D3"])
        let change = try #require(changes.first)
        #expect(change.from.total == Rational(60) && change.from.grade == "C" && change.from.certified)
        #expect(change.to.total == dec("54.33") && change.to.grade == "D" && !change.to.certified)
        // SVC-TRA 8 → 6, INN-3 10 → 8.33, then the ties INN-1 10 → 9 and SVC-SAF 4 → 3 in rubric order.
        #expect(change.indicators.map(\.id) == ["SVC-TRA", "INN-3", "INN-1", "SVC-SAF"])
        #expect(change.indicators.map(\.delta) == [dec("-2"), dec("-1.67"), dec("-1"), dec("-1")])
    }

    @Test func indicatorMeansAndIndicatorsInOneVersion() throws {
        let (comparison, _) = try compared()
        #expect(comparison.onlyInFrom.map(\.id) == ["GOV-3"])
        #expect(comparison.onlyInTo.map(\.id) == ["GOV-5"])
        let means = Dictionary(uniqueKeysWithValues: comparison.indicatorMeans.map { ($0.indicator.id, $0) })
        // SVC-TRA: (8 + 8 + 8 + 4) / 4 = 7 → (6 + 8 + 6 + 3) / 4 = 5.75.
        #expect(means["SVC-TRA"]?.meanFrom == Rational(7) && means["SVC-TRA"]?.meanTo == dec("5.75"))
        #expect(means["SVC-TRA"]?.meanDelta == dec("-1.25"))
        #expect(means["GOV-3"] == nil && means["GOV-5"] == nil)
        // The invalid dossier is reported with its first error.
        #expect(comparison.invalid.count == 1 && comparison.invalid[0].message.contains("cannot be negative"))
    }

    @Test func jsonHasTheContractKeys() throws {
        let (comparison, unscored) = try compared()
        let text = CompareJSON.render([comparison], unscored: unscored, date: Shared.date)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((json["from"] as? [String: Any])?["version"] as? String == "1.0")
        #expect((json["to"] as? [String: Any])?["id"] as? String == "kr-smart-city")
        let transitions = try #require(json["transitions"] as? [[String: Any]])
        #expect(transitions.contains { $0["from"] as? String == "C" && $0["to"] as? String == "D" && $0["count"] as? Int == 1 })
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        let to = try #require(changes[0]["to"] as? [String: Any])
        #expect((to["total"] as? NSNumber)?.stringValue == "54.33" && to["grade"] as? String == "D" && to["certified"] as? Bool == false)
        let moved = try #require(changes[0]["indicators"] as? [[String: Any]])
        #expect(moved.first?["id"] as? String == "SVC-TRA" && (moved.first?["delta"] as? NSNumber)?.intValue == -2)
    }

    @Test func csvIsOneRowPerDossierCompared() throws {
        let (comparison, unscored) = try compared()
        let scratch = Scratch()
        let file = scratch.write("compare.csv", CompareCSV.render([comparison], unscored: unscored))
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
                print(json.dumps(list(csv.reader(f)), ensure_ascii=False))
            """
        let rows = try python(script, file)
        let header = try #require(rows.first)
        #expect(rows.count == 6)  // header, 4 compared, 1 invalid
        func column(_ name: String, _ row: Int) -> String { rows[row][header.firstIndex(of: name)!] }
        #expect((1...4).map { column("id", $0) } == ["D1", "D2", "D3", "D4"])
        #expect(column("from_total", 3) == "60.00" && column("to_total", 3) == "54.33" && column("to_grade", 3) == "D")
        #expect(column("changed", 3) == "true" && column("changed", 2) == "false")
        #expect(column("total_delta", 3) == "-5.67")
        #expect(column("moved_most", 3) == "SVC-TRA -2.00; INN-3 -1.67; INN-1 -1.00")
        #expect(column("error", 5).contains("cannot be negative"))
    }

    @Test func passFailRubricsTransitionBetweenPassAndFail() throws {
        let service = try #require(Shared.certifier.catalog.entries.first { $0.rubric.id == "kr-smart-service" }?.rubric)
        let (comparisons, unscored) = CohortRunner.compare(
            [Paths.path("Samples/service/parking-pass/dossier.xml")], scorer: Shared.scorer, with: service)
        #expect(unscored.isEmpty)
        let transitions = try #require(comparisons.first).transitions
        #expect(transitions.map { "\($0.from)→\($0.to) \($0.count)" } == ["pass→pass 1", "pass→fail 0", "fail→pass 0", "fail→fail 0"])
    }

    @Test func rubricsThatShareNothingAreNotCompared() throws {
        let service = try #require(Shared.certifier.catalog.entries.first { $0.rubric.id == "kr-smart-service" }?.rubric)
        let scratch = Scratch()
        let (comparisons, unscored) = CohortRunner.compare(
            [scratch.write("a.xml", cityDossier("A1", Hand.low))], scorer: Shared.scorer, with: service)
        #expect(comparisons.isEmpty)
        #expect(unscored.count == 1 && unscored[0].message.contains("shares no indicator"))
    }
}
