import CertifyModel
import Crypto
import Foundation

/// A note's parts (C2SP `signed-note`): the text (ending in a newline) and
/// each signature line's key name and decoded signature bytes (key id
/// first). Nil for anything that is not a signed note: no blank line before
/// the signatures, a control character in the text, a signature line that
/// is not `— NAME BASE64` or carries fewer than 5 bytes.
public struct SignedNote: Sendable {
    public var text: String
    public var signatures: [(name: String, bytes: [UInt8])]

    /// Notes with more signature lines than this are refused (the spec asks
    /// verifiers to accept at least 16).
    static let maxSignatures = 64

    public init?(_ note: String) {
        guard note.hasSuffix("\n"), let split = note.range(of: "\n\n", options: .backwards) else { return nil }
        let text = String(note[..<note.index(after: split.lowerBound)])
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) else { return nil }
        var signatures: [(name: String, bytes: [UInt8])] = []
        for line in note[split.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            guard line.hasPrefix("\u{2014} "), signatures.count < Self.maxSignatures else { return nil }
            let fields = line.dropFirst(2).split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty, let raw = Data(base64Encoded: String(fields[1])), raw.count >= 5 else { return nil }
            signatures.append((String(fields[0]), Array(raw)))
        }
        guard !signatures.isEmpty else { return nil }
        self.text = text
        self.signatures = signatures
    }

    /// A signature line: `— NAME BASE64(bytes)` and a newline.
    static func line(name: String, _ bytes: [UInt8]) -> String {
        "\u{2014} \(name) \(Data(bytes).base64EncodedString())\n"
    }

    /// A note key id: SHA-256(name ‖ 0x0A ‖ type ‖ public key)[0..<4].
    static func keyID(name: String, type: UInt8, key: some DataProtocol) -> [UInt8] {
        Array(SHA256.hash(data: Array(name.utf8) + [0x0A, type] + Array(key)).prefix(4))
    }
}

/// A witness's Ed25519 key signs C2SP `tlog-cosignature` v1
/// cosignatures (signature type 0x04): over `cosignature/v1`, `time T` and
/// the whole checkpoint text, carrying the 8-byte big-endian timestamp
/// before the signature. Stored as Go's note signer keys are, with the
/// type byte 0x04: `PRIVATE+KEY+NAME+KEYID+BASE64(0x04 ‖ seed)`.
extension NoteSignerKey where Kind == TimestampedCosignature {
    /// The message a v1 cosignature signs.
    static func message(_ text: String, time: UInt64) -> [UInt8] {
        Array("cosignature/v1\ntime \(time)\n\(text)".utf8)
    }

    /// The cosignature line of a checkpoint's text at `time` (seconds since
    /// the Epoch, not zero).
    public func cosign(_ text: String, time: UInt64) throws -> String {
        precondition(time > 0 && time <= UInt64(Int64.max) && text.hasSuffix("\n"))
        let signature = try key.signature(for: Self.message(text, time: time))
        let timestamp = (0..<8).map { UInt8(truncatingIfNeeded: time >> (56 - 8 * $0)) }
        return SignedNote.line(name: name, verifier.keyID + timestamp + Array(signature))
    }
}

/// A witness's verifier key is `NAME+KEYID+BASE64(0x04 ‖ public key)`.
extension NoteVerifierKey where Kind == TimestampedCosignature {
    /// The timestamp of a cosignature of this witness on `text` if it
    /// verifies; nil if it does not (or is not 4 + 8 + 64 bytes, or its
    /// timestamp is zero or above 2^63 − 1).
    public func verify(_ signature: (name: String, bytes: [UInt8]), text: String) -> UInt64? {
        let bytes = signature.bytes
        guard isMine(signature), bytes.count == 4 + 8 + 64 else { return nil }
        let time = bytes[4..<12].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard time > 0, time <= UInt64(Int64.max),
              key.isValidSignature(bytes[12...], for: CosignatureSigner.message(text, time: time)) else { return nil }
        return time
    }
}

/// What `--witness VKEY... --quorum N` asks of a checkpoint: valid
/// cosignatures from at least `quorum` of the witnesses. A signature line
/// with a witness's name and key id that does not verify makes the whole
/// note refused (as signed-note asks of a known key's bad signature).
public struct WitnessPolicy: Sendable {
    public var witnesses: [CosignatureVerifier]
    public var quorum: Int

    public init(witnesses: [CosignatureVerifier], quorum: Int) {
        self.witnesses = witnesses
        self.quorum = quorum
    }

    /// The witnesses whose cosignature on the note verifies; nil when one
    /// of theirs does not verify (or the note is not a signed note).
    public func cosigners(of note: String) -> [CosignatureVerifier]? {
        guard let parsed = SignedNote(note) else { return nil }
        var found: [CosignatureVerifier] = []
        for signature in parsed.signatures {
            guard let witness = witnesses.first(where: { $0.isMine(signature) }) else { continue }
            guard witness.verify(signature, text: parsed.text) != nil else { return nil }
            if !found.contains(witness) { found.append(witness) }
        }
        return found
    }
}

extension WitnessPolicy {
    /// Refuses a checkpoint note (of tree size `size`) without valid
    /// cosignatures of `quorum` witnesses, or with one that fails; returns
    /// how many witnesses cosigned it.
    @discardableResult
    public func require(_ note: String, size: Int) throws(CertifyError) -> Int {
        guard let cosigners = cosigners(of: note) else {
            throw CertifyError(.auditFailed, Message.tlog(.cosignatureInvalid(size: size)))
        }
        guard cosigners.count >= quorum else {
            throw CertifyError(.auditFailed, Message.tlog(.quorumNotMet(size: size, valid: cosigners.count, quorum: quorum)))
        }
        return cosigners.count
    }
}
