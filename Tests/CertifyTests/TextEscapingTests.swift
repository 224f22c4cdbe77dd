@testable import CertifyModel
@testable import CertifyRender
import CertifyEngine
import CertifyTestSupport
import Foundation
import Testing

/// JSON string escaping and the whitespace helpers that dossier decoding
/// uses on every value, at the characters where their fast paths end.
@Suite struct TextEscapingTests {
    private func json(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return String(decoding: writer.bytes(), as: UTF8.self)
    }

    @Test func escapesQuotesBackslashesControlsAndLineSeparators() {
        #expect(json("plain 한글 → ok") == "\"plain 한글 → ok\"")
        #expect(json("a\"b\\c\nd\te\rf\u{01}g") == #""a\"b\\c\nd\te\rf\u0001g""#)
        // U+2028/2029 share their lead byte E2 with "→" (E2 86 92) and "…".
        #expect(json("→\u{2028}→\u{2029}…") == #""→\u2028→\u2029…""#)
        #expect(json("x\u{2028}") == #""x\u2028""#)
        #expect(json("\u{E2}") == "\"\u{E2}\"")  // U+00E2 is C3 A2 in UTF-8: untouched
        #expect(json("") == "\"\"")
    }

    /// The scan skips eight bytes at a time while none may need an escape:
    /// a character to escape is found at every offset, in every word.
    @Test func findsACharacterToEscapeAtEveryOffset() {
        let escapes: [(String, String)] = [
            ("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\u{1F}", #"\u001f"#), ("\u{2028}", #"\u2028"#),
            ("→", "→"), ("한", "한"),
        ]
        for length in 0..<20 {
            for offset in 0...length {
                for (raw, escaped) in escapes {
                    let before = String(repeating: "a", count: offset), after = String(repeating: "b", count: length - offset)
                    #expect(json(before + raw + after) == "\"" + before + escaped + after + "\"")
                }
            }
        }
    }

    /// Whatever the mix, the output parses back to the same string.
    @Test func roundTripsThroughAJSONParser() throws {
        let pieces = ["a", "한", "→", "…", "\u{2028}", "\u{2029}", "\"", "\\", "\n", "\u{1F}", "\u{7F}", "€", "😀", " "]
        var state: UInt64 = 42
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<20 {
                state = state &* 6_364_136_223_846_793_005 &+ 1
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let parsed = try JSONSerialization.jsonObject(with: Data(json(text).utf8), options: [.fragmentsAllowed])
            #expect(parsed as? String == text)
        }
    }

    @Test(arguments: [
        ("plain", "plain"), ("  padded\n", "padded"), ("\u{3000}전각\u{3000}", "전각"), ("한글", "한글"),
        ("\u{A0}nbsp", "nbsp"), ("漢字 ", "漢字"), ("", ""), (" \t\n", ""), ("é ", "é"),
    ])
    func trimsUnicodeWhitespace(text: String, trimmed: String) {
        #expect(text.trimmingWhitespace == trimmed)
    }

    /// `count` texts of 0 to `most` pieces each, drawn by a fixed seed.
    static func texts(_ count: Int, of pieces: [String], upTo most: Int, seed: UInt64) -> [String] {
        var state = seed
        func draw() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            return Int(state >> 33)
        }
        return (0..<count).map { _ in (0..<(draw() % (most + 1))).map { _ in pieces[draw() % pieces.count] }.joined() }
    }

    /// Whatever the ends (ASCII, Hangul and CJK, two- and four-byte
    /// scalars, combining marks, white space of every width), trimming
    /// keeps what trimming Character by Character keeps.
    @Test func trimsAsCharacterByCharacter() {
        let pieces = ["a", "Z", "1", "한", "漢", "é", "e\u{301}", "😀", " ", "\t", "\n", "\u{3000}", "\u{A0}", "\u{2003}",
                      "\u{600}1", "ㄱ", "각\u{11A8}", "\u{85}", "~", "\u{7F}"]
        for text in Self.texts(2000, of: pieces, upTo: 4, seed: 7) {
            var characters = Substring(text)
            while let first = characters.first, first.isWhitespace { characters.removeFirst() }
            while let last = characters.last, last.isWhitespace { characters.removeLast() }
            #expect(text.trimmingWhitespace == String(characters), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// An `xs:list` splits on space, tab, CR and LF alone: other spaces
    /// (no-break, ideographic, vertical tab) are part of an item, as a
    /// schema validator reads them.
    @Test(arguments: [
        ("E1 E2", ["E1", "E2"]), ("  E1\tE2\nE3\r\n", ["E1", "E2", "E3"]), ("", []), ("E1", ["E1"]),
        ("E1\u{3000}E2", ["E1\u{3000}E2"]), ("증빙 E2", ["증빙", "E2"]), ("E1\u{A0}E2", ["E1\u{A0}E2"]),
        ("E1\u{0B}E2\u{0C}E3", ["E1\u{0B}E2\u{0C}E3"]), ("\r\nE1\r\n", ["E1"]),
    ])
    func splitsXMLListItems(text: String, items: [String]) {
        #expect(text.xmlListItems == items)
        let separators: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r"]
        #expect(items == text.unicodeScalars.split(whereSeparator: separators.contains).map { String(String.UnicodeScalarView($0)) })
    }

    /// Random lists split as the generic `split` on the four separators does.
    @Test func splitsListsAsSplitOnTheFourSeparators() {
        let pieces = ["E1", "증빙", " ", "\t", "\n", "\r", "\u{A0}", "\u{3000}", "x", "😀", "  "]
        for text in Self.texts(1000, of: pieces, upTo: 6, seed: 11) {
            let expected = text.utf8.split(whereSeparator: { [0x20, 0x09, 0x0A, 0x0D].contains($0) }).map { String(Substring($0)) }
            #expect(text.xmlListItems == expected, "\(text.debugDescription)")
        }
    }
}

/// The rubric-only parts of a JSON record are encoded once per rubric; a
/// result that shows other values (an embedder changed them) is rendered
/// from its own values, never from the cache.
@Suite struct JSONRendererCacheTests {
    private func areas(_ result: ScoreResult) throws -> [[String: Any]] {
        let bytes = JSONRenderer.render(result)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        return try #require(object["areas"] as? [[String: Any]])
    }

    /// A rubric keeps one derived value per type, made once even when
    /// many threads ask at the same time.
    @Test func derivedValuesAreMadeOncePerRubricAndType() throws {
        let rubric = try score(String(contentsOfFile: Paths.sample("city/hansol-grade-a.xml"), encoding: .utf8)).rubric
        final class Made: Sendable { let id: Int; init(_ id: Int) { self.id = id } }
        final class Other: Sendable { let name: String; init(name: String) { self.name = name } }
        let counter = Counter()
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            _ = rubric.derived(Made.self) { _ in Made(counter.next()) }
        }
        #expect(counter.value == 1)
        #expect(rubric.derived(Made.self) { _ in Made(-1) }.id == 1)
        #expect(rubric.derived(Other.self) { Other(name: $0.id) }.name == rubric.id)
        #expect(RubricJSON.of(rubric) === RubricJSON.of(rubric))
    }

    /// Rule texts and findings are copied from encodings kept with the
    /// rubric where the rubric alone determines them: in both languages,
    /// every one is the catalog's text of the result's own message.
    @Test func copiedRuleTextsAndFindingsAreTheCatalogs() throws {
        var samples: [(String, [String])] = try FileManager.default
            .contentsOfDirectory(atPath: Paths.sample("city")).filter { $0.hasSuffix(".xml") }
            .map { (Paths.sample("city/" + $0), []) }
        for directory in try FileManager.default.contentsOfDirectory(atPath: Paths.sample("service")) {
            let path = Paths.sample("service/" + directory)
            let reviews = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasPrefix("review-") }.sorted()
            samples.append((path + "/dossier.xml", reviews.map { path + "/" + $0 }))
            samples.append((path + "/dossier.xml", []))
        }
        var rules = 0
        for (dossier, reviews) in samples {
            let result = try score(
                String(contentsOfFile: dossier, encoding: .utf8),
                reviews: reviews.map { try String(contentsOfFile: $0, encoding: .utf8) })
            for language in [Language.en, .ko] {
                let object = try #require(
                    try JSONSerialization.jsonObject(with: Data(JSONRenderer.render(result, language: language))) as? [String: Any])
                let areas = try #require(object["areas"] as? [[String: Any]])
                let indicators = areas.flatMap { $0["indicators"] as? [[String: Any]] ?? [] }
                let results = result.areas.flatMap(\.indicators)
                try #require(indicators.count == results.count)
                for (json, indicator) in zip(indicators, results) {
                    #expect(json["rule"] as? String == indicator.rule.english)
                    #expect(json["ruleKo"] as? String == (language == .ko ? indicator.rule.korean : nil))
                    rules += 1
                }
                let findings = try #require(object["findings"] as? [[String: Any]])
                try #require(findings.count == result.findings.count)
                for (json, finding) in zip(findings, result.findings) {
                    #expect(json["message"] as? String == finding.message.english)
                    #expect(json["messageKo"] as? String == finding.message.korean)
                }
            }
        }
        #expect(rules > 100)
    }

    @Test func aChangedAreaIsRenderedFromTheResult() throws {
        var result = try score(String(contentsOfFile: Paths.sample("city/hansol-grade-a.xml"), encoding: .utf8))
        let cached = try areas(result)
        #expect(cached.count == result.areas.count)
        result.areas[0].max = Rational(999)
        result.areas[0].label = LocalizedText(ko: "바뀐 영역", en: "Changed area")
        let changed = try areas(result)
        #expect((changed[0]["max"] as? NSNumber)?.intValue == 999)
        #expect((changed[0]["label"] as? [String: String])?["en"] == "Changed area")
        // The other areas, and the first area's indicators, are as before.
        #expect((changed[1]["max"] as? NSNumber) == (cached[1]["max"] as? NSNumber))
        #expect((changed[0]["indicators"] as? [[String: Any]])?.count == (cached[0]["indicators"] as? [[String: Any]])?.count)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    func next() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }
}
