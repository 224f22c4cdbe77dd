// The texts of rubrics, files, keys, the XML parser and the installation
// that need more than their values put in place; the others are lines of
// Message.tsv, and so are the words of the argument types below.

extension Message {
    /// The text of a message of rubrics, files and documents whose words
    /// depend on its values, in Korean (`ko`) or English; nil for any
    /// other message.
    func documentText(_ ko: Bool) -> String? {
        switch self {
        case .wrongRoot(let element, let namespace, let wanted):
            if ko {
                let kinds = wanted.map { $0.text(.ko) }
                let which = kinds.count == 1 ? "\(kinds[0]) 문서가 아닙니다" : "\(kinds.joined(separator: "·")) 중 어느 문서도 아닙니다"
                return "루트 요소 <\(element)>(네임스페이스 '\(namespace)')은(는) \(which)"
            }
            return "root element <\(element)> in namespace '\(namespace)' is not a \(wanted.map { $0.text(.en) }.joined(separator: " or "))"
        case .parserCheck(let check): return ko ? "\(check.issue.text(.ko)): \(check.text(.ko))" : check.text(.en)
        case .rubricTextLanguages(let element, let owner, let missing):
            if ko {
                let of = owner.map { "\($0)의 " } ?? ""
                let names = missing.map { Message.languageName($0, in: .ko) }.joined(separator: "·")
                return "\(of)<\(element)>에 \(names) 텍스트가 없습니다. 이 인증기준의 다른 텍스트에는 있으니, 인증기준이 쓰는 모든 언어로 적으십시오"
            }
            let of = owner.map { " of \($0)" } ?? ""
            let names = missing.map { Message.languageName($0, in: .en) }.joined(separator: " and ")
            return "<\(element)>\(of) has no \(names) text, though other texts of this rubric have one: give it in every language the rubric uses"
        default:
            return nil
        }
    }
}

// MARK: - Argument types

extension Message {
    /// Why a file could not be read.
    public enum ReadFailure: TabledMessage, Hashable {
        case noSuchFile, permissionDenied, isDirectory
        /// The system's own words (`strerror`), English.
        case system(String)

        public static let messageTable = MessageTable<ReadFailure>(Message.tableLines, section: "ReadFailure")
    }

    /// The kinds of Certify documents, as a message names them.
    public enum DocumentWord: String, TabledMessage, Hashable, CaseIterable {
        case dossier, review, rubric, report

        public static let messageTable = MessageTable<DocumentWord>(Message.tableLines, section: "DocumentWord")
    }

    /// The kind of problem an XML parser or schema validator found.
    public enum XMLIssue: String, TabledMessage, Hashable, CaseIterable {
        /// Not well-formed XML, or not decodable.
        case malformed
        /// Something Certify refuses: DOCTYPE, entities, limits.
        case refused
        /// Against the document's XML Schema.
        case schema

        public static let messageTable = MessageTable<XMLIssue>(Message.tableLines, section: "XMLIssue")
    }

    /// What is wrong with a key file or an output file.
    public enum KeyProblem: TabledMessage, Hashable {
        /// `strerror`'s English words.
        case unreadable(String)
        case notSmallRegularFile, unreadableKey
        case readableByOthers(mode: Int, path: String)
        case ownedByAnotherUser
        case notPrivateKey, notPublicKey
        case keyExists
        /// The signer's display name holds characters XML cannot hold.
        case signerNameBad
        /// Cannot write (`strerror`'s words, or nil: it already exists).
        case cannotWrite(String?)

        public static let messageTable = MessageTable<KeyProblem>(Message.tableLines, section: "KeyProblem")

        /// A key others can read (its mode in octal, the sentence every
        /// key file shares: `Message.readableByOthers`), and a write that
        /// failed or found the file there; the other texts are in the table.
        public var computedWords: (ko: String, en: String)? {
            switch self {
            case .readableByOthers(let mode, let path): bothLanguages { Message.readableByOthers(.signing, ko: $0, mode: mode, path: path) }
            case .cannotWrite(let reason):
                (reason.map { "파일을 쓸 수 없습니다: 시스템 오류(\($0))" } ?? "파일을 쓸 수 없습니다: 이미 있습니다",
                 "cannot write: \(reason ?? "already exists")")
            default: nil
            }
        }
    }

    /// What is wrong with Certify's own installation or signing.
    public enum InstallationProblem: TabledMessage, Hashable {
        case noRubricsDirectory, unreadableSchema, noSchemas, cannotCanonicalize, signingFailed

        public static let messageTable = MessageTable<InstallationProblem>(Message.tableLines, section: "InstallationProblem")
    }

    /// The key files Certify reads.
    enum KeyFile {
        case signing, log, witness

        /// How a message names the key, Korean with its particle and
        /// English with its article: as what "cannot read" reads, and as
        /// the file others can read.
        var names: (object: (ko: String, en: String), file: (ko: String, en: String)) {
            switch self {
            case .signing: (("키 파일을", "key"), ("개인키 파일을", "private key"))
            case .log: (("로그 키를", "the log key"), ("로그 키 파일을", "the log key"))
            case .witness: (("증인 키를", "the witness key"), ("증인 키 파일을", "the witness key"))
            }
        }
    }

    /// A key file that cannot be read: the system's words (`reason`), or
    /// (nil) not a small regular file.
    static func cannotRead(_ key: KeyFile, ko: Bool, system reason: String?) -> String {
        let object = key.names.object
        if ko { return "\(object.ko) 읽을 수 없습니다: " + (reason.map { "시스템 오류(\($0))" } ?? "크기가 작은 일반 파일이 아닙니다") }
        return "cannot read \(object.en): " + (reason ?? "not a small regular file")
    }

    /// A private key file that others can read, and the command that fixes it.
    static func readableByOthers(_ key: KeyFile, ko: Bool, mode: Int, path: String) -> String {
        let file = key.names.file
        return ko ? "\(file.ko) 그룹이나 다른 사용자가 읽을 수 있습니다(권한 \(octal(mode))). chmod 600 \(path) 명령으로 바로잡으십시오"
            : "\(file.en) is readable by group or others (mode \(octal(mode))); run: chmod 600 \(path)"
    }

    /// Three octal digits, as `ls -l` users read a mode (`644`).
    static func octal(_ mode: Int) -> String {
        let text = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }

    /// What the safe parser refuses or cannot do, in its own words.
    public enum ParserCheck: TabledMessage, Hashable {
        case doctype, xinclude, entityReference
        case tooDeep(limit: Int)
        case tooManyElements(limit: Int)
        case textTooLong(limit: Int)
        case attributeTooLong(limit: Int)
        case fileTooLarge(size: Int, limit: Int)
        case empty, notWellFormed, cannotParse, noRoot
        case schemaContext, schemaMismatch

        public static let messageTable = MessageTable<ParserCheck>(Message.tableLines, section: "ParserCheck")

        /// The kind of problem it is.
        public var issue: XMLIssue {
            switch self {
            case .doctype, .xinclude, .entityReference, .tooDeep, .tooManyElements, .textTooLong,
                 .attributeTooLong, .fileTooLarge: .refused
            case .empty, .notWellFormed, .cannotParse, .noRoot: .malformed
            case .schemaContext, .schemaMismatch: .schema
            }
        }
    }

    /// A document `certify validate` found valid.
    public enum ValidDocument: TabledMessage, Hashable {
        case rubric(id: String, version: String)
        case dossier(id: String, rubric: String, version: String)
        case review(reviewer: String, dossier: String)
        case report

        public static let messageTable = MessageTable<ValidDocument>(Message.tableLines, section: "ValidDocument")
    }
}
