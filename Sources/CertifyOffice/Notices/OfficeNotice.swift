import CertifyModel

/// What the office tells a person by e-mail (and shows in the office):
/// subject and body in Korean and English, in one place per notice.
public enum OfficeNotice: Sendable, Equatable {
    /// A new registration: the link that confirms the address and sets the password.
    case confirmAddress(link: String)
    /// Someone registered with an address that already has an account.
    case alreadyRegistered(signIn: String)
    /// An account made by the secretariat: the link that sets its password.
    case accountCreated(link: String)
    case submitted(reference: String, url: String)
    case returned(reference: String, due: String, url: String)
    case accepted(reference: String, url: String)
    /// A reviewer or chair invited to a round (a new account's link sets its password).
    case invited(round: String, role: RoundRoleKind, url: String)
    case assigned(reference: String, role: RoundRoleKind, due: String, url: String)
    case reviewDue(reference: String, due: String, url: String)
    /// Every review is in: the chair may decide.
    case readyForDecision(reference: String, url: String)
    case sentBack(reference: String, note: String, url: String)
    case decided(reference: String, certified: Bool, outcome: String, appealDue: String, url: String)
    case appealFiled(reference: String, url: String)
    case reopened(reference: String, url: String)
    case appealClosing(reference: String, lastDay: String, url: String)
    case renewalDue(reference: String, validUntil: String, url: String)

    /// The subject: Korean first, then English.
    public var subject: String {
        let (ko, en) = texts.subject
        return "[Certify] \(ko) / \(en)"
    }

    /// The body: the Korean text, then the English.
    public var body: String {
        let (ko, en) = texts.body
        return ko + "\n\n---\n\n" + en + "\n"
    }

    /// The subject and the body of each notice, Korean and English side by side.
    var texts: (subject: (String, String), body: (String, String)) {
        switch self {
        case .confirmAddress(let link):
            (subject: ("전자우편 주소를 확인해 주십시오", "Confirm your e-mail address"),
             body: ("아래 링크를 열어 전자우편 주소를 확인하고 비밀번호를 설정하십시오. 링크는 7일 동안 한 번만 쓸 수 있습니다.\n\n\(link)\n\n가입하지 않으셨다면 이 메일을 무시하십시오.",
                   "Open the link below to confirm your address and set your password. It works once, for 7 days.\n\n\(link)\n\nIf you did not register, ignore this message."))
        case .alreadyRegistered(let signIn):
            (subject: ("이미 가입된 주소입니다", "You already have an account"),
             body: ("이 주소로 이미 계정이 있습니다. 로그인하십시오. 비밀번호를 잊으셨다면 사무국에 문의하십시오.\n\n\(signIn)",
                   "There is already an account with this address. Sign in; if you forgot your password, ask the secretariat.\n\n\(signIn)"))
        case .accountCreated(let link):
            (subject: ("인증 사무국 계정이 만들어졌습니다", "Your certification office account"),
             body: ("인증 사무국이 계정을 만들었습니다. 아래 링크에서 비밀번호를 설정하십시오 (7일 동안 한 번만 쓸 수 있습니다).\n\n\(link)",
                   "The certification office made an account for you. Set your password at the link below (it works once, for 7 days).\n\n\(link)"))
        case .submitted(let reference, let url):
            (subject: ("신청 \(reference)이(가) 제출되었습니다", "Application \(reference) submitted"),
             body: ("신청 \(reference)이(가) 제출되었습니다. 사무국이 서면 검토를 합니다.\n\n\(url)",
                   "Application \(reference) was submitted. The secretariat will check that it is complete.\n\n\(url)"))
        case .returned(let reference, let due, let url):
            (subject: ("신청 \(reference) 보완 요청", "Application \(reference) returned with requests"),
             body: ("신청 \(reference)에 보완 요청이 있습니다. \(due) 24:00(한국 시간)까지 답하고 다시 제출하십시오. 기한이 지나면 신청이 종료됩니다.\n\n\(url)",
                   "Application \(reference) was returned with requests. Answer and resubmit by 24:00 KST on \(due); after that the application lapses.\n\n\(url)"))
        case .accepted(let reference, let url):
            (subject: ("신청 \(reference)이(가) 접수되었습니다", "Application \(reference) accepted"),
             body: ("신청 \(reference)이(가) 서면 검토를 통과하여 심사에 들어갑니다.\n\n\(url)",
                   "Application \(reference) is complete and goes to review.\n\n\(url)"))
        case .invited(let round, let role, let url):
            (subject: ("\(round) \(role == .chair ? "심사위원장" : "심사위원")으로 위촉되었습니다",
                       "You are invited as \(role == .chair ? "chair" : "reviewer") of \(round)"),
             body: ("인증 사무국이 귀하를 \(round)의 \(role == .chair ? "심사위원장" : "심사위원")으로 위촉했습니다. 아래 주소에서 로그인하여 소속 기관과 이해충돌을 밝혀 주십시오.\n\n\(url)",
                   "The certification office invites you as \(role == .chair ? "chair" : "reviewer") of \(round). Sign in at the address below and declare your affiliations and conflicts.\n\n\(url)"))
        case .assigned(let reference, let role, let due, let url):
            (subject: ("신청 \(reference) 심사 배정", "Application \(reference) assigned to you"),
             body: (role == .chair
                      ? "신청 \(reference)의 심사위원장으로 배정되었습니다. 심사표가 모두 제출되면 결과를 확정합니다.\n\n\(url)"
                      : "신청 \(reference)의 심사위원으로 배정되었습니다. \(due) 24:00(한국 시간)까지 심사표를 제출하십시오. 이해충돌이 있으면 바로 밝혀 주십시오.\n\n\(url)",
                   role == .chair
                      ? "You chair the panel on application \(reference). When every review is in, you confirm the result.\n\n\(url)"
                      : "You are assigned to review application \(reference). Submit your review by 24:00 KST on \(due). If you have a conflict of interest, declare it now.\n\n\(url)"))
        case .reviewDue(let reference, let due, let url):
            (subject: ("신청 \(reference) 심사 기한 \(due)", "Review of \(reference) due \(due)"),
             body: ("신청 \(reference)의 심사표 제출 기한은 \(due) 24:00(한국 시간)입니다.\n\n\(url)",
                   "Your review of application \(reference) is due by 24:00 KST on \(due).\n\n\(url)"))
        case .readyForDecision(let reference, let url):
            (subject: ("신청 \(reference) 심사표가 모두 제출되었습니다", "All reviews of \(reference) are in"),
             body: ("신청 \(reference)의 심사표가 모두 제출되었습니다. 심사 결과를 확인하고 확정하거나 재심사를 요청하십시오.\n\n\(url)",
                   "Every review of application \(reference) is in. Check the panel's result and confirm it or send it back.\n\n\(url)"))
        case .sentBack(let reference, let note, let url):
            (subject: ("신청 \(reference) 재심사 요청", "Application \(reference) sent back to the panel"),
             body: ("심사위원장이 신청 \(reference)의 심사 결과를 다시 검토해 달라고 요청했습니다. 심사표를 고쳐 다시 제출할 수 있습니다.\n\n\(note)\n\n\(url)",
                   "The chair sent the panel's result on application \(reference) back. You may revise and resubmit your review.\n\n\(note)\n\n\(url)"))
        case .decided(let reference, let certified, let outcome, let appealDue, let url):
            (subject: ("신청 \(reference) 인증 결과", "Decision on application \(reference)"),
             body: ((certified ? "신청 \(reference)이(가) 인증되었습니다: \(outcome)." : "신청 \(reference)은(는) 인증되지 않았습니다: \(outcome).")
                      + " 서명된 심사 보고서와 결과를 아래에서 볼 수 있습니다. 결과에 이의가 있으면 \(appealDue) 24:00(한국 시간)까지 이의 신청을 할 수 있습니다.\n\n\(url)",
                   (certified ? "Application \(reference) is certified: \(outcome)." : "Application \(reference) is not certified: \(outcome).")
                      + " The signed audit report and the result are at the address below. You may appeal until 24:00 KST on \(appealDue).\n\n\(url)"))
        case .appealFiled(let reference, let url):
            (subject: ("신청 \(reference) 이의 신청", "Appeal against the decision on \(reference)"),
             body: ("신청 \(reference)의 결정에 이의 신청이 접수되었습니다. 재심사를 시작하십시오.\n\n\(url)",
                   "An appeal was filed against the decision on application \(reference). Reopen the review.\n\n\(url)"))
        case .reopened(let reference, let url):
            (subject: ("신청 \(reference) 재심사", "Application \(reference) reopened for review"),
             body: ("이의 신청으로 신청 \(reference)의 심사가 다시 열렸습니다. 심사표를 다시 제출해 주십시오.\n\n\(url)",
                   "Application \(reference) is reopened for review after an appeal. Please submit your review again.\n\n\(url)"))
        case .appealClosing(let reference, let lastDay, let url):
            (subject: ("신청 \(reference) 이의 신청 기한 \(lastDay)", "Appeal period for \(reference) ends \(lastDay)"),
             body: ("신청 \(reference)의 결정에 대한 이의 신청 기한은 \(lastDay) 24:00(한국 시간)입니다.\n\n\(url)",
                   "The period to appeal the decision on application \(reference) ends at 24:00 KST on \(lastDay).\n\n\(url)"))
        case .renewalDue(let reference, let validUntil, let url):
            (subject: ("인증 갱신 신청 안내 (\(validUntil) 만료)", "Renew your certificate (expires \(validUntil)) · \(reference)"),
             body: ("신청 \(reference)으로 받은 인증이 \(validUntil)에 만료됩니다. 지금 갱신을 신청하면 만료 다음 날부터 새 인증이 이어집니다.\n\n\(url)",
                   "The certificate granted on application \(reference) expires on \(validUntil). Apply for renewal now and the new one starts the day after.\n\n\(url)"))
        }
    }
}
