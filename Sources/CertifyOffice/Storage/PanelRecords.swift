import Foundation
import GRDB

/// The rows of the panel's work: assignments, conflicts, reviews, the
/// chair's notes and decisions, the registry queue and appeals.

/// A reviewer or the chair assigned to one application.
public struct Assignment: OfficeRecord, Equatable {
    public var applicationID: Int64
    public var accountID: Int64
    public var role: RoundRoleKind
    public var assignedAt: Date
    /// The secretariat account that assigned it (nil: the round's chair, assigned when the file was accepted).
    public var assignedBy: Int64?
    /// When the review-due reminder was sent.
    public var remindedAt: Date?
}

/// A conflict of interest a reviewer or chair declared on an application.
public struct Conflict: OfficeRecord, Equatable {
    public var applicationID: Int64
    public var accountID: Int64
    public var reason: String
    public var at: Date
}

/// A reviewer's unsubmitted review sheet (the form's fields, as JSON).
public struct ReviewDraft: OfficeRecord, Equatable {
    public var applicationID: Int64
    public var accountID: Int64
    public var fields: String
    public var revision: Int
    public var updatedAt: Date
}

/// A submitted review: immutable; a revision is a new number. The review
/// XML (exactly what `certify validate` accepts) is a blob.
public struct SubmittedReview: OfficeRecord, Equatable {
    public static let databaseTableName = "review"
    public var applicationID: Int64
    public var accountID: Int64
    public var number: Int
    public var cycle: Int
    /// The reviewer's id in the round (R-01…), as the review XML names it.
    public var code: String
    public var xmlSHA256: String
    public var submittedAt: Date
}

/// The chair sends the panel's result back with a note (reviewers may revise).
public struct PanelNote: NumberedRecord, Equatable {
    public var id: Int64?
    public var applicationID: Int64
    public var cycle: Int
    public var note: String
    public var accountID: Int64
    public var at: Date
}

/// The chair's confirmation of the panel's result. Signed when its report
/// is stored (`reportSHA256`); until then it waits for `office sign`.
public struct OfficeDecision: NumberedRecord, Equatable {
    public static let databaseTableName = "decision"
    public var id: Int64?
    public var applicationID: Int64
    public var cycle: Int
    /// The application version decided.
    public var version: Int
    public var certified: Bool
    public var grade: String?
    /// The total score, exactly as the engine printed it.
    public var total: String
    /// The decision date: the start of validity.
    public var decisionDate: String
    public var validUntil: String?
    public var note: String
    public var chairID: Int64
    public var decidedAt: Date
    /// The SHA-256 of the review XMLs the result used, space-separated, in code order.
    public var reviews: String
    public var reportSHA256: String?
    public var signedAt: Date?
    /// The signer's public key (PEM), with which the registry checks the report.
    public var signerKey: String?
    public var signerName: String?
    /// The report's `generated-at` (RFC 3339, UTC).
    public var generatedAt: String?
    public var remindedAppeal: Bool = false
    public var remindedRenewal: Bool = false

    public var isSigned: Bool { reportSHA256 != nil }
    public var reviewDigests: [String] { reviews.split(separator: " ").map(String.init) }
}

/// A change the registry must make for a signed decision: written in the
/// decision's transaction, carried out after it and retried at start-up
/// until done (a durable queue).
public struct RegistryTask: NumberedRecord, Equatable {
    public enum Action: String, Codable, Sendable { case issue, revoke }
    public var id: Int64?
    public var decisionID: Int64
    public var action: Action
    /// For a revocation: its reason (`appeal`).
    public var reason: String?
    /// The certificate issued or revoked, once done.
    public var certificate: String?
    public var attempts: Int
    public var doneAt: Date?
    /// The last failure, in English, for the secretariat's dashboard.
    public var problem: String?
}

/// An applicant's appeal of a decision.
public struct Appeal: NumberedRecord, Equatable {
    public var id: Int64?
    public var applicationID: Int64
    public var decisionID: Int64
    public var reason: String
    public var filedBy: Int64
    public var filedAt: Date
    public var reopenedAt: Date?
}
