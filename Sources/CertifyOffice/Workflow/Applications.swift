import CertifyModel
import CertifyRuntime
import Foundation
import GRDB

/// The server-written parts of a dossier at submission: the dossier id, the
/// lead applicant's id and the date. The page writes the XML with these
/// (`Office.submission(for:)`); `submit` checks that it did.
public struct SubmissionStamp: Sendable {
    public var dossierID: String
    public var leadApplicant: String
    public var submitted: CalendarDate
}

/// An item of a dashboard: an application, what is asked and by when.
public struct DashboardItem: Sendable {
    public var application: OfficeApplication
    public var round: Round
    public var due: CalendarDate?
    public var overdue: Bool
    /// What waits, and for whom: a review, a decision, an answer…
    public var task: OfficeWord?
}

extension Office {
    /// Evidence files are limited like uploads to the pages (server.md): 8 MiB.
    public static let maxEvidenceBytes = 8 * 1024 * 1024

    // MARK: Reading

    public func application(_ id: Int64, for actor: Actor) throws(OfficeError) -> OfficeApplication {
        try sweepLapsed()
        guard let application = try store.read({ try OfficeApplication.fetchOne($0, key: id) }) else {
            throw OfficeError(.notFound, .notFound)
        }
        try authorize(actor, .viewApplication(application))
        return application
    }

    public func versions(of application: OfficeApplication) throws(OfficeError) -> [ApplicationVersion] {
        try store.read { try ApplicationVersion.filter(Column("applicationID") == application.id!).order(Column("number")).fetchAll($0) }
    }

    public func evidence(of application: OfficeApplication) throws(OfficeError) -> [EvidenceFile] {
        try store.read { try EvidenceFile.filter(Column("applicationID") == application.id!).order(Column("uploadedAt")).fetchAll($0) }
    }

    public func requests(of application: OfficeApplication) throws(OfficeError) -> [ReturnRequest] {
        try store.read {
            try ReturnRequest.filter(Column("applicationID") == application.id! && Column("version") == application.submittedVersion)
                .order(Column("indicator")).fetchAll($0)
        }
    }

    /// The bytes of a stored file (a version's dossier, an evidence file),
    /// served only through an application the caller may see.
    public func file(_ sha256: String, of applicationID: Int64, for actor: Actor) throws(OfficeError) -> (bytes: Data, name: String) {
        let application = try application(applicationID, for: actor)
        return try store.read { db in
            let evidence = try EvidenceFile.fetchOne(db, key: ["applicationID": application.id!, "sha256": sha256])
            let version = try ApplicationVersion.filter(Column("applicationID") == application.id! && Column("dossierSHA256") == sha256).fetchOne(db)
            guard evidence != nil || version != nil, let blob = try Blob.fetchOne(db, key: sha256) else {
                throw OfficeError(.notFound, .notFound)
            }
            return (blob.bytes, evidence?.fileName ?? "\(application.reference)-v\(version!.number).xml")
        }
    }

    /// How many applications a dashboard lists (the most recently changed first).
    public static let dashboardSize = 50

    /// What waits for the actor, with deadlines: an applicant's own
    /// applications; a reviewer's or chair's assigned ones; for the
    /// secretariat, every application not yet settled. The `dashboardSize`
    /// most recently changed.
    public func dashboard(for actor: Actor) throws(OfficeError) -> [DashboardItem] {
        try authorize(actor, .ownAccount)
        try sweepLapsed()
        let today = today
        return try store.read { db in
            let rounds = Dictionary(uniqueKeysWithValues: try Round.fetchAll(db).map { ($0.id!, $0) })
            // An application on a dashboard, with what is asked and by when.
            func item(_ application: OfficeApplication) throws -> DashboardItem? {
                guard let round = rounds[application.roundID] else { return nil }
                let (task, due) = try self.task(db, application, round, for: actor)
                return DashboardItem(application: application, round: round, due: due, overdue: due.map { $0 < today } ?? false, task: task)
            }
            // A dashboard lists applications, never their drafts: the draft column is left unread.
            var request = OfficeApplication.select(sql: Self.listColumns).order(Column("updatedAt").desc)
            if actor.isSecretariat {
                request = request.filter([ApplicationState.submitted, .returned, .inReview, .appealed].map(\.rawValue).contains(Column("state")))
            } else if actor.account.kind == .applicant, let organisation = actor.account.organisationID {
                // Its own applications (by index), and the joint ones that name it (the partial
                // index of joint applications; the LIKE is checked exactly below).
                let joint = try OfficeApplication.select(sql: Self.listColumns)
                    .filter(sql: "coApplicants != '' AND coApplicants LIKE ?", arguments: ["%\(organisation)%"]).fetchAll(db)
                request = request.filter(Column("organisationID") == organisation)
                let own = try request.limit(Self.dashboardSize).fetchAll(db)
                let all = (own + joint.filter { actor.isCoApplicant($0) }).sorted { $0.updatedAt > $1.updatedAt }
                return try all.prefix(Self.dashboardSize).compactMap(item)
            } else if !actor.assignments.isEmpty {
                // A reviewer's or chair's assignments still in review.
                request = request.filter(actor.assignments.keys.contains(Column("id")) && Column("state") == ApplicationState.inReview.rawValue)
            } else {
                return []
            }
            return try request.limit(Self.dashboardSize).fetchAll(db).compactMap(item)
        }
    }

    /// What an application asks of the actor now, and by when.
    func task(_ db: Database, _ application: OfficeApplication, _ round: Round, for actor: Actor) throws -> (OfficeWord?, CalendarDate?) {
        let reviewDeadline = CalendarDate(iso: round.reviewDeadline)
        switch application.state {
        case .draft:
            return (.taskDraft, CalendarDate(iso: round.closes))
        case .returned:
            return (.taskAnswer, application.responseDue.flatMap { CalendarDate(iso: $0) })
        case .submitted:
            return (.taskCheck, reviewDeadline)
        case .appealed:
            return (.taskReopen, reviewDeadline)
        case .decided:
            guard let due = application.appealDue.flatMap({ CalendarDate(iso: $0) }), today <= due,
                  try Appeal.filter(Column("applicationID") == application.id!).fetchCount(db) == 0 else { return (nil, nil) }
            return (.taskAppeal, due)
        case .inReview:
            let pending = try OfficeDecision.filter(Column("applicationID") == application.id! && Column("cycle") == application.cycle
                                                    && Column("reportSHA256") == nil).fetchCount(db) > 0
            if pending { return (.taskSign, nil) }
            let missing = try missingReviewers(db, application)
            switch actor.assignments[application.id!] {
            case .reviewer?:
                let own = try SubmittedReview.filter(Column("applicationID") == application.id! && Column("accountID") == actor.id
                                                     && Column("cycle") == application.cycle).fetchCount(db) > 0
                return own ? (nil, nil) : (.taskReview, reviewDeadline)
            case .chair?:
                return missing.isEmpty ? (.taskDecide, reviewDeadline) : (.taskReview, reviewDeadline)
            case nil where !actor.isSecretariat:
                // The applicant waits for the panel; its progress is the panel's business.
                return (nil, nil)
            case nil:
                let assigned = try Assignment.filter(Column("applicationID") == application.id!).fetchAll(db)
                let reviewers = assigned.filter { $0.role == .reviewer }.count
                if reviewers < round.reviewerCount || !assigned.contains(where: { $0.role == .chair }) { return (.taskAssign, reviewDeadline) }
                return (missing.isEmpty ? .taskDecide : .taskReview, reviewDeadline)
            }
        case .withdrawn, .lapsed:
            return (nil, nil)
        }
    }

    /// An application's columns for lists, its draft left out (read as empty).
    static let listColumns = """
        id, reference, roundID, organisationID, state, '' AS draft, draftRevision, submittedVersion, responseDue,
        createdBy, updatedAt, coApplicants, cycle, renewalOf, appealDue
        """

    /// For the secretariat's dashboard: each round's applications counted by state.
    public func roundSummary(for actor: Actor) throws(OfficeError) -> [(round: Round, counts: [ApplicationState: Int])] {
        try authorize(actor, .manageRounds)
        return try store.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT roundID, state, COUNT(*) AS n FROM application GROUP BY roundID, state")
            var counts: [Int64: [ApplicationState: Int]] = [:]
            for row in rows {
                if let state = ApplicationState(rawValue: row["state"]) { counts[row["roundID"], default: [:]][state] = row["n"] }
            }
            return try Round.order(Column("id").desc).fetchAll(db).map { ($0, counts[$0.id!] ?? [:]) }
        }
    }

    // MARK: Changing

    public func startApplication(roundID: Int64, by actor: Actor) throws(OfficeError) -> OfficeApplication {
        let round = try round(roundID, for: actor)
        try authorize(actor, .startApplication(round))
        guard isOpen(round) else { throw OfficeError(.conflict, .roundNotOpen) }
        guard let organisation = actor.account.organisationID else { throw OfficeError(.forbidden, .noOrganisation) }
        let now = clock.now()
        return try store.write { db in
            let count = try OfficeApplication.filter(Column("roundID") == roundID).fetchCount(db)
            var application = OfficeApplication(
                id: nil, reference: "R\(roundID)-\(String(format: "%04d", count + 1))", roundID: roundID,
                organisationID: organisation, state: .draft, draft: "{}", draftRevision: 1, submittedVersion: 0,
                responseDue: nil, createdBy: actor.id, updatedAt: now)
            try application.insert(db)
            try log(db, actor.id, "application-start", "application:\(application.id!)", stored: Snapshot.application(application))
            return application
        }
    }

    /// Saves the draft's form (opaque JSON) if it is based on the stored
    /// revision; otherwise refuses with the current one (never a silent loss).
    /// `coApplicants`: the other organisations the draft names as applicants.
    public func saveDraft(_ id: Int64, draft: String, coApplicants: [String] = [], basedOn revision: Int,
                          by actor: Actor) throws(OfficeError) -> OfficeApplication {
        let now = clock.now()
        return try store.write { db in
            var application = try editable(id, actor, db)
            guard application.draftRevision == revision else {
                throw OfficeError(.conflict, .draftStale(current: application.draftRevision))
            }
            application.draft = draft
            application.coApplicants = Array(Set(coApplicants.filter { $0 != application.organisationID })).sorted()
                .joined(separator: " ")
            application.draftRevision += 1
            application.updatedAt = now
            try application.update(db)
            try log(db, actor.id, "draft-save", "application:\(id)", stored: Snapshot.application(application))
            return application
        }
    }

    public func uploadEvidence(_ id: Int64, fileName: String, bytes: Data, by actor: Actor) throws(OfficeError) -> EvidenceFile {
        guard !bytes.isEmpty else { throw OfficeError(.invalid, .evidenceUnknown, field: "file") }
        guard bytes.count <= Self.maxEvidenceBytes else { throw OfficeError(.invalid, .evidenceUnknown, field: "file") }
        let digest = sha256Hex(bytes)
        let name = Self.safeFileName(fileName)
        let now = clock.now()
        return try store.write { db in
            let application = try editable(id, actor, db)
            if let existing = try EvidenceFile.fetchOne(db, key: ["applicationID": application.id!, "sha256": digest]) { return existing }
            if try Blob.fetchOne(db, key: digest) == nil {
                try Blob(sha256: digest, bytes: bytes).insert(db)
                try log(db, actor.id, "file-store", "blob:\(digest)", stored: nil)
            }
            let file = EvidenceFile(applicationID: application.id!, sha256: digest, fileName: name, size: bytes.count,
                                    uploadedAt: now, uploadedBy: actor.id)
            try file.insert(db)
            try ActionLog.append(db, at: now, account: actor.id, action: "evidence-upload",
                                 object: "evidence:\(application.id!)/\(digest)", stored: sha256Hex(Array(Snapshot.evidence(file).utf8)))
            return file
        }
    }

    /// The parts of the dossier the server writes for a submission now.
    public func submission(for application: OfficeApplication) -> SubmissionStamp {
        SubmissionStamp(dossierID: application.reference, leadApplicant: application.organisationID, submitted: today)
    }

    /// Submits (or resubmits) a version: the dossier must validate against
    /// the round's rubric, carry the server's stamp, and every evidence
    /// digest it declares must have a file uploaded to this application.
    /// The version is frozen (its bytes stored by SHA-256).
    public func submit(_ id: Int64, dossier bytes: [UInt8], basedOn revision: Int, by actor: Actor) throws(OfficeError) -> OfficeApplication {
        let now = clock.now()
        let (application0, round) = try store.read { db in
            let application = try applicationRow(db, id)
            return (application, try Round.fetchOne(db, key: application.roundID)!)
        }
        try authorize(actor, .editApplication(application0))
        guard actor.account.organisationConfirmed else { throw OfficeError(.forbidden, .organisationUnconfirmed) }
        if application0.state == .draft, !isOpen(round) { throw OfficeError(.conflict, .roundNotOpen) }
        let dossier: Dossier
        do {
            (dossier, _) = try certifier.loadDossier(.bytes(bytes, name: "\(application0.reference).xml"))
            _ = try certifier.bind(dossier: .bytes(bytes, name: "\(application0.reference).xml"), reviews: [])
        } catch {
            throw OfficeError(.invalid, .dossierInvalid(count: error.diagnostics.count), diagnostics: error.diagnostics)
        }
        guard dossier.rubricID == round.rubricID, dossier.rubricVersion == round.rubricVersion else {
            throw OfficeError(.invalid, .roundRubricMismatch)
        }
        let stamp = submission(for: application0)
        guard dossier.id == stamp.dossierID, dossier.applicants.first?.id == stamp.leadApplicant,
              dossier.submitted == stamp.submitted.description else {
            throw OfficeError(.conflict, .draftStale(current: application0.draftRevision))
        }
        let digest = sha256Hex(bytes)
        return try store.write { db in
            var application = try editable(id, actor, db)
            guard application.draftRevision == revision else {
                throw OfficeError(.conflict, .draftStale(current: application.draftRevision))
            }
            guard let next = application.state.after(.submit) else { throw OfficeError(.conflict, .stateForbids(state: application.state)) }
            if application.state == .returned, let due = application.responseDue.flatMap({ CalendarDate(iso: $0) }),
               calendar.hasEnded(due, at: now) {
                throw OfficeError(.conflict, .stateForbids(state: .lapsed))
            }
            // Every co-applicant has confirmed this revision of the draft.
            let consented = Set(try JointConsent.filter(Column("applicationID") == id && Column("revision") == revision)
                .fetchAll(db).map(\.organisationID))
            let missingConsent = application.coApplicantIDs.filter { !consented.contains($0) }
            if !missingConsent.isEmpty { throw OfficeError(.conflict, .jointUnconfirmed(organisations: missingConsent)) }
            let uploaded = Set(try EvidenceFile.filter(Column("applicationID") == id).fetchAll(db).map(\.sha256))
            let missing = dossier.evidence.map(\.sha256).filter { !uploaded.contains($0) }
            if !missing.isEmpty {
                throw OfficeError.combined(missing.map { OfficeError(.invalid, .evidenceMissing(digest: $0)) })!
            }
            if try Blob.fetchOne(db, key: digest) == nil {
                try Blob(sha256: digest, bytes: Data(bytes)).insert(db)
                try log(db, actor.id, "file-store", "blob:\(digest)", stored: nil)
            }
            let version = ApplicationVersion(applicationID: id, number: application.submittedVersion + 1,
                                             dossierSHA256: digest, submittedAt: now, submittedBy: actor.id)
            try version.insert(db)
            try log(db, actor.id, "version-freeze", "version:\(id)/\(version.number)", stored: Snapshot.version(version))
            application.state = next
            application.submittedVersion = version.number
            application.responseDue = nil
            application.updatedAt = now
            try application.update(db)
            try log(db, actor.id, "submit", "application:\(id)", stored: Snapshot.application(application))
            try notify(db, organisation: application.organisationID,
                       .submitted(reference: application.reference, url: url("/office/applications/\(id)")))
            return application
        }
    }

    /// The secretariat returns a submitted application with requests per
    /// indicator; the response period starts the next day.
    public func returnApplication(_ id: Int64, requests: [(indicator: String, text: String)], by actor: Actor) throws(OfficeError) -> OfficeApplication {
        let kept = requests.map { (indicator: $0.indicator.trimmingCharacters(in: .whitespaces), text: $0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
            .filter { !$0.text.isEmpty }
        guard !kept.isEmpty else { throw OfficeError(.invalid, .requestsRequired, field: "requests") }
        return try transition(id, .returnForChanges, by: actor, permission: Permission.checkCompleteness) { application, round, db in
            let due = self.calendar.lastDay(ofPeriod: round.responseDays, after: self.today)
            application.responseDue = due.description
            var stored: [ReturnRequest] = []
            for request in kept {
                let row = ReturnRequest(applicationID: application.id!, version: application.submittedVersion,
                                        indicator: request.indicator.isEmpty ? "-" : request.indicator, text: request.text)
                try row.upsert(db)
                stored.append(row)
            }
            let all = try ReturnRequest.filter(Column("applicationID") == application.id! && Column("version") == application.submittedVersion).fetchAll(db)
            try self.log(db, actor.id, "return-requests", "requests:\(application.id!)/\(application.submittedVersion)", stored: Snapshot.requests(all))
            try self.notify(db, organisation: application.organisationID,
                            .returned(reference: application.reference, due: due.description, url: self.url("/office/applications/\(application.id!)")))
        }
    }

    public func accept(_ id: Int64, by actor: Actor) throws(OfficeError) -> OfficeApplication {
        try transition(id, .accept, by: actor, permission: Permission.checkCompleteness) { application, _, db in
            try self.notify(db, organisation: application.organisationID,
                            .accepted(reference: application.reference, url: self.url("/office/applications/\(application.id!)")))
        }
    }

    public func withdraw(_ id: Int64, by actor: Actor) throws(OfficeError) -> OfficeApplication {
        try transition(id, .withdraw, by: actor, permission: Permission.editApplication) { application, _, _ in
            application.responseDue = nil
        }
    }

    /// Returned applications whose response period has ended become lapsed
    /// (run when dashboards and applications are read, and at start-up).
    public func sweepLapsed() throws(OfficeError) {
        let now = clock.now()
        let today = calendar.date(of: now).description
        let due = try store.read { db in
            try OfficeApplication.filter(Column("state") == ApplicationState.returned.rawValue && Column("responseDue") < today).fetchAll(db)
        }
        guard !due.isEmpty else { return }
        try store.write { db in
            for var application in due {
                guard let current = try OfficeApplication.fetchOne(db, key: application.id!), current.state == .returned,
                      let next = current.state.after(.lapse) else { continue }
                application = current
                application.state = next
                application.updatedAt = now
                try application.update(db)
                try log(db, nil, "lapse", "application:\(application.id!)", stored: Snapshot.application(application))
            }
        }
    }

    /// A co-applicant organisation confirms the current draft of a joint application.
    public func confirmJoint(_ id: Int64, revision: Int, by actor: Actor) throws(OfficeError) {
        let now = clock.now()
        try store.write { db in
            let application = try applicationRow(db, id, actor, may: Permission.confirmJoint)
            guard actor.account.organisationConfirmed else { throw OfficeError(.forbidden, .organisationUnconfirmed) }
            guard application.state.isEditable else { throw OfficeError(.conflict, .stateForbids(state: application.state)) }
            guard application.draftRevision == revision else {
                throw OfficeError(.conflict, .draftStale(current: application.draftRevision))
            }
            let consent = JointConsent(applicationID: id, organisationID: actor.account.organisationID!, revision: revision,
                                       accountID: actor.id, at: now)
            try consent.upsert(db)
            try log(db, actor.id, "joint-confirm", "consent:\(id)/\(consent.organisationID)/\(revision)",
                    stored: Snapshot.consent(consent))
        }
    }

    /// The co-applicants who confirmed the current draft.
    public func consents(of application: OfficeApplication) throws(OfficeError) -> Set<String> {
        try store.read { db in
            Set(try JointConsent.filter(Column("applicationID") == application.id! && Column("revision") == application.draftRevision)
                .fetchAll(db).map(\.organisationID))
        }
    }

    // MARK: Helpers

    /// An application the actor may edit, in an editable state.
    func editable(_ id: Int64, _ actor: Actor, _ db: Database) throws -> OfficeApplication {
        let application = try applicationRow(db, id, actor, may: Permission.editApplication)
        guard application.state.isEditable else { throw OfficeError(.conflict, .stateForbids(state: application.state)) }
        return application
    }

    func transition(_ id: Int64, _ event: ApplicationState.Event, by actor: Actor, permission: (OfficeApplication) -> Permission,
                    _ change: @escaping (inout OfficeApplication, Round, Database) throws -> Void) throws(OfficeError) -> OfficeApplication {
        let now = clock.now()
        return try store.write { db in
            guard var application = try OfficeApplication.fetchOne(db, key: id),
                  let round = try Round.fetchOne(db, key: application.roundID) else { throw OfficeError(.notFound, .notFound) }
            try authorize(actor, permission(application))
            guard let next = application.state.after(event) else { throw OfficeError(.conflict, .stateForbids(state: application.state)) }
            application.state = next
            application.updatedAt = now
            try change(&application, round, db)
            try application.update(db)
            try log(db, actor.id, event.rawValue, "application:\(id)", stored: Snapshot.application(application))
            return application
        }
    }

    /// A file name of safe characters (for Content-Disposition and lists).
    static func safeFileName(_ name: String) -> String {
        let base = (name as NSString).lastPathComponent
        let kept = String(base.unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)
                ? Character(scalar) : "_"
        }.prefix(100))
        return kept.isEmpty || kept.hasPrefix(".") ? "file" + kept : kept
    }
}
