import CertifyModel

/// The office pages' words in Korean and English. Templates read them as
/// `w.KEY` (the raw value); code uses the cases, so a word that does not
/// exist does not compile, and the switch below makes both languages of
/// every word one edit.
public enum OfficeWord: String, LocalizedWord {
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
    case panel, invite, inviteHint = "invite-hint", members, roundCode = "round-code", proposal, proposalHint = "proposal-hint", assignAll = "assign-all", nothingToAssign = "nothing-to-assign", assign, unassign, assignments, reviews, writeReview = "write-review", saveReview = "save-review", submitReview = "submit-review", reviewSubmitted = "review-submitted", reviewSaved = "review-saved", reviewBlindHint = "review-blind-hint", waitingFor = "waiting-for", declareConflict = "declare-conflict", conflictHint = "conflict-hint", reason, panelResult = "panel-result", panelResultHint = "panel-result-hint", confirmDecision = "confirm-decision", sendBack = "send-back", note, decisionCodeHint = "decision-code-hint", decisions, decisionDate = "decision-date", certified, notCertified = "not-certified", awaitingSignature = "awaiting-signature", reportXML = "report-xml", reportHTML = "report-html", certificate, validUntil = "valid-until", planToNext = "plan-to-next", appeal, appealHint = "appeal-hint", appealBy = "appeal-by", appeals, reopen, profile, affiliations, affiliationsHint = "affiliations-hint", renew, renewHint = "renew-hint", taskReview = "task-review", taskDecide = "task-decide", taskAssign = "task-assign", taskReopen = "task-reopen", taskSign = "task-sign", taskAppeal = "task-appeal", taskRenew = "task-renew", taskCheck = "task-check", taskAnswer = "task-answer", taskDraft = "task-draft", task, registryPending = "registry-pending", roleInRound = "role-in-round", decided

    public var words: (ko: String, en: String) {
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
        case .panel: ("심사위원회", "Panel")
        case .invite: ("위촉하기", "Invite")
        case .inviteHint: ("새 주소이면 비밀번호를 설정하는 링크(7일)를 보냅니다.", "A new address gets a link that sets the password (valid 7 days).")
        case .members: ("심사위원·위원장", "Reviewers and chairs")
        case .roundCode: ("위원 번호", "Code")
        case .proposal: ("배정 제안", "Proposed assignments")
        case .proposalHint: ("심사 중인 신청마다 필요한 심사위원과 위원장을, 이해충돌이 없는 사람 중 배정이 적은 사람부터 제안합니다.", "For each application in review, the reviewers and chair it still needs, from those without a conflict, least loaded first.")
        case .assignAll: ("제안대로 배정", "Assign as proposed")
        case .nothingToAssign: ("더 배정할 것이 없습니다.", "Nothing left to assign.")
        case .assign: ("배정", "Assign")
        case .unassign: ("배정 취소", "Remove")
        case .assignments: ("배정", "Assignments")
        case .reviews: ("심사표", "Reviews")
        case .writeReview: ("심사표 작성", "Write the review")
        case .saveReview: ("임시 저장", "Save draft")
        case .submitReview: ("심사표 제출", "Submit the review")
        case .reviewSubmitted: ("심사표를 제출했습니다", "Review submitted")
        case .reviewSaved: ("심사표를 임시 저장했습니다", "Review draft saved")
        case .reviewBlindHint: ("다른 위원의 심사표는 자신의 심사표를 제출한 뒤에 볼 수 있습니다. 제출한 심사표는 고칠 수 없고, 다시 제출하면 새 판이 됩니다.", "You see the other reviews once you have submitted yours. A submitted review cannot be changed; submitting again makes a new version.")
        case .waitingFor: ("제출 대기", "Waiting for")
        case .declareConflict: ("이해충돌 밝히기", "Declare a conflict of interest")
        case .conflictHint: ("이해충돌을 밝히면 이 신청의 배정이 취소되고 다시 배정될 수 없습니다.", "Declaring a conflict ends your assignment to this application; you cannot be assigned to it again.")
        case .reason: ("사유", "Reason")
        case .panelResult: ("심사 결과", "The panel's result")
        case .panelResultHint: ("심사표에서 엔진이 계산한 공식 결과입니다 (certify score --official). 위원장은 점수를 바꿀 수 없습니다.", "The engine's official result from the reviews (certify score --official). The chair cannot change a score.")
        case .confirmDecision: ("결과 확정", "Confirm the result")
        case .sendBack: ("재심사 요청", "Send back to the panel")
        case .note: ("의견", "Note")
        case .decisionCodeHint: ("확정하려면 인증 앱의 코드를 입력하십시오 (5분 안에 입력했다면 비워 둘 수 있습니다).", "Enter your authenticator code to confirm (leave it empty if you entered one in the last 5 minutes).")
        case .decisions: ("결정", "Decisions")
        case .decisionDate: ("결정일 (유효 시작일)", "Decision date (validity starts)")
        case .certified: ("인증", "Certified")
        case .notCertified: ("인증 안 됨", "Not certified")
        case .awaitingSignature: ("서명 대기", "Awaiting signature")
        case .reportXML: ("서명된 심사 보고서 (XML)", "Signed audit report (XML)")
        case .reportHTML: ("심사 보고서 (HTML)", "Audit report (HTML)")
        case .certificate: ("인증서", "Certificate")
        case .validUntil: ("유효 기한", "Valid until")
        case .planToNext: ("다음 결과까지의 계획", "The plan to the next outcome")
        case .appeal: ("이의 신청", "Appeal")
        case .appealHint: ("이의 신청을 하면 사무국이 심사를 다시 엽니다. 새 결정은 결과가 어느 쪽이든 그대로 확정되며, 이전 결정도 기록에 남습니다.", "An appeal reopens the review. The new decision stands whichever way it goes; the earlier one stays on record.")
        case .appealBy: ("이의 신청 기한", "Appeal by")
        case .appeals: ("이의 신청", "Appeals")
        case .reopen: ("재심사 시작", "Reopen the review")
        case .profile: ("내 정보", "My profile")
        case .affiliations: ("소속·관계 기관 ID", "Affiliated organisations (ids)")
        case .affiliationsHint: ("재직·자문·지분 등 관계가 있는 기관의 ID를 공백으로 나누어 적으십시오. 이 기관의 신청에는 배정되지 않습니다.", "The ids of organisations you work for, advise or hold a stake in, separated by spaces. You will not be assigned their applications.")
        case .renew: ("갱신 신청", "Apply for renewal")
        case .renewHint: ("만료 전 3개월 안에 신청하면 새 인증은 만료 다음 날부터 이어집니다. 지난 신청서 내용으로 채워집니다.", "Renewed within the last 3 months, the new certificate starts the day after the old one expires. The draft is prefilled from the last dossier.")
        case .taskReview: ("심사표 제출", "Submit a review")
        case .taskDecide: OfficeWord.confirmDecision.words
        case .taskAssign: ("심사위원 배정", "Assign reviewers")
        case .taskReopen: ("이의 신청 처리", "Reopen after an appeal")
        case .taskSign: OfficeWord.awaitingSignature.words
        case .taskAppeal: ("이의 신청 가능", "Appeal possible")
        case .taskRenew: ("갱신 신청", "Renewal due")
        case .taskCheck: ("서면 검토", "Check completeness")
        case .taskAnswer: ("보완 후 재제출", "Answer and resubmit")
        case .taskDraft: OfficeWord.stateDraft.words
        case .task: ("할 일", "Task")
        case .registryPending: ("등록 대기 중인 인증 (다음 시작 때 다시 시도)", "Certificates waiting to be registered (retried at start-up)")
        case .roleInRound: OfficeWord.role.words
        case .decided: ("결과를 확정했습니다", "The result is confirmed")
        case .registerClosed: ("가입은 사무국을 통해 합니다. 사무국에 계정을 요청하십시오.", "Accounts are made by the secretariat; ask it for one.")
        }
    }
}
