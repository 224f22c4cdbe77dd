import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Runs a connection's whole task on its channel's event loop, its answers
/// flushed once per turn of the loop (`FlushConsolidationHandler`).
///
/// Hummingbird starts each connection's task on Swift's global concurrency
/// pool; the loop then hands every request part to that task and takes every
/// response part back, two thread hops per exchange, each a wake-up of a
/// parked thread. With the loop as the task's executor preference
/// (SE-0417), reading, routing, scoring and writing happen on the loop that
/// owns the socket: requests of a loop's connections are served in the order
/// they arrive, and no thread waits for another to wake. Child tasks (the
/// body timeout's task group) inherit the preference, and so would a
/// default actor's work (no actor is on the request path); a request that
/// may take long leaves the loop through `OffLoopMiddleware`.
///
/// The loops then do the requests' CPU work, so `certify serve` has one
/// loop per core (`CertifyServer.suggestEventLoops()`). The loops must
/// outlive the server (a job given to a loop that has shut down is dropped):
/// the server runs on NIO's singleton group, which never shuts down.
struct EventLoopBoundChannel<Inner: ServerChildChannel>: ServerChildChannel {
    typealias Value = Inner.Value
    let inner: Inner

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        // Nearest the socket, so that it holds every flush of the HTTP
        // handlers added after it.
        do {
            try channel.pipeline.syncOperations.addHandler(FlushConsolidationHandler())
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return inner.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await withTaskExecutorPreference(EventLoopTaskExecutor(value.channel.eventLoop)) {
            await inner.handle(value: value, logger: logger)
        }
    }
}

/// An event loop as a task executor: a job runs as one of the loop's tasks.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 whose connections run on their event loops (see
    /// `EventLoopBoundChannel`).
    static func http1OnEventLoops(configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        .init { responder in
            EventLoopBoundChannel(inner: HTTP1Channel(responder: responder, configuration: configuration))
        }
    }
}

/// Runs the rest of a request on Swift's global concurrency pool, off its
/// connection's event loop, so that it never holds up the other connections
/// of that loop: always for routes whose work can take long (a plan's
/// search, tens of milliseconds for far goals) or block (SQLite reads of the
/// registry); with `bodiesOver`, only for requests whose body is larger than
/// that many bytes or of undeclared length (parsing, validating and scoring
/// an upload grows with it; the body limit is 8 MiB). Quick work (a dossier
/// of a few kilobytes, a page) stays on the loop.
/// Runs `body` on Swift's global concurrency pool, off the event loop (what
/// `OffLoopMiddleware` does for a whole route, for a handler that decides
/// per request).
public func offLoop<T: Sendable>(_ body: @Sendable () throws -> T) async rethrows -> T {
    try await withTaskExecutorPreference(globalConcurrentExecutor) { try body() }
}

struct OffLoopMiddleware<Context: RequestContext>: RouterMiddleware {
    /// nil: every request leaves the loop.
    var bodiesOver: Int?

    init(bodiesOver: Int? = nil) { self.bodiesOver = bodiesOver }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard leavesTheLoop(request) else { return try await next(request, context) }
        return try await withTaskExecutorPreference(globalConcurrentExecutor) {
            try await next(request, context)
        }
    }

    func leavesTheLoop(_ request: Request) -> Bool {
        guard let limit = bodiesOver else { return true }
        if let length = request.headers[.contentLength] {
            return Int(length).map { $0 > limit } ?? true
        }
        // No declared length: a chunked body of any size, or no body.
        return request.headers[.transferEncoding] != nil
    }
}
