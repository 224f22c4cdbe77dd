import Foundation
import GRDB

/// What an action stored, as the canonical JSON whose SHA-256 the action
/// log records, so that `office audit` can compare the log with the
/// objects. Volatile sign-in bookkeeping (the last TOTP step, the time of
/// the last code, the password hash itself) is left out: a change of
/// password or status bumps `generation`, which is in.
enum Snapshot {
    static func account(_ a: Account) -> String {
        // Keys added with the panel's work are written only when set, so
        // that a row logged before them still matches its object.
        var extra: [String: CanonicalJSON.Value] = [:]
        if !a.affiliations.isEmpty { extra["affiliations"] = .string(a.affiliations) }
        return CanonicalJSON.encode(extra.merging([
            "id": .integer(a.id ?? 0), "email": .string(a.email), "name": .string(a.name), "kind": .string(a.kind.rawValue),
            "organisation": a.organisationID.map { .string($0) } ?? .null,
            "organisationConfirmed": .bool(a.organisationConfirmed), "disabled": .bool(a.disabled),
            "secondFactor": .bool(a.totpSecret != nil), "generation": .integer(a.generation),
        ]) { $1 })
    }

    static func round(_ r: Round) -> String {
        CanonicalJSON.encode([
            "id": .integer(r.id ?? 0), "name": .string(r.name), "rubric": .string(r.rubricID),
            "rubricVersion": .string(r.rubricVersion), "opens": .string(r.opens), "closes": .string(r.closes),
            "reviewDeadline": .string(r.reviewDeadline), "responseDays": .integer(Int64(r.responseDays)),
            "appealDays": .integer(Int64(r.appealDays)), "reviewerCount": .integer(Int64(r.reviewerCount)),
            "closed": .bool(r.closed),
        ])
    }

    static func application(_ a: OfficeApplication) -> String {
        var extra: [String: CanonicalJSON.Value] = [:]
        if a.cycle != 1 { extra["cycle"] = .integer(Int64(a.cycle)) }
        if let renewalOf = a.renewalOf { extra["renewalOf"] = .integer(renewalOf) }
        if let appealDue = a.appealDue { extra["appealDue"] = .string(appealDue) }
        return CanonicalJSON.encode(extra.merging([
            "id": .integer(a.id ?? 0), "reference": .string(a.reference), "round": .integer(a.roundID),
            "organisation": .string(a.organisationID), "state": .string(a.state.rawValue),
            "draft": .string(sha256Hex(Array(a.draft.utf8))), "draftRevision": .integer(Int64(a.draftRevision)),
            "submittedVersion": .integer(Int64(a.submittedVersion)),
            "responseDue": a.responseDue.map { .string($0) } ?? .null, "coApplicants": .string(a.coApplicants),
        ]) { $1 })
    }

    static func roundRole(_ r: RoundRole) -> String {
        CanonicalJSON.encode([
            "round": .integer(r.roundID), "account": .integer(r.accountID), "role": .string(r.role.rawValue), "code": .string(r.code),
        ])
    }

    static func assignment(_ a: Assignment) -> String {
        CanonicalJSON.encode([
            "application": .integer(a.applicationID), "account": .integer(a.accountID), "role": .string(a.role.rawValue),
        ])
    }

    static func conflict(_ c: Conflict) -> String {
        CanonicalJSON.encode(["application": .integer(c.applicationID), "account": .integer(c.accountID), "reason": .string(c.reason)])
    }

    static func reviewDraft(_ d: ReviewDraft) -> String {
        CanonicalJSON.encode([
            "application": .integer(d.applicationID), "account": .integer(d.accountID),
            "fields": .string(sha256Hex(Array(d.fields.utf8))), "revision": .integer(Int64(d.revision)),
        ])
    }

    static func review(_ r: SubmittedReview) -> String {
        CanonicalJSON.encode([
            "application": .integer(r.applicationID), "account": .integer(r.accountID), "number": .integer(Int64(r.number)),
            "cycle": .integer(Int64(r.cycle)), "code": .string(r.code), "xml": .string(r.xmlSHA256),
        ])
    }

    static func panelNote(_ n: PanelNote) -> String {
        CanonicalJSON.encode([
            "id": .integer(n.id ?? 0), "application": .integer(n.applicationID), "cycle": .integer(Int64(n.cycle)),
            "note": .string(n.note), "account": .integer(n.accountID),
        ])
    }

    static func decision(_ d: OfficeDecision) -> String {
        CanonicalJSON.encode([
            "id": .integer(d.id ?? 0), "application": .integer(d.applicationID), "cycle": .integer(Int64(d.cycle)),
            "version": .integer(Int64(d.version)), "certified": .bool(d.certified), "grade": d.grade.map { .string($0) } ?? .null,
            "total": .string(d.total), "decisionDate": .string(d.decisionDate),
            "validUntil": d.validUntil.map { .string($0) } ?? .null, "note": .string(d.note), "chair": .integer(d.chairID),
            "reviews": .string(d.reviews), "report": d.reportSHA256.map { .string($0) } ?? .null,
        ])
    }

    static func registryTask(_ t: RegistryTask) -> String {
        CanonicalJSON.encode([
            "id": .integer(t.id ?? 0), "decision": .integer(t.decisionID), "action": .string(t.action.rawValue),
            "reason": t.reason.map { .string($0) } ?? .null, "certificate": t.certificate.map { .string($0) } ?? .null,
            "done": .bool(t.doneAt != nil),
        ])
    }

    static func appeal(_ a: Appeal) -> String {
        CanonicalJSON.encode([
            "id": .integer(a.id ?? 0), "application": .integer(a.applicationID), "decision": .integer(a.decisionID),
            "reason": .string(a.reason), "by": .integer(a.filedBy), "reopened": .bool(a.reopenedAt != nil),
        ])
    }

    static func version(_ v: ApplicationVersion) -> String {
        CanonicalJSON.encode([
            "application": .integer(v.applicationID), "number": .integer(Int64(v.number)),
            "dossier": .string(v.dossierSHA256), "by": .integer(v.submittedBy),
        ])
    }

    static func evidence(_ e: EvidenceFile) -> String {
        CanonicalJSON.encode([
            "application": .integer(e.applicationID), "sha256": .string(e.sha256), "name": .string(e.fileName),
            "size": .integer(Int64(e.size)),
        ])
    }

    static func requests(_ list: [ReturnRequest]) -> String {
        // One JSON object per request, in indicator order, joined by newlines.
        list.sorted { $0.indicator < $1.indicator }.map {
            CanonicalJSON.encode([
                "application": .integer($0.applicationID), "version": .integer(Int64($0.version)),
                "indicator": .string($0.indicator), "text": .string($0.text),
            ])
        }.joined(separator: "\n")
    }

    static func consent(_ c: JointConsent) -> String {
        CanonicalJSON.encode([
            "application": .integer(c.applicationID), "organisation": .string(c.organisationID),
            "revision": .integer(Int64(c.revision)), "account": .integer(c.accountID),
        ])
    }

    static func organisation(_ o: Organisation) -> String {
        CanonicalJSON.encode(["id": .string(o.id), "name": .string(o.name)])
    }

    /// The current canonical text of the object a log row names, or nil if
    /// there is no such object; `immutable` says whether every row naming
    /// it must match (a frozen version) or only the latest (an application).
    static func current(_ object: String, _ db: Database) throws -> (text: String?, immutable: Bool)? {
        let parts = object.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let key = parts[1]
        /// The text of the row whose primary key `key` spells: a number id,
        /// or one `/`-separated part per column, read as the column's type.
        func row<Record: FetchableRecord & TableRecord>(
            _: Record.Type, _ text: (Record) -> String, key columns: [(name: String, type: Database.ColumnType)] = [("id", .integer)],
            immutable: Bool = false
        ) throws -> (text: String?, immutable: Bool)? {
            let values = columns.count == 1 ? [key] : key.split(separator: "/").map(String.init)
            guard values.count == columns.count else { return nil }
            var primaryKey: [String: (any DatabaseValueConvertible)?] = [:]
            for (column, value) in zip(columns, values) {
                if column.type == .integer {
                    guard let number = Int64(value) else { return nil }
                    primaryKey[column.name] = number
                } else {
                    primaryKey[column.name] = value
                }
            }
            return (try Record.fetchOne(db, key: primaryKey).map(text), immutable)
        }
        let applicationID: (name: String, type: Database.ColumnType) = ("applicationID", .integer)
        let accountID: (name: String, type: Database.ColumnType) = ("accountID", .integer)
        switch parts[0] {
        case "account": return try row(Account.self, account)
        case "round": return try row(Round.self, round)
        case "application": return try row(OfficeApplication.self, application)
        case "organisation": return try row(Organisation.self, organisation, key: [("id", .text)])
        case "version": return try row(ApplicationVersion.self, version, key: [applicationID, ("number", .integer)], immutable: true)
        case "evidence": return try row(EvidenceFile.self, evidence, key: [applicationID, ("sha256", .text)], immutable: true)
        case "consent":  // consent:APP/ORG/REVISION
            return try row(JointConsent.self, consent, key: [applicationID, ("organisationID", .text), ("revision", .integer)], immutable: true)
        case "requests":
            let pair = key.split(separator: "/").map(String.init)
            guard pair.count == 2, let app = Int64(pair[0]), let number = Int(pair[1]) else { return nil }
            let rows = try ReturnRequest.filter(Column("applicationID") == app && Column("version") == number).fetchAll(db)
            return (rows.isEmpty ? nil : requests(rows), true)
        case "round-role": return try row(RoundRole.self, roundRole, key: [("roundID", .integer), accountID, ("role", .text)])
        case "assignment": return try row(Assignment.self, assignment, key: [applicationID, accountID])
        case "conflict": return try row(Conflict.self, conflict, key: [applicationID, accountID])
        case "review-draft": return try row(ReviewDraft.self, reviewDraft, key: [applicationID, accountID])
        case "review":  // review:APP/ACCOUNT/NUMBER
            return try row(SubmittedReview.self, review, key: [applicationID, accountID, ("number", .integer)], immutable: true)
        case "panel-note": return try row(PanelNote.self, panelNote, immutable: true)
        case "decision": return try row(OfficeDecision.self, decision)
        case "registry-task": return try row(RegistryTask.self, registryTask)
        case "appeal": return try row(Appeal.self, appeal)
        default: return nil
        }
    }

    /// The hash a row records for a blob: of its bytes, not of a text.
    static func storedHash(_ object: String, _ db: Database) throws -> (hash: String?, immutable: Bool)? {
        if object.hasPrefix("blob:") {
            let row = try Blob.fetchOne(db, key: String(object.dropFirst(5)))
            return (row.map { sha256Hex($0.bytes) }, true)
        }
        guard let (text, immutable) = try current(object, db) else { return nil }
        return (text.map { sha256Hex(Array($0.utf8)) }, immutable)
    }
}
