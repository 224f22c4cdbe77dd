import CertifyModel
import Foundation
import GRDB

/// A witness the log asks for cosignatures (`--witness URL=VKEY`): the
/// prefix its `add-checkpoint` is under and its cosignature verifier key.
public struct WitnessTarget: Sendable {
    public var url: String
    public var verifier: CosignatureVerifier

    public init(url: String, verifier: CosignatureVerifier) {
        self.url = url
        self.verifier = verifier
    }

    /// `URL=VKEY`, split at the last `=` (a verifier key's base64 encodes
    /// 33 bytes, so has no `=` padding).
    public init?(argument: String) {
        guard argument.hasPrefix("http://") || argument.hasPrefix("https://"),
              let equals = argument.lastIndex(of: "="),
              let verifier = CosignatureVerifier(encoded: String(argument[argument.index(after: equals)...])) else { return nil }
        let url = String(argument[..<equals])
        guard URL(string: url) != nil else { return nil }
        self.init(url: url.hasSuffix("/") ? url : url + "/", verifier: verifier)
    }
}

extension Registry {
    /// How the log reaches a witness: POST `body` to `url`; the HTTP status
    /// and body, or why there was none.
    public typealias Post = (_ url: String, _ body: [UInt8]) -> Result<(status: Int, body: [UInt8]), CertifyError>

    /// What one witness answered.
    public struct CosignOutcome: Sendable {
        public var witness: String
        public var cosigned: Bool
        public var message: Message.TlogMessage
    }

    /// Asks each witness to cosign the latest checkpoint (C2SP
    /// `tlog-witness` `add-checkpoint`), sending a consistency proof from
    /// the size it cosigned last; the valid cosignatures of the witness's
    /// key are stored with the checkpoint, which is then the published one.
    /// The log keeps no record of a witness's size: it starts from the
    /// latest checkpoint that witness cosigned here (else 0), and on a 409
    /// tries once more from the size the witness names.
    public func cosign(witnesses: [WitnessTarget], post: Post) throws(CertifyError) -> [CosignOutcome] {
        let size = try size()
        guard let record = try read({ try MerkleLog.checkpointRecord($0, size: size) }) else {
            throw CertifyError(.auditFailed, Message.registry(.checkpointMissing(size: size)), file: path)
        }
        guard let text = verifier.open(record.note) else {
            throw CertifyError(.auditFailed, Message.tlog(.checkpointNotSigned(key: verifier.encoded)), file: path)
        }
        var outcomes: [CosignOutcome] = []
        for witness in witnesses {
            let name = witness.verifier.name
            var old = try lastCosigned(by: witness.verifier, upTo: size)
            var outcome = CosignOutcome(witness: name, cosigned: false, message: .witnessUnreachable(witness: name, reason: ""))
            attempts: for _ in 0..<2 {
                let proof = old > 0 && old < size ? try consistencyProof(from: old, to: size).proof : []
                switch post(witness.url + "add-checkpoint", AddCheckpoint.body(oldSize: old, proof: proof, note: record.note)) {
                case .failure(let error):
                    outcome.message = .witnessUnreachable(witness: name, reason: error.diagnostics.map { $0.message(.en) }.joined(separator: "; "))
                    break attempts
                case .success(let (status, body)) where status == 409:
                    let named = String(decoding: body, as: UTF8.self)
                    outcome.message = .witnessDeclined(witness: name, status: status, body: named.trimmingCharacters(in: .whitespacesAndNewlines))
                    guard named.hasSuffix("\n"), let latest = Int(named.dropLast()), latest != old, latest <= size else { break attempts }
                    old = latest
                case .success(let (status, body)) where status == 200:
                    let lines = String(decoding: body, as: UTF8.self).split(separator: "\n").map { $0 + "\n" }
                    let valid = lines.filter { line in
                        SignedNote(text + "\n" + line).map { note in note.signatures.contains { witness.verifier.verify($0, text: text) != nil } } ?? false
                    }
                    guard !valid.isEmpty else {
                        outcome.message = .witnessDeclined(witness: name, status: status, body: "no valid cosignature of \(witness.verifier.encoded)")
                        break attempts
                    }
                    try store(valid.joined(), of: witness.verifier, size: size)
                    outcome = CosignOutcome(witness: name, cosigned: true, message: .cosignedBy(witness: name, size: size))
                    break attempts
                case .success(let (status, body)):
                    let said = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    outcome.message = .witnessDeclined(witness: name, status: status, body: said)
                    break attempts
                }
            }
            outcomes.append(outcome)
        }
        return outcomes
    }

    /// The size of the latest checkpoint (up to `size`) that carries a
    /// cosignature of this witness, else 0.
    func lastCosigned(by witness: CosignatureVerifier, upTo size: Int) throws(CertifyError) -> Int {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT size, cosignatures FROM checkpoint WHERE cosignatures IS NOT NULL AND size <= ? ORDER BY size DESC", arguments: [size])
            while let row = try rows.next() {
                let lines: String = row[1]
                if let note = SignedNote("x\n\n" + lines), note.signatures.contains(where: witness.isMine) { return row[0] }
            }
            return 0
        }
    }

    /// Stores a witness's cosignature lines with the checkpoint of `size`,
    /// replacing that witness's earlier ones.
    func store(_ lines: String, of witness: CosignatureVerifier, size: Int) throws(CertifyError) {
        do {
            try queue.inTransaction(.immediate) { db in
                guard var record = try CheckpointRecord.fetchOne(db, key: size) else { return .rollback }
                let kept = (record.cosignatures ?? "").split(separator: "\n").map { $0 + "\n" }.filter { line in
                    SignedNote("x\n\n" + line).map { !$0.signatures.contains(where: witness.isMine) } ?? false
                }
                record.cosignatures = kept.joined() + lines
                try record.update(db)
                return .commit
            }
        } catch { throw Self.databaseError(error, path) }
    }
}
