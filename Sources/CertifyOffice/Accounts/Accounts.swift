import CertifyModel
import Crypto
import Foundation
import GRDB
import HummingbirdOTP

/// A new one-time link: the token goes into the URL once; only its SHA-256 is kept.
public struct IssuedLink: Sendable {
    public var token: String
    public var account: Account
}

extension Office {
    static let invitationLifetime: TimeInterval = 7 * 24 * 3600
    static let resetLifetime: TimeInterval = 3600
    /// Sign-in failures allowed in the window, per account and per address.
    static let failuresAllowed = 5
    static let failureWindow: TimeInterval = 15 * 60

    // MARK: Accounts

    /// Creates an account (no password yet) and a one-time link to set it.
    /// `by`: the secretariat account that creates it (nil: the command line).
    public func createAccount(email: String, name: String, kind: AccountKind, organisation: Organisation? = nil,
                              by: Actor?, notice: Bool = true) throws(OfficeError) -> IssuedLink {
        if let by { try authorize(by, .manageAccounts) }
        let email = try Self.normalisedEmail(email)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw OfficeError(.invalid, .fieldRequired(label: .name), field: "name") }
        if kind == .applicant, organisation == nil { throw OfficeError(.invalid, .noOrganisation, field: "organisation-id") }
        if let organisation { try Self.checkOrganisationID(organisation.id) }
        let now = clock.now()
        let token = Tokens.random()
        return try store.write { db in
            if try Account.filter(Column("email") == email).fetchCount(db) > 0 {
                throw OfficeError(.conflict, .emailTaken, field: "email")
            }
            if let organisation, try Organisation.fetchOne(db, key: organisation.id) == nil {
                try organisation.insert(db)
                try log(db, by?.id, "organisation-create", "organisation:\(organisation.id)", stored: Snapshot.organisation(organisation))
            }
            var account = Account(
                id: nil, email: email, name: name, kind: kind, passwordHash: nil, organisationID: organisation?.id,
                organisationConfirmed: kind == .applicant && by != nil, totpSecret: nil, totpLastStep: nil,
                secondFactorAt: nil, disabled: false, createdAt: now, generation: 0)
            try account.insert(db)
            try log(db, by?.id, "account-create", "account:\(account.id!)", stored: Snapshot.account(account))
            try OneTimeLink(tokenHash: sha256Hex(Array(token.utf8)), accountID: account.id!, email: email,
                            purpose: by == nil && kind == .applicant ? .verifyEmail : .setPassword,
                            expiresAt: now + Self.invitationLifetime, usedAt: nil).insert(db)
            if by != nil, notice { try notify(db, account, .accountCreated(link: url("/office/link/\(token)"))) }
            return IssuedLink(token: token, account: account)
        }
    }

    /// An applicant registers for one organisation: the link that confirms
    /// the address (and sets the password) goes only by e-mail, and an
    /// address that already has an account is told so by e-mail, so that
    /// the page says the same either way. The secretariat confirms the
    /// organisation later.
    public func register(email: String, name: String, organisationID: String, organisationName: String) throws(OfficeError) {
        let address = try Self.normalisedEmail(email)
        let id = organisationID.trimmingCharacters(in: .whitespaces).uppercased()
        let orgName = organisationName.trimmingCharacters(in: .whitespacesAndNewlines)
        if let existing = try store.read({ db in try Account.filter(Column("email") == address).fetchOne(db) }) {
            try store.write { db in try notify(db, existing, .alreadyRegistered(signIn: url("/office/sign-in"))) }
            return
        }
        let link = try createAccount(email: address, name: name, kind: .applicant,
                                     organisation: Organisation(id: id, name: orgName), by: nil)
        try store.write { db in try notify(db, link.account, .confirmAddress(link: url("/office/link/\(link.token)"))) }
    }

    /// The secretariat (or the operator, `actor` nil) confirms that an
    /// applicant account belongs to its organisation.
    public func confirmOrganisation(accountID: Int64, by actor: Actor?) throws(OfficeError) {
        if let actor { try authorize(actor, .manageAccounts) }
        try store.write { db in
            guard var account = try Account.fetchOne(db, key: accountID), account.kind == .applicant else {
                throw OfficeError(.notFound, .notFound)
            }
            account.organisationConfirmed = true
            try save(&account, db, by: actor?.id, "organisation-confirm")
        }
    }

    /// Disables (or enables) an account: its sessions end at once, because
    /// every request re-reads the account and its generation.
    public func setDisabled(_ disabled: Bool, email: String, by actor: Actor?) throws(OfficeError) {
        if let actor { try authorize(actor, .manageAccounts) }
        try store.write { db in
            guard var account = try Account.filter(Column("email") == email.lowercased()).fetchOne(db) else {
                throw OfficeError(.notFound, .accountUnknown(email: email))
            }
            // Nobody locks themselves out from the pages (the command line can).
            if let actor, actor.id == account.id { throw OfficeError(.forbidden, .forbidden) }
            account.disabled = disabled
            try save(&account, db, by: actor?.id, disabled ? "account-disable" : "account-enable")
        }
    }

    public func accounts() throws(OfficeError) -> [Account] {
        try store.read { try Account.order(Column("id")).fetchAll($0) }
    }

    /// A secretariat's view of the accounts (personal data): logged.
    public func accounts(viewedBy actor: Actor) throws(OfficeError) -> [Account] {
        try authorize(actor, .manageAccounts)
        return try store.write { db in
            try log(db, actor.id, "personal-data-view", "accounts", stored: nil)
            return try Account.order(Column("id")).fetchAll(db)
        }
    }

    // MARK: Links

    /// The link's account if the token is valid (unused, unexpired); opening
    /// a link only reads it.
    public func link(_ token: String) throws(OfficeError) -> (OneTimeLink, Account) {
        let hash = sha256Hex(Array(token.utf8))
        let now = clock.now()
        return try store.read { db in
            guard let link = try OneTimeLink.fetchOne(db, key: hash), link.usedAt == nil, link.expiresAt > now,
                  let account = try Account.fetchOne(db, key: link.accountID), !account.disabled,
                  account.email == link.email else {
                throw OfficeError(.notFound, .linkInvalid)
            }
            return (link, account)
        }
    }

    /// Consumes a set-password (or reset) link: checks the password, stores
    /// its bcrypt hash, marks the link used. Hashing happens before the
    /// write transaction.
    public func setPassword(token: String, password: String, again: String) throws(OfficeError) -> Account {
        _ = try link(token)
        try Passwords.check(password)
        guard password == again else { throw OfficeError(.invalid, .passwordMismatch, field: "password-again") }
        let hashed = Passwords.hash(password, cost: passwordCost)
        let hash = sha256Hex(Array(token.utf8))
        let now = clock.now()
        return try store.write { db in
            guard var link = try OneTimeLink.fetchOne(db, key: hash), link.usedAt == nil, link.expiresAt > now,
                  var account = try Account.fetchOne(db, key: link.accountID), account.email == link.email else {
                throw OfficeError(.notFound, .linkInvalid)
            }
            link.usedAt = now
            try link.update(db)
            account.passwordHash = hashed
            try save(&account, db, by: account.id, "password-set")
            return account
        }
    }

    /// A new link to set the password again (the secretariat, or `office user reset`).
    public func issueReset(email: String, by actor: Actor?) throws(OfficeError) -> IssuedLink {
        if let actor { try authorize(actor, .manageAccounts) }
        let token = Tokens.random()
        let now = clock.now()
        return try store.write { db in
            guard let account = try Account.filter(Column("email") == email.lowercased()).fetchOne(db) else {
                throw OfficeError(.notFound, .accountUnknown(email: email))
            }
            try OneTimeLink(tokenHash: sha256Hex(Array(token.utf8)), accountID: account.id!, email: account.email,
                            purpose: .reset, expiresAt: now + Self.resetLifetime, usedAt: nil).insert(db)
            try log(db, actor?.id, "password-reset-issued", "account:\(account.id!)", stored: nil)
            return IssuedLink(token: token, account: account)
        }
    }

    // MARK: Sign-in

    /// Checks an e-mail and password. Throttled per account and per address
    /// (`client`): after 5 failures in 15 minutes either key is refused
    /// until the window passes. Every attempt is logged.
    public func signIn(email: String, password: String, client: String) throws(OfficeError) -> Account {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let now = clock.now()
        let keys = ["email:" + sha256Hex(Array(email.utf8)), "client:" + client]
        let throttled = try store.read { db in
            try keys.contains { key in
                try LoginFailure.filter(Column("key") == key && Column("at") > now - Self.failureWindow).fetchCount(db)
                    >= Self.failuresAllowed
            }
        }
        let account = try store.read { db in try Account.filter(Column("email") == email).fetchOne(db) }
        // Verify even when throttled or unknown, so timing says nothing.
        let matches = Passwords.verify(password, hash: account?.passwordHash ?? Passwords.decoy)
        let ok = matches && account?.passwordHash != nil && account?.disabled == false && !throttled
        try store.write { db in
            if ok {
                try LoginFailure.filter(keys.contains(Column("key"))).deleteAll(db)
                try log(db, account?.id, "login", "account:\(account!.id!)", stored: nil)
            } else {
                for key in keys { try LoginFailure(key: key, at: now).insert(db) }
                try log(db, account?.id, throttled ? "login-throttled" : "login-failed",
                        account.map { "account:\($0.id!)" } ?? "account:unknown", stored: nil)
            }
        }
        if throttled { throw OfficeError(.throttled, .loginThrottled) }
        guard ok, let account else { throw OfficeError(.unauthenticated, .loginFailed) }
        return account
    }

    public func signedOut(_ actor: Actor) throws(OfficeError) {
        try store.write { db in try log(db, actor.id, "logout", "account:\(actor.id)", stored: nil) }
    }

    static func normalisedEmail(_ text: String) throws(OfficeError) -> String {
        let email = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              email.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && !"<>()[]\\,;:\"".unicodeScalars.contains($0) })
        else { throw OfficeError(.invalid, .emailInvalid, field: "email") }
        return email
    }

    static func checkOrganisationID(_ id: String) throws(OfficeError) {
        guard (2...40).contains(id.count),
              id.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw OfficeError(.invalid, .organisationIDInvalid, field: "organisation-id")
        }
    }

    /// Saves a change of an account under a new generation, which ends its
    /// sessions, and logs the change with the account's snapshot.
    func save(_ account: inout Account, _ db: Database, by actorID: Int64?, _ action: String) throws {
        account.generation += 1
        try account.update(db)
        try log(db, actorID, action, "account:\(account.id!)", stored: Snapshot.account(account))
    }
}
