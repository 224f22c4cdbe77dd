import CertifyModel

/// One problem found in an XML input: where it is and what is wrong.
///
/// Problems are values, not thrown errors: parsing and validation collect all
/// of them so that a user sees every mistake of a file at once.
public struct XMLProblem: Sendable, Equatable, Error {
    public enum Kind: String, Sendable {
        /// The bytes are not well-formed XML, or not decodable.
        case malformed
        /// The document uses something we refuse: DOCTYPE, entities, limits.
        case refused
        /// The document does not match its XML Schema.
        case schema
    }

    public var kind: Kind
    public var position: SourcePosition
    /// The English text: libxml2's own words, or the catalog's English.
    public var message: String
    /// For Certify's own checks, the catalog message (in both languages);
    /// nil for libxml2's messages, which are English only.
    public var check: Message.ParserCheck?
    /// For libxml2's messages, what the error reports in structure (so that
    /// the catalog can say it in Korean); nil for Certify's own checks.
    public var error: Message.XMLError?

    public init(_ kind: Kind, _ message: String, at position: SourcePosition = .unknown) {
        self.kind = kind
        self.message = message
        self.position = position
    }

    /// A libxml2 error: its English words and what it reports in structure.
    init(_ kind: Kind, _ error: Message.XMLError, at position: SourcePosition) {
        self.init(kind, error.english, at: position)
        self.error = error
    }

    /// One of Certify's own checks; its kind follows from the check.
    public init(_ check: Message.ParserCheck, at position: SourcePosition = .unknown) {
        self.kind = switch check.issue {
        case .malformed: .malformed
        case .refused: .refused
        case .schema: .schema
        }
        self.message = Message.parserCheck(check).english
        self.position = position
        self.check = check
    }
}

/// Everything wrong with one input, as thrown by parsing and schema compilation.
public struct XMLFailure: Error, Sendable {
    public var problems: [XMLProblem]
    public init(_ problems: [XMLProblem]) { self.problems = problems }
}

/// Limits that hold for every document we parse. Generous for real dossiers
/// and reports, small enough that a hostile file cannot exhaust the machine.
public struct XMLLimits: Sendable {
    /// Largest input, in bytes.
    public var maxBytes: Int
    /// Deepest element nesting.
    public var maxDepth: Int
    /// Most elements in one document.
    public var maxElements: Int
    /// Longest single text node or attribute value, in bytes.
    public var maxTextBytes: Int

    public init(maxBytes: Int, maxDepth: Int, maxElements: Int, maxTextBytes: Int) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
        self.maxTextBytes = maxTextBytes
    }

    public static let `default` = XMLLimits(
        maxBytes: 8 << 20, maxDepth: 32, maxElements: 100_000, maxTextBytes: 64 << 10)
}

extension Diagnostic {
    /// A located message from a parsing or schema problem: the parser's
    /// words, after (in Korean) the kind of problem.
    public init(_ problem: XMLProblem, file: String? = nil) {
        let issue: Message.XMLIssue = switch problem.kind {
        case .malformed: .malformed
        case .refused: .refused
        case .schema: .schema
        }
        let message: Message = problem.check.map(Message.parserCheck)
            ?? problem.error.map { Message.xmlError(issue, $0) } ?? .xml(issue, detail: problem.message)
        self.init(message, at: problem.position, file: file)
    }
}
