import CertifyTemplates
import Mustache
import Testing

/// The shared templates and the cleaning of untrusted text before
/// mustache escapes it.
@Suite struct TemplatesTests {
    @Test func everySharedTemplateParses() {
        #expect(Set(Templates.templates.keys) == ["head", "foot", "report", "cohort", "compare", "invalid"])
        #expect(Templates.library.getTemplate(named: "report") != nil)
    }

    @Test func charactersAPageMayNotHoldBecomeReplacementCharacters() {
        // Noncharacters are built from their values: Swift literals may not hold them.
        for value: UInt32 in [0x0, 0x8, 0x1B, 0x7F, 0x85, 0x9F, 0xFDD0, 0xFFFE, 0x1FFFF] {
            let bad = String(Character(Unicode.Scalar(value)!))
            #expect(Templates.cleanText("a\(bad)b") == "a\u{FFFD}b", "U+\(String(value, radix: 16))")
        }
        for fine in ["plain & <ascii> \"'", "tab\tline\nreturn\r\n", "서울 \u{A0} é ✓"] {
            #expect(Templates.cleanText(fine) == fine)
        }
    }

    /// mustache escapes one Character at a time: a special joined to a mark
    /// becomes its full-width form, which needs no escaping.
    @Test func specialsJoinedToMarksBecomeFullWidth() throws {
        #expect(Templates.cleanText("\"\u{301}") == "＂\u{301}")
        #expect(Templates.cleanText("'\u{20DD}") == "＇\u{20DD}")
        #expect(Templates.cleanText("\u{600}<") == "\u{600}＜")
        #expect(Templates.cleanText("&\u{200D}>") == "＆\u{200D}>")
        // A special next to a non-ASCII character it does not join stays as it is.
        for text in ["x\u{301}\"y", "\"서울\"역 <b>", "é'", "'é"] { #expect(Templates.cleanText(text) == text, "\(text)") }
        // Rendered, nothing special is left raw next to a mark.
        let view: [String: Any] = ["v": "\"\u{301}x\u{600}<b>"]
        let template = try MustacheTemplate(string: "<a title=\"{{v}}\">{{v}}</a>")
        // (In variables: the #expect macro itself mis-expands such a literal.)
        let joined = "\"\u{301}"
        let rendered = template.render(view)
        #expect(rendered.contains(joined), "mustache alone lets the quote through")
        #expect(template.render(Templates.clean(view)) == "<a title=\"＂\u{301}x\u{600}＜b&gt;\">＂\u{301}x\u{600}＜b&gt;</a>")
    }

    @Test func cleaningReachesEveryStringOfAView() {
        let view: [String: Any] = [
            "a": "\u{1}", "n": 3, "b": true,
            "list": ["\u{2}", ["deep": "\u{3}"]] as [Any],
            "rows": [["x": "\u{4}"]],
        ]
        let clean = Templates.clean(view)
        #expect(clean["a"] as? String == "\u{FFFD}" && clean["n"] as? Int == 3 && clean["b"] as? Bool == true)
        let list = clean["list"] as? [Any]
        #expect(list?.first as? String == "\u{FFFD}")
        #expect((list?.last as? [String: Any])?["deep"] as? String == "\u{FFFD}")
        #expect((clean["rows"] as? [Any])?.first.flatMap { ($0 as? [String: Any])?["x"] as? String } == "\u{FFFD}")
    }
}
