import CertifyModel
import CertifyTestSupport
import CertifyXML
import Foundation
import Testing

/// Hostile and broken inputs: every class formats.md names is refused,
/// located, and never expanded or fetched.
@Suite struct XMLSafetyTests {
    func refusal(_ text: String, limits: XMLLimits = .default) -> [XMLProblem] {
        refusal(Array(text.utf8), limits: limits)
    }

    func refusal(_ bytes: [UInt8], limits: XMLLimits = .default) -> [XMLProblem] {
        do {
            _ = try SafeXMLParser.parse(bytes, limits: limits)
            return []
        } catch { return error.problems }
    }

    @Test(arguments: [
        // External entity (XXE).
        #"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>"#,
        // Parameter entity fetching an external DTD.
        #"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]><d/>"#,
        // Billion laughs.
        """
        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><lolz>&lol4;</lolz>
        """,
        // External DTD only.
        #"<?xml version="1.0"?><!DOCTYPE d SYSTEM "http://127.0.0.1:9/d.dtd"><d/>"#,
        // Internal subset without entities.
        #"<!DOCTYPE d [<!ELEMENT d ANY>]><d/>"#,
    ])
    func anyDoctypeIsRefused(text: String) {
        let problems = refusal(text)
        #expect(problems.count == 1)
        #expect(problems.first?.kind == .refused)
        #expect(problems.first?.message.hasPrefix("DOCTYPE is not allowed") == true)
        #expect(problems.first?.position.line == 1 || problems.first?.position.line == 2)
    }

    @Test func xincludeIsRefusedNotProcessed() {
        let text = #"<d xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd" parse="text"/></d>"#
        let problems = refusal(text)
        #expect(problems.first?.message == "XInclude is not allowed")
        #expect(problems.first?.position == SourcePosition(line: 1, column: 47))
    }

    @Test func undeclaredEntityIsAnError() {
        #expect(refusal("<d>&nope;</d>").first?.kind == .malformed)
    }

    @Test func notWellFormedIsLocated() {
        let problems = refusal("<d>\n  <e>\n</d>")
        #expect(problems.first?.kind == .malformed)
        #expect(problems.first?.position.line == 3)
        #expect(problems.first?.message.contains("mismatch") == true)
    }

    @Test func invalidUTF8IsRefused() {
        let bytes = Array(#"<?xml version="1.0" encoding="UTF-8"?><d>"#.utf8) + [0xC3, 0x28, 0xFF] + Array("</d>".utf8)
        let problems = refusal(bytes)
        #expect(problems.first?.kind == .malformed)
        #expect(problems.first?.message.contains("UTF-8") == true)
    }

    @Test func limitsHold() {
        let limits = XMLLimits(maxBytes: 1000, maxDepth: 5, maxElements: 20, maxTextBytes: 50)
        #expect(refusal(String(repeating: "<a>", count: 6) + String(repeating: "</a>", count: 6), limits: limits)
            .first?.message.contains("nested more than 5") == true)
        #expect(refusal("<a>" + String(repeating: "<b/>", count: 25) + "</a>", limits: limits)
            .first?.message.contains("more than 20 elements") == true)
        #expect(refusal("<a>" + String(repeating: "x", count: 60) + "</a>", limits: limits)
            .first?.message.contains("text longer than 50") == true)
        #expect(refusal(#"<a b=""# + String(repeating: "x", count: 60) + #""/>"#, limits: limits)
            .first?.message.contains("attribute value longer") == true)
        #expect(refusal("<a>" + String(repeating: "x", count: 1200) + "</a>", limits: limits)
            .first?.message.contains("the limit is 1000 bytes") == true)
        #expect(refusal("").first?.message == "file is empty")
    }

    @Test func positionsPointAtTheStartTag() throws {
        let document = try SafeXMLParser.parse(Array("<r>\n  <a x='1'\n     y='2'/>\n    <b>한글</b></r>".utf8))
        let elements = document.root.elements
        #expect(document.root.location == SourcePosition(line: 1, column: 1))
        #expect(elements[0].location == SourcePosition(line: 2, column: 3))
        #expect(elements[1].location == SourcePosition(line: 4, column: 5))
        #expect(elements[1].text == "한글")
    }

    @Test func eucKRDocumentsAreDecoded() throws {
        let url = Paths.fixtures.appendingPathComponent("encodings/euc-kr-dossier.xml")
        let bytes = [UInt8](try Data(contentsOf: url))
        #expect(!bytes.contains(0xED))  // really EUC-KR, not UTF-8 (한 is ED 95 9C in UTF-8)
        let document = try SafeXMLParser.parse(bytes)
        let name = document.root.elements.first?.elements.first?.text
        #expect(name == "한강시")
    }

    /// Bytes that do not convert from the declared encoding: one located
    /// problem naming them, not the errors that follow from it.
    @Test func undecodableBytesAreOneLocatedProblem() throws {
        let url = Paths.fixtures.appendingPathComponent("encodings/euc-kr-undecodable.xml")
        let bytes = [UInt8](try Data(contentsOf: url))
        #expect(throws: XMLFailure.self) { try SafeXMLParser.parse(bytes) }
        do {
            _ = try SafeXMLParser.parse(bytes)
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.kind == .malformed)
            #expect(error.problems.first?.message.contains("0xA3 0x1E 0x1E") == true, "\(error.problems)")
            #expect((error.problems.first?.position.line ?? 0) >= 1)
        }
    }

    /// libxml2 puts the offending bytes on a second line: a problem is one line.
    @Test func parserMessagesAreOneLine() throws {
        do {
            _ = try SafeXMLParser.parse(Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r>".utf8) + [0xFF, 0xFE] + Array("</r>".utf8))
            Issue.record("bytes that are not UTF-8 were accepted")
        } catch {
            #expect(error.problems.allSatisfy { !$0.message.contains("\n") }, "\(error.problems)")
        }
    }

    @Test func schemaErrorsAreLocatedOnTheElement() throws {
        let schema = try XMLSchema(bytes: Array("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="r"><xs:complexType><xs:sequence>
                <xs:element name="n" type="xs:integer" maxOccurs="unbounded"/>
              </xs:sequence></xs:complexType></xs:element>
            </xs:schema>
            """.utf8))
        let document = try SafeXMLParser.parse(Array("<r>\n<n>1</n>\n  <n>x</n>\n</r>".utf8))
        let problems = schema.validate(document)
        #expect(problems.count == 1)
        #expect(problems.first?.position == SourcePosition(line: 3, column: 3))
        #expect(problems.first?.kind == .schema)
    }
}

/// `XMLElement` reads the parsed tree in place; these pin what it matches.
@Suite struct XMLViewTests {
    let document: XMLDocument

    init() throws {
        document = try SafeXMLParser.parse(Array("""
            <r xmlns="urn:a" xmlns:b="urn:b" id="1" b:id="2" xml:lang="ko">
              <n>one</n><b:n>other</b:n><!-- note --><n>t<![CDATA[w]]>o</n>
              <m/>
            </r>
            """.utf8))
    }

    @Test func attributesInNoNamespaceOnly() {
        let root = document.root
        #expect(root.attribute("id") == "1")
        #expect(root.language == "ko")
        #expect(root.attribute("lang") == nil)
        #expect(root.attributes.map(\.value) == ["1", "2", "ko"])
        #expect(root.attributes[1].namespace == "urn:b")
    }

    @Test func childrenByNameStayInTheParentsNamespace() {
        let root = document.root
        #expect(root.isNamed("r", in: "urn:a"))
        #expect(!root.isNamed("r", in: nil))
        #expect(root.elements.count == 4)
        #expect(root.elements(named: "n").map(\.text) == ["one", "two"])
        #expect(root.element(named: "n")?.text == "one")
        #expect(root.element(named: "zz") == nil)
        #expect(root.firstElement()?.text == "one")
        #expect(root.firstElement(last: true)?.name == "m")
        #expect(root.elements[1].namespace == "urn:b")
    }

    @Test func viewsOutliveTheirParse() throws {
        // A view keeps its document: read it after every other reference is gone.
        let child = try SafeXMLParser.parse(Array("<r><c>kept</c></r>".utf8)).root.elements[0]
        #expect(child.text == "kept")
        #expect(child.location == SourcePosition(line: 1, column: 4))
    }
}
