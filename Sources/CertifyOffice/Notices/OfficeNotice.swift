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

    /// The subject: Korean first, then English.
    public var subject: String {
        let (ko, en) = subjects
        return "[Certify] \(ko) / \(en)"
    }

    var subjects: (String, String) {
        switch self {
        case .confirmAddress: ("전자우편 주소를 확인해 주십시오", "Confirm your e-mail address")
        case .alreadyRegistered: ("이미 가입된 주소입니다", "You already have an account")
        case .accountCreated: ("인증 사무국 계정이 만들어졌습니다", "Your certification office account")
        case .submitted(let reference, _): ("신청 \(reference)이(가) 제출되었습니다", "Application \(reference) submitted")
        case .returned(let reference, _, _): ("신청 \(reference) 보완 요청", "Application \(reference) returned with requests")
        case .accepted(let reference, _): ("신청 \(reference)이(가) 접수되었습니다", "Application \(reference) accepted")
        }
    }

    /// The body: the Korean text, then the English.
    public var body: String {
        let (ko, en) = bodies
        return ko + "\n\n---\n\n" + en + "\n"
    }

    var bodies: (String, String) {
        switch self {
        case .confirmAddress(let link):
            ("아래 링크를 열어 전자우편 주소를 확인하고 비밀번호를 설정하십시오. 링크는 7일 동안 한 번만 쓸 수 있습니다.\n\n\(link)\n\n가입하지 않으셨다면 이 메일을 무시하십시오.",
             "Open the link below to confirm your address and set your password. It works once, for 7 days.\n\n\(link)\n\nIf you did not register, ignore this message.")
        case .alreadyRegistered(let signIn):
            ("이 주소로 이미 계정이 있습니다. 로그인하십시오. 비밀번호를 잊으셨다면 사무국에 문의하십시오.\n\n\(signIn)",
             "There is already an account with this address. Sign in; if you forgot your password, ask the secretariat.\n\n\(signIn)")
        case .accountCreated(let link):
            ("인증 사무국이 계정을 만들었습니다. 아래 링크에서 비밀번호를 설정하십시오 (7일 동안 한 번만 쓸 수 있습니다).\n\n\(link)",
             "The certification office made an account for you. Set your password at the link below (it works once, for 7 days).\n\n\(link)")
        case .submitted(let reference, let url):
            ("신청 \(reference)이(가) 제출되었습니다. 사무국이 서면 검토를 합니다.\n\n\(url)",
             "Application \(reference) was submitted. The secretariat will check that it is complete.\n\n\(url)")
        case .returned(let reference, let due, let url):
            ("신청 \(reference)에 보완 요청이 있습니다. \(due) 24:00(한국 시간)까지 답하고 다시 제출하십시오. 기한이 지나면 신청이 종료됩니다.\n\n\(url)",
             "Application \(reference) was returned with requests. Answer and resubmit by 24:00 KST on \(due); after that the application lapses.\n\n\(url)")
        case .accepted(let reference, let url):
            ("신청 \(reference)이(가) 서면 검토를 통과하여 심사에 들어갑니다.\n\n\(url)",
             "Application \(reference) is complete and goes to review.\n\n\(url)")
        }
    }
}
