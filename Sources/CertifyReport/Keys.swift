import CertifyModel
import CertifyRuntime
import Crypto
import Foundation

/// P-256 keys in PEM: PKCS#8 or SEC1 private keys, SubjectPublicKeyInfo
/// public keys — so that keys made by `openssl ecparam -genkey` work.
public enum Keys {
    /// Lowercase hex SHA-256 of the DER SubjectPublicKeyInfo.
    public static func keyID(_ key: P256.Signing.PublicKey) -> String {
        SHA256.hash(data: key.derRepresentation).withUnsafeBytes { Hex.lowercase($0) }
    }

    /// Reads a private key, refusing one that group or others can read.
    public static func privateKey(at path: String) throws(CertifyError) -> P256.Signing.PrivateKey {
        let text = String(decoding: try secretFile(at: path, .privateKey), as: UTF8.self)
        // openssl ecparam -genkey writes an EC PARAMETERS block first: take the key block only.
        for label in ["PRIVATE KEY", "EC PRIVATE KEY"] {
            guard let block = pemBlock(text, label: label) else { continue }
            if let key = try? P256.Signing.PrivateKey(pemRepresentation: block) { return key }
        }
        throw CertifyError(.badKey, .key(.notPrivateKey), file: path)
    }

    /// What a secret file holds, for the words of its errors.
    public enum Secret: Sendable {
        /// A report signer's P-256 key (`certify keygen`, `--key`).
        case privateKey
        /// The registry log's Ed25519 note signer key (`PATH.key`).
        case logKey
        /// A witness's Ed25519 cosigning key (`registry witness --key`).
        case witnessKey

        func unreadable(_ reason: String) -> Message {
            switch self {
            case .privateKey: .key(.unreadable(reason))
            case .logKey: .registry(.logKeyUnreadable(reason))
            case .witnessKey: .tlog(.witnessKeyUnreadable(reason))
            }
        }

        var notSmallFile: Message {
            switch self {
            case .privateKey: .key(.notSmallRegularFile)
            case .logKey: .registry(.logKeyNotSmallFile)
            case .witnessKey: .tlog(.witnessKeyNotSmallFile)
            }
        }

        func readableByOthers(mode: Int, path: String) -> Message {
            switch self {
            case .privateKey: .key(.readableByOthers(mode: mode, path: path))
            case .logKey: .registry(.logKeyReadableByOthers(mode: mode, path: path))
            case .witnessKey: .tlog(.witnessKeyReadableByOthers(mode: mode, path: path))
            }
        }
    }

    /// The bytes of a secret file (at most 64 KiB), refused if group or
    /// others can read it or another user owns it. The mode and owner are
    /// checked on the descriptor the file is read from (no symlink
    /// followed), so the file cannot be swapped in between.
    public static func secretFile(at path: String, _ secret: Secret) throws(CertifyError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw CertifyError(.unreadable, secret.unreadable(reason), file: path)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size < 64 << 10 else {
            throw CertifyError(.unreadable, secret.notSmallFile, file: path)
        }
        let mode = Int(status.st_mode & 0o777)
        if mode & 0o077 != 0 {
            throw CertifyError(.keyPermissions, secret.readableByOthers(mode: mode, path: path), file: path)
        }
        if status.st_uid != getuid() && getuid() != 0 {
            throw CertifyError(.keyPermissions, .key(.ownedByAnotherUser), file: path)
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count == bytes.count else { throw CertifyError(.unreadable, .key(.unreadableKey), file: path) }
        return bytes
    }

    /// A public key file (PEM SubjectPublicKeyInfo).
    public static func publicKey(at path: String) throws(CertifyError) -> P256.Signing.PublicKey {
        guard let data = FileManager.default.contents(atPath: path), data.count < 64 << 10 else {
            throw CertifyError(.unreadable, .key(.unreadableKey), file: path)
        }
        return try publicKey(pem: Array(data), name: path)
    }

    /// A public key held in memory (PEM SubjectPublicKeyInfo), named `name` in messages.
    public static func publicKey(pem bytes: [UInt8], name: String) throws(CertifyError) -> P256.Signing.PublicKey {
        let text = String(decoding: bytes, as: UTF8.self)
        if let block = pemBlock(text, label: "PUBLIC KEY"), let key = try? P256.Signing.PublicKey(pemRepresentation: block) {
            return key
        }
        throw CertifyError(.badKey, .key(.notPublicKey), file: name)
    }

    static func pemBlock(_ text: String, label: String) -> String? {
        let begin = "-----BEGIN \(label)-----", end = "-----END \(label)-----"
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex)
        else { return nil }
        return String(text[start.lowerBound..<stop.upperBound])
    }

    /// Writes a new key pair: `NAME.pem` (PKCS#8, mode 0600) and `NAME.pub.pem`.
    /// Both or neither: an existing file is never replaced.
    public static func generate(name: String) throws(CertifyError) -> (P256.Signing.PrivateKey, String) {
        for path in [name + ".pem", name + ".pub.pem"] where FileManager.default.fileExists(atPath: path) {
            throw CertifyError(.invalidInput, .key(.keyExists), file: path)
        }
        let key = P256.Signing.PrivateKey()
        try AtomicFile.write(Array(key.pemRepresentation.utf8), to: name + ".pem", mode: 0o600, replace: false, durable: true)
        do {
            try AtomicFile.write(Array(key.publicKey.pemRepresentation.utf8), to: name + ".pub.pem", mode: 0o644, replace: false, durable: true)
        } catch {
            unlink(name + ".pem")
            throw error
        }
        return (key, keyID(key.publicKey))
    }
}
