@testable import CertifyServer
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing

/// `certify serve`'s log: the line of swift-log's `StreamLogHandler`, and
/// an event loop's lines written once per turn.
@Suite struct ServerLogTests {
    /// A pipe whose read end does not block.
    final class Pipe {
        let read: Int32
        let write: Int32
        init() throws {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw POSIXError(.EIO) }
            (read, write) = (ends[0], ends[1])
            _ = fcntl(read, F_SETFL, fcntl(read, F_GETFL) | O_NONBLOCK)
        }
        deinit {
            close(read)
            close(write)
        }
        /// What is in the pipe now.
        func available() -> String {
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = Foundation.read(read, &chunk, chunk.count)
                guard count > 0 else { break }
                bytes += chunk[0..<count]
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// StreamLogHandler's output, captured.
    struct Captured: TextOutputStream, Sendable {
        let text: NIOLockedValueBox<String>
        mutating func write(_ string: String) { text.withLockedValue { $0 += string } }
    }

    /// The same line as StreamLogHandler's, after the timestamp, with and
    /// without metadata (the handler's own, set later, and the message's).
    @Test func theLineIsStreamLogHandlers() throws {
        let pipe = try Pipe()
        let captured = Captured(text: NIOLockedValueBox(""))
        var ours = Logger(label: "certify.serve") { ServerLogHandler(label: $0, sink: LogSink(fileDescriptor: pipe.write)) }
        var theirs = Logger(label: "certify.serve") { StreamLogHandler(label: $0, stream: captured, metadataProvider: nil) }
        func both(_ body: (inout Logger) -> Void) {
            body(&ours)
            body(&theirs)
        }
        both { $0.info("GET / 200 0.1 ms") }
        both { $0[metadataKey: "hb.request.id"] = "abc" }
        both { $0.info("POST /api/v1/score 200 0.2 ms") }  // a request's line: one metadata entry
        both { $0.warning("slow", metadata: ["b": "2", "a": .array(["x", "y"])]) }
        both { $0.debug("not written at info") }
        let withoutTimestamps = { (text: String) in
            text.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 1).last.map(String.init) ?? "" }
        }
        let lines = withoutTimestamps(pipe.available())
        #expect(lines.count == 3)
        #expect(lines == withoutTimestamps(captured.text.withLockedValue { $0 }))
        #expect(lines.first == "info certify.serve: [CertifyServerTests] GET / 200 0.1 ms")
        #expect(lines.dropFirst().first == "info certify.serve: hb.request.id=abc [CertifyServerTests] POST /api/v1/score 200 0.2 ms")
    }

    /// On an event loop the lines of a turn wait until the loop has run its
    /// queued tasks, then leave together and in order; elsewhere at once.
    @Test func aLoopsLinesLeaveAtTheEndOfItsTurn() async throws {
        let pipe = try Pipe()
        let logger = Logger(label: "t") { ServerLogHandler(label: $0, sink: LogSink(fileDescriptor: pipe.write)) }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let seenDuringTurn = try await loop.submit {
            logger.info("one")
            logger.info("two")
            let during = pipe.available()
            logger.info("three")
            return during
        }.get()
        #expect(seenDuringTurn.isEmpty)
        // The write task was queued behind the turn: one more task after it.
        try await loop.submit {}.get()
        let written = pipe.available().split(separator: "\n").map { $0.split(separator: " ").last.map(String.init) ?? "" }
        #expect(written == ["one", "two", "three"])
        logger.info("off the loop")
        #expect(pipe.available().hasSuffix("off the loop\n"))
        try await group.shutdownGracefully()
    }
}
