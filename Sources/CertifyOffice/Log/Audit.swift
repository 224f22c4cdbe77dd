import Foundation
import GRDB

/// `office audit`: recomputes the action log's chain and compares every
/// row's stored hash with the objects in the database.
public struct AuditReport: Sendable {
    public var head: ActionLog.Head
    public var problems: [OfficeMessage]
    public var ok: Bool { problems.isEmpty }
}

public enum Audit {
    /// Objects the retention purge (or a reopening, for review drafts) may remove without a row of their own.
    static let purgeable: Set<Substring> = ["account", "application", "review-draft"]
    /// Objects whose removal is logged as a row storing nothing: after such a row the object must be absent.
    static let removable: Set<Substring> = ["assignment"]

    static func kind(_ object: String) -> Substring { object.prefix { $0 != ":" } }

    public static func run(_ db: Database, since: ActionLog.Head? = nil) throws -> AuditReport {
        var problems: [OfficeMessage] = []
        var previous = ActionLog.genesis
        var expected: Int64 = 0
        var latest: [String: (seq: Int64, stored: String?)] = [:]
        var immutable: [(seq: Int64, object: String, stored: String?)] = []
        var hashAtSince: String?
        let rows = try ActionRow.order(Column("seq")).fetchCursor(db)
        while let row = try rows.next() {
            while expected < row.seq {
                problems.append(.auditRowMissing(seq: Int(expected)))
                expected += 1
            }
            expected = row.seq + 1
            if row.previous != previous || ActionLog.hash(of: row) != row.hash {
                problems.append(.auditRowEdited(seq: Int(row.seq)))
            }
            previous = row.hash
            if let since, row.seq == Int64(since.size) - 1 { hashAtSince = row.hash }
            if row.stored != nil || removable.contains(kind(row.object)) { latest[row.object] = (row.seq, row.stored) }
            immutable.append((row.seq, row.object, row.stored))
        }
        // Objects: every row of an immutable object, the latest row of a mutable one.
        // A purged draft's evidence went with it (the purge is on record).
        let purged = Set(try ActionRow.filter(Column("action") == "application-purge").fetchAll(db).map {
            String($0.object.dropFirst("application:".count))
        })
        for (seq, object, stored) in immutable {
            if object.hasPrefix("evidence:"), let app = object.dropFirst("evidence:".count).split(separator: "/").first,
               purged.contains(String(app)) { continue }
            guard let stored, let (current, isImmutable) = try Snapshot.storedHash(object, db) else { continue }
            guard isImmutable || latest[object]?.seq == seq else { continue }
            guard let current else {
                // A purged object leaves its rows; a frozen one, or one nothing may remove, must be there.
                if isImmutable || !purgeable.contains(kind(object)) { problems.append(.auditObjectMissing(object: object, seq: Int(seq))) }
                continue
            }
            if current != stored { problems.append(.auditObjectMismatch(object: object, seq: Int(seq))) }
        }
        // Objects whose last row removed them must be absent (an assignment put back behind the log's back).
        for (object, last) in latest where last.stored == nil {
            if let (current, _) = try Snapshot.storedHash(object, db), current != nil {
                problems.append(.auditObjectMismatch(object: object, seq: Int(last.seq)))
            }
        }
        // Stored files: their rows name them by SHA-256, so every file's bytes must hash to its name.
        let blobs = try Blob.fetchCursor(db)
        while let blob = try blobs.next() {
            guard sha256Hex(blob.bytes) != blob.sha256 else { continue }
            let seq = try ActionRow.filter(Column("object") == "blob:\(blob.sha256)").fetchOne(db)?.seq ?? -1
            problems.append(.auditObjectMismatch(object: "blob:\(blob.sha256)", seq: Int(seq)))
        }
        let head = ActionLog.Head(size: Int(expected), hash: previous)
        if let since, since.size > 0 {
            if since.size > head.size {
                problems.append(.auditHeadUnknown(size: since.size))
            } else if hashAtSince != since.hash {
                problems.append(.auditHeadMismatch(size: since.size))
            }
        }
        return AuditReport(head: head, problems: problems)
    }
}
