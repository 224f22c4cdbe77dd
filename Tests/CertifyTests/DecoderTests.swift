import CertifyModel
import CertifyXML
import Testing

/// The dossier and review decoders, on documents no schema checked first:
/// every child each format has is read by its name, and any other is
/// reported where it is, by its name.
@Suite struct DecoderTests {
    func root(_ text: String) throws -> CertifyXML.XMLElement {
        try SafeXMLParser.parse(Array(text.utf8)).root
    }

    @Test func everyChildOfADossierIsReadByItsName() throws {
        let dossier = try Dossier.decode(root(dossierXML("""
            <submitted> 2026-03-02 </submitted>
            <evidence id="E1" href="https://example.org/e1" sha256="\(String(repeating: "AB", count: 32))">Plan</evidence>
            <value indicator="I-1" evidence="E1">42</value>
            <value indicator="I-2"><item>a</item><item> b </item></value>
            <elective indicator="I-3"/>
            <kpi indicator="I-4" id="K1" direction="lower" target="5" achieved="4" unit="%">Errors</kpi>
            <judgment indicator="I-5" score="3">Good</judgment>
            """)))
        #expect(dossier.applicants.map(\.id) == ["A1"])
        #expect(dossier.submitted == "2026-03-02")
        #expect(dossier.evidence.map(\.sha256) == [String(repeating: "ab", count: 32)])
        #expect(dossier.values.map(\.indicator) == ["I-1", "I-2"])
        #expect(dossier.values.map(\.evidence) == [["E1"], []])
        #expect(dossier.values[1].items == ["a", "b"])
        #expect(dossier.electives.map(\.indicator) == ["I-3"])
        #expect(dossier.kpis.map(\.direction) == [.lower])
        #expect(dossier.judgments.map(\.score) == ["3"])
    }

    @Test func aChildADossierDoesNotHaveIsReportedByName() throws {
        let element = try root(dossierXML(#"<value indicator="I-1">1</value><values indicator="I-2">2</values><Value/>"#))
        #expect(throws: CertifyError.self) { try Dossier.decode(element) }
        do {
            _ = try Dossier.decode(element)
        } catch {
            #expect(error.diagnostics.map(\.catalogMessage) == [.unexpectedElement("values"), .unexpectedElement("Value")])
            #expect(error.diagnostics.map(\.position.line) == [4, 4])
        }
    }

    @Test func everyChildOfAReviewIsReadAndAnyOtherReported() throws {
        let review = try Review.decode(root(reviewXML(reviewer: "R1", """
            <judgment indicator="I-5" score="4"/>
            <kpi-decision kpi="K1" accepted="false">No data</kpi-decision>
            """)))
        #expect(review.judgments.map(\.score) == ["4"])
        #expect(review.kpiDecisions.map(\.accepted) == [false])
        let other = try root(reviewXML(reviewer: "R1", #"<judgment indicator="I-5" score="4"/><kpi kpi="K1"/>"#))
        do {
            _ = try Review.decode(other)
            Issue.record("a review with a <kpi> was read")
        } catch {
            #expect(error.diagnostics.map(\.catalogMessage) == [.unexpectedElement("kpi")])
        }
    }
}
