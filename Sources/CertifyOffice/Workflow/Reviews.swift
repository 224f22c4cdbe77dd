import CertifyModel
import CertifyRuntime
import Foundation
import GRDB

/// What a reviewer's page needs: its code, its draft, what it submitted.
public struct ReviewerDesk: Sendable {
    public var application: OfficeApplication
    public var round: Round
    public var code: String
    public var draft: ReviewDraft?
    /// Its submitted reviews of the current cycle, oldest first.
    public var submitted: [SubmittedReview]
    /// The dossier under review (the last submitted version).
    public var dossier: Data
    /// The chair's notes sending the result back, this cycle.
    public var notes: [PanelNote]
}

extension Office {
    /// The last submitted version's dossier bytes.
    func dossierBytes(_ db: Database, _ application: OfficeApplication) throws -> Data {
        guard let version = try ApplicationVersion.fetchOne(db, key: ["applicationID": application.id!, "number": application.submittedVersion]),
              let blob = try Blob.fetchOne(db, key: version.dossierSHA256) else { throw OfficeError(.notFound, .notFound) }
        return blob.bytes
    }

    /// A reviewer's desk for an application it is assigned to.
    public func reviewerDesk(_ applicationID: Int64, for actor: Actor) throws(OfficeError) -> ReviewerDesk {
        let application = try application(applicationID, for: actor)
        try authorize(actor, .review(application))
        return try store.read { db in
            let round = try Round.fetchOne(db, key: application.roundID)!
            let code = try RoundRole.fetchOne(db, key: ["roundID": round.id!, "accountID": actor.id, "role": RoundRoleKind.reviewer.rawValue])?.code ?? "R-00"
            return ReviewerDesk(
                application: application, round: round, code: code,
                draft: try ReviewDraft.fetchOne(db, key: ["applicationID": applicationID, "accountID": actor.id]),
                submitted: try SubmittedReview.filter(Column("applicationID") == applicationID && Column("accountID") == actor.id
                                                      && Column("cycle") == application.cycle).order(Column("number")).fetchAll(db),
                dossier: try dossierBytes(db, application),
                notes: try PanelNote.filter(Column("applicationID") == applicationID && Column("cycle") == application.cycle)
                    .order(Column("id")).fetchAll(db))
        }
    }

    /// Saves a reviewer's sheet (the form's fields as JSON) if based on the
    /// stored revision; otherwise refuses with the current one.
    @discardableResult
    public func saveReviewDraft(_ applicationID: Int64, fields: String, basedOn revision: Int, by actor: Actor) throws(OfficeError) -> ReviewDraft {
        let now = clock.now()
        return try store.write { db in
            let application = try applicationRow(db, applicationID, actor, may: Permission.review)
            guard application.state == .inReview else { throw OfficeError(.conflict, .stateForbids(state: application.state)) }
            if try pendingDecision(db, application) != nil { throw OfficeError(.conflict, .decisionWaitsForSignature) }
            let current = try ReviewDraft.fetchOne(db, key: ["applicationID": applicationID, "accountID": actor.id])
            guard (current?.revision ?? 0) == revision else { throw OfficeError(.conflict, .reviewStale(current: current?.revision ?? 0)) }
            let draft = ReviewDraft(applicationID: applicationID, accountID: actor.id, fields: fields, revision: revision + 1, updatedAt: now)
            try draft.upsert(db)
            try log(db, actor.id, "review-save", "review-draft:\(applicationID)/\(actor.id)", stored: Snapshot.reviewDraft(draft))
            return draft
        }
    }

    /// Submits a review: the sheet's XML, which must be valid, name this
    /// application's dossier and the reviewer's round code, and bind to the
    /// dossier under review. Immutable once stored; a revision is a new number.
    @discardableResult
    public func submitReview(_ applicationID: Int64, xml: [UInt8], by actor: Actor) throws(OfficeError) -> SubmittedReview {
        let now = clock.now()
        let (application, code, dossier) = try store.read { db in
            let application = try applicationRow(db, applicationID)
            let code = try RoundRole.fetchOne(db, key: ["roundID": application.roundID, "accountID": actor.id, "role": RoundRoleKind.reviewer.rawValue])?.code
            return (application, code ?? "", try? dossierBytes(db, application))
        }
        try authorize(actor, .review(application))
        guard application.state == .inReview, let dossier else { throw OfficeError(.conflict, .stateForbids(state: application.state)) }
        let review: Review
        do {
            review = try certifier.loadReview(.bytes(xml, name: "review-\(code).xml"))
            _ = try certifier.bind(dossier: .bytes(Array(dossier), name: "\(application.reference).xml"),
                                   reviews: [.bytes(xml, name: "review-\(code).xml")])
        } catch {
            throw OfficeError(.invalid, .reviewInvalid(count: error.diagnostics.count), diagnostics: error.diagnostics)
        }
        guard review.dossierID == application.reference, review.reviewer == code else {
            throw OfficeError(.invalid, .reviewInvalid(count: 1))
        }
        let digest = sha256Hex(xml)
        return try store.write { db in
            guard let current = try OfficeApplication.fetchOne(db, key: applicationID), current.state == .inReview,
                  current.cycle == application.cycle, current.submittedVersion == application.submittedVersion else {
                throw OfficeError(.conflict, .stateForbids(state: application.state))
            }
            if try pendingDecision(db, current) != nil { throw OfficeError(.conflict, .decisionWaitsForSignature) }
            // Submitted is final: a new version only after the chair sent the result back (blind review stays blind).
            if let last = try SubmittedReview.filter(Column("applicationID") == applicationID && Column("accountID") == actor.id
                                                     && Column("cycle") == current.cycle).order(Column("number").desc).fetchOne(db),
               try PanelNote.filter(Column("applicationID") == applicationID && Column("cycle") == current.cycle
                                    && Column("at") >= last.submittedAt).fetchCount(db) == 0 {
                throw OfficeError(.conflict, .reviewFinal)
            }
            if try Blob.fetchOne(db, key: digest) == nil {
                try Blob(sha256: digest, bytes: Data(xml)).insert(db)
                try log(db, actor.id, "file-store", "blob:\(digest)", stored: nil)
            }
            let number = (try SubmittedReview.filter(Column("applicationID") == applicationID && Column("accountID") == actor.id)
                .select(max(Column("number")), as: Int.self).fetchOne(db) ?? 0) + 1
            let row = SubmittedReview(applicationID: applicationID, accountID: actor.id, number: number, cycle: current.cycle,
                                      code: code, xmlSHA256: digest, submittedAt: now)
            try row.insert(db)
            try log(db, actor.id, "review-submit", "review:\(applicationID)/\(actor.id)/\(number)", stored: Snapshot.review(row))
            if try missingReviewers(db, current).isEmpty {
                for chair in try Assignment.filter(Column("applicationID") == applicationID && Column("role") == RoundRoleKind.chair.rawValue).fetchAll(db) {
                    if let account = try Account.fetchOne(db, key: chair.accountID) {
                        try notify(db, account, .readyForDecision(reference: current.reference, url: url("/office/applications/\(applicationID)")))
                    }
                }
            }
            return row
        }
    }

    /// Each assigned reviewer's latest submitted review of the current cycle.
    func countingReviews(_ db: Database, _ application: OfficeApplication) throws -> [SubmittedReview] {
        let assigned = Set(try Assignment.filter(Column("applicationID") == application.id! && Column("role") == RoundRoleKind.reviewer.rawValue)
            .fetchAll(db).map(\.accountID))
        var latest: [Int64: SubmittedReview] = [:]
        for review in try SubmittedReview.filter(Column("applicationID") == application.id! && Column("cycle") == application.cycle).fetchAll(db)
        where assigned.contains(review.accountID) {
            if (latest[review.accountID]?.number ?? 0) < review.number { latest[review.accountID] = review }
        }
        return latest.values.sorted { $0.code < $1.code }
    }

    /// The round codes of assigned reviewers with no review in this cycle.
    func missingReviewers(_ db: Database, _ application: OfficeApplication) throws -> [String] {
        let done = Set(try countingReviews(db, application).map(\.accountID))
        return try assignments(db, application).filter { $0.member.role == .reviewer && !done.contains($0.assignment.accountID) }
            .map(\.member.code)
    }

    /// The reviews that count, for the secretariat, the chair, and a reviewer
    /// that has submitted its own (blind until then: 404).
    public func reviews(of applicationID: Int64, for actor: Actor) throws(OfficeError) -> [SubmittedReview] {
        let application = try application(applicationID, for: actor)
        return try store.read { db in
            let own = try SubmittedReview.filter(Column("applicationID") == applicationID && Column("accountID") == actor.id
                                                 && Column("cycle") == application.cycle).fetchCount(db) > 0
            try authorize(actor, .viewPanel(application, ownReviewSubmitted: own))
            return try countingReviews(db, application)
        }
    }

    /// A submitted review's XML, to those who may see the panel (and to its author).
    public func reviewXML(of applicationID: Int64, sha256: String, for actor: Actor) throws(OfficeError) -> (bytes: Data, name: String) {
        let application = try application(applicationID, for: actor)
        return try store.read { db in
            guard let review = try SubmittedReview.filter(Column("applicationID") == applicationID && Column("xmlSHA256") == sha256).fetchOne(db),
                  let blob = try Blob.fetchOne(db, key: sha256) else { throw OfficeError(.notFound, .notFound) }
            if review.accountID != actor.id {
                let own = try SubmittedReview.filter(Column("applicationID") == applicationID && Column("accountID") == actor.id
                                                     && Column("cycle") == application.cycle).fetchCount(db) > 0
                try authorize(actor, .viewPanel(application, ownReviewSubmitted: own))
            }
            return (blob.bytes, "\(application.reference)-review-\(review.code)-\(review.number).xml")
        }
    }
}

extension Office {
    /// Whether the actor has submitted a review of the application in its current cycle.
    public func hasSubmittedReview(_ application: OfficeApplication, by actor: Actor) throws(OfficeError) -> Bool {
        try store.read { db in
            try SubmittedReview.filter(Column("applicationID") == application.id! && Column("accountID") == actor.id
                                       && Column("cycle") == application.cycle).fetchCount(db) > 0
        }
    }
}
