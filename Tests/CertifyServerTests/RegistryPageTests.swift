import CertifyModel
import CertifyRegistry
import CertifyRegistryWeb
@testable import CertifyServer
import CertifyTestSupport
import Foundation
import Hummingbird
import Logging
import HummingbirdTesting
import NIOCore
import Testing

/// A registry made in the test: three certificates, one of them revoked.
final class TestRegistry: @unchecked Sendable {
    let scratch = Scratch()
    let path: String
    let ids: [String]

    init() throws {
        path = scratch.path("registry.sqlite")
        let registry = try Registry.create(at: path, origin: "test.example/registry")
        var ids: [String] = []
        for (n, applicant, name) in [(1, "KR-HANSOL", "한솔시 / Hansol City"), (2, "KR-BADA", "바다시 / Bada City"), (3, "KR-SAN", "산시 / San City")] {
            let report = CertifiedReport(
                reportSHA256: String(repeating: String(n), count: 64),
                applicants: [CertifyRegistry.Applicant(id: applicant, name: name)],
                rubric: "kr-smart-city", rubricVersion: "1.0",
                validFrom: CalendarDate(iso: "2026-03-02")!, validUntil: CalendarDate(iso: "2028-03-01")!)
            ids.append(try registry.register(report).certificate.id)
        }
        _ = try registry.revoke(ids[1], reason: "false statement")
        try registry.flush()
        self.ids = ids
    }

    /// The bytes of the database and its WAL (none and empty alike: SQLite
    /// may create an empty WAL file when reading), to show nothing was written.
    func fingerprint() -> [Data] {
        ["", "-wal"].map { FileManager.default.contents(atPath: path + $0) ?? Data() }
    }

    func app() async throws -> some ApplicationProtocol { try await registryApplication(path) }
}

/// The application `certify serve --registry PATH` runs (its server
/// builder, its routes), on loopback.
func registryApplication(_ path: String) async throws -> some ApplicationProtocol {
    let server = try await CertifyServer(
        configuration: ServerConfiguration(host: "127.0.0.1", port: 0, registryPath: path,
                                           extensions: [try RegistryPages(path: path)]),
        certifier: Shared.certifier)
    return server.application(logger: Logger(label: "certify-test"))
}

@Suite("Registry pages")
struct RegistryPageTests {
    @Test(arguments: setups)
    func certificateAPI(_ setup: TestingSetup) async throws {
        let made = try TestRegistry()
        let before = made.fingerprint()
        let registry = try Registry.open(at: made.path, readOnly: true)
        try await made.app().test(setup) { client in
            for (index, id) in made.ids.enumerated() {
                // Today (the revocation is dated today): the library's status.
                let expectedStatus = try #require(try registry.status(of: id, on: .today())).rawValue
                try await client.execute(uri: "/api/v1/certificates/\(id)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/json")
                    let record = try json(response.body)
                    #expect(record["certificate"] as? String == id)
                    #expect(record["validFrom"] as? String == "2026-03-02")
                    #expect(record["validUntil"] as? String == "2028-03-01")
                    #expect(record["rubric"] as? String == "kr-smart-city")
                    #expect(record["version"] as? String == "1.0")
                    #expect(record["status"] as? String == expectedStatus)
                    // The certificate's members are exactly a line of `registry list --format json`.
                    let certificate = try #require(try registry.certificate(id))
                    let line = certificate.json(on: .today())
                    let text = String(buffer: response.body)
                    #expect(text.hasPrefix(line.dropLast() + ",\"inForce\":"), "\(text) starts with \(line)")
                    if index == 1 { #expect(expectedStatus == "revoked") }
                    #expect(record["inForce"] as? Bool == (expectedStatus == "valid" || expectedStatus == "renewal-due"))
                    // The inclusion object is exactly `registry prove --format json`'s.
                    let expected = try registry.inclusionProof(certificate: id).json
                    #expect(text.hasSuffix(",\"inclusion\":\(expected)}\n"))
                    let inclusion = try #require(record["inclusion"] as? [String: Any])
                    #expect(inclusion["size"] as? Int == 4)
                    #expect((inclusion["checkpoint"] as? String)?.hasPrefix("test.example/registry\n4\n") == true)
                }
            }
            // Status on another date.
            try await client.execute(uri: "/api/v1/certificates/\(made.ids[0])?date=2030-01-01", method: .get) { response in
                let record = try json(response.body)
                #expect(record["status"] as? String == "expired")
            }
            try await client.execute(uri: "/api/v1/certificates/\(made.ids[0])?date=2026-01-01", method: .get) { response in
                let record = try json(response.body)
                #expect(record["status"] as? String == "not-yet-valid")
            }
            // Unknown id: 404 problem details; a bad date: 400.
            try await client.execute(uri: "/api/v1/certificates/NO-SUCH-ID", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try json(response.body)
                #expect(problem["status"] as? Int == 404)
            }
            try await client.execute(uri: "/api/v1/certificates/\(made.ids[0])?date=someday", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            // The OpenAPI document names exactly the answer's members, in order.
            var keys: [String] = []
            try await client.execute(uri: "/api/v1/certificates/\(made.ids[0])", method: .get) { response in
                let text = String(buffer: response.body)
                let record = try json(response.body)
                keys = record.keys.sorted { text.range(of: "\"\($0)\":")!.lowerBound < text.range(of: "\"\($1)\":")!.lowerBound }
            }
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                let document = try json(response.body)
                let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
                let record = try #require(schemas?["CertificateRecord"] as? [String: Any])
                #expect(record["required"] as? [String] == keys)
                #expect((record["properties"] as? [String: Any]).map { Set($0.keys) } == Set(keys))
            }
        }
        #expect(made.fingerprint() == before, "the server wrote nothing")
    }

    @Test(arguments: setups)
    func registryPage(_ setup: TestingSetup) async throws {
        let made = try TestRegistry()
        let before = made.fingerprint()
        try await made.app().test(setup) { client in
            // By applicant name (Korean), in Korean.
            try await client.execute(uri: "/registry?lang=ko&date=2026-03-02&q=%ED%95%9C%EC%86%94", method: .get) { response in
                #expect(response.status == .ok)
                let page = string(response.body)
                #expect(page.contains("인증서 등록부"))
                #expect(page.contains(made.ids[0]))
                #expect(!page.contains(made.ids[1]))
                #expect(page.contains("data-status=\"valid\""))
                #expect(page.contains("유효"))
                #expect(page.contains("2026-03-02 – 2028-03-01"))
                #expect(page.contains("kr-smart-city 1.0"))
            }
            // By applicant id, in English: the revoked one.
            try await client.execute(uri: "/registry?lang=en&q=KR-BADA", method: .get) { response in
                let page = string(response.body)
                #expect(page.contains(made.ids[1]))
                #expect(page.contains("data-status=\"revoked\""))
                #expect(page.contains("revoked"))
                #expect(!page.contains(made.ids[0]))
            }
            // No search: every certificate; nothing found: said so.
            try await client.execute(uri: "/registry?lang=en", method: .get) { response in
                let page = string(response.body)
                for id in made.ids { #expect(page.contains(id)) }
            }
            try await client.execute(uri: "/registry?lang=en&q=nobody", method: .get) { response in
                #expect(response.status == .ok)
                #expect(string(response.body).contains("No certificate for that applicant."))
            }
            // Hostile search text is text, and too long a text is a 400 page.
            try await client.execute(uri: "/registry?lang=en&q=%25%27%22%3Cscript%3E_", method: .get) { response in
                #expect(response.status == .ok)
                #expect(!string(response.body).contains("<script>"))
            }
            for language in [Language.ko, .en] {
                try await client.execute(uri: "/registry?lang=\(language.rawValue)&q=" + String(repeating: "a", count: 201), method: .get) { response in
                    #expect(response.status == .badRequest)
                    // Said in the page's language.
                    #expect(string(response.body).contains(PageWord.searchTooLong.text(language, "200")))
                }
            }
        }
        #expect(made.fingerprint() == before, "the server wrote nothing")
    }

    @Test func missingRegistry() {
        #expect(throws: CertifyError.self) { try RegistryPages(path: "/nonexistent/registry.sqlite") }
    }

    /// Without --registry the routes do not exist.
    @Test func withoutRegistry() async throws {
        try await Shared.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/certificates/X", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
