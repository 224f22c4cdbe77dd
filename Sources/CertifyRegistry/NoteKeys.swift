import Crypto
import Foundation

/// A type of C2SP `signed-note` signature, named by its type byte: what
/// one Ed25519 key pair signs (`NoteVerifierKey`, `NoteSignerKey`).
public protocol NoteSignatureKind: Sendable {
    static var signatureType: UInt8 { get }
}

/// Notes signed with Ed25519 (type 0x01): the log's checkpoints.
public enum Ed25519Note: NoteSignatureKind {
    public static let signatureType: UInt8 = 0x01
}

/// Timestamped Ed25519 witness cosignatures (C2SP `tlog-cosignature` v1, type 0x04).
public enum TimestampedCosignature: NoteSignatureKind {
    public static let signatureType: UInt8 = 0x04
}

/// Verifies notes signed by one Ed25519 key.
public typealias NoteVerifier = NoteVerifierKey<Ed25519Note>
/// Verifies one witness's v1 cosignatures.
public typealias CosignatureVerifier = NoteVerifierKey<TimestampedCosignature>
/// Signs notes with an Ed25519 key (the log's key).
public typealias NoteSigner = NoteSignerKey<Ed25519Note>
/// A witness's key, signing v1 cosignatures.
public typealias CosignatureSigner = NoteSignerKey<TimestampedCosignature>

/// An Ed25519 public key that checks one type of C2SP `signed-note`
/// signature. Written `NAME+KEYID+BASE64(type ‖ public key)`, what Go's
/// `note.NewVerifier` takes, with the key id
/// SHA-256(name ‖ 0x0A ‖ type ‖ public key)[0..<4].
public struct NoteVerifierKey<Kind: NoteSignatureKind>: Sendable, Equatable {
    /// The signature type byte.
    public static var signatureType: UInt8 { Kind.signatureType }

    public let name: String
    public let key: Curve25519.Signing.PublicKey

    public init(name: String, key: Curve25519.Signing.PublicKey) {
        self.name = name
        self.key = key
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.name == b.name && a.key.rawRepresentation == b.key.rawRepresentation
    }

    public var keyID: [UInt8] { SignedNote.keyID(name: name, type: Self.signatureType, key: key.rawRepresentation) }

    var keyIDHex: String { keyID.map { String(format: "%02x", $0) }.joined() }

    public var encoded: String {
        "\(name)+\(keyIDHex)+\(Data([Self.signatureType] + Array(key.rawRepresentation)).base64EncodedString())"
    }

    /// Reads a key written by `encoded`; nil for anything else (another
    /// signature type, a key id that does not match).
    public init?(encoded: String) {
        let parts = encoded.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, NoteSigner.isValidName(String(parts[0])),
              let raw = Data(base64Encoded: String(parts[2])), raw.count == 33, raw.first == Self.signatureType,
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw.dropFirst()) else { return nil }
        self.init(name: String(parts[0]), key: key)
        guard keyIDHex == parts[1] else { return nil }
    }

    /// Whether a signature line is this key's (its name and key id).
    public func isMine(_ signature: (name: String, bytes: [UInt8])) -> Bool {
        signature.name == name && Array(signature.bytes.prefix(4)) == keyID
    }
}

/// The private key of a `NoteVerifierKey`, stored as Go's note signer keys
/// are: `PRIVATE+KEY+NAME+KEYID+BASE64(type ‖ seed)`.
public struct NoteSignerKey<Kind: NoteSignatureKind>: Sendable {
    public let name: String
    public let key: Curve25519.Signing.PrivateKey

    public init(name: String, key: Curve25519.Signing.PrivateKey) {
        self.name = name
        self.key = key
    }

    /// Whether `name` can name a note key (and so a log or a witness):
    /// non-empty UTF-8 without spaces, `+` or control characters.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255
            && name.unicodeScalars.allSatisfy { !$0.properties.isWhitespace && $0 != "+" && $0.value >= 0x21 && $0.value != 0x7F && $0 != "\u{2014}" }
    }

    public var verifier: NoteVerifierKey<Kind> { NoteVerifierKey(name: name, key: key.publicKey) }

    public var encoded: String {
        "PRIVATE+KEY+\(name)+\(verifier.keyIDHex)+\(Data([Kind.signatureType] + Array(key.rawRepresentation)).base64EncodedString())"
    }

    /// Reads a signer key written by `encoded` (or by Go's `note.GenerateKey`).
    public init?(encoded: String) {
        // The key's base64 may hold '+': only the first four separate fields.
        let parts = encoded.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY", Self.isValidName(String(parts[2])),
              let raw = Data(base64Encoded: String(parts[4])), raw.count == 33, raw.first == Kind.signatureType,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw.dropFirst()) else { return nil }
        self.init(name: String(parts[2]), key: key)
        guard verifier.keyIDHex == parts[3] else { return nil }
    }
}
