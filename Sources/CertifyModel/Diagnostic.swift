/// A located message about an input: `FILE:LINE:COL: error: message`.
public struct Diagnostic: Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning }

    public var file: String?
    public var position: SourcePosition
    public var severity: Severity
    /// What is wrong, as a catalog message (`Message`); nil only for the
    /// few texts not in the catalog yet, which `message` holds in English.
    public var catalogMessage: Message?
    /// The English text.
    public var message: String

    public init(_ message: Message, at position: SourcePosition = .unknown, file: String? = nil,
                severity: Severity = .error) {
        self.catalogMessage = message
        self.message = message.english
        self.position = position
        self.file = file
        self.severity = severity
    }

    /// A message outside the catalog: English only.
    public init(_ message: String, at position: SourcePosition = .unknown, file: String? = nil,
                severity: Severity = .error) {
        self.catalogMessage = nil
        self.message = message
        self.position = position
        self.file = file
        self.severity = severity
    }

    /// The message in `language` (English when it is not in the catalog).
    public func message(_ language: Language) -> String {
        catalogMessage?.text(language) ?? message
    }

    /// The compiler-style line users and editors understand. The
    /// `error:`/`warning:` keyword stays English in every language: editors
    /// and scripts look for it.
    public var rendered: String { rendered(.en) }

    /// `rendered`, with the message in `language`.
    public func rendered(_ language: Language) -> String {
        "\(file ?? "-"):\(position.line):\(position.column): \(severity.rawValue): \(message(language))"
    }

    public func inFile(_ file: String) -> Diagnostic {
        var copy = self
        copy.file = file
        return copy
    }
}

/// The one error type of Certify. `code` says what kind of failure it is
/// (and so which exit code the CLI returns); `diagnostics` say where.
public struct CertifyError: Error, Sendable, CustomStringConvertible {
    /// Extensible: later features add their own codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// An input does not satisfy its format or the rubric.
        public static let invalidInput = Code("invalid-input")
        /// A file cannot be read at all.
        public static let unreadable = Code("unreadable")
        /// An output cannot be written.
        public static let unwritable = Code("unwritable")
        /// The command line itself is wrong.
        public static let usage = Code("usage")
        /// The engine's own installation (schemas, rubrics) is broken.
        public static let configuration = Code("configuration")
        /// A private key file is readable by group or others.
        public static let keyPermissions = Code("key-permissions")
        /// A key file is not a P-256 key in a PEM form we read.
        public static let badKey = Code("bad-key")
        /// A report's signature is invalid, it was changed, or its key is not trusted.
        public static let signatureInvalid = Code("signature-invalid")
        /// An authentic report that re-scoring or an input's hash disagrees with.
        public static let disagreement = Code("disagreement")
        /// An authentic report that is not in force on the date asked about.
        public static let notCurrent = Code("not-current")
        /// The certificate registry's tables, hashes or checkpoints disagree with its log (`registry audit`).
        public static let auditFailed = Code("audit-failed")
        /// A registry, certificate, log entry or tree size that does not exist.
        public static let notFound = Code("not-found")
        /// An HTTP request that is not of the API's form.
        public static let malformedRequest = Code("malformed-request")
        /// An HTTP body of a media type the API does not take.
        public static let unsupportedMediaType = Code("unsupported-media-type")
        /// An HTTP body over the size limit.
        public static let tooLarge = Code("too-large")
    }

    public var code: Code
    public var diagnostics: [Diagnostic]
    /// Where in Certify's source the error was raised, for bug reports.
    public var sourceFileID: String
    public var sourceLine: Int

    public init(_ code: Code, _ diagnostics: [Diagnostic],
                fileID: String = #fileID, line: Int = #line) {
        self.code = code
        self.diagnostics = diagnostics
        self.sourceFileID = fileID
        self.sourceLine = line
    }

    public init(_ code: Code, _ message: String, file: String? = nil,
                fileID: String = #fileID, line: Int = #line) {
        self.init(code, [Diagnostic(message, file: file)], fileID: fileID, line: line)
    }

    public init(_ code: Code, _ message: Message, file: String? = nil,
                fileID: String = #fileID, line: Int = #line) {
        self.init(code, [Diagnostic(message, file: file)], fileID: fileID, line: line)
    }

    /// Every diagnostic, one per line, in `language`.
    public func rendered(_ language: Language) -> String {
        diagnostics.map { $0.rendered(language) }.joined(separator: "\n")
    }

    public var description: String {
        diagnostics.map(\.rendered).joined(separator: "\n")
    }
}
