import Foundation
import GRDB

/// What an action stored, as the canonical JSON whose SHA-256 the action
/// log records, so that `office audit` can compare the log with the
/// objects. Volatile sign-in bookkeeping (the last TOTP step, the time of
/// the last code, the password hash itself) is left out: a change of
/// password or status bumps `generation`, which is in.
enum Snapshot {
    static func account(_ a: Account) -> String {
        CanonicalJSON.encode([
            "id": .integer(a.id ?? 0), "email": .string(a.email), "name": .string(a.name), "kind": .string(a.kind.rawValue),
            "organisation": a.organisationID.map { .string($0) } ?? .null,
            "organisationConfirmed": .bool(a.organisationConfirmed), "disabled": .bool(a.disabled),
            "secondFactor": .bool(a.totpSecret != nil), "generation": .integer(a.generation),
        ])
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
        CanonicalJSON.encode([
            "id": .integer(a.id ?? 0), "reference": .string(a.reference), "round": .integer(a.roundID),
            "organisation": .string(a.organisationID), "state": .string(a.state.rawValue),
            "draft": .string(sha256Hex(Array(a.draft.utf8))), "draftRevision": .integer(Int64(a.draftRevision)),
            "submittedVersion": .integer(Int64(a.submittedVersion)),
            "responseDue": a.responseDue.map { .string($0) } ?? .null, "coApplicants": .string(a.coApplicants),
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
