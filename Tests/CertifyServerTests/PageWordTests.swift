import CertifyModel
import CertifyRegistry
import CertifyServer
import CertifyTestSupport
import Foundation
import Testing

/// The pages' words: both languages of every word, and every word a
/// template reads (`t.KEY`) is one of them: a template cannot name a word
/// the catalog lacks.
@Suite struct PageWordTests {
    @Test func everyWordHasBothLanguages() {
        #expect(catalogProblems(PageWord.self, sameInBoth: ["api", "evidence-sha256", "kpi", "kpi-id", "kpis", "evidence-id"]) == [])
        #expect(catalogProblems(CertificateStatus.self) == [])
    }

    @Test func templatesReadOnlyKnownWords() throws {
        let keys = Set(PageWord.allCases.map(\.key))
        var read: Set<String> = []
        for directory in ["Sources/CertifyServer/Resources/templates", "Sources/CertifyTemplates/Resources/templates"] {
            let url = Paths.file(directory)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".mustache") {
                let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
                let pattern = try NSRegularExpression(pattern: #"\{\{[{#^/]?\s*t\.([A-Za-z0-9.-]+)"#)
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    read.insert(String(text[Range(match.range(at: 1), in: text)!]))
                }
            }
        }
        #expect(read.count > 50, "the templates' t.KEY words were not found")
        #expect(read.subtracting(keys).sorted() == [], "templates read words the catalog does not have")
    }
}
