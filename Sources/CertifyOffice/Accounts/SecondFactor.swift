import Foundation
import GRDB
import HummingbirdOTP

/// TOTP (RFC 6238, hummingbird-auth's `TOTP`): 6 digits, 30-second steps,
/// accepted one step either side, each step once; 10 recovery codes stored
/// hashed, each usable once.
public struct Enrolment: Sendable {
    /// The secret as an authenticator app takes it (base32) and its otpauth URL.
    public var base32: String
    public var url: String
    public var secret: String
}

extension Office {
    public static let codeLifetime: TimeInterval = 5 * 60

    /// A fresh secret to show on the set-up page (not stored until a code from it is entered).
    public func newEnrolment(for account: Account) -> Enrolment {
        let secret = Tokens.random(bytes: 20)
        let url = TOTP(secret: secret).createAuthenticatorURL(label: account.email, issuer: "Certify")
        let base32 = url.components(separatedBy: "secret=").last?.components(separatedBy: "&").first ?? ""
        return Enrolment(base32: base32, url: url, secret: secret)
    }

    /// The time step a code belongs to (within ±1 of now), or nil.
    func matchingStep(_ code: String, secret: String, after last: Int64?) -> Int64? {
        let digits = code.filter { !$0.isWhitespace }
        guard digits.count == 6, digits.allSatisfy(\.isASCII), let value = Int(digits) else { return nil }
        let now = clock.now().timeIntervalSince1970
        let step = Int64(now / 30)
        for candidate in [step - 1, step, step + 1] where candidate > (last ?? Int64.min) {
            let date = Date(timeIntervalSince1970: TimeInterval(candidate * 30))
            if TOTP(secret: secret).compute(date: date) == value { return candidate }
        }
        return nil
    }

    /// Enrols the secret once a code from it checks; returns the recovery codes (shown once).
    public func enrolSecondFactor(_ actor: Actor, secret: String, code: String) throws(OfficeError) -> [String] {
        guard let step = matchingStep(code, secret: secret, after: nil) else {
            throw OfficeError(.invalid, .codeInvalid, field: "code")
        }
        let codes = (0..<10).map { _ in Tokens.recoveryCode() }
        let now = clock.now()
        try store.write { db in
            guard var account = try Account.fetchOne(db, key: actor.id) else { throw OfficeError(.notFound, .notFound) }
            account.totpSecret = secret
            account.totpLastStep = step
            account.secondFactorAt = now
            try save(&account, db, by: actor.id, "second-factor-enrol")
            try RecoveryCode.filter(Column("accountID") == actor.id).deleteAll(db)
            for code in codes { try RecoveryCode(accountID: actor.id, codeHash: sha256Hex(Array(code.utf8)), usedAt: nil).insert(db) }
        }
        return codes
    }

    /// Checks a code (or an unused recovery code) for a signed-in account
    /// and records when it was entered.
    public func verifySecondFactor(accountID: Int64, code: String) throws(OfficeError) {
        let now = clock.now()
        // Guessing is throttled: 5 wrong codes in 15 minutes, then wait.
        let recent = try store.read { db in
            try ActionRow.filter(Column("object") == "account:\(accountID)" && Column("action") == "second-factor-failed"
                                 && Column("time") >= ActionLog.timestamp(now - Self.failureWindow)).fetchCount(db)
        }
        guard recent < Self.failuresAllowed else { throw OfficeError(.throttled, .loginThrottled, field: "code") }
        let accepted = try store.write { db -> Bool in
            guard var account = try Account.fetchOne(db, key: accountID), let secret = account.totpSecret else { return false }
            if let step = matchingStep(code, secret: secret, after: account.totpLastStep) {
                account.totpLastStep = step
            } else {
                let hash = sha256Hex(Array(code.trimmingCharacters(in: .whitespaces).lowercased().utf8))
                guard var recovery = try RecoveryCode.fetchOne(db, key: ["accountID": accountID, "codeHash": hash]),
                      recovery.usedAt == nil else { return false }
                recovery.usedAt = now
                try recovery.update(db)
            }
            account.secondFactorAt = now
            try account.update(db)
            try log(db, accountID, "second-factor", "account:\(accountID)", stored: nil)
            return true
        }
        guard accepted else {
            // The failure is logged in its own transaction (the refusal must not roll it back).
            try store.write { db in try log(db, accountID, "second-factor-failed", "account:\(accountID)", stored: nil) }
            throw OfficeError(.invalid, .codeInvalid, field: "code")
        }
    }

    /// The secretariat removes another account's second factor (it enrols again at its next sign-in).
    public func resetSecondFactor(email: String, by actor: Actor?) throws(OfficeError) {
        if let actor { try authorize(actor, .manageAccounts) }
        try store.write { db in
            guard var account = try Account.filter(Column("email") == email.lowercased()).fetchOne(db) else {
                throw OfficeError(.notFound, .accountUnknown(email: email))
            }
            account.totpSecret = nil
            account.totpLastStep = nil
            account.secondFactorAt = nil
            try save(&account, db, by: actor?.id, "second-factor-reset")
            try RecoveryCode.filter(Column("accountID") == account.id!).deleteAll(db)
        }
    }

    /// Whether a code was entered in the last 5 minutes.
    public func hasFreshSecondFactor(_ account: Account) -> Bool {
        guard let at = account.secondFactorAt else { return false }
        return clock.now().timeIntervalSince(at) <= Self.codeLifetime
    }
}
