import CertifyModel
import CertifyRuntime
@testable import CertifyServer
import CertifyTestSupport
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Pages")
struct PageTests {
    @Test(arguments: setups)
    func homeAndLanguages(_ setup: TestingSetup) async throws {
        try await Shared.app().test(setup) { client in
            try await client.execute(uri: "/?lang=ko", method: .get) { response in
                #expect(response.status == .ok)
                let html = string(response.body)
                #expect(html.contains("<html lang=\"ko\">"))
                #expect(html.contains("스마트도시 인증"))
                #expect(!html.contains("<script>"), "no inline script")
            }
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "ko-KR,ko;q=0.9,en;q=0.8"]) { response in
                #expect(string(response.body).contains("<html lang=\"ko\">"))
            }
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "fr, en;q=0.5"]) { response in
                #expect(string(response.body).contains("<html lang=\"en\">"))
            }
            for path in ["/static/certify.css", "/static/certify.js"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.body.readableBytes > 100)
                }
            }
        }
    }

    /// The form is generated from the rubric: a control for every
    /// indicator, marks for mandatory and elective ones, "choose k".
    @Test(arguments: setups)
    func selfCheckFormFromRubric(_ setup: TestingSetup) async throws {
        try await Shared.app().test(setup) { client in
            for entry in Shared.certifier.catalog.entries {
                let rubric = entry.rubric
                try await client.execute(uri: "/selfcheck/\(rubric.id)/\(rubric.version)?lang=en", method: .get) { response in
                    #expect(response.status == .ok)
                    let html = string(response.body)
                    for indicator in rubric.indicators {
                        switch indicator.input {
                        case .kpis: #expect(html.contains("name=\"kpi-\(indicator.id)-0-target\""))
                        case .set:
                            for id in FormValues.recognised(indicator) {
                                #expect(html.contains("type=\"checkbox\" id=\"value-\(indicator.id)-"), "\(indicator.id)")
                                #expect(html.contains("value=\"\(id)\""))
                            }
                        case .boolean, .enum: #expect(html.contains("type=\"radio\" id=\"value-\(indicator.id)-0\""))
                        case .judgment: #expect(html.contains("<select class=\"select\" id=\"value-\(indicator.id)\""))
                        default: #expect(html.contains("id=\"value-\(indicator.id)\""), "\(indicator.id)")
                        }
                        if indicator.electiveGroup != nil { #expect(html.contains("name=\"elective-\(indicator.id)\"")) }
                    }
                    let mandatory = rubric.indicators.filter(\.mandatory).count
                    #expect(html.components(separatedBy: "tag mandatory").count - 1 == mandatory)
                    for group in rubric.electiveGroups {
                        let members = rubric.indicators.filter { $0.electiveGroup == group.id }.count
                        #expect(html.contains("choose \(group.choose) of \(members)"))
                    }
                }
            }
        }
    }

    /// Posting the form scores the dossier it describes; downloading gives
    /// XML that scores the same through the API.
    @Test(arguments: setups)
    func selfCheckPostAndDownload(_ setup: TestingSetup) async throws {
        try await Shared.app().test(setup) { client in
            var form = Multipart()
            form.field("dossier-id", "WEB-1")
            form.field("applicant-0-id", "KR-WEB")
            form.field("applicant-0-kind", "city")
            form.field("applicant-0-name_en", "Web City")
            form.field("value-INN-1", "7")
            form.field("value-GOV-2", "approved")
            form.field("value-GOV-4", "true")
            form.field("value-SVC-TRA", "5")
            form.field("value-SVC-SAF", "2")
            form.field("value-SVC-ENE", "2")
            form.field("elective-SVC-ENE", "yes")
            var check = form
            check.field("action", "check")
            var expected = ""
            try await client.execute(uri: "/selfcheck/kr-smart-city/1.0?lang=en&date=2026-03-02", method: .post,
                                     headers: [.contentType: Multipart.contentType], body: check.finished) { response in
                #expect(response.status == .ok)
                let html = string(response.body)
                let total = try #require(html.range(of: "data-total>"))
                expected = String(html[total.upperBound...].prefix { $0 != " " })
                #expect(!expected.isEmpty)
            }
            var fragment = form
            fragment.field("action", "check")
            try await client.execute(uri: "/selfcheck/kr-smart-city/1.0?lang=en&date=2026-03-02", method: .post,
                                     headers: [.contentType: Multipart.contentType, .certifyFragment: "1"],
                                     body: fragment.finished) { response in
                let html = string(response.body)
                #expect(!html.contains("<html"))
                #expect(html.contains("data-total>\(expected) "))
            }
            var download = form
            download.field("action", "download")
            var xml: ByteBuffer?
            try await client.execute(uri: "/selfcheck/kr-smart-city/1.0?lang=en&date=2026-03-02", method: .post,
                                     headers: [.contentType: Multipart.contentType], body: download.finished) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/xml") == true)
                #expect(response.headers[.contentDisposition]?.contains("WEB-1.xml") == true)
                xml = response.body
            }
            try await client.execute(uri: "/api/v1/score?date=2026-03-02", method: .post,
                                     headers: [.contentType: "application/xml"], body: xml ?? ByteBuffer()) { response in
                #expect(response.status == .ok)
                let record = try json(response.body)
                #expect("\(record["total"] ?? "")" == expected || (record["total"] as? NSNumber)?.stringValue == expected)
                #expect((record["dossier"] as? [String: Any])?["id"] as? String == "WEB-1")
            }
        }
    }

    /// The plan shows a yes/no indicator's values as the form does (예/아니오,
    /// Yes/No), not as the XML's true/false.
    @Test(arguments: setups)
    func planShowsYesNoAsTheForm(_ setup: TestingSetup) async throws {
        try await Shared.app().test(setup) { client in
            for (language, yes) in [("ko", "예"), ("en", "Yes")] {
                try await client.execute(uri: "/selfcheck/kr-smart-city/1.0?lang=\(language)&date=2026-03-02", method: .get) { response in
                    #expect(response.status == .ok)
                    let html = string(response.body)
                    // The empty form's plans give the rubric's yes/no indicators.
                    #expect(html.contains("→ \(yes)</td>"), "\(language)")
                    #expect(!html.contains("→ true"), "\(language)")
                    #expect(!html.contains("→ false"), "\(language)")
                }
            }
        }
    }

    /// An invalid value is reported at its field, with a summary linking to it.
    @Test(arguments: setups)
    func selfCheckErrors(_ setup: TestingSetup) async throws {
        try await Shared.app().test(setup) { client in
            var form = Multipart()
            form.field("value-INN-1", "3.5")
            form.field("value-INN-2", "-2")
            form.field("action", "download")
            try await client.execute(uri: "/selfcheck/kr-smart-city/1.0?lang=en", method: .post,
                                     headers: [.contentType: Multipart.contentType], body: form.finished) { response in
                #expect(response.status == .unprocessableContent)
                let html = string(response.body)
                #expect(html.contains("class=\"error-summary\""))
                #expect(html.contains("href=\"#value-INN-1\""))
                #expect(html.contains("href=\"#value-INN-2\""))
                #expect(html.contains("id=\"value-INN-1-error\""))
                #expect(html.contains("aria-describedby=\"value-INN-1-hint value-INN-1-error\""))
                #expect(html.contains(escapeHTML(Message.notACount(indicator: "INN-1", given: "3.5").text(.en))))
            }
            // The Korean page says it in Korean (the CLI's `--lang ko` words).
            try await client.execute(uri: "/selfcheck/kr-smart-city/1.0?lang=ko", method: .post,
                                     headers: [.contentType: Multipart.contentType], body: form.finished) { response in
                #expect(response.status == .unprocessableContent)
                let html = string(response.body)
                let korean = Message.notACount(indicator: "INN-1", given: "3.5").text(.ko)
                #expect(korean != Message.notACount(indicator: "INN-1", given: "3.5").text(.en))
                #expect(html.contains(escapeHTML(korean)))
                #expect(!html.contains(escapeHTML(Message.notACount(indicator: "INN-1", given: "3.5").text(.en))))
            }
        }
    }

    /// An evidence digest that is not 64 hexadecimal digits is told at the
    /// digest's field, not at the evidence id's (both are on one XML line):
    /// the binder's words for its digits, the page's for its length.
    @Test(arguments: setups)
    func selfCheckEvidenceDigestErrors(_ setup: TestingSetup) async throws {
        try await Shared.app().test(setup) { client in
            let notHex = String(repeating: "g", count: 64)
            for (digest, language) in [(notHex, Language.ko), (notHex, .en), ("abc123", .ko), ("abc123", .en)] {
                var form = Multipart()
                form.field("evidence-0-id", "E1")
                form.field("evidence-0-sha256", digest)
                form.field("evidence-0-title", "plan")
                form.field("action", "download")
                try await client.execute(uri: "/selfcheck/kr-smart-city/1.0?lang=\(language.rawValue)", method: .post,
                                         headers: [.contentType: Multipart.contentType], body: form.finished) { response in
                    #expect(response.status == .unprocessableContent)
                    let html = string(response.body)
                    #expect(html.contains("href=\"#evidence-0-sha256\""), "\(digest) \(language)")
                    #expect(!html.contains("href=\"#evidence-0-id\""), "\(digest) \(language)")
                    let expected = digest == notHex
                        ? Message.evidenceDigestNotHex(evidence: "E1", given: notHex).text(language)
                        : PageWord.fieldFormat.text(language, Self.fields(language).label("evidence-0-sha256"), digest,
                                      Self.fields(language).expected("evidence-0-sha256"))
                    #expect(html.contains(escapeHTML(expected)), "\(digest) \(language)")
                    #expect(!html.contains("facet"))
                }
            }
        }
    }

    /// The fields of the city rubric's form, in words.
    static func fields(_ language: Language) -> FormFields {
        FormFields(rubric: Shared.certifier.catalog.entries.first { $0.rubric.id == "kr-smart-city" }!.rubric, language: language)
    }

    /// A date as people write it (2026/01/05) is read; one that is not a
    /// date (2026/13/05) is told so in the page's words at its field, with
    /// the form it takes.
    @Test(arguments: setups)
    func selfCheckFormatErrors(_ setup: TestingSetup) async throws {
        try await Shared.app().test(setup) { client in
            var good = Multipart()
            good.field("submitted", "2026/01/05")
            good.field("action", "check")
            try await client.execute(uri: "/selfcheck/kr-smart-city/1.0?lang=ko", method: .post,
                                     headers: [.contentType: Multipart.contentType], body: good.finished) { response in
                #expect(response.status == .ok)
                #expect(string(response.body).contains("value=\"2026-01-05\""))
            }
            var form = Multipart()
            form.field("submitted", "2026/13/05")
            form.field("action", "download")
            for language in [Language.ko, .en] {
                try await client.execute(uri: "/selfcheck/kr-smart-city/1.0?lang=\(language.rawValue)", method: .post,
                                         headers: [.contentType: Multipart.contentType], body: form.finished) { response in
                    #expect(response.status == .unprocessableContent)
                    let html = string(response.body)
                    #expect(html.contains("href=\"#submitted\""))
                    let fields = Self.fields(language)
                    #expect(html.contains(escapeHTML(PageWord.typedUnreadable.text(language, fields.label("submitted"), "2026/13/05",
                                                                 fields.expected("submitted"), "2026-03-02"))))
                    #expect(!html.contains("facet"))
                }
            }
        }
    }

    /// Errors on the pages' paths are pages in the request's language with
    /// the right status (the API's paths keep problem details).
    @Test(arguments: setups)
    func errorsOnPagesArePages(_ setup: TestingSetup) async throws {
        try await Shared.app().test(setup) { client in
            func expectPage(_ response: TestResponse, _ status: HTTPResponse.Status, _ key: PageWord, _ language: Language) {
                #expect(response.status == status, "\(key)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(key)")
                let html = string(response.body)
                #expect(html.contains("<html lang=\"\(language.rawValue)\""), "\(key)")
                #expect(html.contains(escapeHTML(key.text(language))), "\(key)")
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
            for language in [Language.ko, .en] {
                let lang = "lang=\(language.rawValue)"
                try await client.execute(uri: "/no-such-page?\(lang)", method: .get) { expectPage($0, .notFound, .notFound, language) }
                // Hummingbird's router answers a method a path does not take with 404.
                try await client.execute(uri: "/review?\(lang)", method: .put) { expectPage($0, .notFound, .notFound, language) }
                try await client.execute(uri: "/review?\(lang)", method: .post, headers: [.contentType: "text/plain"],
                                         body: ByteBuffer(string: "x")) { expectPage($0, .unsupportedMediaType, .error415, language) }
                var big = Multipart()
                big.file("dossier", filename: "big.xml", Array(repeating: UInt8(ascii: " "), count: 8 * 1024 * 1024 + 10))
                try await client.execute(uri: "/selfcheck/upload?\(lang)", method: .post, headers: [.contentType: Multipart.contentType],
                                         body: big.finished) { expectPage($0, .contentTooLarge, .error413, language) }
            }
            // A form sent without its dossier file says to choose one.
            for (path, language) in [("/panel", Language.ko), ("/review", .en), ("/selfcheck/upload", .ko)] {
                var empty = Multipart()
                empty.field("date", Shared.date)
                try await client.execute(uri: "\(path)?lang=\(language.rawValue)", method: .post,
                                         headers: [.contentType: Multipart.contentType], body: empty.finished) { response in
                    #expect(response.status == .unprocessableContent, "\(path)")
                    #expect(string(response.body).contains(escapeHTML(PageWord.dossierFileMissing.text(language))), "\(path)")
                }
            }
            // The API answers problem details.
            try await client.execute(uri: "/api/v1/no-such?lang=ko", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    /// What a page's text looks like once mustache has escaped it.
    func escapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    /// An uploaded value for an indicator the rubric does not have has no
    /// field to go to: the page says so, located in the uploaded file, in
    /// the page's language, instead of dropping it; the rest is prefilled.
    @Test(arguments: setups)
    func uploadNamesWhatTheFormCannotHold(_ setup: TestingSetup) async throws {
        let file = Paths.sampleURL("invalid/unknown-indicator.xml")
        let message = Message.unknownIndicator(id: "SVC-LOG", rubric: "kr-smart-city", version: "1.0")
        try await Shared.app().test(setup) { client in
            for language in [Language.ko, .en] {
                var upload = Multipart()
                upload.file("dossier", filename: "unknown-indicator.xml", try bytes(file))
                try await client.execute(uri: "/selfcheck/upload?lang=\(language.rawValue)&date=2026-03-02", method: .post,
                                         headers: [.contentType: Multipart.contentType], body: upload.finished) { response in
                    #expect(response.status == .unprocessableContent)
                    let html = string(response.body)
                    #expect(html.contains(escapeHTML("unknown-indicator.xml:16:3: " + message.text(language))), "\(language)")
                    #expect(html.contains("name=\"value-INN-1\""))
                    #expect(html.contains("data-total>"), "the prefilled form is scored")
                }
            }
        }
    }

    /// Uploading a dossier prefills the form; posting the prefilled form
    /// back scores exactly as the uploaded file does.
    @Test(arguments: setups)
    func prefillRoundTrip(_ setup: TestingSetup) async throws {
        let cases = try samples().filter { $0.1.isEmpty }
        try await Shared.app().test(setup) { client in
            for (dossier, _) in cases {
                var upload = Multipart()
                upload.file("dossier", filename: dossier.lastPathComponent, try bytes(dossier))
                try await client.execute(uri: "/selfcheck/upload?lang=en&date=2026-03-02", method: .post,
                                         headers: [.contentType: Multipart.contentType], body: upload.finished) { response in
                    #expect(response.status == .ok, "\(dossier.path)")
                    let html = string(response.body)
                    let cli = try await blocking { try certifyCLI(["score", dossier.path, "--format", "json", "--date", Shared.date]) }
                    let record = try #require(JSONSerialization.jsonObject(with: Data(cli.stdout)) as? [String: Any])
                    let total = try #require(record["total"] as? NSNumber).stringValue
                    #expect(html.contains("data-total>\(total) "), "\(dossier.lastPathComponent): \(total)")
                }
            }
            var hostile = Multipart()
            hostile.file("dossier", filename: "doctype-entity.xml", try bytes(Paths.sampleURL("invalid/doctype-entity.xml")))
            try await client.execute(uri: "/selfcheck/upload?lang=en", method: .post,
                                     headers: [.contentType: Multipart.contentType], body: hostile.finished) { response in
                #expect(response.status == .unprocessableContent)
                #expect(string(response.body).contains("DOCTYPE is not allowed"))
            }
            // A dossier for a rubric version the server does not have: the
            // summary locates the message in the uploaded file (it said `-`).
            for (path, language) in [("/selfcheck/upload", "en"), ("/review", "ko")] {
                var unknown = Multipart()
                unknown.file("dossier", filename: "unknown-rubric-version.xml", try bytes(Paths.sampleURL("invalid/unknown-rubric-version.xml")))
                try await client.execute(uri: "\(path)?lang=\(language)", method: .post,
                                         headers: [.contentType: Multipart.contentType], body: unknown.finished) { response in
                    #expect(response.status == .unprocessableContent, "\(path)")
                    let html = string(response.body)
                    #expect(html.contains("unknown-rubric-version.xml:"), "\(path)")
                    #expect(!html.contains(">-:"), "\(path)")
                }
            }
        }
    }

    /// The self-check page's plan section is `certify plan`'s plan: one
    /// heading per goal, one table per plan, each changed indicator, and the
    /// missing items in the page's language (the catalog's Korean with ko).
    @Test(arguments: setups)
    func planSection(_ setup: TestingSetup) async throws {
        // Every `certify plan` runs before the server starts: a connection
        // left idle while they run (slowly, with the rest of the suite on
        // the same cores) could be closed by the server's idle timeout just
        // as the next request is sent, and that request never answered.
        var plans: [(dossier: URL, stdout: Data)] = []
        for (dossier, reviews) in try samples() where reviews.isEmpty {
            let cli = try await blocking { try certifyCLI(["plan", dossier.path, "--format", "json", "--date", Shared.date]) }
            #expect(cli.status == 0)
            plans.append((dossier, Data(cli.stdout)))
        }
        let cases = plans
        try await Shared.app().test(setup) { client in
            for (dossier, stdout) in cases {
                let record = try #require(JSONSerialization.jsonObject(with: stdout) as? [String: Any])
                let goals = try #require(record["goals"] as? [[String: Any]])
                let missing = try #require(record["missing"] as? [[String: Any]])
                for (language, goalWord, missingKey) in [("ko", "목표", "messageKo"), ("en", "Goal", "message")] {
                    var upload = Multipart()
                    upload.file("dossier", filename: dossier.lastPathComponent, try bytes(dossier))
                    try await client.execute(uri: "/selfcheck/upload?lang=\(language)&date=\(Shared.date)", method: .post,
                                             headers: [.contentType: Multipart.contentType], body: upload.finished) { response in
                        #expect(response.status == .ok)
                        let html = string(response.body)
                        let name = "\(dossier.lastPathComponent) (\(language))"
                        #expect(html.contains("<section class=\"plan\""), "\(name) has a plan section")
                        #expect(!html.contains("not available yet"))
                        #expect(html.components(separatedBy: "<h4>").count - 1 == goals.count, "\(name): goals")
                        for goal in goals {
                            #expect(html.contains("<h4>\(goalWord) \(goal["goal"] as? String ?? "?") "), "\(name)")
                        }
                        let plans = goals.flatMap { $0["plans"] as? [[String: Any]] ?? [] }
                        #expect(html.components(separatedBy: "class=\"table plan-option").count - 1 == plans.count, "\(name): plans")
                        for plan in plans {
                            for change in plan["changes"] as? [[String: Any]] ?? [] {
                                #expect(html.contains("<th scope=\"row\">\(change["indicator"] as? String ?? "?") "), "\(name)")
                            }
                        }
                        for item in missing {
                            let message = try #require(item[missingKey] as? String)
                            if !message.contains(where: { "&<>\"'".contains($0) }) {
                                #expect(html.contains(message), "\(name): \(message)")
                            }
                        }
                    }
                }
            }
        }
    }

    @Test(arguments: setups)
    func reviewSheet(_ setup: TestingSetup) async throws {
        let dossier = Paths.sampleURL("service/parking-pass/dossier.xml")
        try await Shared.app().test(setup) { client in
            var upload = Multipart()
            upload.file("dossier", filename: "dossier.xml", try bytes(dossier))
            try await client.execute(uri: "/review?lang=en", method: .post,
                                     headers: [.contentType: Multipart.contentType], body: upload.finished) { response in
                #expect(response.status == .ok)
                let html = string(response.body)
                for id in ["COM-1", "COM-2", "OPS-1", "OPS-4"] where Shared.certifier.catalog.entries.contains(where: { $0.rubric.indicator(id)?.input == .judgment }) {
                    #expect(html.contains("name=\"judgment-\(id)-score\""))
                }
                #expect(html.contains("name=\"decision-K1\""))
            }
            var sheet = Multipart()
            sheet.field("dossier-id", "PARKING-GUIDE-2026")
            sheet.field("rubric", "kr-smart-service")
            sheet.field("rubric-version", "1.0")
            for kpi in ["K1", "K2", "K3"] { sheet.field("kpi", kpi) }
            sheet.field("reviewer", "R-09")
            sheet.field("judgment-COM-1-score", "4")
            sheet.field("judgment-COM-1-comment", "Clear <benefit> & more")
            sheet.field("decision-K3", "reject")
            sheet.field("reason-K3", "No baseline.")
            sheet.field("action", "download")
            var review: ByteBuffer?
            try await client.execute(uri: "/review?lang=en", method: .post,
                                     headers: [.contentType: Multipart.contentType], body: sheet.finished) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.contains("review-R-09.xml") == true)
                review = response.body
            }
            let text = string(try #require(review))
            #expect(text.contains("accepted=\"false\">No baseline.</kpi-decision>"))
            #expect(text.contains("Clear &lt;benefit&gt; &amp; more"))
            // The review scores with its dossier through the API.
            var both = Multipart()
            both.file("dossier", filename: "dossier.xml", try bytes(dossier))
            both.file("review", filename: "review-R-09.xml", Array(text.utf8))
            try await client.execute(uri: "/api/v1/score?date=2026-03-02", method: .post,
                                     headers: [.contentType: Multipart.contentType], body: both.finished) { response in
                #expect(response.status == .ok)
            }
            // A score outside 1–5 is refused at its field.
            var bad = Multipart()
            bad.field("dossier-id", "PARKING-GUIDE-2026")
            bad.field("rubric", "kr-smart-service")
            bad.field("rubric-version", "1.0")
            bad.field("reviewer", "R-09")
            bad.field("judgment-COM-1-score", "9")
            bad.field("action", "download")
            try await client.execute(uri: "/review?lang=en", method: .post,
                                     headers: [.contentType: Multipart.contentType], body: bad.finished) { response in
                #expect(response.status == .unprocessableContent)
                #expect(string(response.body).contains("href=\"#judgment-COM-1-score\""))
            }
            // A reviewer id left empty or badly written is said in the page's
            // words at its field, not in the schema validator's English.
            func required(_ language: Language) -> String {
                PageWord.fieldRequired.text(language, PageWord.reviewerID.text(language), PageWord.expectID.text(language))
            }
            func format(_ language: Language) -> String {
                PageWord.fieldFormat.text(language, PageWord.reviewerID.text(language), "R 09", PageWord.expectID.text(language))
            }
            for (reviewer, language, expected) in [
                ("", "ko", required(.ko)), ("", "en", required(.en)), ("R 09", "ko", format(.ko)), ("R 09", "en", format(.en)),
            ] {
                var sheet = Multipart()
                sheet.field("dossier-id", "PARKING-GUIDE-2026")
                sheet.field("rubric", "kr-smart-service")
                sheet.field("rubric-version", "1.0")
                sheet.field("reviewer", reviewer)
                sheet.field("action", "download")
                try await client.execute(uri: "/review?lang=\(language)", method: .post,
                                         headers: [.contentType: Multipart.contentType], body: sheet.finished) { response in
                    #expect(response.status == .unprocessableContent)
                    let html = string(response.body)
                    #expect(html.contains("href=\"#reviewer\""), "\(reviewer) \(language)")
                    #expect(html.contains(escapeHTML(expected)), "\(reviewer) \(language)")
                    #expect(!html.contains("facet"), "\(reviewer) \(language)")
                }
            }
        }
    }

    @Test(arguments: setups)
    func panel(_ setup: TestingSetup) async throws {
        let directory = Paths.sampleURL("service/bus-shelter-joint")
        let reviews = (1...5).map { directory.appendingPathComponent("review-R-0\($0).xml") }
        try await Shared.app().test(setup) { client in
            var form = Multipart()
            form.file("dossier", filename: "dossier.xml", try bytes(directory.appendingPathComponent("dossier.xml")))
            for review in reviews { form.file("review", filename: review.lastPathComponent, try bytes(review)) }
            form.field("date", Shared.date)
            form.field("official", "yes")
            try await client.execute(uri: "/panel?lang=en", method: .post,
                                     headers: [.contentType: Multipart.contentType], body: form.finished) { response in
                #expect(response.status == .ok)
                let html = string(response.body)
                let cli = try await blocking { try certifyCLI(["score", directory.appendingPathComponent("dossier.xml").path, "--format", "json",
                                          "--date", Shared.date, "--official"] + reviews.flatMap { ["--review", $0.path] }) }
                let record = try #require(JSONSerialization.jsonObject(with: Data(cli.stdout)) as? [String: Any])
                let total = try #require(record["total"] as? NSNumber).stringValue
                #expect(html.contains("data-total>\(total) "))
                #expect(html.contains("(dropped)"), "five reviewers: the highest and lowest are dropped")
                #expect(html.contains("certify report dossier.xml --review review-R-01.xml"))
                #expect(html.contains("--date \(Shared.date) --official"))
            }
        }
    }
}
