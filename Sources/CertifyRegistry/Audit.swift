import CertifyModel
import Foundation
import GRDB

/// What `registry audit` found.
public struct AuditReport: Sendable {
    public var entries = 0
    public var certificates = 0
    public var checkpoints = 0
    /// Each names the row (table and key) or entry that is wrong.
    public var problems: [String] = []
    public var passed: Bool { problems.isEmpty }
}

extension Registry {
    /// Recomputes everything from the log's entries: every leaf and subtree
    /// hash, every checkpoint's root and signature (with `verifier`, default
    /// the log's own key, which must also match `PATH.key` when that is
    /// readable), and every row of the certificate tables, by replaying the
    /// events into an empty database and comparing row by row; and every
    /// kept report's bytes against the SHA-256 its certificate names.
    public func audit(expecting expected: NoteVerifier? = nil, limit: Int = 50) throws(CertifyError) -> AuditReport {
        var report = AuditReport()
        func problem(_ text: String) { if report.problems.count < limit { report.problems.append(text) } }
        if let expected, expected != verifier {
            problem("log_meta: the verifier key is \(verifier.encoded), not the expected \(expected.encoded)")
        }
        if FileManager.default.isReadableFile(atPath: Self.keyPath(for: path)), let signer = try? signer(), signer.verifier != verifier {
            problem("log_meta: the verifier key does not belong to \(Self.keyPath(for: path))")
        }
        let verifier = expected ?? self.verifier
        do {
            try queue.read { db in
                // Entries, leaf hashes and every level of the tree, recomputed.
                var levels: [[RFC9162.Hash]] = [[]]
                var events: [(Int, Event)] = []
                let entries = try Row.fetchCursor(db, sql: "SELECT idx, body FROM log_entry ORDER BY idx")
                while let row = try entries.next() {
                    let index: Int = row[0]
                    let body = Array((row[1] as Data?) ?? Data())
                    guard index == report.entries else {
                        problem("log_entry: entry \(report.entries) is missing (next is \(index))")
                        return
                    }
                    report.entries += 1
                    levels[0].append(RFC9162.leafHash(body))
                    var level = 0
                    while levels[level].count % 2 == 0 {
                        let count = levels[level].count
                        let parent = RFC9162.nodeHash(levels[level][count - 2], levels[level][count - 1])
                        if levels.count == level + 1 { levels.append([]) }
                        levels[level + 1].append(parent)
                        level += 1
                    }
                    do { events.append((index, try Event(parsing: body))) } catch {
                        problem("log_entry \(index): not a registry event: \(error)")
                    }
                }
                struct Computed: RFC9162.SubtreeHashes {
                    let levels: [[RFC9162.Hash]]
                    func hash(level: Int, index: Int) throws -> RFC9162.Hash { levels[level][index] }
                }
                let computed = Computed(levels: levels)
                var stored = 0
                let hashes = try Row.fetchCursor(db, sql: "SELECT level, idx, hash FROM tree_hash ORDER BY level, idx")
                while let row = try hashes.next() {
                    let level: Int = row[0], index: Int = row[1]
                    let hash = (row[2] as Data?).map(Array.init)
                    stored += 1
                    guard level >= 0, level < levels.count, index >= 0, index < levels[level].count else {
                        problem("tree_hash level \(level) index \(index): no such subtree in a log of \(report.entries) entries")
                        continue
                    }
                    if hash != levels[level][index] {
                        problem("tree_hash level \(level) index \(index): differs from the hash recomputed from the entries")
                    }
                }
                let expectedCount = levels.reduce(0) { $0 + $1.count }
                if stored < expectedCount { problem("tree_hash: \(expectedCount - stored) subtree hashes are missing") }

                // A checkpoint for every size 0...N, signed by the log's key, with the recomputed root.
                let notes = try Row.fetchCursor(db, sql: "SELECT size, note FROM checkpoint ORDER BY size")
                var sizes = Set<Int>()
                while let row = try notes.next() {
                    let size: Int = row[0]
                    let note: String = row[1] ?? ""
                    report.checkpoints += 1
                    sizes.insert(size)
                    guard let text = verifier.open(note) else {
                        problem("checkpoint size \(size): the signature does not verify with \(verifier.encoded)")
                        continue
                    }
                    guard let checkpoint = Checkpoint(text: text) else {
                        problem("checkpoint size \(size): not a tlog-checkpoint")
                        continue
                    }
                    if checkpoint.origin != origin { problem("checkpoint size \(size): origin \(checkpoint.origin) is not \(origin)") }
                    if checkpoint.size != size { problem("checkpoint size \(size): the note says size \(checkpoint.size)") }
                    guard size <= report.entries else {
                        problem("checkpoint size \(size): beyond the log's \(report.entries) entries")
                        continue
                    }
                    if try checkpoint.root != RFC9162.MTH(size: size, computed) {
                        problem("checkpoint size \(size): the root hash is not the tree's recomputed from the entries")
                    }
                }
                for size in 0...report.entries where !sizes.contains(size) {
                    problem("checkpoint size \(size): missing")
                }

                // The certificate tables, replayed from the events.
                let replay = try DatabaseQueue()
                try Self.migrator.migrate(replay)
                try replay.write { replayed in
                    for (index, event) in events {
                        if let reason = try Self.refusal(of: event, index: index, db: replayed) {
                            problem("log_entry \(index): \(reason)")
                            continue
                        }
                        try CertificateStore.apply(event, index: index, db: replayed)
                    }
                }
                report.certificates = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM certificate") ?? 0
                for (table, key) in [("certificate", "id"), ("certificate_applicant", "certificate, position"),
                                     ("renewal", "certificate"), ("revocation", "certificate"),
                                     ("certificate_sequence", "prefix")] {
                    let sql = "SELECT * FROM \(table) ORDER BY \(key)"
                    let actual = try Row.fetchAll(db, sql: sql)
                    let wanted = try replay.read { try Row.fetchAll($0, sql: sql) }
                    for difference in Self.differences(table: table, key: key.components(separatedBy: ", "), actual: actual, expected: wanted) {
                        problem(difference)
                    }
                }
                for text in try Self.reportProblems(db) { problem(text) }
            }
        } catch { throw Self.databaseError(error, path) }
        return report
    }

    /// Why an event could not have been written in the state the events
    /// before it made (nil if it could).
    static func refusal(of event: Event, index: Int, db: Database) throws -> String? {
        let existing = try CertificateStore.certificate(db, id: event.certificate)
        switch event.kind {
        case .issue, .renew:
            if existing != nil { return "certificate \(event.certificate) was already issued" }
            if let other = try CertificateStore.certificateID(db, reportSHA256: event.reportSHA256) {
                return "report \(event.reportSHA256) was already registered as \(other)"
            }
            let candidates = try CertificateStore.certificates(db, applicant: event.applicants[0].id, rubric: event.rubric)
                .filter { $0.successor == nil && $0.revokedOn == nil && $0.isRenewed(byStartOn: event.validFrom!) }
            if event.kind == .issue, let renewable = candidates.first {
                return "an issue, but it starts in the renewal window of \(renewable.id)"
            }
            if event.kind == .renew, !candidates.contains(where: { $0.id == event.predecessor }) {
                return "renews \(event.predecessor ?? "?"), which is not a certificate it can renew"
            }
        case .revoke:
            guard let existing else { return "revokes \(event.certificate), which was never issued" }
            if existing.revokedOn != nil { return "revokes \(event.certificate) a second time" }
        }
        return nil
    }

    /// Rows that differ between a table and its replay, named by key.
    static func differences(table: String, key: [String], actual: [Row], expected: [Row]) -> [String] {
        func keyOf(_ row: Row) -> String {
            key.map { column in
                let value: DatabaseValue = row[column]
                if case .string(let text) = value.storage { return text }
                return value.description
            }.joined(separator: " ")
        }
        func describe(_ value: DatabaseValue) -> String {
            switch value.storage {
            case .string(let text): "'\(text)'"
            case .blob(let data): "blob of \(data.count) bytes"
            default: value.description
            }
        }
        var found: [String] = []
        let wanted = Dictionary(expected.map { (keyOf($0), $0) }, uniquingKeysWith: { first, _ in first })
        let have = Dictionary(actual.map { (keyOf($0), $0) }, uniquingKeysWith: { first, _ in first })
        for row in actual {
            let name = "\(table) \(keyOf(row))"
            guard let expectedRow = wanted[keyOf(row)] else {
                found.append("\(name): a row no log entry wrote")
                continue
            }
            for column in row.columnNames {
                let value: DatabaseValue = row[column], should: DatabaseValue = expectedRow[column]
                if value != should {
                    found.append("\(name): \(column) is \(describe(value)), the log says \(describe(should))")
                }
            }
        }
        for row in expected where have[keyOf(row)] == nil {
            found.append("\(table) \(keyOf(row)): missing, though the log wrote it")
        }
        return found
    }
}
