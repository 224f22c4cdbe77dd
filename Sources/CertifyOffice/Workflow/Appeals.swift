import CertifyModel
import Foundation
import GRDB

/// A certificate the applicant may renew: a signed, certified decision in its last 3 months.
public struct RenewalOffer: Sendable {
    public var decision: OfficeDecision
    public var application: OfficeApplication
    public var validUntil: CalendarDate
}

extension Office {
    /// How long before expiry a certificate may be renewed (registry.md: its last 3 months).
    static let renewalMonths = 3

    /// The first day of a certificate's renewal window: its last 3 months, as the registry counts them.
    static func renewalWindowStart(_ validUntil: CalendarDate) -> CalendarDate {
        Days.addingMonths(-renewalMonths, to: Days.adding(1, to: validUntil))
    }
    /// How many days before a deadline a reminder goes out.
    static let reminderDays = 3

    // MARK: Appeal

    /// The applicant appeals the decision within the round's appeal period, with a reason.
    @discardableResult
    public func appeal(_ applicationID: Int64, reason: String, by actor: Actor) throws(OfficeError) -> Appeal {
        let reason = try Self.required(reason, field: "reason", else: .reasonRequired)
        let now = clock.now()
        return try store.write { db in
            var application = try applicationRow(db, applicationID, actor, may: Permission.appeal)
            guard let next = application.state.after(.appeal),
                  let decision = try OfficeDecision.filter(Column("applicationID") == applicationID && Column("reportSHA256") != nil)
                    .order(Column("id").desc).fetchOne(db) else {
                throw OfficeError(.conflict, .stateForbids(state: application.state))
            }
            if let due = application.appealDue.flatMap({ CalendarDate(iso: $0) }), calendar.hasEnded(due, at: now) {
                throw OfficeError(.conflict, .appealClosed(lastDay: due.description))
            }
            // The decision after an appeal stands, whichever way it goes.
            if try Appeal.filter(Column("applicationID") == applicationID).fetchCount(db) > 0 {
                throw OfficeError(.conflict, .appealUsed)
            }
            var row = Appeal(id: nil, applicationID: applicationID, decisionID: decision.id!, reason: String(reason.prefix(4000)),
                             filedBy: actor.id, filedAt: now, reopenedAt: nil)
            try row.insert(db)
            try log(db, actor.id, "appeal", "appeal:\(row.id!)", stored: Snapshot.appeal(row))
            application.state = next
            application.updatedAt = now
            try application.update(db)
            try log(db, actor.id, "appeal", "application:\(applicationID)", stored: Snapshot.application(application))
            for account in try Account.filter(Column("kind") == AccountKind.secretariat.rawValue && Column("disabled") == false).fetchAll(db) {
                try notify(db, account, .appealFiled(reference: application.reference, url: url("/office/applications/\(applicationID)")))
            }
            return row
        }
    }

    /// The appeals of an application, oldest first.
    public func appeals(of application: OfficeApplication) throws(OfficeError) -> [Appeal] {
        try store.read { try Appeal.filter(Column("applicationID") == application.id!).order(Column("id")).fetchAll($0) }
    }

    /// The secretariat reopens the review after an appeal: a new cycle, in
    /// which every assigned reviewer submits again (the secretariat may
    /// change the assignment first or after).
    @discardableResult
    public func reopen(_ applicationID: Int64, by actor: Actor) throws(OfficeError) -> OfficeApplication {
        let now = clock.now()
        return try store.write { db in
            var application = try applicationRow(db, applicationID, actor, may: Permission.assignPanel)
            guard let next = application.state.after(.reopen) else { throw OfficeError(.conflict, .stateForbids(state: application.state)) }
            application.state = next
            application.cycle += 1
            application.appealDue = nil
            application.updatedAt = now
            try application.update(db)
            try log(db, actor.id, "reopen", "application:\(applicationID)", stored: Snapshot.application(application))
            for var row in try Appeal.filter(Column("applicationID") == applicationID && Column("reopenedAt") == nil).fetchAll(db) {
                row.reopenedAt = now
                try row.update(db)
                try log(db, actor.id, "appeal-reopen", "appeal:\(row.id!)", stored: Snapshot.appeal(row))
            }
            try ReviewDraft.filter(Column("applicationID") == applicationID).deleteAll(db)
            for (assignment, _) in try assignments(db, application) {
                try Assignment.filter(Column("applicationID") == applicationID && Column("accountID") == assignment.accountID)
                    .updateAll(db, Column("remindedAt").set(to: nil))
                if let account = try Account.fetchOne(db, key: assignment.accountID) {
                    try notify(db, account, .reopened(reference: application.reference, url: url("/office/applications/\(applicationID)")))
                }
            }
            return application
        }
    }

    // MARK: Renewal

    /// The applicant's certificates in their renewal window with no renewal started.
    public func renewalOffers(for actor: Actor) throws(OfficeError) -> [RenewalOffer] {
        guard actor.account.kind == .applicant, let organisation = actor.account.organisationID else { return [] }
        let today = today
        return try store.read { db in
            let renewed = Set(try OfficeApplication.filter(Column("renewalOf") != nil && Column("state") != ApplicationState.withdrawn.rawValue
                                                           && Column("state") != ApplicationState.lapsed.rawValue)
                .select(Column("renewalOf"), as: Int64.self).fetchAll(db))
            return try OfficeApplication.select(sql: Self.listColumns).filter(Column("organisationID") == organisation && Column("state") == ApplicationState.decided.rawValue)
                .fetchAll(db).compactMap { application in
                    guard let decision = try OfficeDecision.filter(Column("applicationID") == application.id! && Column("reportSHA256") != nil)
                            .order(Column("id").desc).fetchOne(db), decision.certified, !renewed.contains(decision.id!),
                          let until = decision.validUntil.flatMap({ CalendarDate(iso: $0) }),
                          Self.renewalWindowStart(until) <= today, today <= until else { return nil }
                    return RenewalOffer(decision: decision, application: application, validUntil: until)
                }
        }
    }

    /// Starts a renewal of a certificate in its window, in an open round of
    /// the same rubric, its draft prefilled by the caller (from the last dossier).
    public func startRenewal(decisionID: Int64, roundID: Int64, draft: String, by actor: Actor) throws(OfficeError) -> OfficeApplication {
        guard let offer = try renewalOffers(for: actor).first(where: { $0.decision.id == decisionID }) else {
            throw OfficeError(.conflict, .renewalNotDue)
        }
        try authorize(actor, .appeal(offer.application))
        let (old, new) = try store.read { db in (try Round.fetchOne(db, key: offer.application.roundID), try Round.fetchOne(db, key: roundID)) }
        guard let new else { throw OfficeError(.notFound, .notFound) }
        guard new.rubricID == old?.rubricID else { throw OfficeError(.invalid, .renewalRoundMismatch, field: "round") }
        var application = try startApplication(roundID: roundID, by: actor)
        let now = clock.now()
        return try store.write { db in
            application.renewalOf = decisionID
            application.draft = draft
            application.updatedAt = now
            try application.update(db)
            try log(db, actor.id, "renewal-start", "application:\(application.id!)", stored: Snapshot.application(application))
            return application
        }
    }

    /// The dossier of a decision (for prefilling its renewal).
    public func decidedDossier(_ decision: OfficeDecision, for actor: Actor) throws(OfficeError) -> Data {
        let application = try application(decision.applicationID, for: actor)
        return try store.read { db in
            guard let version = try ApplicationVersion.fetchOne(db, key: ["applicationID": application.id!, "number": decision.version]),
                  let blob = try Blob.fetchOne(db, key: version.dossierSHA256) else { throw OfficeError(.notFound, .notFound) }
            return blob.bytes
        }
    }

    // MARK: Reminders

    /// Sends the reminders now due, once each: a review due within 3 days,
    /// an appeal period ending within 3 days, a certificate entering its
    /// renewal window. Run at start-up and when dashboards are read.
    public func sweepReminders() throws(OfficeError) {
        let today = today
        let soon = Days.adding(Self.reminderDays, to: today).description
        let now = clock.now()
        try store.write { db in
            // Reviews due.
            let rows = try Row.fetchAll(db, sql: """
                SELECT assignment.applicationID, assignment.accountID, application.reference, application.cycle, round.reviewDeadline
                FROM assignment JOIN application ON application.id = assignment.applicationID JOIN round ON round.id = application.roundID
                WHERE assignment.role = 'reviewer' AND assignment.remindedAt IS NULL AND application.state = 'in-review'
                  AND round.reviewDeadline <= ?
                """, arguments: [soon])
            for row in rows {
                let applicationID: Int64 = row["applicationID"], accountID: Int64 = row["accountID"], cycle: Int = row["cycle"]
                let submitted = try SubmittedReview.filter(Column("applicationID") == applicationID && Column("accountID") == accountID
                                                           && Column("cycle") == cycle).fetchCount(db) > 0
                try Assignment.filter(Column("applicationID") == applicationID && Column("accountID") == accountID)
                    .updateAll(db, Column("remindedAt").set(to: now))
                guard !submitted, let account = try Account.fetchOne(db, key: accountID) else { continue }
                try notify(db, account, .reviewDue(reference: row["reference"], due: row["reviewDeadline"], url: url("/office/applications/\(applicationID)")))
            }
            // Appeal periods ending.
            for var decision in try OfficeDecision.fetchAll(db, sql: """
                SELECT decision.* FROM decision JOIN application ON application.id = decision.applicationID
                WHERE decision.remindedAppeal = 0 AND decision.reportSHA256 IS NOT NULL AND application.state = 'decided'
                  AND application.appealDue <= ? AND application.cycle = decision.cycle
                  AND NOT EXISTS (SELECT 1 FROM appeal WHERE appeal.applicationID = application.id)
                """, arguments: [soon]) {
                decision.remindedAppeal = true
                try decision.update(db)
                let application = try OfficeApplication.fetchOne(db, key: decision.applicationID)!
                guard let due = application.appealDue, due >= today.description else { continue }
                try notify(db, organisation: application.organisationID,
                           .appealClosing(reference: application.reference, lastDay: due, url: url("/office/applications/\(application.id!)")))
            }
            // Certificates entering their renewal window.
            for var decision in try OfficeDecision.filter(Column("remindedRenewal") == false && Column("certified") == true
                                                    && Column("reportSHA256") != nil && Column("validUntil") >= today.description).fetchAll(db) {
                guard let until = decision.validUntil.flatMap({ CalendarDate(iso: $0) }), Self.renewalWindowStart(until) <= today else { continue }
                let application = try OfficeApplication.fetchOne(db, key: decision.applicationID)!
                // Only the decision in force: the latest signed one of a decided application.
                let latest = try OfficeDecision.filter(Column("applicationID") == application.id! && Column("reportSHA256") != nil)
                    .order(Column("id").desc).fetchOne(db)
                guard application.state == .decided, latest?.id == decision.id else { continue }
                decision.remindedRenewal = true
                try decision.update(db)
                try notify(db, organisation: application.organisationID, .renewalDue(
                    reference: application.reference, validUntil: decision.validUntil ?? "", url: url("/office")))
            }
        }
    }
}
