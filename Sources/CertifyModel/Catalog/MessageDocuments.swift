// The texts of rubrics, files, keys, the XML parser and the installation, in English and in Korean.

extension Message {
    /// The text of a message of rubrics, files, keys, the XML parser and the installation, in Korean (`ko`) or
    /// English; nil for any other message.
    func documentText(_ ko: Bool) -> String? {
        switch self {
        case .rubricDefinedTwice(let id, let version, let path): return ko ? "인증기준 \(id) \(version)이(가) \(path)에도 정의되어 있습니다"
                                                                           : "rubric \(id) \(version) is also defined in \(path)"
        case .unknownRubric(let id, let available): return ko ? "알 수 없는 인증기준 '\(id)'. 사용할 수 있는 인증기준: \(available.joined(separator: ", "))"
                                                              : "unknown rubric '\(id)'; available: \(available.joined(separator: ", "))"
        case .unknownRubricVersion(let id, let version, let available): return ko ? "인증기준 \(id)에 버전 '\(version)'이(가) 없습니다. 사용할 수 있는 버전: \(available.joined(separator: ", "))"
                                                                                  : "rubric \(id) has no version '\(version)'; available: \(available.joined(separator: ", "))"
        case .rubricsDirectoryUnreadable: return ko ? "인증기준 디렉터리를 읽을 수 없습니다" : "cannot read the rubrics directory"
        case .wrongRoot(let element, let namespace, let wanted):
            if ko {
                let kinds = wanted.map(\.korean)
                let which = kinds.count == 1 ? "\(kinds[0]) 문서가 아닙니다" : "\(kinds.joined(separator: "·")) 중 어느 문서도 아닙니다"
                return "루트 요소 <\(element)>(네임스페이스 '\(namespace)')은(는) \(which)"
            }
            return "root element <\(element)> in namespace '\(namespace)' is not a \(wanted.map(\.rawValue).joined(separator: " or "))"
        case .cannotRead(let failure):
            if ko {
                let reason = switch failure {
                case .noSuchFile: "파일이 없습니다"
                case .permissionDenied: "읽기 권한이 없습니다"
                case .isDirectory: "디렉터리입니다"
                case .system(let text): "시스템 오류(\(text))"
                }
                return "파일을 읽을 수 없습니다: \(reason)"
            }
            let reason = switch failure {
            case .noSuchFile: "no such file"
            case .permissionDenied: "permission denied"
            case .isDirectory: "is a directory"
            case .system(let text): text
            }
            return "cannot read: \(reason)"
        case .fileTooLarge(let limit): return ko ? "파일이 \(limit)바이트를 넘습니다" : "file is larger than \(limit) bytes"
        case .xml(let issue, let detail): return ko ? "\(issue.korean): \(detail)" : detail
        case .parserCheck(let check): return ko ? "\(check.issue.korean): \(check.korean)" : check.english
        case .xmlError(let issue, let error): return ko ? "\(issue.korean): \(error.korean)" : error.english
        case .rubricTextLanguages(let element, let owner, let missing):
            if ko {
                let of = owner.map { "\($0)의 " } ?? ""
                let names = missing.map { Message.languageName($0, in: .ko) }.joined(separator: "·")
                return "\(of)<\(element)>에 \(names) 텍스트가 없습니다. 이 인증기준의 다른 텍스트에는 있으니, 인증기준이 쓰는 모든 언어로 적으십시오"
            }
            let of = owner.map { " of \($0)" } ?? ""
            let names = missing.map { Message.languageName($0, in: .en) }.joined(separator: " and ")
            return "<\(element)>\(of) has no \(names) text, though other texts of this rubric have one: give it in every language the rubric uses"
        case .key(let problem): return problem.text(ko: ko)
        case .installation(let problem): return problem.text(ko: ko)
        case .valid(let document):
            if ko {
                return switch document {
                case .rubric(let id, let version): "유효함: 인증기준 \(id) \(version)"
                case .dossier(let id, let rubric, let version): "유효함: 신청서 \(id) (\(rubric) \(version))"
                case .review(let reviewer, let dossier): "유효함: 심사위원 \(reviewer)의 신청서 \(dossier) 심사표"
                case .report: "유효함: 심사 결과 보고서"
                }
            }
            return switch document {
            case .rubric(let id, let version): "valid rubric \(id) \(version)"
            case .dossier(let id, let rubric, let version): "valid dossier \(id) (\(rubric) \(version))"
            case .review(let reviewer, let dossier): "valid review by \(reviewer) of dossier \(dossier)"
            case .report: "valid audit report"
            }
        default:
            return nil
        }
    }
}

// MARK: - Argument types

extension Message {
    /// Why a file could not be read.
    public enum ReadFailure: Sendable, Hashable {
        case noSuchFile, permissionDenied, isDirectory
        /// The system's own words (`strerror`), English.
        case system(String)
    }

    /// The kinds of Certify documents, as a message names them.
    public enum DocumentWord: String, Sendable, Hashable, CaseIterable {
        case dossier, review, rubric, report
    }

    /// The kind of problem an XML parser or schema validator found.
    public enum XMLIssue: String, Sendable, Hashable, CaseIterable {
        /// Not well-formed XML, or not decodable.
        case malformed
        /// Something Certify refuses: DOCTYPE, entities, limits.
        case refused
        /// Against the document's XML Schema.
        case schema
    }

    /// What is wrong with a key file or an output file.
    public enum KeyProblem: MessagePart, Sendable, Hashable {
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

        /// The text in Korean (`ko`) or English.
        func text(ko: Bool) -> String {
            switch self {
            case .unreadable(let reason): Message.cannotRead(.signing, ko: ko, system: reason)
            case .notSmallRegularFile: Message.cannotRead(.signing, ko: ko, system: nil)
            case .unreadableKey: ko ? "키 파일을 읽을 수 없습니다" : "cannot read key"
            case .readableByOthers(let mode, let path): Message.readableByOthers(.signing, ko: ko, mode: mode, path: path)
            case .ownedByAnotherUser: ko ? "개인키 파일의 소유자가 다른 사용자입니다" : "private key belongs to another user"
            case .notPrivateKey: ko ? "PEM 형식(PKCS#8 또는 SEC1)의 P-256 개인키가 아닙니다"
                                    : "not a P-256 private key in PEM (PKCS#8 or SEC1)"
            case .notPublicKey: ko ? "PEM 형식(SubjectPublicKeyInfo)의 P-256 공개키가 아닙니다"
                                   : "not a P-256 public key in PEM (SubjectPublicKeyInfo)"
            case .keyExists: ko ? "파일이 이미 있습니다. 키를 덮어쓰지 않습니다" : "already exists; refusing to overwrite a key"
            case .signerNameBad: ko ? "서명자 이름에 XML에 쓸 수 없는 문자(탭과 줄바꿈을 제외한 제어 문자, U+FFFE, U+FFFF)가 있습니다"
                                    : "the signer's name must not contain characters XML cannot hold (control characters other than tab and newlines, U+FFFE, U+FFFF)"
            case .cannotWrite(let reason): ko ? reason.map { "파일을 쓸 수 없습니다: 시스템 오류(\($0))" } ?? "파일을 쓸 수 없습니다: 이미 있습니다"
                                              : "cannot write: \(reason ?? "already exists")"
            }
        }
    }

    /// What is wrong with Certify's own installation or signing.
    public enum InstallationProblem: MessagePart, Sendable, Hashable {
        case noRubricsDirectory, unreadableSchema, noSchemas, cannotCanonicalize, signingFailed

        /// The text in Korean (`ko`) or English.
        func text(ko: Bool) -> String {
            switch self {
            case .noRubricsDirectory: ko ? "함께 배포된 Rubrics/ 디렉터리를 찾을 수 없습니다. CERTIFY_RUBRICS를 설정하거나 --rubrics를 지정하십시오"
                                         : "cannot find the shipped Rubrics/ directory; set CERTIFY_RUBRICS or pass --rubrics"
            case .unreadableSchema: ko ? "스키마 파일을 읽을 수 없습니다" : "cannot read schema"
            case .noSchemas: ko ? "Certify의 스키마(Rubrics/schema)를 찾을 수 없습니다"
                                : "cannot find Certify's schemas (Rubrics/schema)"
            case .cannotCanonicalize: ko ? "보고서를 정규화(C14N)할 수 없습니다" : "cannot canonicalize the report"
            case .signingFailed: ko ? "서명하지 못했습니다" : "signing failed"
            }
        }
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
    public enum ParserCheck: MessagePart, Sendable, Hashable {
        case doctype, xinclude, entityReference
        case tooDeep(limit: Int)
        case tooManyElements(limit: Int)
        case textTooLong(limit: Int)
        case attributeTooLong(limit: Int)
        case fileTooLarge(size: Int, limit: Int)
        case empty, notWellFormed, cannotParse, noRoot
        case schemaContext, schemaMismatch

        /// The kind of problem it is.
        public var issue: XMLIssue {
            switch self {
            case .doctype, .xinclude, .entityReference, .tooDeep, .tooManyElements, .textTooLong,
                 .attributeTooLong, .fileTooLarge: .refused
            case .empty, .notWellFormed, .cannotParse, .noRoot: .malformed
            case .schemaContext, .schemaMismatch: .schema
            }
        }

        /// The text in Korean (`ko`) or English.
        func text(ko: Bool) -> String {
            switch self {
            case .doctype: ko ? "DOCTYPE은 쓸 수 없습니다(DTD와 엔티티 선언 금지)"
                              : "DOCTYPE is not allowed (no DTDs, no entity declarations)"
            case .xinclude: ko ? "XInclude는 쓸 수 없습니다" : "XInclude is not allowed"
            case .entityReference: ko ? "엔티티 참조는 쓸 수 없습니다" : "entity references are not allowed"
            case .tooDeep(let limit): ko ? "요소가 \(limit)단계보다 깊이 중첩되어 있습니다"
                                         : "elements are nested more than \(limit) deep"
            case .tooManyElements(let limit): ko ? "요소가 \(limit)개를 넘습니다" : "more than \(limit) elements"
            case .textTooLong(let limit): ko ? "텍스트가 \(limit)바이트를 넘습니다" : "text longer than \(limit) bytes"
            case .attributeTooLong(let limit): ko ? "속성값이 \(limit)바이트를 넘습니다"
                                                  : "attribute value longer than \(limit) bytes"
            case .fileTooLarge(let size, let limit): ko ? "파일 크기가 \(size)바이트로 한도 \(limit)바이트를 넘습니다"
                                                        : "file is \(size) bytes; the limit is \(limit) bytes"
            case .empty: ko ? "파일이 비어 있습니다" : "file is empty"
            case .notWellFormed: ko ? "올바른 형식의 XML 문서가 아닙니다" : "document is not well-formed"
            case .cannotParse: ko ? "문서를 해석할 수 없습니다" : "cannot parse document"
            case .noRoot: ko ? "문서에 루트 요소가 없습니다" : "document has no root element"
            case .schemaContext: ko ? "스키마 검증을 준비할 수 없습니다" : "cannot create a schema validation context"
            case .schemaMismatch: ko ? "문서가 스키마에 맞지 않습니다" : "document does not match its schema"
            }
        }
    }

    /// A document `certify validate` found valid.
    public enum ValidDocument: Sendable, Hashable {
        case rubric(id: String, version: String)
        case dossier(id: String, rubric: String, version: String)
        case review(reviewer: String, dossier: String)
        case report
    }
}

extension Message.DocumentWord {
    var korean: String {
        switch self {
        case .dossier: "신청서"
        case .review: "심사표"
        case .rubric: "인증기준"
        case .report: "심사 결과 보고서"
        }
    }
}

extension Message.XMLIssue {
    /// The kind of problem, before libxml2's own (English) words.
    var korean: String {
        switch self {
        case .malformed: "XML 형식 오류"
        case .refused: "허용되지 않는 XML 구성"
        case .schema: "스키마 위반"
        }
    }
}
