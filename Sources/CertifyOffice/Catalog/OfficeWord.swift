import CertifyModel

/// The office pages' words in Korean and English. Templates read them as
/// `w.KEY` (the raw value); code uses the cases, so a word that does not
/// exist does not compile, and the switch below makes both languages of
/// every word one edit.
public enum OfficeWord: String, Sendable, CaseIterable {
    case office, signIn = "sign-in", signOut = "sign-out", email, password, passwordAgain = "password-again"
    case passwordHint = "password-hint", setPassword = "set-password", setPasswordIntro = "set-password-intro"
    case name, organisation, organisationID = "organisation-id", organisationHint = "organisation-hint"
    case dashboard, rounds, round, newRound = "new-round", roundName = "round-name", rubric
    case opens, closes, reviewDeadline = "review-deadline", responseDays = "response-days"
    case appealDays = "appeal-days", reviewerCount = "reviewer-count", dateHint = "date-hint", daysHint = "days-hint"
    case create, save, submit, withdraw, accept, returnForChanges = "return", send
    case applications, application, newApplication = "new-application", state, due, overdue, updated, version
    case myApplications = "my-applications", waitingForYou = "waiting-for-you", nothingWaiting = "nothing-waiting"
    case requests, request, indicator, requestHint = "request-hint", answerBy = "answer-by"
    case evidenceFiles = "evidence-files", upload, file, digest, size
    case accounts, role, disabled, active, confirmOrganisation = "confirm-organisation", confirmed, unconfirmed
    case secondFactor = "second-factor", secondFactorIntro = "second-factor-intro", code, secret, recoveryCodes = "recovery-codes"
    case recoveryCodesHint = "recovery-codes-hint", logHead = "log-head", actions, history, versions
    case privacyTitle = "privacy-title", privacyText = "privacy-text", saved, submitted, returned, accepted
    case applicant, secretariat, reviewer, chair
    case stateDraft = "state-draft", stateSubmitted = "state-submitted", stateReturned = "state-returned"
    case stateInReview = "state-in-review", stateDecided = "state-decided", stateAppealed = "state-appealed"
    case stateWithdrawn = "state-withdrawn", stateLapsed = "state-lapsed"
    case draftRevision = "draft-revision", dossier, download, selfCheckForm = "selfcheck-form"
    case withdrawConfirm = "withdraw-confirm", none, open, closed, closeRound = "close-round", register, checkYourMail = "check-your-mail", notices, registerClosed = "register-closed", startFromFile = "start-from-file", startFromFileHint = "start-from-file-hint", changes, before, after, joint, jointHint = "joint-hint", confirmJoint = "confirm-joint", showingRecent = "showing-recent", newAccount = "new-account"

    public func text(_ language: Language) -> String {
        let (ko, en) = texts
        return language == .ko ? ko : en
    }

    var texts: (String, String) {
        switch self {
        case .office: ("스마트도시 인증 사무국", "Smart city certification office")
        case .signIn: ("로그인", "Sign in")
        case .signOut: ("로그아웃", "Sign out")
        case .email: ("전자우편 주소", "E-mail address")
        case .password: ("비밀번호", "Password")
        case .passwordAgain: ("비밀번호 확인", "Password again")
        case .passwordHint: ("12자 이상 128자 이하. 문장처럼 긴 비밀번호를 권합니다.",
                             "12 to 128 characters. A long phrase is best.")
        case .setPassword: ("비밀번호 설정", "Set your password")
        case .setPasswordIntro: ("이 링크는 한 번만 쓸 수 있습니다.", "This link works once.")
        case .name: ("이름", "Name")
        case .organisation: ("기관", "Organisation")
        case .organisationID: ("기관 ID", "Organisation id")
        case .organisationHint: ("사업자등록번호 또는 지방자치단체 코드 (예: KR-HANSOL)",
                                 "Business registration number or municipality code (e.g. KR-HANSOL)")
        case .dashboard: ("할 일", "Dashboard")
        case .rounds: ("심사 회차", "Rounds")
        case .round: ("심사 회차", "Round")
        case .newRound: ("새 심사 회차", "New round")
        case .roundName: ("회차 이름", "Name of the round")
        case .rubric: ("인증기준", "Rubric")
        case .opens: ("접수 시작일", "Applications open")
        case .closes: ("접수 마감일", "Applications close")
        case .reviewDeadline: ("심사 기한", "Review deadline")
        case .responseDays: ("보완 기간(일)", "Response period (days)")
        case .appealDays: ("이의 신청 기간(일)", "Appeal period (days)")
        case .reviewerCount: ("심사위원 수", "Reviewers per application")
        case .dateHint: ("예: 2026-03-02", "For example, 2026-03-02")
        case .daysHint: ("사건 다음 날부터 셉니다. 마지막 날이 주말이나 공휴일이면 다음 평일까지입니다.",
                         "Counted from the day after; a last day on a weekend or holiday moves to the next working day.")
        case .create: ("만들기", "Create")
        case .save: ("저장", "Save")
        case .submit: ("제출", "Submit")
        case .withdraw: ("신청 철회", "Withdraw")
        case .accept: ("접수 (서면 검토 통과)", "Accept (complete)")
        case .returnForChanges: ("보완 요청", "Return with requests")
        case .send: ("보내기", "Send")
        case .applications: ("신청", "Applications")
        case .application: ("신청", "Application")
        case .newApplication: ("새 신청", "New application")
        case .state: ("상태", "State")
        case .due: ("기한", "Due")
        case .overdue: ("기한 지남", "Overdue")
        case .updated: ("최근 변경", "Updated")
        case .version: ("판", "Version")
        case .myApplications: ("우리 기관의 신청", "Our applications")
        case .waitingForYou: ("처리할 일", "Waiting for you")
        case .nothingWaiting: ("지금 처리할 일이 없습니다.", "Nothing is waiting for you.")
        case .requests: ("보완 요청", "Requests")
        case .request: ("요청 내용", "Request")
        case .indicator: ("지표", "Indicator")
        case .requestHint: ("보완이 필요한 지표마다 무엇을 고쳐야 하는지 적으십시오.",
                            "For each indicator that needs it, say what to change.")
        case .answerBy: ("보완 기한", "Answer by")
        case .evidenceFiles: ("증빙 파일", "Evidence files")
        case .upload: ("올리기", "Upload")
        case .file: ("파일", "File")
        case .digest: ("SHA-256", "SHA-256")
        case .size: ("크기(바이트)", "Size (bytes)")
        case .accounts: ("계정", "Accounts")
        case .role: ("역할", "Role")
        case .disabled: ("사용 중지", "Disabled")
        case .active: ("사용 중", "Active")
        case .confirmOrganisation: ("기관 확인", "Confirm organisation")
        case .confirmed: ("확인됨", "Confirmed")
        case .unconfirmed: ("확인 전", "Not yet confirmed")
        case .secondFactor: ("2단계 인증", "Two-step verification")
        case .secondFactorIntro: ("인증 앱(OTP)에 아래 비밀 키를 등록한 뒤, 앱이 보여 주는 6자리 코드를 입력하십시오.",
                                  "Add the secret below to an authenticator app, then enter the 6-digit code it shows.")
        case .code: ("인증 코드 (6자리)", "Code (6 digits)")
        case .secret: ("비밀 키", "Secret")
        case .recoveryCodes: ("복구 코드", "Recovery codes")
        case .recoveryCodesHint: ("휴대전화를 잃어버렸을 때 한 번씩 쓸 수 있습니다. 지금 안전한 곳에 적어 두십시오. 다시 보여 드리지 않습니다.",
                                  "Each works once if you lose your phone. Write them down somewhere safe now; they are not shown again.")
        case .logHead: ("활동 기록의 머리 (크기:해시)", "Action log head (size:hash)")
        case .actions: ("작업", "Actions")
        case .history: ("이력", "History")
        case .versions: ("제출본", "Submitted versions")
        case .privacyTitle: ("개인정보 처리 안내", "How we use your personal data")
        case .privacyText: ("이름, 전자우편 주소, 기관 ID와 신청서 내용만 인증 심사를 위해 보관합니다. 주민등록번호는 받지 않습니다. 계정과 작성 중인 신청은 보관 기간이 지나면 삭제되며, 활동 기록에는 ID만 남습니다.",
                            "We keep only your name, e-mail address, organisation id and what your dossiers hold, to run the certification. We never ask for a resident registration number. Accounts and drafts are deleted after the retention period; the action log keeps ids only.")
        case .saved: ("저장했습니다.", "Saved.")
        case .submitted: ("제출했습니다.", "Submitted.")
        case .returned: ("보완을 요청했습니다.", "Returned with requests.")
        case .accepted: ("접수했습니다.", "Accepted.")
        case .applicant: ("신청자", "Applicant")
        case .secretariat: ("사무국", "Secretariat")
        case .reviewer: ("심사위원", "Reviewer")
        case .chair: ("심사위원장", "Chair")
        case .stateDraft: ("작성 중", "Draft")
        case .stateSubmitted: ("제출됨", "Submitted")
        case .stateReturned: ("보완 요청됨", "Returned")
        case .stateInReview: ("심사 중", "In review")
        case .stateDecided: ("결정됨", "Decided")
        case .stateAppealed: ("이의 신청됨", "Appealed")
        case .stateWithdrawn: ("철회됨", "Withdrawn")
        case .stateLapsed: ("기한 경과", "Lapsed")
        case .draftRevision: ("작성본 번호", "Draft revision")
        case .dossier: ("신청서", "Dossier")
        case .download: ("내려받기", "Download")
        case .selfCheckForm: ("신청서 작성 (자가진단 양식)", "Fill in the dossier (self-check form)")
        case .withdrawConfirm: ("철회하면 되돌릴 수 없습니다.", "A withdrawal cannot be undone.")
        case .none: ("없음", "None")
        case .open: ("접수 중", "Open")
        case .closed: ("마감", "Closed")
        case .closeRound: ("접수 마감하기", "Close applications")
        case .register: ("신청자 가입", "Register as an applicant")
        case .checkYourMail: ("전자우편을 확인하십시오. 주소 확인 링크를 보냈습니다.", "Check your e-mail: we sent you a link to confirm your address.")
        case .notices: ("알림", "Notices")
        case .changes: ("이전 판과 달라진 점", "Changes from the previous version")
        case .joint: ("공동 신청 기관", "Co-applicants")
        case .jointHint: ("공동 신청 기관마다 현재 작성본을 확인해야 제출할 수 있습니다. 작성본이 바뀌면 다시 확인합니다.",
                          "Each co-applicant confirms the current draft before it can be submitted; a changed draft is confirmed again.")
        case .confirmJoint: ("공동 신청 확인", "Confirm the joint application")
        case .newAccount: ("새 계정", "New account")
        case .showingRecent: ("최근에 바뀐 50건을 보여 줍니다.", "Showing the 50 most recently changed.")
        case .before: ("이전", "Before")
        case .after: ("이후", "After")
        case .startFromFile: ("신청서 파일로 채우기 (XML)", "Fill in from a dossier file (XML)")
        case .startFromFileHint: ("올린 파일의 내용이 작성 중인 신청서를 대신합니다.", "The file's content replaces the draft.")
        case .registerClosed: ("가입은 사무국을 통해 합니다. 사무국에 계정을 요청하십시오.", "Accounts are made by the secretariat; ask it for one.")
        }
    }

    /// Every word in one language, for templates (`w.KEY`).
    public static func table(_ language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.text(language)) })
    }
}
