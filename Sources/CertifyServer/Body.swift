import CertifyModel
import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// One part of a `multipart/form-data` body (or the whole body of an
/// `application/xml` request, as the part `dossier`).
struct Part: Sendable {
    var name: String
    var filename: String?
    var bytes: [UInt8]

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The name located messages use: the file name the client gave, else
    /// the part's name.
    var displayName: String {
        if let filename, !filename.isEmpty { return filename }
        return name
    }

    var upload: Upload { Upload(name: displayName, bytes: bytes) }
}

/// The parts of a request body, in order.
struct FormBody: Sendable {
    var parts: [Part]

    func first(_ name: String) -> Part? { parts.first { $0.name == name } }
    func all(_ name: String) -> [Part] { parts.filter { $0.name == name } }
    /// A text field; nil when absent.
    func field(_ name: String) -> String? { first(name)?.text }
    /// Every value of a repeated field (check boxes).
    func fields(_ name: String) -> [String] { all(name).map(\.text) }
    /// A file part that was actually chosen (browsers send an empty part
    /// with an empty file name when none was).
    func file(_ name: String) -> Part? {
        first(name).flatMap { $0.bytes.isEmpty && ($0.filename ?? "").isEmpty ? nil : $0 }
    }
    func files(_ name: String) -> [Part] {
        all(name).filter { !($0.bytes.isEmpty && ($0.filename ?? "").isEmpty) }
    }
}

/// What can go wrong reading a request body: each becomes a problem with
/// its own status (never a 5xx).
enum BodyError: Error {
    case unsupportedMediaType(String)
    case malformed(String)
    case tooLarge(Int)
    case timedOut
}

enum BodyReader {
    /// Bodies over this size are refused with 413.
    static let maxBytes = 8 * 1024 * 1024
    /// At most this many parts in a multipart body.
    static let maxParts = 2000

    /// Reads the whole body (up to `maxBytes`) and splits it into parts.
    /// `xmlAsDossier`: an `application/xml` body is the part `dossier`.
    static func read(_ request: Request, timeout: Duration, xmlAsDossier: Bool = true) async throws(BodyError) -> FormBody {
        let contentType = request.headers[.contentType] ?? ""
        let (mediaType, parameters) = parseMediaType(contentType)
        switch mediaType {
        case "multipart/form-data":
            guard let boundary = parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 70 else {
                throw .malformed("multipart/form-data without a valid boundary parameter")
            }
            let buffer = try await collect(request, timeout: timeout)
            return try parseMultipart(buffer, boundary: boundary)
        case "application/xml" where xmlAsDossier, "text/xml" where xmlAsDossier:
            let buffer = try await collect(request, timeout: timeout)
            return FormBody(parts: [Part(name: "dossier", filename: nil, bytes: Array(buffer.readableBytesView))])
        case "":
            throw .unsupportedMediaType("no Content-Type; send multipart/form-data or application/xml")
        default:
            throw .unsupportedMediaType("unsupported Content-Type '\(mediaType)'; send multipart/form-data or application/xml")
        }
    }

    /// The whole body, or 413 past `maxBytes`, or 408 when it has not
    /// arrived within `timeout` (a slow or stalled client).
    static func collect(_ request: Request, timeout: Duration) async throws(BodyError) -> ByteBuffer {
        let body = request.body
        let outcome: Result<ByteBuffer, BodyError>? = await Deadline.run(within: timeout) {
            // Past the limit NIO throws NIOTooManyBytesError, which
            // Hummingbird gives the status 413.
            do { return .success(try await body.collect(upTo: maxBytes)) } catch let error as any HTTPResponseError {
                return .failure(error.status == .contentTooLarge ? .tooLarge(maxBytes) : .malformed("cannot read the request body"))
            } catch { return .failure(.malformed("cannot read the request body")) }
        }
        return try (outcome ?? .failure(.timedOut)).get()
    }

    /// `type/subtype` in lower case and the parameters (names in lower case,
    /// quotes removed).
    static func parseMediaType(_ value: String) -> (String, [String: String]) {
        var pieces = value.split(separator: ";", omittingEmptySubsequences: false).map(\.trimmingOptionalWhitespace)
        let type = pieces.isEmpty ? "" : pieces.removeFirst().lowercased()
        var parameters: [String: String] = [:]
        for piece in pieces {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmingOptionalWhitespace.lowercased()
            var value = piece[piece.index(after: equals)...].trimmingOptionalWhitespace
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = value.dropFirst().dropLast() }
            parameters[name] = String(value)
        }
        return (type, parameters)
    }

    static func parseMultipart(_ buffer: ByteBuffer, boundary: String) throws(BodyError) -> FormBody {
        let parser = MultipartParser(boundary: boundary)
        var parts: [Part] = []
        var headers: [(String, String)] = []
        var body: [UInt8] = []
        var tooMany = false
        parser.onHeader = { name, value in headers.append((name, value)) }
        parser.onBody = { chunk in body.append(contentsOf: chunk.readableBytesView) }
        parser.onPartComplete = {
            var disposition: [String: String] = [:]
            for (name, value) in headers where name.lowercased() == "content-disposition" {
                disposition = parseMediaType(value).1
            }
            if parts.count >= maxParts { tooMany = true } else {
                parts.append(Part(name: disposition["name"] ?? "", filename: disposition["filename"], bytes: body))
            }
            headers = []
            body = []
        }
        do { try parser.execute(buffer) } catch {
            throw .malformed("malformed multipart/form-data body")
        }
        if tooMany { throw .malformed("more than \(maxParts) parts in the body") }
        // A body that ends before its closing boundary leaves a part open.
        if !headers.isEmpty || !body.isEmpty { throw .malformed("multipart/form-data body ends inside a part") }
        return FormBody(parts: parts)
    }
}

/// A timeout for one request's work that costs little when the work ends
/// first, as it nearly always does.
///
/// The work runs as the one child task of a group; the request's task waits
/// for whichever comes first, the work's value or a NIO timer. The timer is
/// on the event loop the request runs on, so that setting and removing it
/// takes no lock another thread holds and wakes no other thread; a request
/// that left its loop (`OffLoopMiddleware`) uses one of NIO's singleton
/// loops instead. When the time runs out the work is cancelled and awaited.
///
/// Not `Task.sleep`: a cancelled sleep leaves its timer queued until the
/// deadline, so the server would hold a timer (and the sleeping task's
/// memory) for every request of the last `timeout`, and its memory would
/// grow with the request rate. A NIO timer is removed when cancelled. Not a
/// second child task sleeping beside the work either: starting and
/// cancelling a task for every request costs more than a timer on the loop
/// (docs/performance.md has the figures).
enum Deadline {
    /// The work's value, or nil when `timeout` ran out first. Cancelling the
    /// caller cancels the work, whose value is then returned.
    static func run<Value: Sendable>(
        within timeout: Duration, _ work: @escaping @Sendable () async -> Value
    ) async -> Value? {
        let loop = MultiThreadedEventLoopGroup.currentEventLoop ?? MultiThreadedEventLoopGroup.singleton.any()
        let race = Race<Value>()
        return await withTaskGroup(of: Void.self) { group in
            group.addTask { race.finish(await work()) }
            guard let value = await race.wait(timeout, on: loop) else {
                group.cancelAll()
                return nil
            }
            return value
        }
    }

    /// The first of the work's value and the timer.
    private final class Race<Value: Sendable>: Sendable {
        private enum State {
            case running
            case finished(Value)
            case waiting(CheckedContinuation<Value?, Never>, Scheduled<Void>)
            case over
        }

        private let state = NIOLockedValueBox(State.running)

        func finish(_ value: Value) {
            let waiter = state.withLockedValue { state -> (CheckedContinuation<Value?, Never>, Scheduled<Void>)? in
                switch state {
                case .running:
                    state = .finished(value)
                    return nil
                case .waiting(let continuation, let timer):
                    state = .over
                    return (continuation, timer)
                case .finished, .over:
                    return nil
                }
            }
            if let (continuation, timer) = waiter {
                timer.cancel()
                continuation.resume(returning: value)
            }
        }

        func wait(_ timeout: Duration, on loop: any EventLoop) async -> Value? {
            await withCheckedContinuation { (continuation: CheckedContinuation<Value?, Never>) in
                let finished = state.withLockedValue { state -> Value? in
                    switch state {
                    case .finished(let value):
                        state = .over
                        return value
                    case .running:
                        // Set while the lock is held: a timer on another
                        // loop that fires at once finds the waiter.
                        let timer = loop.scheduleTask(in: TimeAmount(timeout)) { self.expire() }
                        state = .waiting(continuation, timer)
                        return nil
                    case .waiting, .over:
                        preconditionFailure("a race is waited for once")
                    }
                }
                if let finished { continuation.resume(returning: finished) }
            }
        }

        private func expire() {
            let continuation = state.withLockedValue { state -> CheckedContinuation<Value?, Never>? in
                guard case .waiting(let continuation, _) = state else { return nil }
                state = .over
                return continuation
            }
            continuation?.resume(returning: nil)
        }
    }
}

extension Substring {
    /// Without the spaces and tabs at either end (HTTP's optional
    /// whitespace, RFC 9110 section 5.6.3). A loop over the two characters
    /// rather than Foundation's `trimmingCharacters(in:)`, which is costly
    /// for a step every request's media type goes through.
    var trimmingOptionalWhitespace: Substring {
        let isOWS: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isOWS($0) }), let last = lastIndex(where: { !isOWS($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
