import CertifyModel

/// The office's messages in Korean and English: one case each, both
/// languages beside each other in one switch, so a message is one edit in
/// one place and a missing translation does not compile. Numbers, ids and
/// dates are the same in both languages.
public enum OfficeMessage: LocalizedPair, Equatable {
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
    /// A located problem of a dossier, already said in both languages by the engine's catalog.
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

    public var words: (ko: String, en: String) {
        switch self {
        case .fieldRequired(let label):
            ("\(label.text(.ko)) 칸을 채우십시오", "Enter the \(label.text(.en).lowercasedFirst)")
        case .dateInvalid(let label, let text):
            ("\(label.text(.ko)): '\(text)'은(는) 날짜가 아닙니다. 2026-03-02처럼 적으십시오",
             "\(label.text(.en)): '\(text)' is not a date; write it like 2026-03-02")
        case .numberInvalid(let label, let text, let min, let max):
            ("\(label.text(.ko)): '\(text)' 대신 \(min)부터 \(max)까지의 정수를 적으십시오",
             "\(label.text(.en)): enter a whole number from \(min) to \(max), not '\(text)'")
        case .holidayLine(let line, let text):
            ("공휴일 파일 \(line)번째 줄 '\(text)'은(는) YYYY-MM-DD 날짜가 아닙니다",
             "holidays file, line \(line): '\(text)' is not a YYYY-MM-DD date")
        case .emailInvalid:
            ("전자우편 주소를 name@example.kr 형식으로 적으십시오", "Enter an e-mail address like name@example.kr")
        case .emailTaken:
            ("이 전자우편 주소로 이미 계정이 있습니다", "There is already an account with this e-mail address")
        case .windowOrder:
            ("접수 마감일은 접수 시작일 이후여야 하고, 심사 기한은 접수 마감일 이후여야 합니다",
             "The application window must close after it opens, and the review deadline must follow it")
        case .organisationIDInvalid:
            ("기관 ID는 영문 대문자·숫자·하이픈으로 적으십시오 (예: 사업자등록번호 1234567890 또는 KR-HANSOL)",
             "Write the organisation id in capital letters, digits and hyphens (e.g. a business registration number or KR-HANSOL)")
        case .passwordTooShort(let minimum):
            ("비밀번호는 \(minimum)자 이상이어야 합니다", "The password must be at least \(minimum) characters")
        case .passwordTooLong(let maximum):
            ("비밀번호는 \(maximum)자 이하여야 합니다", "The password must be at most \(maximum) characters")
        case .passwordCommon:
            ("널리 쓰이는 비밀번호입니다. 다른 비밀번호를 고르십시오", "This password is too common; choose another")
        case .passwordMismatch:
            ("두 비밀번호가 같지 않습니다", "The two passwords are not the same")
        case .loginFailed:
            ("전자우편 주소 또는 비밀번호가 맞지 않습니다", "The e-mail address or the password is not right")
        case .loginThrottled:
            ("로그인 시도가 너무 많습니다. 잠시 후 다시 시도하십시오", "Too many sign-in attempts; try again in a few minutes")
        case .linkInvalid:
            ("이 링크는 만료되었거나 이미 사용되었습니다. 사무국에 새 링크를 요청하십시오",
             "This link has expired or has been used; ask the secretariat for a new one")
        case .codeInvalid:
            ("인증 코드가 맞지 않습니다", "The code is not right")
        case .secondFactorRequired:
            ("먼저 2단계 인증(OTP)을 등록하십시오", "Set up two-step verification (an authenticator app) first")
        case .secondFactorStale:
            ("확정하려면 5분 안에 입력한 인증 코드가 필요합니다", "Confirming needs a code entered in the last 5 minutes")
        case .csrfInvalid:
            ("양식이 만료되었습니다. 페이지를 새로 고친 뒤 다시 보내십시오",
             "The form has expired; reload the page and send it again")
        case .bodyRefused(let status):
            ("보낸 양식을 읽을 수 없습니다 (HTTP \(status)). 파일은 8 MiB까지 올릴 수 있습니다",
             "The form could not be read (HTTP \(status)); files can be up to 8 MiB")
        case .signInRequired:
            ("로그인하십시오", "Sign in to continue")
        case .notFound:
            ("찾는 페이지가 없습니다", "Page not found")
        case .forbidden:
            ("이 작업을 할 권한이 없습니다", "You may not do this")
        case .draftStale(let current):
            ("다른 곳에서 먼저 저장되었습니다 (현재 판 \(current)). 아래는 현재 내용입니다. 다시 고친 뒤 저장하십시오",
             "Someone saved this draft first (now revision \(current)). The current draft is shown below; make your changes again")
        case .stateForbids(let state):
            ("신청이 '\(state.word.text(.ko))' 상태여서 이 작업을 할 수 없습니다",
             "The application is '\(state.word.text(.en).lowercasedFirst)', so this cannot be done")
        case .roundNotOpen:
            ("이 심사 회차의 접수 기간이 아닙니다", "This round is not taking applications")
        case .organisationUnconfirmed:
            ("사무국이 기관 소속을 확인한 뒤에 제출할 수 있습니다",
             "You can submit once the secretariat has confirmed your organisation")
        case .noOrganisation:
            ("신청자 계정에는 기관이 있어야 합니다", "An applicant account needs an organisation")
        case .evidenceMissing(let digest):
            ("신청서가 밝힌 증빙(SHA-256 \(digest.prefix(12))…)의 파일이 올라오지 않았습니다",
             "No file was uploaded for the evidence the dossier declares (SHA-256 \(digest.prefix(12))…)")
        case .evidenceUnknown:
            ("증빙 파일을 고르십시오", "Choose an evidence file")
        case .requestsRequired:
            ("보완 요청을 하나 이상 적으십시오", "Write at least one request")
        case .dossierInvalid(let count):
            ("신청서에 고칠 점이 \(count)개 있습니다", "The dossier has \(count) problem(s) to fix")
        case .rubricUnknown(let id, let version):
            ("인증기준 \(id) \(version)이(가) 없습니다", "There is no rubric \(id) \(version)")
        case .roundRubricMismatch:
            ("신청서의 인증기준이 심사 회차의 인증기준과 다릅니다", "The dossier's rubric is not the round's")
        case .jointUnconfirmed(let organisations):
            ("공동 신청 기관(\(organisations.joined(separator: ", ")))이 현재 작성본을 확인한 뒤에 제출할 수 있습니다",
             "The co-applicants (\(organisations.joined(separator: ", "))) must confirm the current draft before it is submitted")
        case .conflictAffiliated(let reviewer, let organisation):
            ("\(reviewer)은(는) 신청 기관 \(organisation)과(와) 관계가 있다고 밝혀 배정할 수 없습니다",
             "\(reviewer) declared an affiliation with the applicant \(organisation) and cannot be assigned")
        case .conflictDeclared(let reviewer):
            ("\(reviewer)은(는) 이 신청에 이해충돌을 밝혀 배정할 수 없습니다",
             "\(reviewer) declared a conflict of interest with this application and cannot be assigned")
        case .noRoundRole(let role):
            ("이 계정은 이 심사 회차의 \(role == .chair ? "심사위원장" : "심사위원")이 아닙니다",
             "This account is not a \(role == .chair ? "chair" : "reviewer") of this round")
        case .reviewedAlready(let reviewer):
            ("\(reviewer)은(는) 이미 심사표를 제출하여 배정을 취소할 수 없습니다",
             "\(reviewer) has submitted a review; the assignment cannot be removed")
        case .reviewsMissing(let reviewers):
            ("아직 제출되지 않은 심사표가 있습니다: \(reviewers.joined(separator: ", "))",
             "Reviews not yet submitted: \(reviewers.joined(separator: ", "))")
        case .tooFewReviewers(let assigned, let needed):
            ("심사위원이 \(assigned)명 배정되었습니다. 이 회차는 \(needed)명 이상이 필요합니다",
             "\(assigned) reviewer(s) assigned; this round needs at least \(needed)")
        case .reviewInvalid(let count):
            ("심사표에 고칠 점이 \(count)개 있습니다", "The review has \(count) problem(s) to fix")
        case .reviewStale(let current):
            ("이 심사표가 다른 곳에서 먼저 저장되었습니다 (현재 판 \(current)). 아래는 현재 내용입니다",
             "This review was saved elsewhere first (now revision \(current)); the current sheet is shown below")
        case .noteRequired:
            ("의견을 적으십시오", "Write a note")
        case .reasonRequired:
            ("이의 신청 사유를 적으십시오", "Write the reason for the appeal")
        case .decisionWaitsForSignature:
            ("결정이 확정되어 서명을 기다립니다", "The decision is confirmed and waits for its signature")
        case .noSigningKey:
            ("서명 키가 없습니다. certify office sign으로 서명하십시오",
             "There is no signing key here; sign with certify office sign")
        case .appealClosed(let lastDay):
            ("이의 신청 기간이 \(lastDay)에 끝났습니다", "The appeal period ended on \(lastDay)")
        case .reviewFinal:
            ("제출한 심사표는 위원장이 재심사를 요청한 뒤에만 다시 제출할 수 있습니다",
             "A submitted review can be revised only after the chair sends the result back")
        case .panelChanged:
            ("확인한 뒤에 심사표가 바뀌었습니다. 새 결과를 확인하고 다시 확정하십시오",
             "The reviews changed after you looked; check the new result and confirm again")
        case .renewalRoundMismatch:
            ("갱신은 같은 인증기준의 심사 회차에 신청하십시오", "Apply for renewal in a round of the same rubric")
        case .signingKeyMismatch(let keyID):
            ("이 사무국은 다른 서명 키(\(keyID.prefix(16))…)로 서명합니다. 그 키로 서명하십시오",
             "This office signs with another key (\(keyID.prefix(16))…); sign with that key")
        case .appealUsed:
            ("이의 신청은 한 번만 할 수 있습니다. 재심사에 따른 결정이 최종 결정입니다",
             "An application can be appealed once; the decision after the appeal is final")
        case .renewalNotDue:
            ("이 인증은 아직 갱신 신청 기간(만료 전 3개월)이 아닙니다",
             "This certificate is not yet in its renewal window (its last 3 months)")
        case .affiliationInvalid(let text):
            ("'\(text)'은(는) 기관 ID가 아닙니다. 영문 대문자·숫자·하이픈으로, 공백으로 나누어 적으십시오",
             "'\(text)' is not an organisation id; write ids in capital letters, digits and hyphens, separated by spaces")
        case .invited:
            ("초대했습니다", "Invited")
        case .diagnostic(let ko, let en):
            (ko, en)
        case .dataDirInUse(let path):
            ("\(path)에 이미 사무국 데이터가 있습니다", "\(path) already holds an office")
        case .dataDirMissing(let path):
            ("\(path)에 사무국 데이터가 없습니다. 먼저 certify office init을 실행하십시오",
             "\(path) holds no office; run certify office init first")
        case .storage(let detail):
            ("저장소 오류: \(detail)", "storage error: \(detail)")
        case .auditRowEdited(let seq):
            ("기록 \(seq)번이 바뀌었습니다 (해시 연결이 맞지 않음)", "action \(seq) was edited (its hash does not chain)")
        case .auditRowMissing(let seq):
            ("기록 \(seq)번이 없습니다", "action \(seq) is missing")
        case .auditObjectMismatch(let object, let seq):
            ("\(object)의 저장된 내용이 기록 \(seq)번의 해시와 다릅니다",
             "\(object) differs from the hash action \(seq) recorded")
        case .auditObjectMissing(let object, let seq):
            ("기록 \(seq)번이 가리키는 \(object)이(가) 없습니다", "\(object), recorded by action \(seq), is missing")
        case .auditHeadUnknown(let size):
            ("기록이 \(size)개보다 적습니다: 끝에서 기록이 지워졌습니다",
             "the log has fewer than \(size) actions: actions were removed from its end")
        case .auditHeadMismatch(let size):
            ("기록 \(size)개까지의 해시가 주어진 값과 다릅니다", "the log's first \(size) actions do not hash to the given head")
        case .auditHeadFormat:
            ("--since는 SIZE:HASH 형식입니다 (office audit이 출력한 값)",
             "--since takes SIZE:HASH, as office audit prints it")
        case .accountUnknown(let email):
            ("\(email) 계정이 없습니다", "There is no account \(email)")
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
