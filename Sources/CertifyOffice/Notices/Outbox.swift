import Foundation
import GRDB

extension Office {
    /// Queues a notice to an account in the caller's transaction.
    func notify(_ db: Database, _ account: Account, _ notice: OfficeNotice) throws {
        var row = NoticeRow(id: nil, accountID: account.id, recipient: account.email, subject: notice.subject,
                            body: notice.body, createdAt: clock.now(), sentAt: nil, attempts: 0)
        try row.insert(db)
    }

    /// Queues a notice to every applicant account of an organisation.
    func notify(_ db: Database, organisation: String, _ notice: OfficeNotice) throws {
        for account in try Account.filter(Column("organisationID") == organisation && Column("disabled") == false).fetchAll(db) {
            try notify(db, account, notice)
        }
    }

    /// An address of the office (for links in notices).
    func url(_ path: String) -> String {
        var base = publicURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    /// Sends the notices not yet sent (at most 5 attempts each). Returns how many were sent.
    @discardableResult
    public func deliverNotices() -> Int {
        guard let mailer else { return 0 }
        let pending = (try? store.read { db in
            try NoticeRow.filter(Column("sentAt") == nil && Column("attempts") < 5).order(Column("id")).limit(100).fetchAll(db)
        }) ?? []
        var sent = 0
        for var notice in pending {
            let message = MailMessage(from: mailFrom, to: notice.recipient, subject: notice.subject, body: notice.body,
                                      date: notice.createdAt, messageID: "notice-\(notice.id!).\(Tokens.random(bytes: 9))@certify")
            let ok = mailer.send(message)
            notice.attempts += 1
            if ok {
                notice.sentAt = clock.now()
                // A one-time link is kept only as its hash: once mailed, the notice forgets it.
                notice.body = Self.withoutLinks(notice.body)
                sent += 1
            }
            _ = try? store.write { db in try notice.update(db) }
        }
        return sent
    }

    /// A notice's text with its one-time links' tokens removed.
    static func withoutLinks(_ body: String) -> String {
        body.replacingOccurrences(of: #"/office/link/[A-Za-z0-9_-]+"#, with: "/office/link/…", options: .regularExpression)
    }

    /// The notices of an account, newest first.
    public func notices(for actor: Actor, limit: Int = 10) throws(OfficeError) -> [NoticeRow] {
        try store.read { try NoticeRow.filter(Column("accountID") == actor.id).order(Column("id").desc).limit(limit).fetchAll($0) }
    }
}
