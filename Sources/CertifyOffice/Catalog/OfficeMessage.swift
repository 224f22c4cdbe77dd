import CertifyModel

/// The office's messages in Korean and English: one case each, its texts a
/// line of `OfficeMessage.tsv` (the catalog tests sample every case).
/// Numbers, ids and dates are the same in both languages.
public enum OfficeMessage: TabledMessage, Equatable {
    // Input
    case fieldRequired(label: OfficeWord)
    case dateInvalid(label: OfficeWord, text: String)
    case numberInvalid(label: OfficeWord, text: String, min: Int, max: Int)
    case holidayLine(line: Int, text: String)
    case emailInvalid
    case emailTaken
    case windowOrder
    case organisationIDInvalid

    // Passwords and sign-in
    case passwordTooShort(minimum: Int)
    case passwordTooLong(maximum: Int)
    case passwordCommon
    case passwordMismatch
    case loginFailed
    case loginThrottled
    case linkInvalid
    case codeInvalid
    case secondFactorRequired
    case secondFactorStale
    case csrfInvalid
    case bodyRefused(status: Int)
    case signInRequired

    // Access
    case notFound
    case forbidden

    // Workflow
    case draftStale(current: Int)
    case stateForbids(state: ApplicationState)
    case roundNotOpen
    case organisationUnconfirmed
    case noOrganisation
    case evidenceMissing(digest: String)
    case evidenceUnknown
    case requestsRequired
    case dossierInvalid(count: Int)
    case rubricUnknown(id: String, version: String)
    case roundRubricMismatch
    case jointUnconfirmed(organisations: [String])
    // Panel
    case conflictAffiliated(reviewer: String, organisation: String)
    case conflictDeclared(reviewer: String)
    case noRoundRole(role: RoundRoleKind)
    case reviewedAlready(reviewer: String)
    case reviewsMissing(reviewers: [String])
    case tooFewReviewers(assigned: Int, needed: Int)
    case reviewInvalid(count: Int)
    case reviewStale(current: Int)
    case noteRequired
    case reasonRequired
    case decisionWaitsForSignature
    case noSigningKey
    case appealClosed(lastDay: String)
    case appealUsed
    case reviewFinal
    case panelChanged
    case renewalRoundMismatch
    case signingKeyMismatch(keyID: String)
    case renewalNotDue
    case affiliationInvalid(text: String)
    case invited
    /// A located problem of a dossier, already said in both languages by the engine's catalog
    /// (the table writes the first value in Korean, the second in English).
    case diagnostic(ko: String, en: String)

    // Storage and audit
    case dataDirInUse(path: String)
    case dataDirMissing(path: String)
    case storage(detail: String)
    case auditRowEdited(seq: Int)
    case auditRowMissing(seq: Int)
    case auditObjectMismatch(object: String, seq: Int)
    case auditObjectMissing(object: String, seq: Int)
    case auditHeadUnknown(size: Int)
    case auditHeadMismatch(size: Int)
    case auditHeadFormat
    case accountUnknown(email: String)

    public static let messageTable = MessageTable<OfficeMessage>(PackageResources.OfficeMessage_tsv)

    /// The messages that write an office word in English mid-sentence
    /// (lower case) or only the start of a long hex id; every other text
    /// is in the table.
    public var computedWords: (ko: String, en: String)? {
        switch self {
        case .fieldRequired(let label):
            ("\(label.text(.ko)) 칸을 채우십시오", "Enter the \(label.text(.en).lowercasedFirst)")
        case .stateForbids(let state):
            ("신청이 '\(state.text(.ko))' 상태여서 이 작업을 할 수 없습니다",
             "The application is '\(state.text(.en).lowercasedFirst)', so this cannot be done")
        case .evidenceMissing(let digest):
            ("신청서가 밝힌 증빙(SHA-256 \(digest.prefix(12))…)의 파일이 올라오지 않았습니다",
             "No file was uploaded for the evidence the dossier declares (SHA-256 \(digest.prefix(12))…)")
        case .signingKeyMismatch(let keyID):
            ("이 사무국은 다른 서명 키(\(keyID.prefix(16))…)로 서명합니다. 그 키로 서명하십시오",
             "This office signs with another key (\(keyID.prefix(16))…); sign with that key")
        default: nil
        }
    }
}

extension String {
    /// The text with its first letter in lower case (an English label used mid-sentence).
    var lowercasedFirst: String {
        guard let first else { return self }
        let rest = dropFirst()
        if let second = rest.first, second.isUppercase { return self }  // an acronym such as "OTP"
        return first.lowercased() + rest
    }
}
