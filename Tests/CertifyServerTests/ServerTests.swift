import CertifyModel
import CertifyRuntime
@testable import CertifyServer
import CertifyTestSupport
import Foundation
import Hummingbird
import Logging
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The server under test: the shipped rubrics, built once.
enum Shared {
    static let certifier: Certifier = try! Certifier(rubricsDirectory: Paths.rubrics, schemas: .shipped())
    static let date = "2026-03-02"

    static func app(requestTimeout: Duration = .seconds(30)) async throws -> some ApplicationProtocol {
        let server = try await CertifyServer(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, requestTimeout: requestTimeout),
            certifier: certifier)
        // The application `certify serve` runs (its server builder, its routes).
        return server.application(logger: Logger(label: "certify-test"))
    }
}

/// Every test body runs twice: in process (the router alone) and over TCP
/// on loopback (a live server), as Hummingbird's own tests do.
let setups: [TestingSetup] = [.router, .live]

/// A multipart/form-data body.
struct Multipart {
    static let boundary = "certify-test-boundary-7d3f"
    var body: [UInt8] = []

    mutating func file(_ name: String, filename: String, _ bytes: [UInt8]) {
        body += Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: application/xml\r\n\r\n".utf8)
        body += bytes
        body += Array("\r\n".utf8)
    }

    mutating func field(_ name: String, _ value: String) {
        body += Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    var finished: ByteBuffer {
        ByteBuffer(bytes: body + Array("--\(Self.boundary)--\r\n".utf8))
    }

    static let contentType = "multipart/form-data; boundary=\(boundary)"

    static func submission(dossier: URL, reviews: [URL] = []) throws -> ByteBuffer {
        var form = Multipart()
        form.file("dossier", filename: dossier.lastPathComponent, try bytes(dossier))
        for review in reviews { form.file("review", filename: review.lastPathComponent, try bytes(review)) }
        return form.finished
    }
}

func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

func string(_ buffer: ByteBuffer) -> String { String(buffer: buffer) }

func json(_ buffer: ByteBuffer) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
}

/// Runs the built `certify` binary (next to the test bundle), as a user would,
/// with the rubrics the server under test serves: its status and standard output.
func certifyCLI(_ arguments: [String]) throws -> (status: Int32, stdout: [UInt8]) {
    let run = try Run(arguments, environment: ["CERTIFY_RUBRICS": Paths.rubrics.path])
    return (run.status, [UInt8](run.data))
}

/// The messages of the located error lines `certify` prints on stderr.
func certifyCLIErrors(_ arguments: [String]) throws -> [String] {
    try Run(arguments, environment: ["CERTIFY_RUBRICS": Paths.rubrics.path]).stderr.split(separator: "\n").compactMap { line in
        line.range(of: ": error: ").map { String(line[$0.upperBound...]) }
    }
}

/// Every sample with its reviews: (dossier, reviews).
func samples() throws -> [(URL, [URL])] {
    var out: [(URL, [URL])] = []
    let city = Paths.sampleURL("city")
    for name in try FileManager.default.contentsOfDirectory(atPath: city.path).sorted() where name.hasSuffix(".xml") {
        out.append((city.appendingPathComponent(name), []))
    }
    let service = Paths.sampleURL("service")
    for folder in try FileManager.default.contentsOfDirectory(atPath: service.path).sorted() {
        let directory = service.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        let reviews = names.filter { $0.hasPrefix("review-") }.map { directory.appendingPathComponent($0) }
        out.append((directory.appendingPathComponent("dossier.xml"), reviews))
        out.append((directory.appendingPathComponent("dossier.xml"), []))  // self-assessed
    }
    return out
}

@Suite("API")
struct APITests {
    @Test(arguments: setups)
    func healthAndHeaders(_ setup: TestingSetup) async throws {
        try await Shared.app().test(setup) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(string(response.body) == "ok")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                let csp = try #require(response.headers[.contentSecurityPolicy])
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(csp.contains("script-src 'self'"))
                #expect(!csp.contains("unsafe-inline"))
            }
            // Unknown paths are client errors with the same headers.
            try await client.execute(uri: "/no/such/page", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test(arguments: setups)
    func rubrics(_ setup: TestingSetup) async throws {
        try await Shared.app().test(setup) { client in
            try await client.execute(uri: "/api/v1/rubrics", method: .get) { response in
                #expect(response.status == .ok)
                let list = try #require(JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
                let ids = list.compactMap { $0["id"] as? String }
                #expect(ids == Shared.certifier.catalog.entries.map(\.rubric.id))
                for (item, entry) in zip(list, Shared.certifier.catalog.entries) {
                    #expect(item["sha256"] as? String == entry.rubric.sha256)
                    #expect(item["version"] as? String == entry.rubric.version)
                }
            }
            for entry in Shared.certifier.catalog.entries {
                try await client.execute(uri: "/api/v1/rubrics/\(entry.rubric.id)/\(entry.rubric.version)", method: .get) { response in
                    #expect(response.status == .ok)
                    let rubric = try json(response.body)
                    let areas = try #require(rubric["areas"] as? [[String: Any]])
                    let count = areas.reduce(0) { $0 + (($1["indicators"] as? [Any])?.count ?? 0) }
                    #expect(count == entry.rubric.indicators.count)
                }
            }
            try await client.execute(uri: "/api/v1/rubrics/no-such/1.0", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test(arguments: setups)
    func openAPI(_ setup: TestingSetup) async throws {
        try await Shared.app().test(setup) { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let document = try json(response.body)
                #expect(document["openapi"] as? String == "3.1.0")
                let paths = try #require(document["paths"] as? [String: Any])
                for path in ["/api/v1/rubrics", "/api/v1/rubrics/{id}/{version}", "/api/v1/validate", "/api/v1/score", "/api/v1/plan", "/healthz"] {
                    #expect(paths[path] != nil, "\(path) is documented")
                }
            }
        }
    }

    /// The API's JSON is byte for byte what the CLI prints, for every
    /// sample (with and without its reviews) at a fixed date.
    @Test(arguments: setups)
    func scoreEqualsCLI(_ setup: TestingSetup) async throws {
        let cases = try samples()
        try await Shared.app().test(setup) { client in
            for (dossier, reviews) in cases {
                let cli = try await blocking { try certifyCLI(["score", dossier.path, "--format", "json", "--date", Shared.date]
                    + reviews.flatMap { ["--review", $0.path] }) }
                #expect(cli.status == 0)
                try await client.execute(
                    uri: "/api/v1/score?date=\(Shared.date)", method: .post,
                    headers: [.contentType: Multipart.contentType],
                    body: try Multipart.submission(dossier: dossier, reviews: reviews)
                ) { response in
                    #expect(response.status == .ok, "\(dossier.path)")
                    #expect(Array(response.body.readableBytesView) == cli.stdout, "\(dossier.path) with \(reviews.count) reviews")
                }
                // --official too.
                let official = try await blocking { try certifyCLI(["score", dossier.path, "--format", "json", "--date", Shared.date, "--official"]
                    + reviews.flatMap { ["--review", $0.path] }) }
                try await client.execute(
                    uri: "/api/v1/score?date=\(Shared.date)&official=true", method: .post,
                    headers: [.contentType: Multipart.contentType],
                    body: try Multipart.submission(dossier: dossier, reviews: reviews)
                ) { response in
                    #expect(Array(response.body.readableBytesView) == official.stdout, "\(dossier.path) official")
                }
            }
            // application/xml: the dossier alone.
            let (dossier, _) = cases[0]
            let cli = try await blocking { try certifyCLI(["score", dossier.path, "--format", "json", "--date", Shared.date]) }
            try await client.execute(
                uri: "/api/v1/score?date=\(Shared.date)&lang=ko", method: .post,
                headers: [.contentType: "application/xml"], body: ByteBuffer(bytes: try bytes(dossier))
            ) { response in
                #expect(response.status == .ok)
                #expect(Array(response.body.readableBytesView) == cli.stdout)
            }
        }
    }

    /// `POST /api/v1/plan` is byte for byte `certify plan --format json`
    /// for every sample (with and without its reviews) at a fixed date, and
    /// with the planner's own options as query parameters.
    @Test(arguments: setups)
    func planEqualsCLI(_ setup: TestingSetup) async throws {
        let cases = try samples()
        try await Shared.app().test(setup) { client in
            for (dossier, reviews) in cases {
                let cli = try await blocking { try certifyCLI(["plan", dossier.path, "--format", "json", "--date", Shared.date]
                    + reviews.flatMap { ["--review", $0.path] }) }
                #expect(cli.status == 0, "\(dossier.path)")
                #expect(!cli.stdout.isEmpty)
                try await client.execute(
                    uri: "/api/v1/plan?date=\(Shared.date)", method: .post,
                    headers: [.contentType: Multipart.contentType],
                    body: try Multipart.submission(dossier: dossier, reviews: reviews)
                ) { response in
                    #expect(response.status == .ok, "\(dossier.path)")
                    #expect(response.headers[.contentType] == "application/json")
                    #expect(Array(response.body.readableBytesView) == cli.stdout, "\(dossier.path) with \(reviews.count) reviews")
                }
            }
            // The planner's options: one plan per goal, judgments, official, lang.
            let (dossier, _) = cases[0]
            let one = try await blocking { try certifyCLI(["plan", dossier.path, "--format", "json", "--date", Shared.date,
                                                           "--plans", "1", "--judgments", "--official"]) }
            #expect(one.status == 0)
            try await client.execute(
                uri: "/api/v1/plan?date=\(Shared.date)&plans=1&judgments=true&official=true&lang=ko", method: .post,
                headers: [.contentType: "application/xml"], body: ByteBuffer(bytes: try bytes(dossier))
            ) { response in
                #expect(response.status == .ok)
                #expect(Array(response.body.readableBytesView) == one.stdout)
            }
            // A repeated goal: the rubric's own outcomes, taken from the full plan.
            let plain = try await blocking { try certifyCLI(["plan", dossier.path, "--format", "json", "--date", Shared.date]) }
            let full = try #require(JSONSerialization.jsonObject(with: Data(plain.stdout)) as? [String: Any])
            let goals = try #require(full["goals"] as? [[String: Any]]).compactMap { $0["goal"] as? String }
            if let goal = goals.first {
                let chosen = try await blocking { try certifyCLI(["plan", dossier.path, "--format", "json", "--date", Shared.date,
                                                                  "--goal", goal, "--goal", goal]) }
                #expect(chosen.status == 0)
                try await client.execute(
                    uri: "/api/v1/plan?date=\(Shared.date)&goal=\(goal)&goal=\(goal)", method: .post,
                    headers: [.contentType: "application/xml"], body: ByteBuffer(bytes: try bytes(dossier))
                ) { response in
                    #expect(response.status == .ok)
                    #expect(Array(response.body.readableBytesView) == chosen.stdout)
                }
            }
        }
    }

    /// The plan endpoint's client errors: problem details, never a 5xx.
    @Test(arguments: setups)
    func planErrors(_ setup: TestingSetup) async throws {
        let dossier = try bytes(Paths.sampleURL("city/hansol-grade-a.xml"))
        let service = Paths.sampleURL("service")
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: service.path).sorted().first)
        let directory = service.appendingPathComponent(folder)
        let reviews = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            .filter { $0.hasPrefix("review-") }.map { directory.appendingPathComponent($0) }
        try await Shared.app().test(setup) { client in
            for (query, status) in [("plans=0", 400), ("plans=101", 400), ("plans=x", 400), ("judgments=maybe", 400),
                                    ("goal=no-such-grade", 400), ("date=2026-13-40", 400), ("lang=fr", 400)] {
                try await client.execute(
                    uri: "/api/v1/plan?\(query)", method: .post, headers: [.contentType: "application/xml"],
                    body: ByteBuffer(bytes: dossier)
                ) { response in
                    #expect(Int(response.status.code) == status, "\(query)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(query)")
                    let problem = try json(response.body)
                    #expect(problem["status"] as? Int == status)
                }
            }
            // judgments plan self-assessed scores: not with reviews.
            if !reviews.isEmpty {
                try await client.execute(
                    uri: "/api/v1/plan?judgments=true", method: .post, headers: [.contentType: Multipart.contentType],
                    body: try Multipart.submission(dossier: directory.appendingPathComponent("dossier.xml"), reviews: reviews)
                ) { response in
                    #expect(response.status == .badRequest)
                }
            }
            // An invalid dossier: 422 with the located message.
            try await client.execute(
                uri: "/api/v1/plan", method: .post, headers: [.contentType: "application/xml"],
                body: ByteBuffer(string: "<dossier")
            ) { response in
                #expect(response.status.code == 422)
                let problem = try json(response.body)
                #expect(!(try #require(problem["errors"] as? [Any])).isEmpty)
            }
            // Wrong media type and wrong method.
            try await client.execute(uri: "/api/v1/plan", method: .post, headers: [.contentType: "text/plain"],
                                     body: ByteBuffer(bytes: dossier)) { response in
                #expect(response.status.code == 415)
            }
            try await client.execute(uri: "/api/v1/plan", method: .get) { response in
                #expect(response.status.code >= 400 && response.status.code < 500)
            }
        }
    }

    @Test(arguments: setups)
    func validate(_ setup: TestingSetup) async throws {
        try await Shared.app().test(setup) { client in
            try await client.execute(
                uri: "/api/v1/validate", method: .post, headers: [.contentType: "application/xml"],
                body: ByteBuffer(bytes: try bytes(Paths.sampleURL("city/hansol-grade-a.xml")))
            ) { response in
                #expect(response.status == .ok)
                let answer = try json(response.body)
                #expect(answer["valid"] as? Bool == true)
            }
        }
    }

    /// Every hostile or invalid file of Samples/invalid is 422 with the
    /// CLI's located message, through both endpoints and both media types.
    @Test(arguments: setups)
    func invalidSamples(_ setup: TestingSetup) async throws {
        let directory = Paths.sampleURL("invalid")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            .filter { $0.hasSuffix(".xml") && !$0.hasPrefix("review-") }
        #expect(files.count >= 15)
        try await Shared.app().test(setup) { client in
            for name in files {
                let url = directory.appendingPathComponent(name)
                for path in ["/api/v1/validate", "/api/v1/score"] {
                    try await client.execute(
                        uri: path, method: .post, headers: [.contentType: Multipart.contentType],
                        body: try Multipart.submission(dossier: url)
                    ) { response in
                        #expect(response.status == .unprocessableContent, "\(name) \(path)")
                        #expect(response.headers[.contentType] == "application/problem+json")
                        let problem = try json(response.body)
                        #expect(problem["status"] as? Int == 422)
                        let errors = try #require(problem["errors"] as? [[String: Any]])
                        #expect(!errors.isEmpty, "\(name)")
                        #expect(errors.first?["file"] as? String == name)
                        #expect((errors.first?["line"] as? Int ?? 0) > 0, "\(name) is located")
                    }
                }
            }
            // With ?lang=ko (the CLI's --lang ko) the located messages are
            // the CLI's Korean ones, word for word; without it, English.
            for name in files.prefix(6) {
                let url = directory.appendingPathComponent(name)
                for language in ["ko", "en"] {
                    let cli = try await blocking { try certifyCLIErrors(["validate", url.path, "--lang", language]) }
                    try await client.execute(
                        uri: "/api/v1/validate?lang=\(language)", method: .post, headers: [.contentType: Multipart.contentType],
                        body: try Multipart.submission(dossier: url)
                    ) { response in
                        let errors = try #require(try json(response.body)["errors"] as? [[String: Any]])
                        #expect(errors.compactMap { $0["message"] as? String } == cli, "\(name) \(language)")
                    }
                }
            }
            // Reviews that only fail with their dossier.
            for folder in ["review-mismatch", "review-duplicate-reviewer"] {
                let base = directory.appendingPathComponent(folder)
                let reviews = (1...3).map { base.appendingPathComponent("review-R-0\($0).xml") }
                try await client.execute(
                    uri: "/api/v1/score", method: .post, headers: [.contentType: Multipart.contentType],
                    body: try Multipart.submission(dossier: base.appendingPathComponent("dossier.xml"), reviews: reviews)
                ) { response in
                    #expect(response.status == .unprocessableContent, "\(folder)")
                }
            }
            // A review with a score of 6, sent with a valid service dossier.
            try await client.execute(
                uri: "/api/v1/score", method: .post, headers: [.contentType: Multipart.contentType],
                body: try Multipart.submission(dossier: Paths.sampleURL("service/parking-pass/dossier.xml"),
                                               reviews: [directory.appendingPathComponent("review-score-6.xml")])
            ) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }

    @Test(arguments: setups)
    func located(_ setup: TestingSetup) async throws {
        try await Shared.app().test(setup) { client in
            try await client.execute(
                uri: "/api/v1/score", method: .post, headers: [.contentType: Multipart.contentType],
                body: try Multipart.submission(dossier: Paths.sampleURL("invalid/negative-count.xml"))
            ) { response in
                let problem = try json(response.body)
                let error = try #require((problem["errors"] as? [[String: Any]])?.first)
                #expect(error["line"] as? Int == 13)
                #expect(error["column"] as? Int == 3)
                #expect(error["message"] as? String == "INN-2: a count cannot be negative, got '-2'")
            }
        }
    }

    @Test(arguments: setups)
    func clientErrors(_ setup: TestingSetup) async throws {
        let dossier = try bytes(Paths.sampleURL("city/hansol-grade-a.xml"))
        try await Shared.app().test(setup) { client in
            // 415: no or another media type.
            for type in ["text/plain", "application/json"] {
                try await client.execute(uri: "/api/v1/score", method: .post, headers: [.contentType: type],
                                         body: ByteBuffer(bytes: dossier)) { response in
                    #expect(response.status == .unsupportedMediaType)
                    let problem = try json(response.body)
                    #expect(problem["status"] as? Int == 415)
                }
            }
            try await client.execute(uri: "/api/v1/score", method: .post, body: ByteBuffer(bytes: dossier)) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            // 400: multipart without boundary, without a dossier part, with two, truncated.
            try await client.execute(uri: "/api/v1/score", method: .post, headers: [.contentType: "multipart/form-data"],
                                     body: ByteBuffer(bytes: dossier)) { response in
                #expect(response.status == .badRequest)
            }
            var onlyReview = Multipart()
            onlyReview.file("review", filename: "r.xml", dossier)
            try await client.execute(uri: "/api/v1/score", method: .post, headers: [.contentType: Multipart.contentType],
                                     body: onlyReview.finished) { response in
                #expect(response.status == .badRequest)
            }
            var two = Multipart()
            two.file("dossier", filename: "a.xml", dossier)
            two.file("dossier", filename: "b.xml", dossier)
            try await client.execute(uri: "/api/v1/score", method: .post, headers: [.contentType: Multipart.contentType],
                                     body: two.finished) { response in
                #expect(response.status == .badRequest)
            }
            var truncated = Multipart()
            truncated.file("dossier", filename: "a.xml", dossier)
            try await client.execute(uri: "/api/v1/score", method: .post, headers: [.contentType: Multipart.contentType],
                                     body: ByteBuffer(bytes: truncated.body.dropLast(40))) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/score", method: .post, headers: [.contentType: Multipart.contentType],
                                     body: ByteBuffer(string: "garbage without any boundary")) { response in
                #expect(response.status.code >= 400 && response.status.code < 500)
            }
            // 400: bad query values.
            for query in ["date=2026-02-30", "date=yesterday", "official=maybe", "lang=fr"] {
                try await client.execute(uri: "/api/v1/score?\(query)", method: .post, headers: [.contentType: "application/xml"],
                                         body: ByteBuffer(bytes: dossier)) { response in
                    #expect(response.status == .badRequest, "\(query)")
                }
            }
            // 422: not XML at all, an empty body, a review as the dossier.
            for body in ["", "not xml", "<review xmlns=\"urn:certify:review:1\" dossier=\"X\" reviewer=\"R\"/>"] {
                try await client.execute(uri: "/api/v1/score", method: .post, headers: [.contentType: "application/xml"],
                                         body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .unprocessableContent, "\(body)")
                }
            }
            // 413: a body over 8 MiB.
            var big = Multipart()
            big.file("dossier", filename: "big.xml", Array(repeating: UInt8(ascii: " "), count: 8 * 1024 * 1024 + 10))
            try await client.execute(uri: "/api/v1/score", method: .post, headers: [.contentType: Multipart.contentType],
                                     body: big.finished) { response in
                #expect(response.status == .contentTooLarge)
            }
            // Wrong method on an API path: a client error, never a 5xx.
            try await client.execute(uri: "/api/v1/score", method: .get) { response in
                #expect(response.status.code >= 400 && response.status.code < 500)
            }
        }
    }

    /// A request whose body does not arrive within the timeout is answered
    /// 408: a raw client promises 1000 bytes and sends 8.
    @Test func timeout() async throws {
        try await Shared.app(requestTimeout: .milliseconds(300)).test(.live) { client in
            let port = try #require(client.port)
            let answer = try await blocking { try rawExchange(port: port, """
                POST /api/v1/score HTTP/1.1\r
                Host: 127.0.0.1\r
                Content-Type: application/xml\r
                Content-Length: 1000\r
                \r
                <dossier
                """) }
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer.prefix(80))")
        }
    }
}

/// Sends `request` on a new loopback connection and returns what comes back
/// within 30 seconds (blocking; for a slow-client test only).
func rawExchange(port: Int, _ request: String) throws -> String {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw POSIXError(.EIO) }
    defer { close(descriptor) }
    var timeout = timeval(tv_sec: 30, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    let bytes = Array(request.utf8)
    _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
    return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
}

@Suite("certify serve", .timeLimit(.minutes(10)))
struct ServeCommandTests {
    /// The command prints its URL, answers, logs one line per request, and
    /// stops cleanly (exit 0) on SIGINT and on SIGTERM.
    @Test(arguments: [SIGINT, SIGTERM])
    func startsAnswersAndStops(_ signal: Int32) async throws {
        let process = Process()
        process.executableURL = Run.binary
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--rubrics", Paths.rubrics.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // The first line names the URL. Read on a Dispatch thread (a pipe
        // read blocks); it ends at the first newline or when the process
        // exits (end of file), and the suite's time limit bounds the rest.
        let reader = out.fileHandleForReading
        let line = try await blocking {
            var data = Data()
            while !data.contains(UInt8(ascii: "\n")) {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                data += chunk
            }
            return String(decoding: data, as: UTF8.self)
        }
        let match = try #require(line.firstMatch(of: #/http://127\.0\.0\.1:(\d+)\//#))
        let port = try #require(Int(match.output.1))
        let answer = try await blocking { try rawExchange(port: port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") }
        #expect(answer.hasPrefix("HTTP/1.1 200"))
        #expect(answer.hasSuffix("ok"))
        kill(process.processIdentifier, signal)
        // Bounded wait for the exit (generous: CI machines are busy).
        let stopped = Date().addingTimeInterval(120)
        while process.isRunning, Date() < stopped { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("GET /healthz 200"), "one line per request")
    }
}

/// Runs blocking work (a child process, a blocking socket) on a Dispatch
/// thread, so that it never holds one of the few threads the server under
/// test needs to answer.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
