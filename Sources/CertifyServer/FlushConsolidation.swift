import NIOCore

/// Holds a connection's flushes until its event loop has run the tasks
/// already queued, then flushes once (the idea of Netty's
/// `FlushConsolidationHandler`).
///
/// A loop answers the requests of many connections in one turn, each in a
/// task (`EventLoopBoundChannel`). Flushed one by one, every answer wakes the
/// client as soon as it is written, and on a loaded host the woken client
/// takes the core from the loop in the middle of its turn. Held to the end
/// of the turn, the answers of the turn leave together: an idle server
/// still answers at once (no other task is queued), and under load an
/// answer waits at most for the turn it was written in. `scripts/bench-serve`
/// measures the effect on throughput and the latency tail
/// (docs/performance.md).
///
/// A close flushes what is held first, so that nothing written is lost.
final class FlushConsolidationHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = NIOAny
    typealias OutboundOut = NIOAny

    /// A flush is held and its task is queued.
    private var held = false

    func flush(context: ChannelHandlerContext) {
        guard !held else { return }
        held = true
        // The task runs on this loop after the tasks queued before it (NIO
        // runs every queued task before it waits for I/O again).
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.execute {
            let (handler, context) = bound.value
            handler.flushHeld(context: context)
        }
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        flushHeld(context: context)
        context.close(mode: mode, promise: promise)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        flushHeld(context: context)
    }

    private func flushHeld(context: ChannelHandlerContext) {
        guard held else { return }
        held = false
        context.flush()
    }
}
