import CertifyModel
import CertifyXML
import Testing

/// libxml2's errors as the catalog's kinds: what LibXMLErrors.swift maps
/// each error code to, so that the Korean text says what went wrong.
@Suite struct XMLErrorKindTests {
    typealias Kind = Message.XMLError.Kind

    func kinds(_ text: String) -> [Kind] {
        do {
            _ = try SafeXMLParser.parse(Array(text.utf8))
            return []
        } catch { return error.problems.compactMap { $0.error?.kind } }
    }

    @Test(arguments: [
        ("<d/><e/>", Kind.contentAfterRoot),
        (#"<d a="1"#, .attributeNotClosed),
        ("<d a=1/>", .attributeNotQuoted),
        ("<d a='<'/>", .lessThanInAttribute),
        ("<d><![CDATA[x</d>", .cdataNotClosed),
        ("<d><!-- x -- y --></d>", .hyphensInComment),
        ("<d>&#xZZ;</d>", .invalidCharacterReference),
        ("<d>x & y</d>", .nameRequired),
        ("<d>&amp</d>", .entityReferenceNotClosed),
        (#"<?xml encoding="UTF-8"?><d/>"#, .declarationWithoutVersion),
        (#"<d><?xml version="1.0"?></d>"#, .declarationNotAtStart),
        ("<a:d/>", .prefixUndeclared(prefix: "a", name: "d")),
    ])
    func parserErrors(text: String, kind: Kind) {
        #expect(kinds(text).first == kind, "\(kinds(text))")
    }

    @Test func schemaErrorsOfNoValue() throws {
        let schema = try XMLSchema(bytes: Array("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="r"><xs:complexType><xs:sequence>
                <xs:element name="e" minOccurs="0"><xs:complexType/></xs:element>
              </xs:sequence></xs:complexType></xs:element>
            </xs:schema>
            """.utf8))
        let empty = try SafeXMLParser.parse(Array("<r><e>text</e></r>".utf8))
        #expect(schema.validate(empty).first?.error?.kind == .mustBeEmpty)
        let undeclared = try SafeXMLParser.parse(Array("<q/>".utf8))
        #expect(schema.validate(undeclared).first?.error?.kind == .noDeclaration)
    }
}
