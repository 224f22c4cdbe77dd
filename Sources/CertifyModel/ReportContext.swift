/// Who signs a report. What a report states besides the score
/// (`ReportContext`) is plain data: the report's XML (CertifyReport) and its
/// HTML page (CertifyRender) both state it.
public struct SignerInfo: Sendable {
    /// Lowercase hex SHA-256 of the public key's DER SubjectPublicKeyInfo.
    public var keyID: String
    /// An optional display name (`--signer`).
    public var name: String?

    public init(keyID: String, name: String?) {
        self.keyID = keyID
        self.name = name
    }

    /// Whether a display name can be written in a report: only XML 1.0
    /// characters (no control characters other than tab and line ends, no
    /// U+FFFE or U+FFFF; Swift strings hold no surrogates).
    public static func isValidName(_ name: String) -> Bool {
        name.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...: true
            default: false
            }
        }
    }

    /// Refuses a name a report cannot hold (`isValidName`).
    public func checked() throws(CertifyError) -> SignerInfo {
        if let name, !Self.isValidName(name) { throw CertifyError(.usage, .key(.signerNameBad)) }
        return self
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
