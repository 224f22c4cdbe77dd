import Foundation
import GRDB

/// The database's rows. Plain Codable records; GRDB's query interface
/// reads and writes them (no SQL assembled from strings). A record's table
/// is GRDB's default, its type name with a lowercase initial (`RecoveryCode`
/// → `recoveryCode`), unless it names another (`OfficeApplication` →
/// `application`); SchemaTests pins which table each record reads.

/// A row of the office database.
public protocol OfficeRecord: Codable, Sendable, FetchableRecord, PersistableRecord {}

/// A row whose integer id the database assigns when it is inserted.
public protocol NumberedRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get set }
}

extension NumberedRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct Account: NumberedRecord, Equatable {
    public var id: Int64?
    public var email: String
    public var name: String
    public var kind: AccountKind
    public var passwordHash: String?
    public var organisationID: String?
    public var organisationConfirmed: Bool
    public var totpSecret: String?
    /// The last TOTP time step accepted: each code is accepted once.
    public var totpLastStep: Int64?
    /// When the last second-factor code was entered (a chair's decision needs one within 5 minutes).
    public var secondFactorAt: Date?
    public var disabled: Bool
    public var createdAt: Date
    /// Bumped on every change of role, password or status: a session
    /// remembers the generation it was made in and ends when it differs.
    public var generation: Int64
    /// The organisations a reviewer or chair declares an affiliation with
    /// (space-separated ids): it cannot be assigned their applications.
    public var affiliations: String = ""

    public var affiliationIDs: [String] { affiliations.split(separator: " ").map(String.init) }

    public var needsSecondFactor: Bool { kind == .secretariat }
}

public struct RecoveryCode: OfficeRecord {
    public var accountID: Int64
    public var codeHash: String
    public var usedAt: Date?
}

/// A one-time link: set a password, an invitation, an e-mail check, a reset.
public struct OneTimeLink: OfficeRecord {
    public enum Purpose: String, Codable, Sendable { case setPassword = "set-password", invitation, verifyEmail = "verify-email", reset }
    /// SHA-256 of the token, hex: the token itself is never stored.
    public var tokenHash: String
    public var accountID: Int64
    public var email: String
    public var purpose: Purpose
    public var expiresAt: Date
    public var usedAt: Date?
}

public struct Organisation: OfficeRecord {
    public var id: String
    public var name: String

    /// An organisation; without a name (nil or empty) it goes by its id.
    public init(id: String, name: String? = nil) {
        self.id = id
        self.name = name.flatMap { $0.isEmpty ? nil : $0 } ?? id
    }
}

public struct Round: NumberedRecord, Equatable {
    public var id: Int64?
    public var name: String
    public var rubricID: String
    public var rubricVersion: String
    public var opens: String
    public var closes: String
    public var reviewDeadline: String
    public var responseDays: Int
    public var appealDays: Int
    public var reviewerCount: Int
    public var closed: Bool
}

public struct RoundRole: OfficeRecord {
    public var roundID: Int64
    public var accountID: Int64
    public var role: RoundRoleKind
    /// The reviewer's id in the round's reports (R-01, R-02, …).
    public var code: String
}

public struct OfficeApplication: NumberedRecord, Equatable {
    public static let databaseTableName = "application"
    public var id: Int64?
    /// The dossier id the server writes: e.g. `R1-0001`.
    public var reference: String
    public var roundID: Int64
    public var organisationID: String
    public var state: ApplicationState
    /// The draft's form fields (the self-check form's names and values), as JSON.
    public var draft: String
    /// Incremented on every save: a save based on an older one is refused.
    public var draftRevision: Int
    /// The last submitted version's number (0: never submitted).
    public var submittedVersion: Int
    /// The last day of the response period while returned.
    public var responseDue: String?
    public var createdBy: Int64
    public var updatedAt: Date
    /// The co-applicant organisations the draft names (space-separated):
    /// each confirms the joint application before it can be submitted.
    public var coApplicants: String = ""
    /// The review cycle: 1, then one more for each appeal reopened. Reviews
    /// and decisions belong to a cycle; only the current one's reviews count.
    public var cycle: Int = 1
    /// The decision whose certificate this application renews, if any.
    public var renewalOf: Int64?
    /// The last day to appeal the current decision, while decided.
    public var appealDue: String?

    /// The organisations applying: the lead and the co-applicants.
    public var organisationIDs: [String] { [organisationID] + coApplicantIDs }

    public var coApplicantIDs: [String] { coApplicants.split(separator: " ").map(String.init) }
}

/// A submitted, frozen version: the dossier XML by its SHA-256.
public struct ApplicationVersion: OfficeRecord {
    public var applicationID: Int64
    public var number: Int
    public var dossierSHA256: String
    public var submittedAt: Date
    public var submittedBy: Int64
}

/// An evidence file uploaded to an application (its bytes are a blob).
public struct EvidenceFile: OfficeRecord {
    public var applicationID: Int64
    public var sha256: String
    public var fileName: String
    public var size: Int
    public var uploadedAt: Date
    public var uploadedBy: Int64
}

/// Content-addressed bytes: dossiers and evidence, stored once by SHA-256.
public struct Blob: OfficeRecord {
    public var sha256: String
    public var bytes: Data
}

/// One request of a completeness return, per indicator.
public struct ReturnRequest: OfficeRecord, Equatable {
    public var applicationID: Int64
    /// The version returned.
    public var version: Int
    public var indicator: String
    public var text: String
}

/// A server-side session (hummingbird-auth's session storage over GRDB):
/// the key is stored as its SHA-256, so the database never holds a usable id.
public struct SessionRow: OfficeRecord {
    public static let databaseTableName = "session"
    public var keyHash: String
    public var value: Data
    public var expiresAt: Date?

    /// The row of the session `key` (stored as `keyHash(key)`).
    public init(key: String, value: Data, expiresAt: Date?) {
        keyHash = Self.keyHash(key)
        self.value = value
        self.expiresAt = expiresAt
    }

    /// The primary key of the session `key`: its SHA-256, hex.
    public static func keyHash(_ key: String) -> String { sha256Hex(Array(key.utf8)) }
}

/// A failed sign-in, for throttling per account and per address.
public struct LoginFailure: OfficeRecord {
    public var key: String
    public var at: Date
}

/// A row of the append-only action log.
public struct ActionRow: OfficeRecord, Equatable {
    public static let databaseTableName = "actionLog"
    public var seq: Int64
    public var time: String
    public var accountID: Int64?
    public var action: String
    public var object: String
    /// SHA-256 (hex) of what the action stored, or nil.
    public var stored: String?
    public var previous: String
    public var hash: String
}

public struct Setting: OfficeRecord {
    public var key: String
    public var value: String
}

/// A notice: shown to its account in the office and sent by e-mail
/// (queued in the action's transaction, delivered after it and at start-up).
public struct NoticeRow: NumberedRecord {
    public static let databaseTableName = "notice"
    public var id: Int64?
    public var accountID: Int64?
    public var recipient: String
    public var subject: String
    public var body: String
    public var createdAt: Date
    public var sentAt: Date?
    public var attempts: Int
}

/// A co-applicant organisation's confirmation of a joint application, for one draft revision.
public struct JointConsent: OfficeRecord {
    public var applicationID: Int64
    public var organisationID: String
    public var revision: Int
    public var accountID: Int64
    public var at: Date
}
