import Foundation
import Logging
import NIOCore
import NIOPosix

/// `certify serve`'s log handler: swift-log's `StreamLogHandler` line,
/// character for character, written by a `LogSink`.
///
/// The server logs one line per request. `StreamLogHandler` takes a stdio
/// lock, writes and flushes each line (a `write` per request), and renders
/// its metadata string again whenever metadata is set (Hummingbird sets a
/// request id on every request's logger), costs paid on every request.
/// This handler renders metadata only for a line it writes, and its sink
/// writes a loop's lines once per turn (docs/performance.md has the figures).
public struct ServerLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let label: String
    let sink: LogSink

    public init(label: String, sink: LogSink = .standardError) {
        self.label = label
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty { merged.merge(provided) { $1 } }
        if let explicit = event.metadata, !explicit.isEmpty { merged.merge(explicit) { $1 } }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        var line = ""
        line.reserveCapacity(128)
        line += Self.timestamp()
        line += " \(event.level)"
        if !label.isEmpty { line += " " + label }
        line += ":"
        if merged.count == 1, let (key, value) = merged.first {
            line += " \(key)=\(value)"  // a request's line: its id only
        } else if !merged.isEmpty {
            line += " " + merged.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " ")
        }
        line += " [\(event.source)] \(event.message)\n"
        sink.write(line)
    }

    /// Local time as `StreamLogHandler` writes it (`2026-11-30T14:05:01+0000`).
    /// `localtime_r` reads the time zone once; `localtime`, which
    /// `StreamLogHandler` calls, stats `/etc/localtime` on every call when
    /// `TZ` is unset (and shares one buffer between threads).
    static func timestamp() -> String {
        var now = time(nil)
        let cache = timestamps.currentOrNew(TimestampCache.init)
        // Formatted once a second per thread: a request's line reuses it.
        if cache.second == now { return cache.text }
        var local = tm()
        guard localtime_r(&now, &local) != nil else { return "<unknown>" }
        let text = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let count = strftime(buffer.baseAddress!, 64, "%Y-%m-%dT%H:%M:%S%z", &local)
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: count), as: UTF8.self)
        }
        cache.second = now
        cache.text = text
        return text
    }

    private static let timestamps = ThreadSpecificVariable<TimestampCache>()
}

/// Where log lines go: a file descriptor, written with `write(2)`.
///
/// A line logged on an event loop waits in that loop's buffer until the loop
/// has run the tasks already queued, and the turn's lines leave in one
/// `write` (as `FlushConsolidationHandler` does with answers); a line logged
/// anywhere else is written at once. Lines keep their order per thread.
public final class LogSink: Sendable {
    public static let standardError = LogSink(fileDescriptor: STDERR_FILENO)

    let fileDescriptor: Int32
    private let buffers = ThreadSpecificVariable<LineBuffer>()

    public init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    func write(_ line: String) {
        guard let loop = MultiThreadedEventLoopGroup.currentEventLoop else {
            writeAll(Array(line.utf8))
            return
        }
        let buffer = buffers.currentOrNew(LineBuffer.init)
        buffer.bytes.append(contentsOf: line.utf8)
        guard !buffer.scheduled else { return }
        buffer.scheduled = true
        let bound = NIOLoopBound(buffer, eventLoop: loop)
        loop.execute { [self] in
            let buffer = bound.value
            buffer.scheduled = false
            writeAll(buffer.bytes)
            buffer.bytes.removeAll(keepingCapacity: true)
        }
    }

    /// Writes every byte, retrying after a partial write or a signal; a
    /// failing descriptor drops the line (a log must not stop the server).
    private func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}

/// One thread's last timestamp (see `ServerLogHandler.timestamp`).
final class TimestampCache: @unchecked Sendable {
    // @unchecked: only its own thread reads or writes it.
    var second: time_t = -1
    var text = ""
}

/// A loop thread's lines not yet written. @unchecked Sendable: only its own
/// thread touches it (through `ThreadSpecificVariable`, and the write task
/// runs on that same loop).
final class LineBuffer: @unchecked Sendable {
    var bytes: [UInt8] = []
    var scheduled = false
}

extension ThreadSpecificVariable {
    /// This thread's value, made and kept on first use.
    func currentOrNew(_ make: () -> Value) -> Value {
        if let current = currentValue { return current }
        let value = make()
        currentValue = value
        return value
    }
}
