@testable import CertifyServer
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOEmbedded
import NIOPosix
import Testing

/// Where requests run: a connection's requests on its own event loop (no
/// hop to the concurrency pool and back), the routes behind
/// `OffLoopMiddleware` (and, in `certify serve`'s router, large uploads) on
/// the pool, off every loop.
@Suite struct ExecutorTests {
    /// A context that knows its connection's event loop.
    struct LoopContext: RequestContext {
        var coreContext: CoreRequestContextStorage
        let connectionLoop: any EventLoop
        init(source: ApplicationRequestContextSource) {
            coreContext = .init(source: source)
            connectionLoop = source.channel.eventLoop
        }
    }

    /// "own loop" when the handler runs on its connection's event loop,
    /// "other loop" on another one, "pool" off the loops.
    static func placement(_ context: LoopContext) -> String {
        guard let current = MultiThreadedEventLoopGroup.currentEventLoop else { return "pool" }
        return current === context.connectionLoop ? "own loop" : "other loop"
    }

    static func app() -> some ApplicationProtocol {
        let router = Router(context: LoopContext.self)
        router.get("/where") { _, context in placement(context) }
        router.get("/n/:n") { _, context in context.parameters.get("n") ?? "" }
        router.get("/where-after-await") { _, context in
            // Still on the loop after a suspension (the task's executor
            // preference, not only its first job).
            try await Task.sleep(for: .milliseconds(1))
            return placement(context)
        }
        router.group().add(middleware: OffLoopMiddleware()).get("/away") { _, context in placement(context) }
        router.group().add(middleware: OffLoopMiddleware(bodiesOver: 1024)).post("/upload") { request, context in
            _ = try await request.body.collect(upTo: 1 << 20)
            return placement(context)
        }
        return Application(
            router: router, server: .http1OnEventLoops(configuration: .init()),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: Logger(label: "executor-test"))
    }

    @Test func aConnectionsRequestsRunOnItsEventLoop() async throws {
        try await Self.app().test(.live) { client in
            for path in ["/where", "/where-after-await", "/where"] {
                let answer = try await client.execute(uri: path, method: .get)
                #expect(String(buffer: answer.body) == "own loop", "\(path)")
            }
        }
    }

    @Test func offLoopRoutesRunOnThePool() async throws {
        try await Self.app().test(.live) { client in
            let away = try await client.execute(uri: "/away", method: .get)
            #expect(String(buffer: away.body) == "pool")
            // And the connection's next request is back on its loop.
            let back = try await client.execute(uri: "/where", method: .get)
            #expect(String(buffer: back.body) == "own loop")
        }
    }

    @Test func onlyLargeBodiesLeaveTheLoop() async throws {
        try await Self.app().test(.live) { client in
            let small = try await client.execute(uri: "/upload", method: .post, body: ByteBuffer(repeating: 0x41, count: 1024))
            #expect(String(buffer: small.body) == "own loop")
            let large = try await client.execute(uri: "/upload", method: .post, body: ByteBuffer(repeating: 0x41, count: 1025))
            #expect(String(buffer: large.body) == "pool")
        }
    }

    /// The decision itself, header by header (a chunked body has no
    /// declared length and may be of any size).
    @Test func theBodySizeRule() {
        let rule = OffLoopMiddleware<BasicRequestContext>(bodiesOver: 100)
        func request(_ fields: HTTPFields) -> Request {
            Request(head: .init(method: .post, scheme: "http", authority: "x", path: "/", headerFields: fields), body: .init(buffer: ByteBuffer()))
        }
        #expect(!rule.leavesTheLoop(request([:])))
        #expect(!rule.leavesTheLoop(request([.contentLength: "100"])))
        #expect(rule.leavesTheLoop(request([.contentLength: "101"])))
        #expect(rule.leavesTheLoop(request([.contentLength: "not a number"])))
        #expect(rule.leavesTheLoop(request([.transferEncoding: "chunked"])))
        #expect(OffLoopMiddleware<BasicRequestContext>().leavesTheLoop(request([:])))
    }

    /// `certify serve`'s router: a dossier-sized upload is answered on the
    /// loop, one over `onLoopBodyLimit` on the pool.
    @Test func certifyServeAnswersLargeUploadsOffTheLoop() async throws {
        let server = try await CertifyServer(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0), certifier: Shared.certifier)
        let router = server.router()
        router.post("/test/where") { request, _ in
            _ = try await request.body.collect(upTo: 1 << 20)
            return MultiThreadedEventLoopGroup.currentEventLoop == nil ? "pool" : "loop"
        }
        let app = Application(
            router: router, server: .http1OnEventLoops(configuration: .init()),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: Logger(label: "executor-test"))
        let limit = CertifyServer.onLoopBodyLimit
        try await app.test(.live) { client in
            let small = try await client.execute(uri: "/test/where", method: .post, body: ByteBuffer(repeating: 0x41, count: limit))
            #expect(String(buffer: small.body) == "loop")
            let large = try await client.execute(uri: "/test/where", method: .post, body: ByteBuffer(repeating: 0x41, count: limit + 1))
            #expect(String(buffer: large.body) == "pool")
        }
    }

    /// `--pin-loops`: one loop on each CPU the process may use, each loop's
    /// thread bound to its own CPU, and the server answers on them.
    @Test func pinnedLoopsRunOneOnEachAllowedCPU() async throws {
        let allowed = EventLoops.allowedCPUs()
        #expect(!allowed.isEmpty)
        var placements: [[Int]] = []
        for loop in EventLoops.pinned.makeIterator() {
            placements.append(try await loop.submit { EventLoops.currentThreadCPUs() }.get())
        }
        #expect(placements.allSatisfy { $0.count == 1 })
        #expect(placements.flatMap { $0 }.sorted() == allowed)

        let server = try await CertifyServer(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, pinLoops: true), certifier: Shared.certifier)
        try await server.application(logger: Logger(label: "executor-test")).test(.live) { client in
            let answer = try await client.execute(uri: "/healthz", method: .get)
            #expect(answer.status == .ok)
            #expect(String(buffer: answer.body) == "ok")
        }
    }

    /// Linux CPU lists (`Cpus_allowed_list`), and what is not one.
    @Test func cpuLists() {
        #expect(EventLoops.parseCPUList("0-3,8,10-11") == [0, 1, 2, 3, 8, 10, 11])
        #expect(EventLoops.parseCPUList("\t0-1\n") == [0, 1])
        #expect(EventLoops.parseCPUList("5") == [5])
        #expect(EventLoops.parseCPUList("1,0,1") == [0, 1])
        for bad in ["", "3-1", "a", "1-", "-1", "1-2-3", "0,,1"] {
            #expect(EventLoops.parseCPUList(Substring(bad)).isEmpty, "\(bad)")
        }
    }

    /// Counts the flushes that pass it towards the socket.
    final class FlushCounter: ChannelOutboundHandler {
        typealias OutboundIn = NIOAny
        var flushes = 0
        func flush(context: ChannelHandlerContext) {
            flushes += 1
            context.flush()
        }
    }

    /// A connection's flushes wait for the loop's queued tasks, then leave
    /// as one flush with every write in order.
    @Test func flushesAreHeldToTheEndOfTheTurn() throws {
        let counter = FlushCounter()
        let channel = EmbeddedChannel(handlers: [counter, FlushConsolidationHandler()])
        channel.write(ByteBuffer(string: "a"), promise: nil)
        channel.flush()
        channel.write(ByteBuffer(string: "b"), promise: nil)
        channel.flush()
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        #expect(counter.flushes == 0)
        channel.embeddedEventLoop.run()
        #expect(counter.flushes == 1)
        #expect(try channel.readOutbound(as: ByteBuffer.self) == ByteBuffer(string: "a"))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == ByteBuffer(string: "b"))
        // Nothing held: the next turn flushes nothing more.
        channel.embeddedEventLoop.run()
        #expect(counter.flushes == 1)
        _ = try channel.finish()
    }

    /// A close sends what is held before the connection closes.
    @Test func aCloseFlushesWhatIsHeld() throws {
        let counter = FlushCounter()
        let channel = EmbeddedChannel(handlers: [counter, FlushConsolidationHandler()])
        channel.write(ByteBuffer(string: "last words"), promise: nil)
        channel.flush()
        #expect(counter.flushes == 0)
        try channel.close().wait()
        #expect(counter.flushes == 1)
        #expect(try channel.readOutbound(as: ByteBuffer.self) == ByteBuffer(string: "last words"))
    }

    /// Requests sent one after another on one connection without waiting
    /// (pipelined), so that a turn of the loop answers several of them:
    /// every answer arrives, in order.
    @Test func pipelinedAnswersArriveInOrder() async throws {
        try await Self.app().test(.live) { client in
            let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for n in 0..<24 {
                    group.addTask { (n, String(buffer: try await client.execute(uri: "/n/\(n)", method: .get).body)) }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            #expect(answers == Dictionary(uniqueKeysWithValues: (0..<24).map { ($0, "\($0)") }))
        }
    }
}
