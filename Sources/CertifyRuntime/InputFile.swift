import CertifyModel
import CertifyXML
import Crypto
import Foundation

/// What kind of document a file is, told by its root element.
public enum DocumentKind: String, Sendable {
    case rubric, dossier, review, report

    init?(_ root: CertifyXML.XMLElement) {
        switch (root.namespace, root.name) {
        case (CertifyNamespace.rubric, "rubric"): self = .rubric
        case (CertifyNamespace.dossier, "dossier"): self = .dossier
        case (CertifyNamespace.review, "review"): self = .review
        case (CertifyNamespace.report, "audit-report"): self = .report
        default: return nil
        }
    }
}

/// A file read, hashed, parsed safely and checked against its schema.
public struct InputFile: @unchecked Sendable {
    public let path: String
    public let bytes: [UInt8]
    public let sha256: String
    public let document: XMLDocument
    public let kind: DocumentKind

    /// Reads and parses `path`; `expected` restricts the kind.
    public init(path: String, schemas: Schemas, expected: Set<DocumentKind>? = nil) throws(CertifyError) {
        self.path = path
        bytes = try InputFile.read(path)
        sha256 = InputFile.sha256(bytes)
        do { document = try SafeXMLParser.parse(bytes) } catch {
            throw CertifyError(.invalidInput, error.problems.map { Diagnostic($0, file: path) })
        }
        let root = document.root
        guard let kind = DocumentKind(root), expected?.contains(kind) ?? true else {
            let wanted = (expected ?? [.rubric, .dossier, .review]).map(\.rawValue).sorted().joined(separator: " or ")
            throw CertifyError(.invalidInput, [Diagnostic(
                "root element <\(root.name)> in namespace '\(root.namespace ?? "")' is not a \(wanted)",
                at: root.location, file: path)])
        }
        self.kind = kind
        let schema: XMLSchema? = switch kind {
        case .rubric: schemas.rubric
        case .dossier: schemas.dossier
        case .review: schemas.review
        case .report: schemas.report
        }
        if let schema {
            let problems = schema.validate(document)
            if !problems.isEmpty {
                throw CertifyError(.invalidInput, problems.map { Diagnostic($0, file: path) })
            }
        }
    }

    public static func read(_ path: String) throws(CertifyError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CertifyError(.unreadable, "cannot read: no such file", file: path)
        }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
            throw CertifyError(.unreadable, isDirectory.boolValue ? "cannot read: is a directory" : "cannot read: permission denied", file: path)
        }
        defer { try? handle.close() }
        // Read one byte past the limit so that an oversized file is refused
        // without reading all of it.
        let limit = XMLLimits.default.maxBytes
        guard let data = try? handle.read(upToCount: limit + 1) else {
            throw CertifyError(.unreadable, "cannot read", file: path)
        }
        if data.count > limit {
            throw CertifyError(.invalidInput, "file is larger than \(limit) bytes", file: path)
        }
        return [UInt8](data)
    }

    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Decoding errors carry no file name; this adds ours.
    func located(_ error: CertifyError) -> CertifyError {
        var copy = error
        copy.diagnostics = error.diagnostics.map { $0.file == nil ? $0.inFile(path) : $0 }
        return copy
    }
}
