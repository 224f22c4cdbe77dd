import CertifyModel
import CertifyRegistry
import CertifyRegistryWeb
import CertifyRuntime
@testable import CertifyServer
import CertifyTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// A registry with kept reports: a graded city certificate, its renewal,
/// a scored service certificate (revoked), and one whose report is not kept.
final class CertificateRegistry: @unchecked Sendable {
    let scratch = Scratch()
    let path: String
    let city, renewal, service, unkept: String
    let reports: [String: [UInt8]]

    init() throws {
        path = scratch.path("registry.sqlite")
        let registry = try Registry.create(at: path, origin: "test.example/registry")
        var reports: [String: [UInt8]] = [:]
        func add(_ text: String, _ applicant: (String, String), rubric: String, from: String, until: String,
                 outcome: ReportOutcome?, keep: Bool = true) throws -> String {
            let bytes = Array(text.utf8)
            let report = CertifiedReport(
                reportSHA256: InputFile.sha256(bytes), applicants: [CertifyRegistry.Applicant(id: applicant.0, name: applicant.1)],
                rubric: rubric, rubricVersion: "1.0", validFrom: CalendarDate(iso: from)!, validUntil: CalendarDate(iso: until)!,
                outcome: outcome, bytes: keep ? bytes : [])
            let id = try registry.register(report).certificate.id
            if keep { reports[id] = bytes }
            return id
        }
        city = try add("<report>city</report>", ("KR-HANSOL", "한솔시 / Hansol City"), rubric: "kr-smart-city",
                       from: "2026-03-02", until: "2028-03-01", outcome: ReportOutcome(grade: "A", total: "87.4", max: "100"))
        renewal = try add("<report>renewal</report>", ("KR-HANSOL", "한솔시 / Hansol City"), rubric: "kr-smart-city",
                          from: "2028-01-15", until: "2030-01-14", outcome: ReportOutcome(grade: "B", total: "78", max: "100"))
        service = try add("<report>service</report>", ("KR-HANEUL", "하늘시 / Haneul City"), rubric: "kr-smart-service",
                          from: "2026-03-02", until: "2028-03-01", outcome: ReportOutcome(grade: nil, total: "72.5", max: "100"))
        unkept = try add("<report>unkept</report>", ("KR-SAN", "산시 / San City"), rubric: "kr-smart-city",
                         from: "2026-03-02", until: "2028-03-01", outcome: nil, keep: false)
        _ = try registry.revoke(service, reason: "false <statement> & more")
        try registry.flush()
        self.reports = reports
    }

    func app() async throws -> some ApplicationProtocol { try await registryApplication(path) }
}

@Suite("Certificate page")
struct CertificatePageTests {
    @Test(arguments: setups)
    func page(_ setup: TestingSetup) async throws {
        let made = try CertificateRegistry()
        let registry = try Registry.open(at: made.path, readOnly: true)
        try await made.app().test(setup) { client in
            for language in [Language.ko, .en] {
                let t = { (word: PageWord, values: [String]) in word.text(language, values: values) }
                try await client.execute(uri: "/certificates/\(made.city)?lang=\(language.rawValue)&at=2026-06-01", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    let page = string(response.body)
                    #expect(page.contains("<html lang=\"\(language.rawValue)\">"))
                    #expect(page.contains("<h1>\(t(.certTitle, [made.city]))</h1>"))
                    #expect(page.contains("한솔시 / Hansol City (KR-HANSOL)"))
                    #expect(page.contains(language == .ko ? "스마트도시 인증 (kr-smart-city 1.0)" : "Smart City Certification (kr-smart-city 1.0)"))
                    #expect(page.contains(t(.certGrade, ["A", "87.4", "100"])))
                    #expect(page.contains("2026-03-02 – 2028-03-01"))
                    #expect(page.contains("data-status=\"valid\""))
                    #expect(page.contains(t(.certStatusOn, ["2026-06-01"])))
                    // The language switch keeps the day.
                    let other = language == .ko ? "en" : "ko"
                    #expect(page.contains("href=\"/certificates/\(made.city)?at=2026-06-01&amp;lang=\(other)\""))
                    // The renewal chain, the report, the check's inputs, the printed address.
                    #expect(page.contains("<a href=\"/certificates/\(made.renewal)?lang=\(language.rawValue)\" rel=\"next\">\(made.renewal)</a>"))
                    #expect(page.contains("href=\"/certificates/\(made.city)/report\" download"))
                    #expect(page.contains("data-key=\"\(registry.verifier.encoded)\""))
                    #expect(page.contains("data-proof=\"/api/v1/certificates/\(made.city)/proof\""))
                    #expect(page.contains("data-entries=\"0\""))
                    #expect(page.contains("data-applicants=\"KR-HANSOL\" data-rubric=\"kr-smart-city 1.0\""))
                    #expect(page.contains("/certificates/\(made.city)</p>"))
                    #expect(page.contains(t(.certVerifyChecking, [])))
                    // The only script is the static file (the CSP allows no inline script).
                    #expect(page.contains("<script src=\"/static/certificate.js\" defer></script>"))
                    #expect(!page.contains("<script>"))
                }
            }
            // Status on other days; the renewal links back; a score without a grade.
            try await client.execute(uri: "/certificates/\(made.city)?lang=en&at=2028-02-01", method: .get) { response in
                #expect(string(response.body).contains("data-status=\"superseded\""))
            }
            try await client.execute(uri: "/certificates/\(made.renewal)?lang=en&at=2026-06-01", method: .get) { response in
                let page = string(response.body)
                #expect(page.contains("data-status=\"not-yet-valid\""))
                #expect(page.contains("<a href=\"/certificates/\(made.city)?lang=en\" rel=\"prev\">\(made.city)</a>"))
            }
            try await client.execute(uri: "/certificates/\(made.service)?lang=ko", method: .get) { response in
                let page = string(response.body)
                #expect(page.contains("data-status=\"revoked\""))
                #expect(page.contains("false &lt;statement&gt; &amp; more"))
                #expect(page.contains(PageWord.certScore.text(.ko, "72.5", "100")))
                #expect(page.contains("data-entries=\"2 4\""))
            }
            try await client.execute(uri: "/certificates/\(made.unkept)?lang=en", method: .get) { response in
                let page = string(response.body)
                #expect(response.status == .ok)
                #expect(page.contains(PageWord.certOutcomeUnknown.text(.en)))
                #expect(!page.contains("/report\" download"))
            }
            // A date that cannot be read: 400, named in the summary, linked to its field.
            try await client.execute(uri: "/certificates/\(made.city)?lang=ko&at=2026-02-30", method: .get) { response in
                #expect(response.status == .badRequest)
                let message = PageWord.certAtBad.text(.ko, "2026-02-30").replacingOccurrences(of: "'", with: "&#39;")
                #expect(string(response.body).contains("<a href=\"#at\">\(message)</a>"))
            }
            // Unknown and malformed ids: 404 in the page's language (Accept-Language too).
            try await client.execute(uri: "/certificates/KR-XX-2026-0999", method: .get, headers: [.acceptLanguage: "ko-KR,ko;q=0.9"]) { response in
                #expect(response.status == .notFound)
                #expect(string(response.body).contains(PageWord.certNotFound.text(.ko, "KR-XX-2026-0999")))
            }
            try await client.execute(uri: "/certificates/%3Cb%3E?lang=en", method: .get) { response in
                #expect(response.status == .notFound)
                let page = string(response.body)
                #expect(page.contains(PageWord.certIDBad.text(.en, "&lt;b&gt;").replacingOccurrences(of: "'", with: "&#39;")))
                #expect(!page.contains("<b>"))
            }
            // The registry page links to each certificate's page.
            try await client.execute(uri: "/registry?lang=ko", method: .get) { response in
                let page = string(response.body)
                for id in [made.city, made.renewal, made.service, made.unkept] {
                    #expect(page.contains("<a href=\"/certificates/\(id)?lang=ko\">\(id)</a>"))
                }
            }
            try await client.execute(uri: "/static/certificate.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(string(response.body).contains("crypto.subtle.importKey(\"raw\""))
            }
        }
    }

    @Test(arguments: setups)
    func reportAndProof(_ setup: TestingSetup) async throws {
        let made = try CertificateRegistry()
        let registry = try Registry.open(at: made.path, readOnly: true)
        try await made.app().test(setup) { client in
            for (id, bytes) in made.reports {
                try await client.execute(uri: "/certificates/\(id)/report", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/xml")
                    #expect(response.headers[.contentDisposition] == "attachment; filename=\"\(id)-report.xml\"")
                    #expect(Array(buffer: response.body) == bytes)
                }
            }
            try await client.execute(uri: "/certificates/\(made.unkept)/report?lang=ko", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(string(response.body).contains("<html lang=\"ko\">"))
            }
            // Every entry of a certificate, proven in the latest tree; checked here with the library.
            for (id, indices) in [(made.city, [0]), (made.service, [2, 4])] {
                try await client.execute(uri: "/api/v1/certificates/\(id)/proof", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/json")
                    let answer = try json(response.body)
                    #expect(answer["certificate"] as? String == id)
                    #expect(answer["size"] as? Int == 5)
                    let note = try #require(answer["checkpoint"] as? String)
                    let checkpoint = try #require(registry.verifier.open(note).flatMap(Checkpoint.init(text:)))
                    #expect(checkpoint.size == 5)
                    let entries = try #require(answer["entries"] as? [[String: Any]])
                    #expect(entries.compactMap { $0["index"] as? Int } == indices)
                    for entry in entries {
                        let bytes = try #require(Data(base64Encoded: entry["entry"] as? String ?? "").map(Array.init))
                        let proof = try #require((entry["proof"] as? [String])?.compactMap { Data(base64Encoded: $0).map(Array.init) })
                        let index = try #require(entry["index"] as? Int)
                        #expect(bytes == (try registry.entry(index)))
                        #expect(RFC9162.verifyInclusion(leaf: RFC9162.leafHash(bytes), index: index, size: 5, proof: proof, root: checkpoint.root))
                        #expect(try Event(parsing: bytes).certificate == id)
                    }
                }
            }
            try await client.execute(uri: "/api/v1/certificates/KR-XX-2026-0999/proof", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    /// The registry keeps each report and audits it; a report registered
    /// before reports were kept is kept when added again.
    @Test func keptReports() throws {
        let made = try CertificateRegistry()
        let registry = try Registry.open(at: made.path)
        #expect(try registry.report(sha256: registry.certificate(made.city)!.reportSHA256)?.bytes == made.reports[made.city])
        #expect(try registry.report(sha256: registry.certificate(made.unkept)!.reportSHA256) == nil)
        #expect(try registry.audit().passed)
        let bytes = Array("<report>unkept</report>".utf8)
        let again = CertifiedReport(
            reportSHA256: InputFile.sha256(bytes), applicants: [CertifyRegistry.Applicant(id: "KR-SAN", name: "산시 / San City")],
            rubric: "kr-smart-city", rubricVersion: "1.0", validFrom: CalendarDate(iso: "2026-03-02")!,
            validUntil: CalendarDate(iso: "2028-03-01")!, outcome: ReportOutcome(grade: "C", total: "61", max: "100"), bytes: bytes)
        let added = try registry.register(again)
        #expect(added.event == nil && added.certificate.id == made.unkept)
        #expect(try registry.size() == 5, "the log is unchanged")
        #expect(try registry.report(sha256: again.reportSHA256)?.outcome.grade == "C")
        #expect(try registry.audit().passed)
    }
}
