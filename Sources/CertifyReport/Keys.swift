import CertifyModel
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
    /// The mode and owner are checked on the descriptor the key is read
    /// from (no symlink followed), so the file cannot be swapped in between.
    public static func privateKey(at path: String) throws(CertifyError) -> P256.Signing.PrivateKey {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CertifyError(.unreadable, .key(.unreadable(String(cString: strerror(errno)))), file: path)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size < 64 << 10 else {
            throw CertifyError(.unreadable, .key(.notSmallRegularFile), file: path)
        }
        if status.st_mode & 0o077 != 0 {
            throw CertifyError(.keyPermissions, .key(.readableByOthers(mode: Int(status.st_mode & 0o777), path: path)), file: path)
        }
        if status.st_uid != getuid() && getuid() != 0 {
            throw CertifyError(.keyPermissions, .key(.ownedByAnotherUser), file: path)
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count == bytes.count else { throw CertifyError(.unreadable, .key(.unreadableKey), file: path) }
        let text = String(decoding: bytes, as: UTF8.self)
        // openssl ecparam -genkey writes an EC PARAMETERS block first: take the key block only.
        for label in ["PRIVATE KEY", "EC PRIVATE KEY"] {
            guard let block = pemBlock(text, label: label) else { continue }
            if let key = try? P256.Signing.PrivateKey(pemRepresentation: block) { return key }
        }
        throw CertifyError(.badKey, .key(.notPrivateKey), file: path)
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

/// Files are written to a temporary file beside the target, then renamed:
/// a reader sees the old file or the whole new one, never half of it.
public enum AtomicFile {
    /// - Parameters:
    ///   - replace: replace an existing file; without it the new file is
    ///     linked into place, which fails if one exists (no check-then-act race).
    ///   - durable: fsync before it becomes visible (keys), not for reports.
    public static func write(
        _ bytes: [UInt8], to path: String, mode: mode_t = 0o644, replace: Bool = true, durable: Bool = false
    ) throws(CertifyError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw CertifyError(.unwritable, .key(.cannotWrite(String(cString: strerror(errno)))), file: path)
        }
        var ok = fchmod(descriptor, mode) == 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while ok && offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { ok = false } else { offset += written }
            }
        }
        // Rename is what makes the write atomic for readers. Reports can be
        // regenerated, so they skip the disk flush; keys cannot, so they don't.
        if durable { ok = ok && fsync(descriptor) == 0 }
        close(descriptor)
        let placed = ok && (replace ? rename(temporary, path) == 0 : link(temporary, path) == 0)
        let reason = String(cString: strerror(errno))
        if !placed || !replace { unlink(temporary) }
        guard placed else {
            throw CertifyError(.unwritable, .key(.cannotWrite(errno == EEXIST ? nil : reason)), file: path)
        }
    }
}
