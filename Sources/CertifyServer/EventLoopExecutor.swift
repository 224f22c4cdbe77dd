import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Runs a connection's whole task on its channel's event loop.
///
/// Hummingbird starts each connection's task on Swift's global concurrency
/// pool; the loop then hands every request part to that task and takes every
/// response part back, two thread hops per exchange, each a wake-up of a
/// parked thread. With the loop as the task's executor preference
/// (SE-0417), reading, routing, scoring and writing happen on the loop that
/// owns the socket: requests of a loop's connections are served in the order
/// they arrive, and no thread waits for another to wake. Work isolated to
/// an actor still runs on that actor's executor; child tasks (the body
/// timeout's task group) inherit the preference.
///
/// The loops then do the requests' CPU work, so `certify serve` has one
/// loop per core (`CertifyServer.suggestEventLoops()`).
struct EventLoopBoundChannel<Inner: ServerChildChannel>: ServerChildChannel {
    typealias Value = Inner.Value
    let inner: Inner

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        inner.setup(channel: channel, logger: logger)
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
/// connection's event loop: for routes whose work can take long (a plan's
/// search, tens of milliseconds for far goals) or block (SQLite reads of the
/// registry), so that they never hold up the other connections of their
/// loop. Bounded, quick work (scoring, validation, pages) stays on the loop.
struct OffLoopMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await withTaskExecutorPreference(globalConcurrentExecutor) {
            try await next(request, context)
        }
    }
}
