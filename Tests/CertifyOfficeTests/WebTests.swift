import CertifyModel
@testable import CertifyOffice
@testable import CertifyOfficeWeb
import CertifyServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// A browser's state against the office: its cookies.
struct Browser {
    var cookies: [String: String] = [:]
    static let origin = "http://127.0.0.1:8080"

    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }

    mutating func take(_ response: TestResponse) {
        for field in response.headers where field.name == .setCookie {
            guard let first = field.value.split(separator: ";").first else { continue }
            let pair = first.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            let expired = field.value.lowercased().contains("max-age=0") || field.value.contains("1970")
            cookies[String(pair[0])] = expired ? nil : String(pair[1])
        }
    }

    mutating func get(_ client: some TestClientProtocol, _ path: String) async throws -> TestResponse {
        let response = try await client.execute(uri: path, method: .get, headers: [.cookie: cookieHeader], body: nil)
        take(response)
        return response
    }

    /// Posts a form (multipart, as the pages do), the CSRF token first.
    mutating func post(_ client: some TestClientProtocol, _ path: String, _ fields: [(String, String)], csrf: String?,
                       origin: String? = origin) async throws -> TestResponse {
        var all = fields
        if let csrf { all.insert(("csrf", csrf), at: 0) }
        let boundary = "office-test-boundary"
        var body = ""
        for (name, value) in all {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)--\r\n"
        var headers: HTTPFields = [.cookie: cookieHeader, .contentType: "multipart/form-data; boundary=\(boundary)"]
        if let origin { headers[.origin] = origin }
        let response = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        take(response)
        return response
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String { headers[.location] ?? "" }

    /// The value of the first hidden field `name` in the page.
    func hidden(_ name: String) -> String? {
        guard let range = text.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = text[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

/// The office over HTTP: in process and over TCP on loopback.
@Suite(.timeLimit(.minutes(10))) struct WebTests {
    struct Setup {
        let fixture: Fixture
        let app: any ApplicationProtocol
    }

    static func setup() async throws -> (Fixture, some ApplicationProtocol) {
        let fixture = try Fixture()
        let web = try await OfficeWeb(office: fixture.office, publicURL: Browser.origin)
        let server = try await CertifyServer(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, extensions: [web]), certifier: Fixture.certifier)
        return (fixture, server.application(logger: Logger(label: "office-test")))
    }

    /// Signs in through the pages: the password's link, then (for the secretariat) TOTP enrolment.
    static func enrol(_ client: some TestClientProtocol, _ f: Fixture, token: String) async throws -> Browser {
        var browser = Browser()
        let form = try await browser.get(client, "/office/link/\(token)")
        #expect(form.status == .ok)
        let password = "correct horse battery staple"
        let set = try await browser.post(client, "/office/link/\(token)", [("password", password), ("password-again", password)],
                                         csrf: form.hidden("csrf"))
        #expect(set.status == .seeOther)
        if set.location.hasPrefix("/office/second-factor") {
            let page = try await browser.get(client, "/office/second-factor")
            let secret = try #require(page.hidden("secret"))
            let done = try await browser.post(client, "/office/second-factor", [("secret", secret), ("code", f.code(secret))],
                                              csrf: page.hidden("csrf"))
            #expect(done.status == .ok)
            #expect(done.text.contains("recovery-codes"))
        }
        return browser
    }

    @Test(arguments: [TestingSetup.router, .live]) func aSecretariatSignsInWithASecondFactor(setup: TestingSetup) async throws {
        let (f, app) = try await Self.setup()
        let link = try f.office.createAccount(email: "sec@office.kr", name: "사무국", kind: .secretariat, by: nil)
        try await app.test(setup) { client in
            var browser = try await Self.enrol(client, f, token: link.token)
            let dashboard = try await browser.get(client, "/office/dashboard?lang=ko")
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains("할 일"))
            // The office keeps what it is sent: its footer does not promise otherwise.
            #expect(!dashboard.text.contains("저장되지 않습니다"))
            #expect(dashboard.text.contains("개인정보 처리 안내"))
            #expect(dashboard.text.contains(try f.office.head().description))
            // The link was used: it cannot be used again.
            #expect(try await browser.get(client, "/office/link/\(link.token)").status == .notFound)
            // Signing out ends the session.
            let page = try await browser.get(client, "/office/dashboard")
            _ = try await browser.post(client, "/office/sign-out", [], csrf: page.hidden("csrf"))
            #expect(try await browser.get(client, "/office/dashboard").status == .seeOther)
        }
    }

    @Test(arguments: [TestingSetup.router, .live]) func formsWithoutTheSessionsTokenOrFromElsewhereAreRefused(setup: TestingSetup) async throws {
        let (f, app) = try await Self.setup()
        let link = try f.office.createAccount(email: "sec@office.kr", name: "사무국", kind: .secretariat, by: nil)
        let other = try f.office.createAccount(email: "sec2@office.kr", name: "사무국2", kind: .secretariat, by: nil)
        try await app.test(setup) { client in
            var browser = try await Self.enrol(client, f, token: link.token)
            var second = try await Self.enrol(client, f, token: other.token)
            let mine = try #require(try await browser.get(client, "/office/rounds").hidden("csrf"))
            let theirs = try #require(try await second.get(client, "/office/rounds").hidden("csrf"))
            #expect(mine != theirs)
            let fields = [("name", "r"), ("rubric", "kr-smart-city 1.0"), ("opens", "2026-03-01"), ("closes", "2026-03-31"),
                          ("review-deadline", "2026-04-30"), ("response-days", "10"), ("appeal-days", "14"), ("reviewer-count", "3")]
            #expect(try await browser.post(client, "/office/rounds", fields, csrf: nil).status == .forbidden)
            #expect(try await browser.post(client, "/office/rounds", fields, csrf: theirs).status == .forbidden)
            #expect(try await browser.post(client, "/office/rounds", fields, csrf: mine, origin: nil).status == .forbidden)
            #expect(try await browser.post(client, "/office/rounds", fields, csrf: mine, origin: "http://evil.example").status == .forbidden)
            #expect(try f.office.store.read { try Round.fetchCount($0) } == 0)
            #expect(try await browser.post(client, "/office/rounds", fields, csrf: mine).status == .seeOther)
            #expect(try f.office.store.read { try Round.fetchCount($0) } == 1)
        }
    }

    @Test(arguments: [TestingSetup.router, .live]) func signingInGivesANewSessionID(setup: TestingSetup) async throws {
        let (f, app) = try await Self.setup()
        _ = try f.account("kim@solbit.kr", kind: .applicant, organisation: "KR-SOLBIT")
        try await app.test(setup) { client in
            var browser = Browser()
            // An attacker's fixed session cookie is not kept.
            browser.cookies[OfficeWeb.cookieName] = "fixed-by-attacker"
            let form = try await browser.get(client, "/office/sign-in")
            let response = try await browser.post(client, "/office/sign-in", [("email", "kim@solbit.kr"),
                                                                              ("password", "correct horse battery staple")],
                                                   csrf: form.hidden("csrf"))
            #expect(response.status == .seeOther)
            let session = try #require(browser.cookies[OfficeWeb.cookieName])
            #expect(session != "fixed-by-attacker")
            let header = response.headers[values: .setCookie].first { $0.hasPrefix(OfficeWeb.cookieName) } ?? ""
            #expect(header.contains("HttpOnly"))
            #expect(header.contains("SameSite=Lax"))
            // The database holds only the session id's hash.
            let rows = try f.office.store.read { try SessionRow.fetchAll($0) }
            #expect(rows.count == 1)
            #expect(rows[0].keyHash != session && !rows[0].keyHash.contains(session))
            #expect(try await browser.get(client, "/office/dashboard").status == .ok)
            // A wrong password: the same message whether or not the account exists.
            var stranger = Browser()
            let page = try await stranger.get(client, "/office/sign-in?lang=en")
            let wrong = try await stranger.post(client, "/office/sign-in?lang=en", [("email", "kim@solbit.kr"), ("password", "nope nope nope")],
                                                csrf: page.hidden("csrf"))
            let unknown = try await stranger.post(client, "/office/sign-in?lang=en", [("email", "who@solbit.kr"), ("password", "nope nope nope")],
                                                  csrf: wrong.hidden("csrf"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("The e-mail address or the password is not right"))
            #expect(unknown.text.contains("The e-mail address or the password is not right"))
        }
    }
}
