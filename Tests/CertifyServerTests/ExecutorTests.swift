@testable import CertifyServer
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOPosix
import Testing

/// Where requests run: a connection's requests on its own event loop (no
/// hop to the concurrency pool and back), the routes behind
/// `OffLoopMiddleware` on the pool, off every loop.
@Suite struct ExecutorTests {
    /// "loop" with the answering loop's identity when the handler runs on an
    /// event loop, "pool" otherwise.
    static func placement() -> String {
        MultiThreadedEventLoopGroup.currentEventLoop.map { "loop \(ObjectIdentifier($0))" } ?? "pool"
    }

    static func app() -> some ApplicationProtocol {
        let router = Router()
        router.get("/where") { _, _ in placement() }
        router.get("/where-after-await") { _, _ in
            // Still on the loop after a suspension (the task's executor
            // preference, not only its first job).
            try await Task.sleep(for: .milliseconds(1))
            return placement()
        }
        router.group().add(middleware: OffLoopMiddleware()).get("/away") { _, _ in placement() }
        return Application(
            router: router, server: .http1OnEventLoops(configuration: .init()),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: Logger(label: "executor-test"))
    }

    @Test func aConnectionsRequestsRunOnItsEventLoop() async throws {
        try await Self.app().test(.live) { client in
            let first = try await client.execute(uri: "/where", method: .get)
            let placement = String(buffer: first.body)
            #expect(placement.hasPrefix("loop "))
            // The same connection: the same loop, before and after awaiting.
            for path in ["/where", "/where-after-await", "/where"] {
                let again = try await client.execute(uri: path, method: .get)
                #expect(String(buffer: again.body) == placement, "\(path)")
            }
        }
    }

    @Test func offLoopRoutesRunOnThePool() async throws {
        try await Self.app().test(.live) { client in
            let away = try await client.execute(uri: "/away", method: .get)
            #expect(String(buffer: away.body) == "pool")
            // And the connection's next request is back on its loop.
            let back = try await client.execute(uri: "/where", method: .get)
            #expect(String(buffer: back.body).hasPrefix("loop "))
        }
    }
}
