import CertifyModel

/// What `certify office sign|export|demo` print, in Korean and English:
/// one case each, both languages in one place.
public enum OfficeCommandText: LocalizedPair, Equatable {
    /// `office sign`: one decision signed, and its certificate once registered.
    case signed(reference: String, decision: Int64, certified: Bool, certificate: String?)
    case nothingToSign
    /// `office sign --registry`: registry changes still waiting (they are retried at the next run or start-up).
    case registryWaiting(count: Int)
    /// `office export`: one decision's folder.
    case exported(folder: String, decision: Int64, certified: Bool, reviews: Int)
    case exportedNone
    case exportTargetNotEmpty(path: String)
    /// `office demo`.
    case demoDataNotEmpty(path: String)
    case demoRegistryNotEmpty(path: String)
    case demoSamplesMissing(path: String)
    case demoAccountsHeading
    case demoAccount(role: OfficeWord, email: String, password: String)
    case demoSecondFactor(email: String, base32: String)
    case demoApplication(reference: String, sample: String, state: ApplicationState)
    case demoDecision(reference: String, decision: Int64, certified: Bool, certificate: String?)
    case demoSignIn(command: String, url: String)
    case demoWarning
    /// What the demo's people write: the secretariat's request, the chair's notes, the appeal.
    case demoRequest, demoNote, demoAppealReason, demoAppealNote

    /// The text as an office message (for errors, which carry `OfficeMessage`).
    public var message: OfficeMessage { .diagnostic(ko: text(.ko), en: text(.en)) }

    /// A decision's outcome in the office's words, mid-sentence.
    static func outcome(_ certified: Bool) -> (ko: String, en: String) {
        let words = (certified ? OfficeWord.certified : .notCertified).words
        return (words.ko, words.en.lowercasedFirst)
    }

    /// ", certificate KR-…" after a decision that issued one; nothing otherwise.
    static func issued(_ certificate: String?) -> (ko: String, en: String) {
        (certificate.map { ", 인증서 \($0)" } ?? "", certificate.map { ", certificate \($0)" } ?? "")
    }

    public var words: (ko: String, en: String) {
        switch self {
        case .signed(let reference, let decision, let certified, let certificate):
            ("서명함: \(reference) 결정 \(decision) (\(Self.outcome(certified).ko))\(Self.issued(certificate).ko)",
             "signed: \(reference) decision \(decision) (\(Self.outcome(certified).en))\(Self.issued(certificate).en)")
        case .nothingToSign:
            ("서명을 기다리는 결정이 없습니다", "no decision waits for a signature")
        case .registryWaiting(let count):
            ("등록부 반영 대기: \(count)건", "registry changes waiting: \(count)")
        case .exported(let folder, let decision, let certified, let reviews):
            ("\(folder)/: 결정 \(decision) (\(Self.outcome(certified).ko)), 심사표 \(reviews)건",
             "\(folder)/: decision \(decision) (\(Self.outcome(certified).en)), \(reviews) review(s)")
        case .exportedNone:
            ("서명된 결정이 없어 내보낼 것이 없습니다", "no signed decision to export")
        case .exportTargetNotEmpty(let path):
            ("\(path)이(가) 이미 있고 빈 디렉터리가 아닙니다. 비어 있거나 없는 디렉터리를 지정하십시오",
             "\(path) exists and is not an empty directory; give an empty or missing directory")
        case .demoDataNotEmpty(let path):
            ("\(path)이(가) 이미 있고 빈 디렉터리가 아닙니다. 데모는 비어 있거나 없는 디렉터리에만 만듭니다",
             "\(path) exists and is not an empty directory; the demo is made only in an empty or missing directory")
        case .demoRegistryNotEmpty(let path):
            ("\(path) 등록부에 이미 항목이 있습니다. 데모는 새 등록부에만 기록합니다",
             "the registry \(path) already holds entries; the demo writes only to a new one")
        case .demoSamplesMissing(let path):
            ("\(path)에서 예시 파일(Samples/)을 찾을 수 없습니다. --samples로 지정하십시오",
             "cannot find the samples (Samples/) in \(path); give --samples")
        case .demoAccountsHeading:
            ("데모 계정 (이 비밀번호는 지금 한 번만 표시됩니다):", "Demo accounts (these passwords are shown this once):")
        case .demoAccount(let role, let email, let password):
            ("  \(role.text(.ko))\t\(email)\t\(password)", "  \(role.text(.en))\t\(email)\t\(password)")
        case .demoSecondFactor(let email, let base32):
            ("  \(email)의 OTP 비밀키 (인증 앱에 등록): \(base32)",
             "  \(email)'s OTP secret (add it to an authenticator app): \(base32)")
        case .demoApplication(let reference, let sample, let state):
            ("\(reference)\t\(sample)\t\(state.word.text(.ko))", "\(reference)\t\(sample)\t\(state.word.text(.en))")
        case .demoDecision(let reference, let decision, let certified, let certificate):
            ("\(reference) 결정 \(decision): \(Self.outcome(certified).ko)\(Self.issued(certificate).ko)",
             "\(reference) decision \(decision): \(Self.outcome(certified).en)\(Self.issued(certificate).en)")
        case .demoSignIn(let command, let url):
            ("로그인: \(command) 을(를) 실행한 뒤 \(url)/office 를 여십시오",
             "Sign in: run \(command), then open \(url)/office")
        case .demoWarning:
            ("데모 계정은 사무국을 시험해 보는 용도입니다. 실제 심사에 쓰지 마십시오.",
             "Demo accounts are for trying the office only; do not use them for a real round.")
        case .demoRequest:
            ("증빙 파일의 내용을 확인할 수 없습니다. 원본을 다시 올려 주십시오 (데모)",
             "The evidence files cannot be read; please upload the originals again (demo)")
        case .demoNote:
            ("심사위원 평가 결과를 확정합니다 (데모)", "The panel's result is confirmed (demo)")
        case .demoAppealReason:
            ("KPI 달성률 산정에 이의가 있습니다 (데모)", "We dispute how the KPI achievement was computed (demo)")
        case .demoAppealNote:
            ("이의 신청에 따른 재심사 결과를 확정합니다 (데모)", "The result of the review reopened on appeal is confirmed (demo)")
        }
    }
}
