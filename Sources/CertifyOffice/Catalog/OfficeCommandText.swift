import CertifyModel

/// What `certify office sign|export|demo` print, in Korean and English:
/// one case each, its texts a line of `OfficeCommandText.tsv`.
public enum OfficeCommandText: TabledMessage, Equatable {
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

    public static let messageTable = MessageTable<OfficeCommandText>(PackageResources.OfficeCommandText_tsv)

    /// The decisions' lines, whose words depend on the outcome and on
    /// whether a certificate was issued; every other text is in the table.
    public var computedWords: (ko: String, en: String)? {
        switch self {
        case .signed(let reference, let decision, let certified, let certificate):
            ("서명함: \(reference) 결정 \(decision) (\(Self.outcome(certified).ko))\(Self.issued(certificate).ko)",
             "signed: \(reference) decision \(decision) (\(Self.outcome(certified).en))\(Self.issued(certificate).en)")
        case .exported(let folder, let decision, let certified, let reviews):
            ("\(folder)/: 결정 \(decision) (\(Self.outcome(certified).ko)), 심사표 \(reviews)건",
             "\(folder)/: decision \(decision) (\(Self.outcome(certified).en)), \(reviews) review(s)")
        case .demoDecision(let reference, let decision, let certified, let certificate):
            ("\(reference) 결정 \(decision): \(Self.outcome(certified).ko)\(Self.issued(certificate).ko)",
             "\(reference) decision \(decision): \(Self.outcome(certified).en)\(Self.issued(certificate).en)")
        default: nil
        }
    }
}
