import CertifyCohort
import CertifyEngine
import CertifyModel
import CertifyRuntime
import CertifyTestSupport
import Foundation
import Testing

/// Four hand-scored dossiers and an invalid one (see `Hand`):
/// totals 16 (E), 100 (A), 60 (C), 4 (E, safety missing).
func handCohort(_ scratch: Scratch) -> [String] {
    [
        scratch.write("d1.xml", cityDossier("D1", Hand.low)),
        scratch.write("d2.xml", cityDossier("D2", Hand.top, electives: Hand.topElectives)),
        scratch.write("d3.xml", cityDossier("D3", kind: "county", Hand.edge)),
        scratch.write("d4.xml", cityDossier("D4", kind: "county", Hand.noSafety)),
        scratch.write("d5.xml", cityDossier("D5", [("INN-2", "-2")])),
    ]
}

@Suite struct CohortTests {
    @Test func statisticsOfAHandComputedCohort() throws {
        let scratch = Scratch()
        var failed: [String] = []
        let groups = CohortRunner.cohort(handCohort(scratch), scorer: Shared.scorer, failed: { failed.append($0.file) })
        #expect(groups.count == 1)
        let group = try #require(groups.first)
        #expect(group.dossiers.map(\.total) == [16, 100, 60, 4].map { Rational($0) })
        #expect(group.count == 4)
        #expect(group.certified == Share(2, of: 4))
        #expect(group.grades().map { "\($0.grade)\($0.count)" } == ["A1", "B0", "C1", "D0", "E2"])
        let total = try #require(group.total)
        #expect(total.mean == Rational(45) && total.median == Rational(38))
        #expect(total.q1 == Rational(10) && total.q3 == Rational(80))

        let kinds = group.kinds
        #expect(kinds.map(\.kind) == ["city", "county"])
        #expect(kinds[0].total?.mean == Rational(58) && kinds[0].certified == Share(1, of: 2))
        #expect(kinds[1].total?.median == Rational(32) && kinds[1].certified == Share(1, of: 2))

        let byID = Dictionary(uniqueKeysWithValues: group.indicators.map { ($0.indicator.id, $0) })
        let transport = try #require(byID["SVC-TRA"])
        #expect(transport.distribution?.mean == Rational(7) && transport.distribution?.median == Rational(8))
        #expect(transport.atMax == Share(3, of: 4) && transport.atZero == Share(0, of: 4) && transport.missing == Share(0, of: 4))
        let safety = try #require(byID["SVC-SAF"])
        #expect(safety.distribution?.mean == Rational(5) && safety.distribution?.median == Rational(6))
        #expect(safety.atMax == Share(2, of: 4) && safety.atZero == Share(1, of: 4) && safety.missing == Share(1, of: 4))
        let staff = try #require(byID["INN-1"])
        #expect(staff.distribution?.mean == Rational(5) && staff.atMax == Share(2, of: 4) && staff.missing == Share(2, of: 4))

        let innovation = try #require(group.areas.first)
        #expect(innovation.distribution?.mean == Rational(15) && innovation.atMax == Share(2, of: 4) && innovation.atZero == Share(2, of: 4))

        // The invalid dossier is listed with its first error, not dropped.
        #expect(group.invalid.count == 1)
        let invalid = try #require(group.invalid.first)
        #expect(invalid.file.hasSuffix("d5.xml"))
        #expect(invalid.message.contains("d5.xml:") && invalid.message.contains("INN-2: a count cannot be negative"))
        #expect(invalid.rubric?.id == "kr-smart-city")
        #expect(failed.count == 1)
    }

    @Test func aDossierAboveTheThresholdWithoutAMandatoryServiceIsBlocked() throws {
        let scratch = Scratch()
        let noSafety = Hand.top.filter { $0.0 != "SVC-SAF" }  // 100 − 8 = 92: grade A, not certified
        let inputs = [
            scratch.write("a.xml", cityDossier("A1", noSafety, electives: Hand.topElectives)),
            scratch.write("b.xml", cityDossier("B1", Hand.top, electives: Hand.topElectives)),
            scratch.write("c.xml", cityDossier("C1", Hand.low)),
        ]
        let group = try #require(CohortRunner.cohort(inputs, scorer: Shared.scorer).first)
        #expect(group.dossiers.map(\.total) == [Rational(92), Rational(100), Rational(16)])
        #expect(group.dossiers.map(\.grade) == ["A", "A", "E"])
        #expect(group.certified == Share(1, of: 3))
        #expect(group.blocked == Share(1, of: 3))
        #expect(group.threshold == Rational(60))
    }

    @Test func jsonCarriesTheContractKeys() throws {
        let scratch = Scratch()
        let groups = CohortRunner.cohort(handCohort(scratch), scorer: Shared.scorer)
        let text = CohortJSON.render(groups, date: Shared.date)
        #expect(text.split(separator: "\n").count == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["count"] as? Int == 4 && json["certified"] as? Int == 2)
        #expect((json["grades"] as? [String: Int]) == ["A": 1, "B": 0, "C": 1, "D": 0, "E": 2])
        let total = try #require(json["total"] as? [String: Any])
        #expect(total["mean"] as? Int == 45 && total["median"] as? Int == 38 && total["q1"] as? Int == 10 && total["q3"] as? Int == 80)
        let dossiers = try #require(json["dossiers"] as? [[String: Any]])
        #expect(dossiers.map { $0["id"] as? String } == ["D1", "D2", "D3", "D4"])
        #expect(dossiers[1]["grade"] as? String == "A" && dossiers[1]["certified"] as? Bool == true && dossiers[1]["kind"] as? String == "city")
        let invalid = try #require(json["invalid"] as? [[String: Any]])
        #expect(invalid.count == 1 && (invalid[0]["message"] as? String)?.contains("cannot be negative") == true)
    }

    @Test func aMixedCohortIsOneJSONLinePerRubric() throws {
        let scratch = Scratch()
        var inputs = handCohort(scratch)
        inputs.append(Paths.path("Samples/service/parking-pass/dossier.xml"))
        inputs.append(scratch.write("broken.xml", "<dossier"))
        let groups = CohortRunner.cohort(inputs, scorer: Shared.scorer)
        let lines = CohortJSON.render(groups, date: Shared.date).split(separator: "\n")
        // city, service, and the broken file whose rubric is unknown.
        #expect(lines.count == 3)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect((objects[0]["rubric"] as? [String: Any])?["id"] as? String == "kr-smart-city")
        #expect((objects[1]["rubric"] as? [String: Any])?["id"] as? String == "kr-smart-service")
        #expect(objects[1]["grades"] == nil)
        #expect(objects[2]["rubric"] is NSNull && (objects[2]["invalid"] as? [Any])?.count == 1)
    }

    @Test func anEmptyCohortStillReports() throws {
        let groups = CohortRunner.cohort([], scorer: Shared.scorer)
        #expect(groups.count == 1 && groups[0].count == 0 && groups[0].total == nil)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(CohortJSON.render(groups, date: Shared.date).utf8)) as? [String: Any])
        #expect(json["count"] as? Int == 0 && json["total"] is NSNull)
        #expect(CohortText.render(groups, date: Shared.date, language: .en).contains("Dossiers scored  0"))
    }

    @Test func reviewsAreFoundByDossierID() throws {
        let scratch = Scratch()
        let sample = Paths.path("Samples/service/parking-pass")
        let dossier = try String(contentsOfFile: sample + "/dossier.xml", encoding: .utf8)
        let path = scratch.write("dossiers/parking.xml", dossier)
        for reviewer in ["R-01", "R-02", "R-03"] {
            let review = try String(contentsOfFile: sample + "/review-\(reviewer).xml", encoding: .utf8)
            scratch.write("reviews/PARKING-GUIDE-2026/\(reviewer).xml", review)
        }
        let withReviews = CohortScorer(certifier: Shared.certifier, reviewsDirectory: scratch.path + "/reviews",
                                       options: ScoringOptions(date: Shared.date))
        let reviewed = CohortRunner.cohort([path], scorer: withReviews)
        #expect(reviewed.first?.dossiers.first?.total == dec("86.28"))  // the panel's score in docs/cli.md's samples table
        let alone = CohortRunner.cohort([path], scorer: Shared.scorer)
        #expect(alone.first?.dossiers.first?.total == dec("87.36"))     // self-assessed
        #expect(withReviews.reviewPaths(for: "../reviews").isEmpty && withReviews.reviewPaths(for: "..").isEmpty)
    }

    @Test func csvOpensInPythonWithKoreanIntact() throws {
        let scratch = Scratch()
        let tricky = "한빛시, \"스마트\" 도시"
        let inputs = [
            scratch.write("a.xml", cityDossier("A1", nameKo: tricky, Hand.top, electives: Hand.topElectives)),
            scratch.write("b.xml", cityDossier("B1", kind: "county", nameKo: "=누리군", Hand.edge)),
            scratch.write("c.xml", cityDossier("C1", [("INN-2", "-2")])),
        ]
        let csv = CohortCSV.render(CohortRunner.cohort(inputs, scorer: Shared.scorer), language: .ko)
        let bytes = Array(csv.utf8)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(csv.replacingOccurrences(of: "\r\n", with: "").contains("\n") == false)
        #expect(csv.hasSuffix("\r\n"))
        let file = scratch.write("cohort.csv", csv)
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
                print(json.dumps(list(csv.reader(f)), ensure_ascii=False))
            """
        let rows = try python(script, file)
        #expect(rows.count == 4)
        let header = rows[0]
        #expect(Array(header.prefix(10)) == ["file", "rubric", "version", "id", "applicant", "name", "kind", "total", "grade", "certified"])
        #expect(header.contains("SVC-CUL") && header.last == "error")
        #expect(rows[1][5] == tricky)
        #expect(rows[1][7] == "100.00" && rows[1][8] == "A" && rows[1][9] == "true")
        #expect(rows[1][header.firstIndex(of: "INN-3")!] == "10.00")
        #expect(rows[2][5] == "'=누리군")  // defused for spreadsheets
        #expect(rows[2][7] == "60.00" && rows[2][8] == "C")
        #expect(rows[3][0].hasSuffix("c.xml") && rows[3][3] == "" && rows[3].last!.contains("cannot be negative"))
    }
}

/// Runs a Python 3 script on `argument` and decodes the JSON it prints.
func python(_ script: String, _ argument: String) throws -> [[String]] {
    let process = Process()
    let candidates = ["/usr/bin/python3", "/usr/local/bin/python3"]
    if let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) {
        process.executableURL = URL(fileURLWithPath: found)
        process.arguments = ["-c", script, argument]
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, argument]
    }
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return try JSONSerialization.jsonObject(with: data) as? [[String]] ?? []
}
