import Crypto
import Foundation

/// An Ed25519 public key that checks one type of C2SP `signed-note`
/// signature: notes (type 0x01) or witness cosignatures (type 0x04). Both
/// are written `NAME+KEYID+BASE64(type ‖ public key)`, what Go's
/// `note.NewVerifier` takes, with the key id
/// SHA-256(name ‖ 0x0A ‖ type ‖ public key)[0..<4].
public protocol NoteVerifierKey: Sendable, Equatable {
    /// The signature type byte.
    static var signatureType: UInt8 { get }
    var name: String { get }
    var key: Curve25519.Signing.PublicKey { get }
    init(name: String, key: Curve25519.Signing.PublicKey)
}

extension NoteVerifierKey {
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
}

/// The private key of a `NoteVerifierKey`, stored as Go's note signer keys
/// are: `PRIVATE+KEY+NAME+KEYID+BASE64(type ‖ seed)`.
public protocol NoteSignerKey: Sendable {
    associatedtype Verifier: NoteVerifierKey
    var name: String { get }
    var key: Curve25519.Signing.PrivateKey { get }
    init(name: String, key: Curve25519.Signing.PrivateKey)
}

extension NoteSignerKey {
    public var verifier: Verifier { Verifier(name: name, key: key.publicKey) }

    public var encoded: String {
        "PRIVATE+KEY+\(name)+\(verifier.keyIDHex)+\(Data([Verifier.signatureType] + Array(key.rawRepresentation)).base64EncodedString())"
    }

    /// Reads a signer key written by `encoded` (or by Go's `note.GenerateKey`).
    public init?(encoded: String) {
        // The key's base64 may hold '+': only the first four separate fields.
        let parts = encoded.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY", NoteSigner.isValidName(String(parts[2])),
              let raw = Data(base64Encoded: String(parts[4])), raw.count == 33, raw.first == Verifier.signatureType,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw.dropFirst()) else { return nil }
        self.init(name: String(parts[2]), key: key)
        guard verifier.keyIDHex == parts[3] else { return nil }
    }
}
