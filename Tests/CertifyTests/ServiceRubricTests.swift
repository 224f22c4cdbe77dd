import CertifyEngine
import CertifyModel
import CertifyTestSupport
import Testing

/// The smart service rubric: panel judgment, KPIs, sets.
@Suite struct ServiceRubricTests {
    let company = #"<applicant id="C1" kind="company" role="developer"><name xml:lang="ko">테스트</name></applicant>"#

    func service(_ body: String) -> String {
        dossierXML(rubric: "kr-smart-service", applicants: company, body)
    }

    func reviews(_ scores: [Int], indicator: String = "COM-1", extra: (Int) -> String = { _ in "" }) -> [String] {
        scores.enumerated().map { index, score in
            reviewXML(reviewer: "R-\(index + 1)",
                      #"<judgment indicator="\#(indicator)" score="\#(score)">ok</judgment>"# + extra(index))
        }
    }

    @Test func workedExampleFromTheSpec() throws {
        let kpis = """
            <kpi indicator="PER-3" id="K1" direction="higher" target="95" achieved="97" unit="%">uptime</kpi>
            <kpi indicator="PER-3" id="K2" direction="lower" target="3" achieved="4" unit="min">wait</kpi>
            """
        let result = try score(service(kpis), reviews: reviews([4, 4, 5]))
        #expect(result.indicator("COM-1").points == dec("8.33"))
        #expect(result.indicator("COM-1").exactPoints == Rational(25) / Rational(3))
        #expect(result.indicator("PER-3").points == dec("11.25"))
        #expect(result.indicator("PER-3").kpis.map(\.attainment) == [.one, dec("0.75")])
        #expect(result.grade == nil)
    }

    @Test func trimmedMeanWithFiveReviewersDropsOneHighestAndOneLowest() throws {
        let five = try score(service(""), reviews: reviews([1, 4, 4, 4, 5]))
        #expect(five.indicator("COM-1").points == dec("7.5"))  // mean of 4, 4, 4
        #expect(five.indicator("COM-1").panel?.dropped == [5, 1])
        let four = try score(service(""), reviews: reviews([1, 4, 4, 5]))
        #expect(four.indicator("COM-1").points == dec("6.25"))  // plain mean 3.5
        #expect(four.indicator("COM-1").panel?.dropped == [])
    }

    @Test func kpiRejectedByTwoOfThreeButNotOneOfThree() throws {
        let kpis = """
            <kpi indicator="PER-3" id="K1" direction="higher" target="100" achieved="100">a</kpi>
            <kpi indicator="PER-3" id="K2" direction="higher" target="100" achieved="60">b</kpi>
            <kpi indicator="PER-3" id="K3" direction="higher" target="100" achieved="50">c</kpi>
            """
        let sheets = reviews([3, 3, 3]) { index in
            // K2: rejected by reviewers 1 and 2 (2 of 3). K3: only by reviewer 3.
            (index < 2 ? #"<kpi-decision kpi="K2" accepted="false">low</kpi-decision>"# : "")
                + (index == 2 ? #"<kpi-decision kpi="K3" accepted="false">low</kpi-decision>"# : "")
        }
        let result = try score(service(kpis), reviews: sheets)
        let traces = result.indicator("PER-3").kpis
        #expect(traces.map(\.accepted) == [true, false, true])
        // m = (1 + 0.5) / 2 = 0.75 → 15 × 0.5 = 7.5
        #expect(result.indicator("PER-3").points == dec("7.5"))
        #expect(result.findings(about: "PER-3").contains { $0.message.english.contains("K2 rejected by 2 of 3") })
    }

    @Test func noAcceptedKPIScoresZeroWithAWarning() throws {
        let kpi = #"<kpi indicator="PER-3" id="K1" direction="lower" target="2" achieved="4">x</kpi>"#
        let sheets = reviews([3, 3, 3]) { _ in #"<kpi-decision kpi="K1" accepted="false">no</kpi-decision>"# }
        let result = try score(service(kpi), reviews: sheets)
        #expect(result.indicator("PER-3").points == .zero)
        #expect(result.findings(about: "PER-3").contains { $0.message.english.contains("no accepted KPI") })
    }

    @Test func panelTooSmallIsAWarningUnlessOfficial() throws {
        let relaxed = try score(service(""), reviews: reviews([5, 5]))
        #expect(relaxed.findings(about: "COM-1").contains { $0.severity == .warning && $0.message.english.hasPrefix("panel too small") })
        let official = try score(service(""), reviews: reviews([5, 5]), official: true)
        #expect(official.findings(about: "COM-1").contains { $0.severity == .error && $0.message.english.hasPrefix("panel too small") })
        #expect(!official.certified)
    }

    @Test func selfAssessedJudgmentsAreFlaggedAndUsedOnlyWithoutReviews() throws {
        let body = #"<judgment indicator="COM-1" score="5"/>"#
        let alone = try score(service(body))
        #expect(alone.indicator("COM-1").status == .selfAssessed)
        #expect(alone.indicator("COM-1").points == dec("10"))
        #expect(alone.findings(about: "COM-1").contains {
            $0.severity == .warning && $0.message.english.hasPrefix("panel too small") && $0.message.english.contains("self-assessed")
        })
        let reviewed = try score(service(body), reviews: reviews([1, 1, 1]))
        #expect(reviewed.indicator("COM-1").status == .scored)
        #expect(reviewed.indicator("COM-1").points == .zero)
        let official = try score(service(body), official: true)
        #expect(official.findings(about: "COM-1").contains { $0.severity == .error })
    }

    @Test func scoresMayCarryWhitespaceAsXSDIntegersDo() throws {
        let sheets = [reviewXML(reviewer: "R1", #"<judgment indicator="COM-1" score=" 4 "/>"#)]
        #expect(try score(service(""), reviews: sheets).indicator("COM-1").points == dec("7.5"))
    }

    @Test func certifiedNearTheEndOfTheCalendarDoesNotCrash() throws {
        let body = (1...2).map { _ in "" }.joined() + #"<value indicator="COM-3">3</value><value indicator="PER-1">full</value><value indicator="PER-2"><item>MQTT</item><item>CoAP</item><item>oneM2M</item></value><value indicator="OPS-2">100</value><value indicator="OPS-3">100</value><value indicator="PER-4"><item>access-control</item></value><kpi indicator="PER-3" id="K" direction="higher" target="1" achieved="1">k</kpi>"#
        let result = try score(service(body), date: CalendarDate(iso: "9998-06-01")!)
        #expect(result.certified)
        #expect(result.validUntil?.description == "9999-12-31")
    }

    @Test func setsCountRecognisedIdsOnceAndWarnAboutUnknownOnes() throws {
        let body = """
            <value indicator="PER-2"><item>MQTT</item><item>MQTT</item><item>Zigbee</item><item>CoAP</item></value>
            <value indicator="PER-4"><item>access-control</item><item>encryption-at-rest</item></value>
            """
        let result = try score(service(body))
        #expect(result.indicator("PER-2").points == dec("8"))  // 2 recognised → band [2, 3)
        #expect(result.findings(about: "PER-2").contains { $0.severity == .warning && $0.message.english.contains("Zigbee") })
        #expect(result.findings(about: "PER-2").contains { $0.severity == .info && $0.message.english.contains("MQTT") })
        #expect(result.indicator("PER-4").points == dec("2"))
    }

    /// A short list is checked item by item, a long one with a set: both
    /// report the same repeats, in the order given.
    @Test(arguments: [4, 8, 9, 40])
    func setsReportRepeatsAlikeWhateverTheirLength(count: Int) throws {
        let items = (["MQTT", "MQTT", "Zigbee", "CoAP"] + (4..<count).map { ["CoAP", "MQTT", "Zigbee"][$0 % 3] }).prefix(count)
        var seen: [String] = [], repeated: [String] = []
        for item in items { if seen.contains(item) { repeated.append(item) } else { seen.append(item) } }
        let body = #"<value indicator="PER-2">"# + items.map { "<item>\($0)</item>" }.joined() + "</value>"
        let result = try score(service(body))
        #expect(result.indicator("PER-2").points == dec("8"))
        let info = result.findings(about: "PER-2").filter { $0.severity == .info }
        #expect(info.count == 1)
        #expect(info.first?.message == .listedTwice(repeated))
    }

    @Test(arguments: [("94.99", "0"), ("95", "4"), ("98.999", "4"), ("99", "7"), ("99.89", "7"), ("99.9", "10"), ("100", "10")])
    func availabilityBandEdges(value: String, points: String) throws {
        let result = try score(service(#"<value indicator="OPS-2">\#(value)</value>"#))
        #expect(result.indicator("OPS-2").points == dec(points))
    }

    @Test func nearMissFailsAndPassMarkIsInclusive() throws {
        let near = try score(String(contentsOfFile: Paths.sample("service/streetlight-near-miss/dossier.xml"), encoding: .utf8),
                             reviews: (1...4).map { try! String(contentsOfFile: Paths.sample("service/streetlight-near-miss/review-R-0\($0).xml"), encoding: .utf8) })
        #expect(near.total == dec("59.54"))
        #expect(!near.certified)
    }
}
