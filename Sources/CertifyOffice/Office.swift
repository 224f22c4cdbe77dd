import CertifyModel
import CertifyRegistry
import CertifyReport
import CertifyRuntime
import Foundation
import GRDB
import Synchronization

/// The time source of the office (tests set it).
public struct OfficeClock: Sendable {
    public let now: @Sendable () -> Date
    public init(_ now: @escaping @Sendable () -> Date) { self.now = now }
    public static let system = OfficeClock { Date() }
}

/// The certification office: its database, calendar, clock, rubrics and
/// policy. Every method is one action: it checks the policy and the
/// workflow, changes the database in one transaction and appends the
/// action's row to the log in that same transaction.
public final class Office: Sendable {
    public let store: OfficeStore
    public let calendar: SeoulCalendar
    public let clock: OfficeClock
    public let certifier: Certifier
    public let policy = Policy()
    /// Retention of accounts and drafts, in days (a setting; default five years).
    public let retentionDays: Int
    /// The office's public address, for links in notices.
    public let publicURL: String
    /// The host's sendmail interface (`--sendmail PATH`); without it notices are only shown in the office.
    public let mailer: Sendmail?
    public let mailFrom: String
    /// bcrypt's work factor for new passwords (12; tests use less, the check is the same).
    public let passwordCost: UInt8
    /// Signs a decision when the chair confirms it (`--signing-key`); without
    /// it decisions wait for `certify office sign`.
    public let signer: ReportSigner?
    /// Where certified decisions are registered (`--registry`), through the durable queue.
    public let registry: Registry?
    /// One run of the registry queue at a time in this process.
    let queueRun = Mutex(())

    public init(store: OfficeStore, certifier: Certifier, calendar: SeoulCalendar = SeoulCalendar(),
                clock: OfficeClock = .system, retentionDays: Int = 5 * 365, publicURL: String = "http://127.0.0.1:8080",
                mailer: Sendmail? = nil, mailFrom: String = "Certify <certify@localhost>", passwordCost: UInt8 = Passwords.cost,
                signer: ReportSigner? = nil, registry: Registry? = nil) {
        self.signer = signer
        self.registry = registry
        self.store = store
        self.certifier = certifier
        self.calendar = calendar
        self.clock = clock
        self.retentionDays = retentionDays
        self.publicURL = publicURL
        self.mailer = mailer
        self.mailFrom = mailFrom
        self.passwordCost = passwordCost
    }

    public var today: CalendarDate { calendar.date(of: clock.now()) }

    /// Throws the policy's refusal as an error (`hidden` is "not found").
    public func authorize(_ actor: Actor?, _ permission: Permission) throws(OfficeError) {
        switch policy.decide(actor, permission) {
        case .allow: return
        case .hidden: throw OfficeError(.notFound, .notFound)
        case .forbidden: throw OfficeError(.forbidden, .forbidden)
        case .signIn: throw OfficeError(.unauthenticated, .signInRequired)
        case .enrolSecondFactor: throw OfficeError(.forbidden, .secondFactorRequired)
        }
    }

    /// The actor of an account id, re-read on every request so that a
    /// disabled account or a changed role takes effect at once.
    public func actor(accountID: Int64, generation: Int64) throws(OfficeError) -> Actor? {
        try store.read { db in
            guard let account = try Account.fetchOne(db, key: accountID), !account.disabled,
                  account.generation == generation else { return nil }
            var roles: [Int64: Set<RoundRoleKind>] = [:]
            for role in try RoundRole.filter(Column("accountID") == accountID).fetchAll(db) {
                roles[role.roundID, default: []].insert(role.role)
            }
            var assignments: [Int64: RoundRoleKind] = [:]
            for assignment in try Assignment.filter(Column("accountID") == accountID).fetchAll(db) {
                assignments[assignment.applicationID] = assignment.role
            }
            return Actor(account: account, roundRoles: roles, assignments: assignments)
        }
    }

    func log(_ db: Database, _ actor: Int64?, _ action: String, _ object: String, stored: String?) throws {
        try ActionLog.append(db, at: clock.now(), account: actor, action: action, object: object,
                             stored: stored.map { sha256Hex(Array($0.utf8)) })
    }

    public func head() throws(OfficeError) -> ActionLog.Head { try store.read { try ActionLog.head($0) } }

    public func audit(since: ActionLog.Head? = nil) throws(OfficeError) -> AuditReport {
        try store.read { try Audit.run($0, since: since) }
    }

    /// The application row `id` (not found: a 404).
    func applicationRow(_ db: Database, _ id: Int64) throws -> OfficeApplication {
        guard let row = try OfficeApplication.fetchOne(db, key: id) else { throw OfficeError(.notFound, .notFound) }
        return row
    }

    /// The application row `id`, once the policy allows `actor` the permission on it.
    func applicationRow(_ db: Database, _ id: Int64, _ actor: Actor,
                        may permission: (OfficeApplication) -> Permission) throws -> OfficeApplication {
        let application = try applicationRow(db, id)
        try authorize(actor, permission(application))
        return application
    }

    /// A required free text (a note, a reason), trimmed; refused when empty.
    static func required(_ text: String, field: String, else missing: OfficeMessage) throws(OfficeError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw OfficeError(.invalid, missing, field: field) }
        return trimmed
    }
}
