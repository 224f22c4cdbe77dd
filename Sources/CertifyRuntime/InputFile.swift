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

/// An input read, hashed, parsed safely and checked against its schema.
public struct InputFile: @unchecked Sendable {
    /// The source's display name, used in located messages.
    public let name: String
    public let bytes: [UInt8]
    public let sha256: String
    public let document: XMLDocument
    public let kind: DocumentKind

    /// Reads and parses `source`; `expected` restricts the kind.
    public init(_ source: InputSource, schemas: Schemas, expected: Set<DocumentKind>? = nil) throws(CertifyError) {
        let path = source.name
        self.name = path
        bytes = try source.read()
        sha256 = InputFile.sha256(bytes)
        do { document = try SafeXMLParser.parse(bytes) } catch {
            throw CertifyError(.invalidInput, error.problems.map { Diagnostic($0, file: path) })
        }
        let root = document.root
        guard let kind = DocumentKind(root), expected?.contains(kind) ?? true else {
            let wanted = (expected ?? [.rubric, .dossier, .review]).map(\.rawValue).sorted()
                .compactMap(Message.DocumentWord.init(rawValue:))
            throw CertifyError(.invalidInput, [Diagnostic(
                .wrongRoot(element: root.name, namespace: root.namespace ?? "", wanted: wanted),
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

    /// Reads a whole file: one open, then reads until end of file, never
    /// more than one byte past the parser's limit (so a larger file is
    /// refused without reading it all). A directory fails its first read.
    public static func read(_ path: String) throws(CertifyError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason: Message.ReadFailure = switch errno {
            case ENOENT: .noSuchFile
            case EACCES: .permissionDenied
            case EISDIR: .isDirectory
            default: .system(String(cString: strerror(errno)))
            }
            throw CertifyError(.unreadable, .cannotRead(reason), file: path)
        }
        defer { close(descriptor) }
        let limit = XMLLimits.default.maxBytes
        var capacity = 16 * 1024
        var bytes: [UInt8] = []
        while true {
            // Room for the rest of the file, or one byte past the limit.
            let room = Swift.min(capacity, limit + 1)
            var failure: Int32 = 0
            let previous = bytes
            bytes = Array(unsafeUninitializedCapacity: room) { buffer, count in
                _ = buffer.initialize(from: previous)
                count = previous.count
                while count < room {
                    let got = Foundation.read(descriptor, buffer.baseAddress! + count, room - count)
                    if got < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if got == 0 { return }
                    count += got
                }
            }
            if failure != 0 {
                let reason: Message.ReadFailure = failure == EISDIR ? .isDirectory : .system(String(cString: strerror(failure)))
                throw CertifyError(.unreadable, .cannotRead(reason), file: path)
            }
            if bytes.count > limit {
                throw CertifyError(.invalidInput, .fileTooLarge(limit: limit), file: path)
            }
            if bytes.count < room { return bytes }  // end of file
            capacity *= 2
        }
    }

    /// The `*.xml` files directly in `folder`, sorted by name and joined to
    /// `folder` as written; nil when `folder` is not a directory that can be
    /// read. Names come from `readdir` and only those ending in `.xml`
    /// become strings (a folder of 10,000 dossiers is listed before any of
    /// them is scored, so its listing is time no core shares).
    public static func xmlFiles(in folder: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> String? in
                let length = raw.firstIndex(of: 0) ?? raw.count
                guard length >= 4, raw[length - 4 ..< length].elementsEqual(".xml".utf8) else { return nil }
                return String(decoding: raw[..<length], as: UTF8.self)
            }
            if let name { names.append(name) }
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        return names.sorted().map { base + $0 }
    }

    public static func sha256(_ bytes: [UInt8]) -> String {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize().withUnsafeBytes { Hex.lowercase($0) }
    }

    /// Decoding errors carry no file name; this adds ours.
    public func located(_ error: CertifyError) -> CertifyError {
        var copy = error
        copy.diagnostics = error.diagnostics.map { $0.file == nil ? $0.inFile(name) : $0 }
        return copy
    }
}
