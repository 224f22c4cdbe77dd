import CertifyTestSupport
import Testing

/// The checks an XSD cannot make: each is located and names the indicator.
@Suite struct BinderTests {
    let prerequisites = #"<value indicator="SVC-TRA">1</value><value indicator="SVC-SAF">1</value>"#

    @Test(arguments: [
        (#"<value indicator="XX-9">1</value>"#, "unknown indicator 'XX-9'"),
        (#"<value indicator="INN-1">-1</value>"#, "INN-1: a count cannot be negative"),
        (#"<value indicator="INN-1">2.5</value>"#, "INN-1: expected a count"),
        (#"<value indicator="INN-1">many</value>"#, "INN-1: expected a count"),
        (#"<value indicator="GOV-2">done</value>"#, "GOV-2: 'done' is not one of none, drafting, approved"),
        (#"<value indicator="GOV-4">yes</value>"#, "GOV-4: expected true or false"),
        (#"<value indicator="INN-1">1</value><value indicator="INN-1">2</value>"#, "INN-1: value given twice"),
        (#"<value indicator="INN-1" evidence="E9">1</value>"#, "INN-1: evidence 'E9' is not declared"),
        // References are checked here, not by a schema pattern (dossier.xsd's
        // Ref): one that is not even an id is refused all the same, located.
        (#"<value indicator="INN 1">1</value>"#, "unknown indicator 'INN 1'"),
        (#"<value indicator="INN-1" evidence="E#1">1</value>"#, "INN-1: evidence 'E#1' is not declared"),
        (#"<elective indicator="혁신-1"/>"#, "unknown indicator '혁신-1'"),
        (#"<value indicator="INN&#x2011;1">1</value>"#, "unknown indicator 'INN\u{2011}1'"),
        (#"<value indicator="INN-1"><item>1</item></value>"#, "INN-1: takes a single count value"),
        (#"<elective indicator="INN-1"/>"#, "INN-1 is not an elective"),
        (#"<elective indicator="SVC-ADM"/><elective indicator="SVC-ADM"/>"#, "SVC-ADM: elective declared twice"),
    ])
    func cityDossierMistakes(body: String, message: String) {
        let found = problems(dossierXML(prerequisites + "\n  " + body))
        #expect(found.count == 1)
        #expect(found.first?.contains(message) == true, "\(found)")
        // Located on the offending element: line 5 of the generated dossier.
        #expect(found.first?.hasPrefix("5:") == true || found.first?.hasPrefix("4:") == true, "\(found)")
    }

    /// dossier.xsd checks an evidence digest's length; the binder its digits.
    @Test func evidenceDigestsAreSixtyFourHexDigits() throws {
        func evidence(_ sha256: String) -> String {
            dossierXML(#"<evidence id="E1" sha256="\#(sha256)">plan</evidence>"# + "\n  " + prerequisites)
        }
        let digest = String(repeating: "0123456789abcdef", count: 4)
        #expect(problems(evidence(digest)).isEmpty)
        #expect(problems(evidence(digest.uppercased())).isEmpty)
        // Quoted as written (capitals included).
        for bad in [String(digest.dropLast()) + "g", " " + digest.dropFirst(), String(digest.dropLast()) + "가",
                    String(digest.uppercased().dropLast()) + "G"] {
            let found = problems(evidence(bad))
            #expect(found == ["4:3: evidence 'E1': sha256 '\(bad)' must be 64 hexadecimal digits (0-9 and a-f, either case)"],
                    "\(found)")
        }
        // Capitals are accepted and written lowercase, as every digest is.
        let cited = dossierXML(#"<evidence id="E1" sha256="\#(digest.uppercased())">plan</evidence>"#
            + "\n  " + prerequisites + #"<value indicator="INN-1" evidence="E1">1</value>"#)
        #expect(try score(cited).indicator("INN-1").evidence.first?.sha256 == digest)
        // A wrong length is the schema's.
        let short = problems(evidence(String(digest.dropLast())))
        #expect(short.count == 1 && short[0].contains("length"), "\(short)")
    }

    /// A reference the schema lets through (dossier.xsd's Ref has no
    /// pattern) names a declared id only byte for byte: a no-break or an
    /// ideographic space does not separate evidence ids, and the Kelvin sign
    /// (which Swift's == takes for K) names nothing.
    @Test(arguments: ["E1&#xA0;E2", "E1&#x3000;E2", "&#x212A;1", "E1&#x2003;"])
    func referencesNameDeclaredIdsByteForByte(reference: String) throws {
        let digest = String(repeating: "0123456789abcdef", count: 4)
        let declared = ["E1", "E2", "K1"].map { #"<evidence id="\#($0)" sha256="\#(digest)">plan</evidence>"# }.joined()
        let found = problems(dossierXML(declared + "\n  " + prerequisites + #"<value indicator="INN-1" evidence="\#(reference)">1</value>"#))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.contains("INN-1: evidence '") == true && found.first?.contains("' is not declared") == true, "\(found)")
        // The same ids, written plainly, are found.
        #expect(problems(dossierXML(declared + "\n  " + prerequisites + #"<value indicator="INN-1" evidence="E1 E2 K1">1</value>"#)).isEmpty)
    }

    let company = #"<applicant id="C1" kind="company"><name xml:lang="en">Co</name></applicant>"#

    @Test(arguments: [
        (#"<value indicator="OPS-3">100.5</value>"#, "OPS-3: a percentage must be between 0 and 100"),
        (#"<value indicator="COM-3">-1</value>"#, "COM-3: -1 is below the lowest band"),
        (#"<value indicator="PER-2">MQTT</value>"#, "PER-2: give the set as <item> children"),
        (#"<value indicator="COM-1">4</value>"#, "COM-1: a judgment indicator is scored by the panel"),
        (#"<value indicator="PER-3">1</value>"#, "PER-3: KPIs are given as <kpi"),
        (#"<judgment indicator="COM-1" score="0"/>"#, "COM-1: score must be a whole number from 1 to 5"),
        (#"<judgment indicator="PER-1" score="3"/>"#, "PER-1 is not a judgment indicator"),
        (#"<kpi indicator="PER-3" id="K" direction="lower" target="3" achieved="0">x</kpi>"#, "both target and achieved must be > 0"),
        (#"<kpi indicator="PER-3" id="K" direction="higher" target="0" achieved="1">x</kpi>"#, "target must be > 0"),
        (#"<kpi indicator="PER-3" id="K" direction="up" target="1" achieved="1">x</kpi>"#, "direction"),
        (#"<kpi indicator="PER-3" id="K" direction="higher" target="1" achieved="1">x</kpi><kpi indicator="PER-3" id="K" direction="higher" target="1" achieved="1">y</kpi>"#, "KPI id 'K' is used twice"),
    ])
    func serviceDossierMistakes(body: String, message: String) {
        let found = problems(dossierXML(rubric: "kr-smart-service", applicants: company, body))
        #expect(!found.isEmpty)
        #expect(found.first?.contains(message) == true, "\(found)")
    }

    @Test func applicantKindRoleAndJointRules() {
        let company = #"<applicant id="C1" kind="company"><name xml:lang="en">Co</name></applicant>"#
        #expect(problems(dossierXML(applicants: company, prerequisites)).first?.contains("kind 'company' cannot apply for kr-smart-city") == true)
        let roleForCity = #"<applicant id="A" kind="city" role="developer"><name xml:lang="en">X</name></applicant>"#
        #expect(problems(dossierXML(applicants: roleForCity, prerequisites)).first?.contains("this rubric takes no roles") == true)
        let twoCities = #"<applicant id="A" kind="city"><name xml:lang="en">X</name></applicant><applicant id="B" kind="county"><name xml:lang="en">Y</name></applicant>"#
        #expect(problems(dossierXML(applicants: twoCities, prerequisites)).first?.contains("admits a single applicant") == true)
        let joint = #"<applicant id="A" kind="company" role="developer"><name xml:lang="en">X</name></applicant><applicant id="B" kind="association" role="operator"><name xml:lang="ko">협회</name></applicant>"#
        #expect(problems(dossierXML(rubric: "kr-smart-service", applicants: joint, "")).isEmpty)
        let sameTwice = #"<applicant id="A" kind="company" role="developer"><name xml:lang="en">X</name></applicant><applicant id="A" kind="association" role="operator"><name xml:lang="ko">협회</name></applicant>"#
        let twice = problems(dossierXML(rubric: "kr-smart-service", applicants: sameTwice, ""))
        #expect(twice.count == 1 && twice.first?.contains("'A'") == true, "\(twice)")
    }

    @Test func rubricIdAndVersionMustExist() {
        #expect(problems(dossierXML(rubric: "kr-smart-town", prerequisites)).first?.contains("unknown rubric 'kr-smart-town'") == true)
        #expect(problems(dossierXML(version: "2.0", prerequisites)).first?.contains("has no version '2.0'; available: 1.0") == true)
    }

    @Test func reviewsMustMatchTheDossierAndComeOncePerReviewer() {
        let dossier = dossierXML(rubric: "kr-smart-service", applicants: company, "")
        let other = reviewXML(dossier: "OTHER", reviewer: "R1", "")
        #expect(problems(dossier, reviews: [other]).first?.contains("review R1 is for dossier 'OTHER', not 'TEST-1'") == true)
        let twice = [reviewXML(reviewer: "R1", ""), reviewXML(reviewer: "R1", "")]
        #expect(problems(dossier, reviews: twice).first?.contains("reviewer 'R1' has two reviews") == true)
        let six = reviewXML(reviewer: "R1", #"<judgment indicator="COM-1" score="6"/>"#)
        #expect(problems(dossier, reviews: [six]).first?.contains("score must be a whole number from 1 to 5, got '6'") == true)
        let unknownKPI = reviewXML(reviewer: "R1", #"<kpi-decision kpi="K7" accepted="false"/>"#)
        #expect(problems(dossier, reviews: [unknownKPI]).first?.contains("no KPI 'K7'") == true)
        let doubled = reviewXML(reviewer: "R1", #"<judgment indicator="COM-1" score="3"/><judgment indicator="COM-1" score="4"/>"#)
        #expect(problems(dossier, reviews: [doubled]).first?.contains("scored it twice") == true)
    }

    @Test func everyMistakeIsReportedAtOnce() {
        let body = #"<value indicator="INN-1">-1</value><value indicator="GOV-2">done</value><value indicator="ZZ">1</value>"#
        #expect(problems(dossierXML(body)).count == 3)
    }
}

/// Values are found by id whatever their order in the dossier (the binder
/// only guesses that they follow the rubric's order).
@Suite struct BindingOrderTests {
    @Test func valuesInAnyOrderScoreTheSame() throws {
        let text = try String(contentsOfFile: Paths.sample("city/hansol-grade-a.xml"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let values = lines.filter { $0.contains("<value ") && $0.contains("</value>") }
        #expect(values.count >= 10)
        // Same dossier, values reversed and rotated.
        for reorder in [{ (v: [Substring]) in Array(v.reversed()) }, { v in Array(v.dropFirst(3) + v.prefix(3)) }] {
            var moved = reorder(values).makeIterator()
            let shuffled = lines.map { line in
                line.contains("<value ") && line.contains("</value>") ? moved.next()! : line
            }.joined(separator: "\n")
            #expect(shuffled != text)
            let original = try score(text), reordered = try score(shuffled)
            #expect(reordered.total == original.total)
            for (a, b) in zip(original.areas.flatMap(\.indicators), reordered.areas.flatMap(\.indicators)) {
                #expect(a.id == b.id && a.points == b.points && a.input == b.input && a.rule == b.rule)
            }
        }
    }
}
