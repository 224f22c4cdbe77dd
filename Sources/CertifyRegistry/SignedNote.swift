import Crypto
import Foundation

/// A C2SP `tlog-checkpoint` (https://c2sp.org/tlog-checkpoint): the
/// origin line, the tree size in decimal, the base64 root hash, each ending
/// in a newline. We write no extension lines and accept none.
public struct Checkpoint: Sendable, Equatable {
    public var origin: String
    public var size: Int
    public var root: RFC9162.Hash

    public init(origin: String, size: Int, root: RFC9162.Hash) {
        self.origin = origin
        self.size = size
        self.root = root
    }

    /// The note text that is signed.
    public var text: String {
        "\(origin)\n\(size)\n\(Data(root).base64EncodedString())\n"
    }

    /// Parses a checkpoint body strictly: three lines, a decimal size
    /// without leading zeros, a 32-byte base64 hash.
    public init?(text: String) {
        guard text.hasSuffix("\n") else { return nil }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 3, !lines[0].isEmpty,
              let size = Int(lines[1]), size >= 0, String(size) == lines[1],
              let root = Data(base64Encoded: String(lines[2])), root.count == 32,
              root.base64EncodedString() == lines[2] else { return nil }
        self.init(origin: String(lines[0]), size: size, root: Array(root))
    }
}

/// A C2SP `signed-note` (https://c2sp.org/signed-note) signer with an
/// Ed25519 key, as Go's `golang.org/x/mod/sumdb/note` reads it: the key id
/// is the first 4 bytes (big-endian) of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key).
extension NoteSignerKey where Kind == Ed25519Note {
    /// The signed note: the text, a blank line, and one signature line.
    public func sign(_ text: String) throws -> String {
        precondition(text.hasSuffix("\n"))
        let signature = try key.signature(for: Array(text.utf8))
        return text + "\n" + SignedNote.line(name: name, verifier.keyID + Array(signature))
    }
}

extension NoteVerifierKey where Kind == Ed25519Note {
    /// The text of `note` if one of its signatures is this key's and
    /// verifies; nil otherwise (as `note.Open`, unknown signers are ignored,
    /// but a note with none of ours is refused).
    public func open(_ note: String) -> String? {
        guard let parsed = SignedNote(note) else { return nil }
        var verified = false
        for signature in parsed.signatures where isMine(signature) {
            guard signature.bytes.count == 68,
                  key.isValidSignature(signature.bytes.dropFirst(4), for: Array(parsed.text.utf8)) else { return nil }
            verified = true
        }
        return verified ? parsed.text : nil
    }
}
