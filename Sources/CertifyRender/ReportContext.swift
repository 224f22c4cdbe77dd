import CertifyEngine
import CertifyModel

/// Who signs a report.
public struct SignerInfo: Sendable {
    /// Lowercase hex SHA-256 of the public key's DER SubjectPublicKeyInfo.
    public var keyID: String
    /// An optional display name (`--signer`).
    public var name: String?

    public init(keyID: String, name: String?) {
        self.keyID = keyID
        self.name = name
    }
}

/// Everything a report states besides the score itself.
public struct ReportContext: Sendable {
    public var engineVersion: String
    /// UTC, RFC 3339 (`2026-03-02T09:30:00Z`).
    public var generatedAt: String
    public var signer: SignerInfo

    public init(engineVersion: String, generatedAt: String, signer: SignerInfo) {
        self.engineVersion = engineVersion
        self.generatedAt = generatedAt
        self.signer = signer
    }
}
