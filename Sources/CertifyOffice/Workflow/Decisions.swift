import CertifyEngine
import CertifyModel
import CertifyRegistry
import CertifyReport
import CertifyRuntime
import Foundation
import GRDB

/// What the chair sees: the engine's `--official` result from the reviews
/// that count (never re-typed), or what is still missing.
public struct PanelView: Sendable {
    public var application: OfficeApplication
    public var round: Round
    public var reviews: [SubmittedReview]
    /// Round codes of assigned reviewers whose review is not in.
    public var missing: [String]
    /// The result, once every assigned reviewer has submitted.
    public var result: ScoreResult?
    /// The date the decision would take (the start of validity).
    public var decisionDate: CalendarDate
    public var notes: [PanelNote]
    /// A confirmed decision of this cycle waiting for its signature.
    public var pending: OfficeDecision?

    /// The digests of the reviews the result is computed from (what the chair confirms).
    public var shown: String { reviews.map(\.xmlSHA256).joined(separator: " ") }
}

extension Office {
    /// A renewal decided within its predecessor's validity starts the day
    /// after the predecessor expires (no day is lost); anything else starts today.
    func decisionDate(_ db: Database, _ application: OfficeApplication) throws -> CalendarDate {
        let today = today
        if let predecessorID = application.renewalOf, let predecessor = try OfficeDecision.fetchOne(db, key: predecessorID),
           let until = predecessor.validUntil.flatMap({ CalendarDate(iso: $0) }), today <= until {
            return Days.adding(1, to: until)
        }
        return today
    }

    /// Scores the application's dossier with these reviews, as `certify report --official` does.
    func score(_ dossier: Data, reference: String, reviews: [(code: String, bytes: Data)], date: CalendarDate) throws(OfficeError) -> ScoreResult {
        do {
            return try certifier.score(dossier: .bytes(Array(dossier), name: "\(reference).xml"),
                                       reviews: reviews.map { .bytes(Array($0.bytes), name: "review-\($0.code).xml") },
                                       options: ScoringOptions(date: date, official: true))
        } catch {
            throw OfficeError(.invalid, .dossierInvalid(count: error.diagnostics.count), diagnostics: error.diagnostics)
        }
    }

    func reviewInputs(_ db: Database, _ reviews: [SubmittedReview]) throws -> [(code: String, bytes: Data)] {
        try reviews.map { ($0.code, try Blob.fetchOne(db, key: $0.xmlSHA256)!.bytes) }
    }

    /// The panel's result for the chair (and the secretariat, and reviewers that submitted).
    public func panelView(_ applicationID: Int64, for actor: Actor) throws(OfficeError) -> PanelView {
        let reviews = try reviews(of: applicationID, for: actor)
        let (application, round, missing, inputs, dossier, date, notes, pending) = try store.read { db in
            let application = try OfficeApplication.fetchOne(db, key: applicationID)!
            return (application, try Round.fetchOne(db, key: application.roundID)!, try missingReviewers(db, application),
                    try reviewInputs(db, reviews), try dossierBytes(db, application), try decisionDate(db, application),
                    try PanelNote.filter(Column("applicationID") == applicationID && Column("cycle") == application.cycle).order(Column("id")).fetchAll(db),
                    try OfficeDecision.filter(Column("applicationID") == applicationID && Column("cycle") == application.cycle
                                        && Column("reportSHA256") == nil).fetchOne(db))
        }
        let result = missing.isEmpty && !reviews.isEmpty
            ? try score(dossier, reference: application.reference, reviews: inputs, date: date) : nil
        return PanelView(application: application, round: round, reviews: reviews, missing: missing, result: result,
                         decisionDate: date, notes: notes, pending: pending)
    }

    /// The chair sends the result back to the panel with a note; reviewers may revise.
    public func sendBack(_ applicationID: Int64, note: String, by actor: Actor) throws(OfficeError) {
        let note = try Self.required(note, field: "note", else: .noteRequired)
        let now = clock.now()
        try store.write { db in
            let application = try applicationRow(db, applicationID, actor, may: Permission.decide)
            guard application.state == .inReview else { throw OfficeError(.conflict, .stateForbids(state: application.state)) }
            if try OfficeDecision.filter(Column("applicationID") == applicationID && Column("cycle") == application.cycle).fetchCount(db) > 0 {
                throw OfficeError(.conflict, .decisionWaitsForSignature)
            }
            var row = PanelNote(id: nil, applicationID: applicationID, cycle: application.cycle, note: String(note.prefix(4000)),
                                accountID: actor.id, at: now)
            try row.insert(db)
            try log(db, actor.id, "send-back", "panel-note:\(row.id!)", stored: Snapshot.panelNote(row))
            for (assignment, _) in try assignments(db, application) where assignment.role == .reviewer {
                if let account = try Account.fetchOne(db, key: assignment.accountID) {
                    try notify(db, account, .sentBack(reference: application.reference, note: row.note, url: url("/office/applications/\(applicationID)")))
                }
            }
        }
    }

    /// The chair confirms the panel's result with a note. It needs a
    /// second-factor code entered in the last 5 minutes. With a signing key
    /// the report is signed and the application decided in one transaction
    /// (with its registry entry queued); without one the decision waits
    /// for `certify office sign`.
    /// `shown`: the review digests the chair saw (space-separated, as
    /// `PanelView.shown`); if the reviews changed since, nothing is decided.
    @discardableResult
    public func confirm(_ applicationID: Int64, note: String, shown: String? = nil, by actor: Actor) throws(OfficeError) -> OfficeDecision {
        let note = try Self.required(note, field: "note", else: .noteRequired)
        let chair = try store.read { try Account.fetchOne($0, key: actor.id) } ?? actor.account
        let view = try panelView(applicationID, for: actor)
        try authorize(actor, .decide(view.application))
        guard hasFreshSecondFactor(chair) else { throw OfficeError(.forbidden, .secondFactorStale, field: "code") }
        guard view.application.state == .inReview else { throw OfficeError(.conflict, .stateForbids(state: view.application.state)) }
        guard view.pending == nil else { throw OfficeError(.conflict, .decisionWaitsForSignature) }
        guard view.missing.isEmpty else { throw OfficeError(.conflict, .reviewsMissing(reviewers: view.missing)) }
        guard view.reviews.count >= view.round.reviewerCount else {
            throw OfficeError(.conflict, .tooFewReviewers(assigned: view.reviews.count, needed: view.round.reviewerCount))
        }
        guard let result = view.result else { throw OfficeError(.conflict, .reviewsMissing(reviewers: view.missing)) }
        if let shown, shown != view.shown { throw OfficeError(.conflict, .panelChanged) }
        let now = clock.now()
        var decision = OfficeDecision(
            id: nil, applicationID: applicationID, cycle: view.application.cycle, version: view.application.submittedVersion,
            certified: result.certified, grade: result.grade, total: result.total.formatted(), decisionDate: view.decisionDate.description,
            validUntil: result.validUntil?.description, note: String(note.prefix(4000)), chairID: actor.id, decidedAt: now,
            reviews: view.reviews.map(\.xmlSHA256).joined(separator: " "), reportSHA256: nil, signedAt: nil, signerKey: nil)
        let signed = try signer.map { signer throws(OfficeError) in try sign(decision, result: result, with: signer) }
        try store.write { db in
            guard let current = try OfficeApplication.fetchOne(db, key: applicationID), current.state == .inReview,
                  current.cycle == decision.cycle else {
                throw OfficeError(.conflict, .stateForbids(state: view.application.state))
            }
            // Checked again in the transaction: one decision per cycle, on exactly the reviews shown.
            if try pendingDecision(db, current) != nil { throw OfficeError(.conflict, .decisionWaitsForSignature) }
            guard try countingReviews(db, current).map(\.xmlSHA256) == view.reviews.map(\.xmlSHA256) else {
                throw OfficeError(.conflict, .panelChanged)
            }
            try decision.insert(db)
            try log(db, actor.id, "decide", "decision:\(decision.id!)", stored: Snapshot.decision(decision))
            // Without a key the decision waits; the secretariat's dashboard lists it.
            if let signed { try finish(db, &decision, signed, by: actor.id) }
        }
        if decision.isSigned { processRegistryQueue() }
        return decision
    }

    /// A signed report and what the decision records of its signing.
    struct SignedReport {
        var bytes: [UInt8]
        var signerKey: String
        var signerName: String?
        var generatedAt: String
    }

    /// Signs a decision's report exactly as `certify report --official --date D` would.
    func sign(_ decision: OfficeDecision, result: ScoreResult, with signer: ReportSigner) throws(OfficeError) -> SignedReport {
        try pin(signer)
        let generatedAt = ReportSigner.timestamp(clock.now())
        do {
            let bytes = try signer.report(for: result, engineVersion: CertifyVersion.string, generatedAt: generatedAt)
            return SignedReport(bytes: bytes, signerKey: signer.key.publicKey.pemRepresentation, signerName: signer.signer.name,
                                generatedAt: generatedAt)
        } catch {
            throw OfficeError(.storage, .storage(detail: error.diagnostics.first?.message ?? "signing failed"))
        }
    }

    /// Stores the signed report and decides the application, in the caller's
    /// transaction: the appeal period starts, the registry change is queued,
    /// the applicant is told.
    func finish(_ db: Database, _ decision: inout OfficeDecision, _ signed: SignedReport, by actor: Int64?) throws {
        let digest = sha256Hex(signed.bytes)
        if try Blob.fetchOne(db, key: digest) == nil {
            try Blob(sha256: digest, bytes: Data(signed.bytes)).insert(db)
            try log(db, actor, "file-store", "blob:\(digest)", stored: nil)
        }
        decision.reportSHA256 = digest
        decision.signedAt = clock.now()
        decision.signerKey = signed.signerKey
        decision.signerName = signed.signerName
        decision.generatedAt = signed.generatedAt
        try decision.update(db)
        try log(db, actor, "sign", "decision:\(decision.id!)", stored: Snapshot.decision(decision))
        guard var application = try OfficeApplication.fetchOne(db, key: decision.applicationID),
              let round = try Round.fetchOne(db, key: application.roundID),
              let next = application.state.after(.decide) else { throw OfficeError(.conflict, .stateForbids(state: .decided)) }
        let appealDue = calendar.lastDay(ofPeriod: round.appealDays, after: today)
        application.state = next
        application.appealDue = appealDue.description
        application.updatedAt = clock.now()
        try application.update(db)
        try log(db, actor, "decided", "application:\(application.id!)", stored: Snapshot.application(application))
        // An earlier certified decision of this application is replaced (after an appeal): revoke its certificate.
        for earlier in try OfficeDecision.filter(Column("applicationID") == application.id! && Column("id") != decision.id!
                                           && Column("certified") == true && Column("reportSHA256") != nil).fetchAll(db) {
            var task = RegistryTask(id: nil, decisionID: earlier.id!, action: .revoke, reason: "appeal", certificate: nil, attempts: 0)
            try task.insert(db)
            try log(db, actor, "registry-queue", "registry-task:\(task.id!)", stored: Snapshot.registryTask(task))
        }
        if decision.certified {
            var task = RegistryTask(id: nil, decisionID: decision.id!, action: .issue, reason: nil, certificate: nil, attempts: 0)
            try task.insert(db)
            try log(db, actor, "registry-queue", "registry-task:\(task.id!)", stored: Snapshot.registryTask(task))
        }
        let outcome = [decision.grade.map { "\($0)" }, "\(decision.total)"].compactMap { $0 }.joined(separator: ", ")
        try notify(db, organisation: application.organisationID, .decided(
            reference: application.reference, certified: decision.certified, outcome: outcome, appealDue: appealDue.description,
            url: url("/office/applications/\(application.id!)")))
    }

    /// The decisions waiting for a signature.
    public func unsignedDecisions() throws(OfficeError) -> [OfficeDecision] {
        try store.read { try OfficeDecision.filter(Column("reportSHA256") == nil).order(Column("id")).fetchAll($0) }
    }

    /// `certify office sign`: signs every decision waiting, with the same
    /// inputs the chair confirmed (the frozen dossier, the reviews, the date).
    /// Returns the decisions signed.
    @discardableResult
    public func signWaiting(with signer: ReportSigner) throws(OfficeError) -> [OfficeDecision] {
        try pin(signer)
        var done: [OfficeDecision] = []
        for var decision in try unsignedDecisions() {
            let (application, dossier, reviews) = try store.read { db in try inputs(db, decision) }
            let result = try score(dossier, reference: application.reference, reviews: reviews,
                                   date: CalendarDate(iso: decision.decisionDate) ?? today)
            let signed = try sign(decision, result: result, with: signer)
            // A decision that cannot be finished (its application moved on) is left as it is; the others go on.
            do {
                try store.write { db in
                    guard let current = try OfficeDecision.fetchOne(db, key: decision.id!), current.reportSHA256 == nil else { return }
                    try finish(db, &decision, signed, by: nil)
                }
            } catch where error.kind == .conflict { continue }
            done.append(decision)
        }
        if !done.isEmpty { processRegistryQueue() }
        return done
    }

    /// Carries out the registry changes waiting (in order), with the
    /// registry this office was given; each one done is logged. A change
    /// that fails stays queued for the next start-up. Returns how many are done.
    @discardableResult
    public func processRegistryQueue() -> Int {
        // One run at a time in this process (start-up, hourly, after a signature).
        queueRun.withLock { _ in runRegistryQueue() }
    }

    private func runRegistryQueue() -> Int {
        guard let registry else { return 0 }
        // Reports are registered only when signed with the office's own key (pinned at its first signature).
        guard let pinned = try? store.read({ try Setting.fetchOne($0, key: Self.signingKeySetting) })?.value,
              let trusted = try? Keys.publicKey(pem: Array(pinned.utf8), name: "the office's signing key") else { return 0 }
        let tasks = (try? store.read { try RegistryTask.filter(Column("doneAt") == nil).order(Column("id")).fetchAll($0) }) ?? []
        var done = 0
        for var task in tasks {
            guard let decision = try? store.read({ try OfficeDecision.fetchOne($0, key: task.decisionID) }),
                  let digest = decision.reportSHA256,
                  let report = try? store.read({ try Blob.fetchOne($0, key: digest) }) else { continue }
            task.attempts += 1
            do throws(CertifyError) {
                switch task.action {
                case .issue:
                    let certified = try CertifiedReport.verify(Array(report.bytes), file: "decision-\(decision.id!).xml",
                                                               trusting: [trusted], schemas: certifier.schemas)
                    task.certificate = try registry.register(certified).certificate.id
                case .revoke:
                    guard let certificate = try registry.certificate(reportSHA256: digest) else {
                        // Not registered (yet): the issue task comes first in the queue; wait.
                        throw CertifyError(.notFound, Message.registry(.noCertificate(digest)))
                    }
                    if certificate.revokedOn == nil {
                        do { _ = try registry.revoke(certificate.id, reason: task.reason ?? "appeal") } catch {
                            // Revoked meanwhile by another run: done all the same.
                            guard try registry.certificate(certificate.id)?.revokedOn != nil else { throw error }
                        }
                    }
                    task.certificate = certificate.id
                }
                // On disk before the task is marked done: a power loss cannot lose a change the office counts as made.
                try registry.flush()
                task.doneAt = clock.now()
                task.problem = nil
                done += 1
            } catch {
                task.problem = String((error.diagnostics.first?.message ?? "\(error.code)").prefix(500))
            }
            let finished = task
            _ = try? store.write { db in
                try finished.update(db)
                if finished.doneAt != nil {
                    try log(db, nil, "registry-\(finished.action.rawValue)", "registry-task:\(finished.id!)", stored: Snapshot.registryTask(finished))
                }
            }
        }
        return done
    }

    /// The registry changes not yet done (for the secretariat's dashboard).
    public func pendingRegistryTasks() throws(OfficeError) -> [RegistryTask] {
        try store.read { try RegistryTask.filter(Column("doneAt") == nil).order(Column("id")).fetchAll($0) }
    }

    /// An application's decisions, oldest first (appeals leave earlier ones on record).
    public func decisions(of application: OfficeApplication) throws(OfficeError) -> [OfficeDecision] {
        try store.read { try OfficeDecision.filter(Column("applicationID") == application.id!).order(Column("id")).fetchAll($0) }
    }

    /// The certificate a decision's report was registered as, if done.
    public func certificateID(of decision: OfficeDecision) throws(OfficeError) -> String? {
        try store.read {
            try RegistryTask.filter(Column("decisionID") == decision.id! && Column("action") == RegistryTask.Action.issue.rawValue)
                .fetchOne($0)?.certificate
        }
    }

    /// A signed decision's report, to those who may see the application.
    public func report(_ decisionID: Int64, for actor: Actor) throws(OfficeError) -> (decision: OfficeDecision, bytes: Data, name: String) {
        guard let decision = try store.read({ try OfficeDecision.fetchOne($0, key: decisionID) }), let digest = decision.reportSHA256 else {
            throw OfficeError(.notFound, .notFound)
        }
        let application = try application(decision.applicationID, for: actor)
        try authorizeReports(application, actor)
        guard let blob = try store.read({ try Blob.fetchOne($0, key: digest) }) else { throw OfficeError(.notFound, .notFound) }
        return (decision, blob.bytes, "\(application.reference)-\(decision.id!).report.xml")
    }

    /// A signed decision's HTML page (the same renderer as `certify report --html`).
    public func reportHTML(_ decisionID: Int64, language: Language, for actor: Actor) throws(OfficeError) -> [UInt8] {
        let (decision, _, name) = try report(decisionID, for: actor)
        let (application, dossier, reviews) = try store.read { db in try inputs(db, decision) }
        let reference = application.reference
        let key = try? Keys.publicKey(pem: Array((decision.signerKey ?? "").utf8), name: "decision")
        let builder = ReportBuilder(certifier: certifier,
                                    signing: .template(SignerInfo(keyID: key.map(Keys.keyID) ?? "", name: decision.signerName)),
                                    generatedAt: decision.generatedAt ?? "")
        do {
            let built = try builder.build(dossier: .bytes(Array(dossier), name: "\(reference).xml"),
                                          reviews: reviews.map { .bytes(Array($0.bytes), name: "review-\($0.code).xml") },
                                          options: ScoringOptions(date: CalendarDate(iso: decision.decisionDate) ?? today, official: true),
                                          html: (language, name))
            return built.html ?? []
        } catch {
            throw OfficeError(.storage, .storage(detail: error.diagnostics.first?.message ?? "report"))
        }
    }
}

extension Office {
    /// The inputs a signed decision was computed from (the frozen dossier and
    /// the reviews, in code order), to anyone who may see the application:
    /// what `certify verify --dossier` needs, and what the plan is computed from.
    public func decisionInputs(_ decision: OfficeDecision, for actor: Actor) throws(OfficeError) -> (dossier: Data, reviews: [Data]) {
        guard decision.isSigned else { throw OfficeError(.notFound, .notFound) }
        try authorizeReports(try application(decision.applicationID, for: actor), actor)
        return try store.read { db in
            let (_, dossier, reviews) = try inputs(db, decision)
            return (dossier, reviews.map(\.bytes))
        }
    }
}

extension Office {
    static let signingKeySetting = "signing-key"

    /// The office signs with one key: the first signature records its public
    /// key; a later signature with another key is refused (a key rotation is
    /// a deliberate act: remove the setting with the key's owner present).
    public func pin(_ signer: ReportSigner) throws(OfficeError) {
        let pem = signer.key.publicKey.pemRepresentation
        try store.write { db in
            if let pinned = try Setting.fetchOne(db, key: Self.signingKeySetting) {
                guard pinned.value == pem else {
                    let recorded = (try? Keys.publicKey(pem: Array(pinned.value.utf8), name: "pinned")).map(Keys.keyID) ?? "?"
                    throw OfficeError(.forbidden, .signingKeyMismatch(keyID: recorded))
                }
                return
            }
            try Setting(key: Self.signingKeySetting, value: pem).insert(db)
            try log(db, nil, "signing-key", "setting:\(Self.signingKeySetting)", stored: pem)
        }
    }

    /// What a decision was computed from: its application, the decided version's dossier, and the reviews (code and bytes).
    func inputs(_ db: Database, _ decision: OfficeDecision) throws -> (OfficeApplication, Data, [(code: String, bytes: Data)]) {
        guard let application = try OfficeApplication.fetchOne(db, key: decision.applicationID),
              let version = try ApplicationVersion.fetchOne(db, key: ["applicationID": application.id!, "number": decision.version]),
              let dossier = try Blob.fetchOne(db, key: version.dossierSHA256) else { throw OfficeError(.notFound, .notFound) }
        let reviews = try decision.reviewDigests.map { digest in
            guard let review = try SubmittedReview.filter(Column("applicationID") == application.id! && Column("xmlSHA256") == digest).fetchOne(db),
                  let blob = try Blob.fetchOne(db, key: digest) else { throw OfficeError(.notFound, .notFound) }
            return (code: review.code, bytes: blob.bytes)
        }
        return (application, dossier.bytes, reviews)
    }

    /// A confirmed decision of the application's current cycle still waiting for its signature.
    func pendingDecision(_ db: Database, _ application: OfficeApplication) throws -> OfficeDecision? {
        try OfficeDecision.filter(Column("applicationID") == application.id! && Column("cycle") == application.cycle
                                  && Column("reportSHA256") == nil).fetchOne(db)
    }

    /// Reports carry every reviewer's scores: an assigned reviewer sees them
    /// only once its own review of the current cycle is in (blind review).
    func authorizeReports(_ application: OfficeApplication, _ actor: Actor) throws(OfficeError) {
        guard actor.assignments[application.id!] == .reviewer else { return }
        try authorize(actor, .viewPanel(application, ownReviewSubmitted: try hasSubmittedReview(application, by: actor)))
    }
}
