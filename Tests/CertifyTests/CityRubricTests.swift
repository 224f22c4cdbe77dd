import CertifyEngine
import CertifyModel
import CertifyTestSupport
import Testing

/// The smart city rubric (Rubrics/kr-smart-city.xml) at its boundaries.
@Suite struct CityRubricTests {
    let prerequisites = #"<value indicator="SVC-TRA">1</value><value indicator="SVC-SAF">1</value>"#

    @Test(arguments: [
        (0, "0"), (1, "4"), (2, "4"), (3, "7"), (5, "7"), (6, "9"), (9, "9"), (10, "10"), (250, "10"),
    ])
    func bandsAreHalfOpen(count: Int, points: String) throws {
        let result = try score(dossierXML(#"<value indicator="INN-1">\#(count)</value>"# + prerequisites))
        #expect(result.indicator("INN-1").points == dec(points))
        #expect(result.indicator("INN-1").rule.english.hasPrefix("band ["))
    }

    @Test(arguments: [(0, "0"), (1, "0.2"), (23, "4.6"), (49, "9.8"), (50, "10"), (51, "10")])
    func linearIsClampedToTheMaximum(count: Int, points: String) throws {
        let result = try score(dossierXML(#"<value indicator="INN-3">\#(count)</value>"# + prerequisites))
        #expect(result.indicator("INN-3").points == dec(points))
    }

    @Test func enumAndBooleanMapToPoints() throws {
        let result = try score(dossierXML(
            #"<value indicator="GOV-2">drafting</value><value indicator="GOV-4">false</value>"# + prerequisites))
        #expect(result.indicator("GOV-2").points == dec("4"))
        #expect(result.indicator("GOV-2").rule.english == "drafting → 4")
        #expect(result.indicator("GOV-4").points == .zero)
        #expect(result.indicator("GOV-4").status == .scored)
    }

    @Test func missingValuesScoreZeroWithAWarning() throws {
        let result = try score(dossierXML(prerequisites))
        #expect(result.indicator("GOV-3").status == .missing)
        #expect(result.findings(about: "GOV-3").map(\.severity) == [.warning])
        #expect(result.findings(about: "GOV-3").first?.message.english == "no value given; scored 0")
    }

    @Test func missingSafetyBlocksCertificationButKeepsTheGrade() throws {
        let strong = """
            <value indicator="INN-1">10</value><value indicator="INN-2">4</value><value indicator="INN-3">50</value>
            <value indicator="GOV-1">12</value><value indicator="GOV-2">approved</value>
            <value indicator="GOV-3">3</value><value indicator="GOV-4">true</value>
            <value indicator="SVC-TRA">4</value>
            <value indicator="SVC-ADM">4</value><value indicator="SVC-HOU">4</value><value indicator="SVC-EDU">4</value>
            <elective indicator="SVC-ADM"/><elective indicator="SVC-HOU"/><elective indicator="SVC-EDU"/>
            """
        let result = try score(dossierXML(strong))
        #expect(result.total == dec("92"))
        #expect(result.grade == "A")
        #expect(!result.certified)
        #expect(result.validFrom == nil && result.validUntil == nil)
        let errors = result.findings.filter { $0.severity == .error }
        #expect(errors.map(\.indicator) == ["SVC-SAF"])
        #expect(errors.first?.message.english.contains("prerequisite not met") == true)

        // A mandatory indicator given as 0 is unmet too.
        let zero = try score(dossierXML(strong + #"<value indicator="SVC-SAF">0</value>"#))
        #expect(!zero.certified && zero.grade == "A")
        // And with safety the same dossier is certified, valid 2 years.
        let safe = try score(dossierXML(strong + #"<value indicator="SVC-SAF">4</value>"#))
        #expect(safe.certified && safe.total == dec("100"))
        #expect(safe.validUntil?.description == "2028-03-01")
    }

    // MARK: electives (choose 3 of 7)

    let services = """
        <value indicator="SVC-ADM">1</value><value indicator="SVC-HOU">2</value>
        <value indicator="SVC-EDU">4</value><value indicator="SVC-ENE">2</value>
        <value indicator="SVC-CUL">4</value>
        """

    @Test func noElectivesDeclaredPicksTheBestThreeTiesInRubricOrder() throws {
        let result = try score(dossierXML(prerequisites + services))
        let chosen = result.areas[2].indicators.filter { $0.electiveGroup != nil && $0.status == .scored }.map(\.id)
        // EDU 8, CUL 8, then HOU 6 and ENE 6 tie: HOU comes first in the rubric.
        #expect(chosen == ["SVC-HOU", "SVC-EDU", "SVC-CUL"])
        #expect(result.indicator("SVC-ENE").status == .notSelected)
        #expect(result.findings.contains { $0.severity == .info && $0.message.english.contains("the best 3 were chosen") })
    }

    @Test func fewerElectivesThanKScoreTheMissingSlotsAsZero() throws {
        let result = try score(dossierXML(prerequisites + services + #"<elective indicator="SVC-ADM"/>"#))
        #expect(result.indicator("SVC-ADM").points == dec("4"))
        #expect(result.indicator("SVC-EDU").status == .notSelected)
        #expect(result.indicator("SVC-EDU").points == .zero)
        #expect(result.areas[2].points == dec("12"))
        #expect(result.findings.contains { $0.severity == .warning && $0.message.english.contains("only 1 of 3 electives") })
    }

    @Test func declaredElectivesScoreEvenWhenOthersWouldScoreMore() throws {
        let declared = #"<elective indicator="SVC-ADM"/><elective indicator="SVC-HOU"/><elective indicator="SVC-ENE"/>"#
        let result = try score(dossierXML(prerequisites + services + declared))
        #expect(result.areas[2].points == dec("24"))  // 4+4 + ADM 4 + HOU 6 + ENE 6
        #expect(result.indicator("SVC-CUL").status == .notSelected)
    }

    @Test func moreElectivesThanKIsInvalid() {
        let four = ["ADM", "HOU", "EDU", "ENE"].map { #"<elective indicator="SVC-\#($0)"/>"# }.joined()
        let found = problems(dossierXML(prerequisites + services + four))
        #expect(found.count == 1)
        #expect(found.first?.contains("4 electives declared") == true)
    }

    @Test func borderlineCIsCertifiedAtExactlySixty() throws {
        let result = try score(String(contentsOfFile: Paths.sample("city/daon-borderline-c.xml"), encoding: .utf8))
        #expect(result.total == dec("60"))
        #expect(result.grade == "C" && result.certified)
    }
}
