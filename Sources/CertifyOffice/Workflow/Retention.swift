import Foundation
import GRDB

/// The personal-data notice's promise: accounts and drafts past the
/// retention period are purged; the action log keeps their ids.
public struct PurgeReport: Sendable, Equatable {
    public var accounts: Int
    public var drafts: Int
}

extension Office {
    /// Purges drafts not changed within the retention period (with their
    /// evidence files) and the personal data of accounts not used within it
    /// that have nothing in progress (the account keeps its id, disabled,
    /// so that the log and the frozen versions still name it).
    @discardableResult
    public func purgeExpired() throws(OfficeError) -> PurgeReport {
        let now = clock.now()
        let cutoff = now - TimeInterval(retentionDays) * 86_400
        let cutoffStamp = ActionLog.timestamp(cutoff)
        return try store.write { db in
            var report = PurgeReport(accounts: 0, drafts: 0)
            let drafts = try OfficeApplication.filter(Column("state") == ApplicationState.draft.rawValue && Column("updatedAt") < cutoff)
                .fetchAll(db)
            for draft in drafts {
                try EvidenceFile.filter(Column("applicationID") == draft.id!).deleteAll(db)
                try draft.delete(db)
                try log(db, nil, "application-purge", "application:\(draft.id!)", stored: nil)
                report.drafts += 1
            }
            // Blobs no version or evidence file refers to any more.
            try db.execute(sql: """
                DELETE FROM blob WHERE sha256 NOT IN (SELECT sha256 FROM evidenceFile)
                  AND sha256 NOT IN (SELECT dossierSHA256 FROM applicationVersion)
                """)
            let lastSeen = Dictionary(
                try Row.fetchAll(db, sql: "SELECT accountID, MAX(time) AS last FROM actionLog WHERE accountID IS NOT NULL GROUP BY accountID")
                    .map { (($0["accountID"] as Int64), ($0["last"] as String)) },
                uniquingKeysWith: max)
            let busy: Set<String> = Set(try OfficeApplication.filter(
                [ApplicationState.submitted, .returned, .inReview, .appealed].map(\.rawValue).contains(Column("state")))
                .fetchAll(db).map(\.organisationID))
            for var account in try Account.filter(Column("kind") != AccountKind.secretariat.rawValue).fetchAll(db) {
                guard !account.email.hasSuffix(".invalid"), account.createdAt < cutoff,
                      (lastSeen[account.id!] ?? "") < cutoffStamp,
                      !(account.organisationID.map(busy.contains) ?? false) else { continue }
                account.email = "purged-\(account.id!)@purged.invalid"
                account.name = ""
                account.passwordHash = nil
                account.totpSecret = nil
                account.disabled = true
                try save(&account, db, by: nil, "account-purge")
                try RecoveryCode.filter(Column("accountID") == account.id!).deleteAll(db)
                try OneTimeLink.filter(Column("accountID") == account.id!).deleteAll(db)
                try NoticeRow.filter(Column("accountID") == account.id!).deleteAll(db)
                report.accounts += 1
            }
            return report
        }
    }
}
