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
        let pair = key.split(separator: "/").map(String.init)
        switch parts[0] {
        case "account":
            guard let id = Int64(key) else { return nil }
            return (try Account.fetchOne(db, key: id).map(account), false)
        case "round":
            guard let id = Int64(key) else { return nil }
            return (try Round.fetchOne(db, key: id).map(round), false)
        case "application":
            guard let id = Int64(key) else { return nil }
            return (try OfficeApplication.fetchOne(db, key: id).map(application), false)
        case "organisation":
            return (try Organisation.fetchOne(db, key: key).map(organisation), false)
        case "version":
            guard pair.count == 2, let app = Int64(pair[0]), let number = Int(pair[1]) else { return nil }
            let row = try ApplicationVersion.fetchOne(db, key: ["applicationID": app, "number": number])
            return (row.map(version), true)
        case "evidence":
            guard pair.count == 2, let app = Int64(pair[0]) else { return nil }
            let row = try EvidenceFile.fetchOne(db, key: ["applicationID": app, "sha256": pair[1]])
            return (row.map(evidence), true)
        case "consent":
            // consent:APP/ORG/REVISION
            let parts = key.split(separator: "/").map(String.init)
            guard parts.count == 3, let app = Int64(parts[0]), let revision = Int(parts[2]) else { return nil }
            let row = try JointConsent.fetchOne(db, key: ["applicationID": app, "organisationID": parts[1], "revision": revision])
            return (row.map(consent), true)
        case "requests":
            guard pair.count == 2, let app = Int64(pair[0]), let number = Int(pair[1]) else { return nil }
            let rows = try ReturnRequest.filter(Column("applicationID") == app && Column("version") == number).fetchAll(db)
            return (rows.isEmpty ? nil : requests(rows), true)
        case "round-role":
            let parts = key.split(separator: "/").map(String.init)
            guard parts.count == 3, let round = Int64(parts[0]), let account = Int64(parts[1]) else { return nil }
            return (try RoundRole.fetchOne(db, key: ["roundID": round, "accountID": account, "role": parts[2]]).map(roundRole), false)
        case "assignment":
            guard pair.count == 2, let app = Int64(pair[0]), let account = Int64(pair[1]) else { return nil }
            return (try Assignment.fetchOne(db, key: ["applicationID": app, "accountID": account]).map(assignment), false)
        case "conflict":
            guard pair.count == 2, let app = Int64(pair[0]), let account = Int64(pair[1]) else { return nil }
            return (try Conflict.fetchOne(db, key: ["applicationID": app, "accountID": account]).map(conflict), false)
        case "review-draft":
            guard pair.count == 2, let app = Int64(pair[0]), let account = Int64(pair[1]) else { return nil }
            return (try ReviewDraft.fetchOne(db, key: ["applicationID": app, "accountID": account]).map(reviewDraft), false)
        case "review":
            // review:APP/ACCOUNT/NUMBER
            let parts = key.split(separator: "/").map(String.init)
            guard parts.count == 3, let app = Int64(parts[0]), let account = Int64(parts[1]), let number = Int(parts[2]) else { return nil }
            let row = try SubmittedReview.fetchOne(db, key: ["applicationID": app, "accountID": account, "number": number])
            return (row.map(review), true)
        case "panel-note":
            guard let id = Int64(key) else { return nil }
            return (try PanelNote.fetchOne(db, key: id).map(panelNote), true)
        case "decision":
            guard let id = Int64(key) else { return nil }
            return (try OfficeDecision.fetchOne(db, key: id).map(decision), false)
        case "registry-task":
            guard let id = Int64(key) else { return nil }
            return (try RegistryTask.fetchOne(db, key: id).map(registryTask), false)
        case "appeal":
            guard let id = Int64(key) else { return nil }
            return (try Appeal.fetchOne(db, key: id).map(appeal), false)
        default:
            return nil
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
