@testable import CertifyXML
import Foundation
import Testing

/// The parser reads a document that is UTF-8 for sure without asking its
/// source for more (`DeclaredEncoding`); every other document keeps the
/// source that converts it. Both read a long document to its last byte.
@Suite struct ParserInputTests {
    private func isUTF8(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { DeclaredEncoding.isUTF8($0) }
    }

    @Test func utf8ForSure() {
        #expect(isUTF8(#"<?xml version="1.0"?><r/>"#))
        #expect(isUTF8(#"<?xml version="1.0" encoding="UTF-8"?><r/>"#))
        #expect(isUTF8("<?xml version='1.0' encoding = 'utf8' standalone='yes'?>\n<r/>"))
        #expect(isUTF8("<?xml\tversion=\"1.0\"\nencoding=\"Utf-8\"?><r/>"))
        #expect(isUTF8("\u{FEFF}<?xml version=\"1.0\"?><r/>"))
        #expect(isUTF8("<r/>"))
        #expect(isUTF8("<한/>"))
        #expect(isUTF8("<_r/>"))
    }

    @Test func anythingElseKeepsTheSource() {
        #expect(!isUTF8(#"<?xml version="1.0" encoding="ISO-8859-1"?><r/>"#))
        #expect(!isUTF8(#"<?xml version="1.0" encoding="EUC-KR"?><r/>"#))
        #expect(!isUTF8(#"<?xml version="1.0" encoding="UTF-16"?><r/>"#))
        #expect(!isUTF8(#"<?xml version="1.0" encoding="UTF-8x"?><r/>"#))
        #expect(!isUTF8(#"<?xml version="1.0" encoding="UTF-8?><r/>"#))  // unterminated value
        // Malformed declarations are libxml2's to report, with the source kept.
        #expect(!isUTF8(#"<?xml version="1.0" xencoding="UTF-8" encoding="ISO-8859-1"?><r/>"#))
        #expect(!isUTF8(#"<?xml version="1.0" xencoding="UTF-8"?><r/>"#))
        #expect(!isUTF8(#"<?xml version="1.0" encoding=UTF-8?><r/>"#))
        #expect(!isUTF8(#"<?xml version="1.0""#))                         // no `?>`
        #expect(!isUTF8(" <r/>"))
        #expect(!isUTF8("<!-- c --><r/>"))
        #expect(!isUTF8("<?xml-stylesheet href='a'?><r/>"))
        #expect(!isUTF8(""))
        #expect(!isUTF8("<"))
        let utf16 = [UInt8]([0xFF, 0xFE]) + "<r/>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(!utf16.withUnsafeBufferPointer { DeclaredEncoding.isUTF8($0) })
    }

    /// A document of a few kilobytes whose last element holds `é` and `한`
    /// where the encoding allows them.
    private func document(declaring encoding: String?, korean: Bool) -> String {
        let declaration = encoding.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>\n" } ?? ""
        let items = (1...120).map { "  <item n=\"\($0)\">café \($0)</item>\n" }.joined()
        return declaration + "<list>\n" + items + "  <last>fin é\(korean ? " 한" : "")</last>\n</list>\n"
    }

    private func lastText(_ bytes: [UInt8]) throws -> (count: Int, last: String?) {
        let root = try SafeXMLParser.parse(bytes).root
        return (root.elements.count, root.elements.last?.text)
    }

    @Test func longDocumentsAreReadToTheEnd() throws {
        let utf8 = document(declaring: "UTF-8", korean: true)
        #expect(try lastText(Array(utf8.utf8)) == (121, "fin é 한"))
        #expect(try lastText(Array(document(declaring: nil, korean: true).utf8)) == (121, "fin é 한"))
        #expect(try lastText([0xEF, 0xBB, 0xBF] + Array(utf8.utf8)) == (121, "fin é 한"))

        // Latin-1: é is one byte, converted as the parser reads on.
        let latin1 = document(declaring: "ISO-8859-1", korean: false)
        let latin1Bytes = latin1.unicodeScalars.map { UInt8($0.value) }
        #expect(latin1Bytes.count > 2048)
        #expect(try lastText(latin1Bytes) == (121, "fin é"))

        // UTF-16 with its byte-order mark.
        let utf16 = [UInt8]([0xFF, 0xFE]) + document(declaring: "UTF-16", korean: true).utf16
            .flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try lastText(utf16) == (121, "fin é 한"))
    }

    /// A document cut short is still an error at its end, with or without
    /// a source to ask.
    @Test func truncatedDocumentsFail() {
        let utf8 = Array(document(declaring: "UTF-8", korean: true).utf8)
        let latin1 = document(declaring: "ISO-8859-1", korean: false).unicodeScalars.map { UInt8($0.value) }
        for whole in [utf8, latin1] {
            let bytes = Array(whole.dropLast(20))
            #expect(throws: XMLFailure.self) { _ = try SafeXMLParser.parse(bytes) }
        }
    }
}
