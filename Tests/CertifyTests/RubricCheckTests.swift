import CertifyModel
import CertifyRuntime
import CertifyTestSupport
import Foundation
import Testing

/// A rubric is input too: inconsistent ones are refused when loaded.
@Suite struct RubricCheckTests {
    func problems(editing edit: (String) -> String) -> [String] {
        let scratch = Scratch()
        let original = try! String(contentsOf: Paths.rubrics.appendingPathComponent("kr-smart-service.xml"), encoding: .utf8)
        scratch.write("rubric.xml", edit(original))
        do {
            _ = try Certifier(rubricsDirectory: scratch.directory, schemas: .shipped())
            return []
        } catch {
            return error.diagnostics.map(\.message)
        }
    }

    @Test func theShippedRubricLoadsUnchanged() {
        #expect(problems { $0 }.isEmpty)
    }

    @Test(arguments: [
        (#"trim-from="5""#, #"trim-from="2""#, "trim-from must be at least 3"),
        (#"<validity years="2"/>"#, #"<validity years="8000"/>"#, "validity must be 1 to 100 years"),
        (#"<pass threshold="60"/>"#, #"<pass threshold="120"/>"#, "exceeds the maximum"),
        (#"<band min="95" points="4"/>"#, #"<band min="99.95" points="4"/>"#, "band minimums must increase"),
        (#"<choice value="full" points="10">"#, #"<choice value="full" points="11">"#, "choice points 11 outside"),
        (#"<area id="OPS" max="30">"#, #"<area id="OPS" max="31">"#, "less than its max"),
        (#"<linear lo="80" hi="100"/>"#, #"<linear lo="100" hi="80"/>"#, "linear needs lo < hi"),
    ])
    func inconsistentRubricsAreRefused(original: String, replacement: String, message: String) {
        let found = problems { $0.replacingOccurrences(of: original, with: replacement) }
        #expect(found.contains { $0.contains(message) }, "\(found)")
    }
}
