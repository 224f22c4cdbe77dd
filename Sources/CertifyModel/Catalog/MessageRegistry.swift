// The texts of the registry and its log (`certify registry`), in English and in Korean.

extension Message {
    /// The text of a message of the registry and its log (`certify registry`), in Korean (`ko`) or
    /// English; nil for any other message.
    func registryText(_ ko: Bool) -> String? {
        switch self {
        case .registry(let problem): return problem.text(ko: ko)
        case .tlog(let problem): return problem.text(ko: ko)
        default:
            return nil
        }
    }
}

// MARK: - Argument types

extension Message {
    /// What `certify registry` refuses or cannot do.
    public enum RegistryProblem: MessagePart, Sendable, Hashable {
        /// A report the registry does not record: the reason in both languages.
        case notRegistered(english: String, korean: String)
        case notCertified, noValidityPeriod, noApplicant, rubricIDBad
        case applicantIDBad(String)
        case applicantNameBad(String)
        case notARegistry
        /// SQLite's words.
        case database(String)
        case originBad
        case registryExists
        case noRegistry
        /// `strerror`'s words.
        case logKeyUnreadable(String)
        case logKeyNotSmallFile
        case logKeyReadableByOthers(mode: Int, path: String)
        case notSignerKey
        case notLogKey(verifier: String)
        case notVerifierKey
        /// `strerror`'s words.
        case cannotSync(String)
        case reasonBad
        case noCertificate(String)
        case alreadyRevoked(certificate: String, day: String, reason: String)
        case noEntry(index: Int, size: Int)
        case noCheckpoint(size: Int, logSize: Int)
        case entryOutsideTree(index: Int, size: Int, logSize: Int)
        case checkpointMissing(size: Int)
        case rangeBad(logSize: Int)
        case badDate(certificate: String, column: String)
        case treeHashMissing(level: Int, index: Int)

        /// A report the registry refused, and why.
        static func notRegistered(_ ko: Bool, _ korean: String, _ english: String) -> String {
            ko ? "등록하지 않았습니다: " + korean : "not registered: " + english
        }

        /// The text in Korean (`ko`) or English.
        func text(ko: Bool) -> String {
            switch self {
            case .notRegistered(let english, let korean): Self.notRegistered(ko, korean, english)
            case .notCertified: Self.notRegistered(ko, "보고서의 결정이 인증이 아닙니다", "the report's decision is not certified")
            case .noValidityPeriod: Self.notRegistered(ko, "보고서의 결정에 유효기간이 없습니다",
                                                       "the report's decision has no validity period")
            case .noApplicant: Self.notRegistered(ko, "보고서에 신청인이 없습니다", "the report names no applicant")
            case .rubricIDBad: Self.notRegistered(ko, "평가 기준의 식별자나 버전이 비어 있거나 공백을 포함합니다",
                                                  "the rubric id or version is empty or has spaces")
            case .applicantIDBad(let id): Self.notRegistered(ko, "신청인 식별자 '\(id)'이(가) 비어 있거나 공백 또는 제어 문자를 포함합니다",
                                                             "applicant id '\(id)' is empty or has spaces or control characters")
            case .applicantNameBad(let id): Self.notRegistered(ko, "신청인 \(id)의 이름이 한 줄로 되어 있지 않습니다",
                                                               "applicant \(id) has no name on one line")
            case .notARegistry: ko ? "Certify 등록부가 아닙니다(로그 출처와 키가 없습니다)"
                                   : "not a Certify registry (no log origin and key)"
            case .database(let words): ko ? "데이터베이스 오류: \(words)" : "database: \(words)"
            case .originBad: ko ? "--origin은 비어 있지 않아야 하며 공백, '+', 제어 문자를 포함할 수 없습니다(예: registry.example.kr/smart-city)"
                                : "--origin must be non-empty, without spaces, '+' or control characters (e.g. registry.example.kr/smart-city)"
            case .registryExists: ko ? "이미 있습니다. 등록부나 그 키를 덮어쓰지 않습니다"
                                     : "already exists; refusing to overwrite a registry or its key"
            case .noRegistry: ko ? "이곳에 등록부가 없습니다(certify registry init --origin 이름 명령으로 만드십시오)"
                                 : "no registry here (create one with: certify registry init --origin NAME)"
            case .logKeyUnreadable(let words): Message.cannotRead(.log, ko: ko, system: words)
            case .logKeyNotSmallFile: Message.cannotRead(.log, ko: ko, system: nil)
            case .logKeyReadableByOthers(let mode, let path): Message.readableByOthers(.log, ko: ko, mode: mode, path: path)
            case .notSignerKey: ko ? "노트 서명 키(PRIVATE+KEY+이름+ID+키) 형식이 아닙니다"
                                   : "not a note signer key (PRIVATE+KEY+NAME+ID+KEY)"
            case .notLogKey(let verifier): ko ? "이 키는 이 로그의 키가 아닙니다(\(verifier))"
                                              : "this key is not the log's key (\(verifier))"
            case .notVerifierKey: ko ? "--vkey가 노트 검증 키(이름+ID+BASE64) 형식이 아닙니다"
                                     : "--vkey is not a note verifier key (NAME+ID+BASE64)"
            case .cannotSync(let words): ko ? "디스크에 기록(sync)할 수 없습니다: 시스템 오류(\(words))" : "cannot sync: \(words)"
            case .reasonBad: ko ? "--reason은 제어 문자가 없는 한 줄의 글이어야 합니다"
                                : "--reason must be one line of text without control characters"
            case .noCertificate(let id): ko ? "이 등록부에 인증서 \(id)이(가) 없습니다" : "no certificate \(id) in this registry"
            case .alreadyRevoked(let id, let day, let reason): ko ? "\(id)은(는) \(day)에 이미 취소되었습니다: \(reason)"
                                                                  : "\(id) was already revoked on \(day): \(reason)"
            case .noEntry(let index, let size): ko ? "항목 \(index)이(가) 없습니다: 로그에는 항목이 \(size)개 있습니다(0부터 \(max(0, size - 1))까지)"
                                                   : "no entry \(index): the log has \(size) entries (0 to \(max(0, size - 1)))"
            case .noCheckpoint(let size, let logSize): ko ? "크기 \(size)의 체크포인트가 없습니다: 로그에는 항목이 \(logSize)개 있습니다"
                                                          : "no checkpoint of size \(size): the log has \(logSize) entries"
            case .entryOutsideTree(let index, let size, let logSize): ko ? "항목 \(index)은(는) 크기 \(size)의 트리에 들어 있지 않습니다(로그에는 항목이 \(logSize)개 있습니다)"
                                                                         : "entry \(index) is not in a tree of size \(size) (the log has \(logSize) entries)"
            case .checkpointMissing(let size): ko ? "크기 \(size)의 체크포인트가 없습니다" : "no checkpoint of size \(size)"
            case .rangeBad(let logSize): ko ? "0 < --from ≤ --to ≤ \(logSize)(로그의 크기)이어야 합니다"
                                            : "need 0 < --from ≤ --to ≤ \(logSize) (the log's size)"
            case .badDate(let id, let column): ko ? "인증서 \(id): \(column)의 날짜가 올바르지 않습니다"
                                                  : "certificate \(id): bad date in \(column)"
            case .treeHashMissing(let level, let index): ko ? "트리 해시(수준 \(level), 위치 \(index))가 없거나 32바이트가 아닙니다"
                                                            : "tree hash level \(level) index \(index) is missing or not 32 bytes"
            }
        }
    }
}
