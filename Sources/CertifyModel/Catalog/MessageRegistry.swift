// The texts of the registry and its log (`certify registry`), in English and in Korean.

extension Message {
    /// The English text of a message of the registry and its log (`certify registry`); nil for any other message.
    var registryEnglish: String? {
        switch self {
        case .registry(let problem):
            return problem.english
        case .tlog(let problem):
            return problem.english
        default:
            return nil
        }
    }

    /// The Korean text of a message of the registry and its log (`certify registry`); nil for any other message.
    var registryKorean: String? {
        switch self {
        case .registry(let problem):
            return problem.korean
        case .tlog(let problem):
            return problem.korean
        default:
            return nil
        }
    }
}

// MARK: - Argument types

extension Message {
    /// What `certify registry` refuses or cannot do.
    public enum RegistryProblem: Sendable, Hashable {
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

        var english: String {
            switch self {
            case .notRegistered(let english, _): "not registered: " + english
            case .notCertified: "not registered: the report's decision is not certified"
            case .noValidityPeriod: "not registered: the report's decision has no validity period"
            case .noApplicant: "not registered: the report names no applicant"
            case .rubricIDBad: "not registered: the rubric id or version is empty or has spaces"
            case .applicantIDBad(let id): "not registered: applicant id '\(id)' is empty or has spaces or control characters"
            case .applicantNameBad(let id): "not registered: applicant \(id) has no name on one line"
            case .notARegistry: "not a Certify registry (no log origin and key)"
            case .database(let words): "database: \(words)"
            case .originBad:
                "--origin must be non-empty, without spaces, '+' or control characters (e.g. registry.example.kr/smart-city)"
            case .registryExists: "already exists; refusing to overwrite a registry or its key"
            case .noRegistry: "no registry here (create one with: certify registry init --origin NAME)"
            case .logKeyUnreadable(let words): "cannot read the log key: \(words)"
            case .logKeyNotSmallFile: "cannot read the log key: not a small regular file"
            case .logKeyReadableByOthers(let mode, let path):
                "the log key is readable by group or others (mode \(Message.octal(mode))); run: chmod 600 \(path)"
            case .notSignerKey: "not a note signer key (PRIVATE+KEY+NAME+ID+KEY)"
            case .notLogKey(let verifier): "this key is not the log's key (\(verifier))"
            case .notVerifierKey: "--vkey is not a note verifier key (NAME+ID+BASE64)"
            case .cannotSync(let words): "cannot sync: \(words)"
            case .reasonBad: "--reason must be one line of text without control characters"
            case .noCertificate(let id): "no certificate \(id) in this registry"
            case .alreadyRevoked(let id, let day, let reason): "\(id) was already revoked on \(day): \(reason)"
            case .noEntry(let index, let size): "no entry \(index): the log has \(size) entries (0 to \(max(0, size - 1)))"
            case .noCheckpoint(let size, let logSize): "no checkpoint of size \(size): the log has \(logSize) entries"
            case .entryOutsideTree(let index, let size, let logSize):
                "entry \(index) is not in a tree of size \(size) (the log has \(logSize) entries)"
            case .checkpointMissing(let size): "no checkpoint of size \(size)"
            case .rangeBad(let logSize): "need 0 < --from ≤ --to ≤ \(logSize) (the log's size)"
            case .badDate(let id, let column): "certificate \(id): bad date in \(column)"
            case .treeHashMissing(let level, let index): "tree hash level \(level) index \(index) is missing or not 32 bytes"
            }
        }

        var korean: String {
            switch self {
            case .notRegistered(_, let korean): "등록하지 않았습니다: " + korean
            case .notCertified: "등록하지 않았습니다: 보고서의 결정이 인증이 아닙니다"
            case .noValidityPeriod: "등록하지 않았습니다: 보고서의 결정에 유효기간이 없습니다"
            case .noApplicant: "등록하지 않았습니다: 보고서에 신청인이 없습니다"
            case .rubricIDBad: "등록하지 않았습니다: 평가 기준의 식별자나 버전이 비어 있거나 공백을 포함합니다"
            case .applicantIDBad(let id): "등록하지 않았습니다: 신청인 식별자 '\(id)'이(가) 비어 있거나 공백 또는 제어 문자를 포함합니다"
            case .applicantNameBad(let id): "등록하지 않았습니다: 신청인 \(id)의 이름이 한 줄로 되어 있지 않습니다"
            case .notARegistry: "Certify 등록부가 아닙니다(로그 출처와 키가 없습니다)"
            case .database(let words): "데이터베이스 오류: \(words)"
            case .originBad:
                "--origin은 비어 있지 않아야 하며 공백, '+', 제어 문자를 포함할 수 없습니다(예: registry.example.kr/smart-city)"
            case .registryExists: "이미 있습니다. 등록부나 그 키를 덮어쓰지 않습니다"
            case .noRegistry: "이곳에 등록부가 없습니다(certify registry init --origin 이름 명령으로 만드십시오)"
            case .logKeyUnreadable(let words): "로그 키를 읽을 수 없습니다: 시스템 오류(\(words))"
            case .logKeyNotSmallFile: "로그 키를 읽을 수 없습니다: 크기가 작은 일반 파일이 아닙니다"
            case .logKeyReadableByOthers(let mode, let path):
                "로그 키 파일을 그룹이나 다른 사용자가 읽을 수 있습니다(권한 \(Message.octal(mode))). chmod 600 \(path) 명령으로 바로잡으십시오"
            case .notSignerKey: "노트 서명 키(PRIVATE+KEY+이름+ID+키) 형식이 아닙니다"
            case .notLogKey(let verifier): "이 키는 이 로그의 키가 아닙니다(\(verifier))"
            case .notVerifierKey: "--vkey가 노트 검증 키(이름+ID+BASE64) 형식이 아닙니다"
            case .cannotSync(let words): "디스크에 기록(sync)할 수 없습니다: 시스템 오류(\(words))"
            case .reasonBad: "--reason은 제어 문자가 없는 한 줄의 글이어야 합니다"
            case .noCertificate(let id): "이 등록부에 인증서 \(id)이(가) 없습니다"
            case .alreadyRevoked(let id, let day, let reason): "\(id)은(는) \(day)에 이미 취소되었습니다: \(reason)"
            case .noEntry(let index, let size): "항목 \(index)이(가) 없습니다: 로그에는 항목이 \(size)개 있습니다(0부터 \(max(0, size - 1))까지)"
            case .noCheckpoint(let size, let logSize): "크기 \(size)의 체크포인트가 없습니다: 로그에는 항목이 \(logSize)개 있습니다"
            case .entryOutsideTree(let index, let size, let logSize):
                "항목 \(index)은(는) 크기 \(size)의 트리에 들어 있지 않습니다(로그에는 항목이 \(logSize)개 있습니다)"
            case .checkpointMissing(let size): "크기 \(size)의 체크포인트가 없습니다"
            case .rangeBad(let logSize): "0 < --from ≤ --to ≤ \(logSize)(로그의 크기)이어야 합니다"
            case .badDate(let id, let column): "인증서 \(id): \(column)의 날짜가 올바르지 않습니다"
            case .treeHashMissing(let level, let index): "트리 해시(수준 \(level), 위치 \(index))가 없거나 32바이트가 아닙니다"
            }
        }
    }
}
