import CertifyModel
import CertifyRuntime
import Crypto
import Foundation
import Synchronization

/// A C2SP `tlog-witness` witness: it cosigns a log's checkpoint only when
/// the log proves it consistent with the last checkpoint it cosigned for
/// that log, and keeps that checkpoint durably. Transport-free: `add(_:)`
/// takes an `add-checkpoint` request body and gives the HTTP status and
/// body the spec asks for; `certify registry witness` serves it.
///
/// The state file (`WitnessJournal`) holds, per log origin, the latest
/// checkpoint cosigned (with the log's signature and this witness's
/// cosignature); it is on disk before a cosignature is answered, and the
/// check of the old size and the write happen under one lock, so that two
/// requests cannot roll the state back.
public final class Witness: Sendable {
    public let signer: CosignatureSigner
    /// The logs it witnesses: origin → the log's keys.
    public let logs: [String: [NoteVerifier]]
    public let statePath: String?
    private let state: Mutex<State>

    /// The latest cosigned checkpoint of each log, and where it is kept.
    struct State: ~Copyable {
        var logs: [String: String]
        let journal: WitnessJournal?
    }

    /// The answer to a request.
    public struct Answer: Sendable, Equatable {
        public var status: Int
        public var contentType: String
        public var body: String
        /// What happened, for the witness's log: `witnessCosigned`, or why it was refused.
        public var outcome: Message.TlogMessage

        public init(status: Int, contentType: String, body: String, outcome: Message.TlogMessage) {
            self.status = status
            self.contentType = contentType
            self.body = body
            self.outcome = outcome
        }
    }

    /// At most this many consistency proof lines (the spec's limit).
    static let maxProofLines = 63
    /// A request body larger than this is refused (a checkpoint with 16
    /// post-quantum signatures fits).
    public static let maxBody = 128 << 10

    public init(signer: CosignatureSigner, logs: [String: [NoteVerifier]], statePath: String?) throws(CertifyError) {
        self.signer = signer
        self.logs = logs
        self.statePath = statePath
        let journal = statePath.map(WitnessJournal.init(path:))
        state = Mutex(State(logs: try journal?.load() ?? [:], journal: journal))
    }

    /// The latest checkpoint cosigned for a log (with its signatures), if any.
    public func latest(origin: String) -> String? { state.withLock { $0.logs[origin] } }

    /// `GET <prefix>/<hex SHA-256 of the origin>/checkpoint`: the latest
    /// cosigned checkpoint of that log; 404 if it never cosigned one.
    public func checkpoint(originHash: String) -> Answer {
        let found = state.withLock { state in
            state.logs.first { origin, _ in SHA256.hash(data: Array(origin.utf8)).map { String(format: "%02x", $0) }.joined() == originHash }?.value
        }
        guard let found else { return Answer(status: 404, contentType: "text/plain; charset=utf-8", body: "not found\n", outcome: .witnessUnknownLog(origin: originHash)) }
        return Answer(status: 200, contentType: "text/plain; charset=utf-8", body: found, outcome: .witnessCosigned(origin: originHash, size: 0))
    }

    /// `POST <prefix>/add-checkpoint`.
    public func add(_ body: [UInt8], now: UInt64 = UInt64(Date().timeIntervalSince1970)) -> Answer {
        func refuse(_ status: Int, _ why: Message.TlogMessage) -> Answer {
            Answer(status: status, contentType: "text/plain; charset=utf-8", body: Message.tlog(why).text(.en) + "\n", outcome: why)
        }
        guard body.count <= Self.maxBody, let request = AddCheckpoint(body) else {
            return refuse(400, .witnessRequestMalformed)
        }
        guard let parsed = SignedNote(request.note), let head = CheckpointHead(parsed.text) else {
            return refuse(400, .witnessRequestMalformed)
        }
        guard let keys = logs[head.origin] else { return refuse(404, .witnessUnknownLog(origin: head.origin)) }
        // Signatures of unknown keys are ignored; one of a known key that fails refuses the note.
        let signing = keys.filter { key in parsed.signatures.contains { $0.name == key.name && Array($0.bytes.prefix(4)) == key.keyID } }
        guard !signing.isEmpty, signing.allSatisfy({ $0.open(request.note) != nil }) else {
            return refuse(403, .witnessNotSignedByLog(origin: head.origin))
        }
        guard request.oldSize <= head.size else { return refuse(400, .witnessOldAbove(old: request.oldSize, size: head.size)) }
        return state.withLock { state -> Answer in
            let latest = state.logs[head.origin].flatMap { SignedNote($0) }.flatMap { CheckpointHead($0.text) }
            let latestSize = latest?.size ?? 0
            guard request.oldSize == latestSize else {
                return Answer(status: 409, contentType: "text/x.tlog.size", body: "\(latestSize)\n",
                              outcome: .witnessOldDiffers(old: request.oldSize, latest: latestSize))
            }
            if head.size == 0 && head.root != RFC9162.emptyHash { return refuse(422, .witnessEmptyTreeRoot) }
            if request.oldSize == 0 {
                guard request.proof.isEmpty else { return refuse(422, .witnessProofBad(old: 0, size: head.size)) }
            } else if let latest {
                if latest.size == head.size {
                    guard latest.root == head.root, request.proof.isEmpty else {
                        return refuse(422, .witnessFork(size: head.size))
                    }
                } else {
                    guard RFC9162.verifyConsistency(size1: latest.size, size2: head.size, root1: latest.root, root2: head.root,
                                                    proof: request.proof) else {
                        return refuse(422, .witnessProofBad(old: latest.size, size: head.size))
                    }
                }
            }
            let line: String
            do { line = try signer.cosign(parsed.text, time: now) } catch {
                return refuse(500, .witnessCannotSave(reason: "\(error)"))
            }
            var next = state.logs
            next[head.origin] = request.note + line
            do throws(CertifyError) { try state.journal?.append(request.note + line, all: next) } catch {
                return refuse(500, .witnessCannotSave(reason: error.diagnostics.map { $0.message(.en) }.joined(separator: "; ")))
            }
            state.logs = next
            return Answer(status: 200, contentType: "text/plain; charset=utf-8", body: line,
                          outcome: .witnessCosigned(origin: head.origin, size: head.size))
        }
    }
}

/// An `add-checkpoint` request body: `old N`, up to 63 base64 hashes, an
/// empty line, and the checkpoint note.
struct AddCheckpoint {
    var oldSize: Int
    var proof: [RFC9162.Hash]
    var note: String

    init?(_ body: [UInt8]) {
        guard let text = String(bytes: body, encoding: .utf8) else { return nil }
        var rest = Substring(text)
        func line() -> Substring? {
            guard let newline = rest.firstIndex(of: "\n") else { return nil }
            defer { rest = rest[rest.index(after: newline)...] }
            return rest[..<newline]
        }
        guard let old = line(), old.hasPrefix("old "), let size = Int(old.dropFirst(4)), size >= 0,
              String(size) == old.dropFirst(4) else { return nil }
        var proof: [RFC9162.Hash] = []
        while true {
            guard let next = line() else { return nil }
            if next.isEmpty { break }
            guard proof.count < Witness.maxProofLines, let hash = Data(base64Encoded: String(next)), hash.count == 32 else { return nil }
            proof.append(Array(hash))
        }
        oldSize = size
        self.proof = proof
        note = String(rest)
    }

    /// The body a log sends.
    static func body(oldSize: Int, proof: [RFC9162.Hash], note: String) -> [UInt8] {
        Array(("old \(oldSize)\n" + proof.map { Data($0).base64EncodedString() + "\n" }.joined() + "\n" + note).utf8)
    }
}

/// The first three lines of a checkpoint's text (extension lines, which a
/// witness cosigns without reading, may follow): origin, size, root.
struct CheckpointHead {
    var origin: String
    var size: Int
    var root: RFC9162.Hash

    init?(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 4, !lines[0].isEmpty, let size = Int(lines[1]), size >= 0, String(size) == lines[1],
              let root = Data(base64Encoded: String(lines[2])), root.count == 32 else { return nil }
        origin = String(lines[0])
        self.size = size
        self.root = Array(root)
    }
}
