import CertifyModel

/// What the office tells a person by e-mail (and shows in the office):
/// one case each, its subject the line `caseName` of `OfficeNotice.tsv`
/// and its body the line `caseName.body`, each in Korean and English.
public enum OfficeNotice: TabledMessage, Equatable {
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
    /// An application given to a reviewer, who reviews it by `due`, or to its chair.
    case assignedReviewer(reference: String, due: String, url: String)
    case assignedChair(reference: String, url: String)
    case reviewDue(reference: String, due: String, url: String)
    /// Every review is in: the chair may decide.
    case readyForDecision(reference: String, url: String)
    case sentBack(reference: String, note: String, url: String)
    /// The decision, certified or not; `outcome` is its grade and total.
    case certified(reference: String, outcome: String, appealDue: String, url: String)
    case notCertified(reference: String, outcome: String, appealDue: String, url: String)
    case appealFiled(reference: String, url: String)
    case reopened(reference: String, url: String)
    case appealClosing(reference: String, lastDay: String, url: String)
    case renewalDue(reference: String, validUntil: String, url: String)

    /// The texts: a notice's words are its subject, `caseName.body` its body.
    public static let messageTable = MessageTable<OfficeNotice>(PackageResources.OfficeNotice_tsv)

    /// The notice of a decision, whose words depend on its outcome.
    public static func decided(reference: String, certified: Bool, outcome: String, appealDue: String, url: String) -> OfficeNotice {
        certified ? .certified(reference: reference, outcome: outcome, appealDue: appealDue, url: url)
                  : .notCertified(reference: reference, outcome: outcome, appealDue: appealDue, url: url)
    }

    /// The notice of an assignment: a reviewer's has the day the review is due, a chair's none.
    public static func assigned(reference: String, role: RoundRoleKind, due: String, url: String) -> OfficeNotice {
        role == .chair ? .assignedChair(reference: reference, url: url) : .assignedReviewer(reference: reference, due: due, url: url)
    }

    /// The subject: Korean first, then English.
    public var subject: String {
        let (ko, en) = words
        return "[Certify] \(ko) / \(en)"
    }

    /// The body: the Korean text, then the English.
    public var body: String {
        let (ko, en) = Self.messageTable[self, part: "body"]
        return ko + "\n\n---\n\n" + en + "\n"
    }
}
