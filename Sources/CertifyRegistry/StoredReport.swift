import CertifyModel
import CertifyRuntime
import Foundation
import GRDB

/// What a certified report concluded: a grade (smart city) and the total
/// score out of its maximum, as the report writes them.
public struct ReportOutcome: Sendable, Equatable {
    public var grade: String?
    public var total: String
    public var max: String

    public init(grade: String?, total: String, max: String) {
        self.grade = grade
        self.total = total
        self.max = max
    }
}

/// A signed report kept beside the log (table `report`), with its outcome.
public struct StoredReport: Sendable, Equatable {
    public var sha256: String
    public var outcome: ReportOutcome
    public var bytes: [UInt8]
}

/// Every log entry of one certificate (its issue or renewal, and its
/// revocation) with its inclusion proof in one tree, and that tree's
/// signed checkpoint: what the certificate page checks in the browser.
public struct CertificateProof: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var index: Int
        public var bytes: [UInt8]
        public var proof: [RFC9162.Hash]
    }

    public var size: Int
    public var checkpoint: String
    public var entries: [Entry]
}

struct ReportRecord: RegistryRecord {
    static let databaseTableName = "report"
    var sha256: String
    var grade: String?
    var total: String
    var max: String
    var body: Data
}

extension Registry {
    /// Keeps a certified report's bytes and outcome, in the transaction of
    /// `db`, unless they are kept already or there are none to keep.
    /// Returns whether it wrote.
    static func keep(_ report: CertifiedReport, db: Database) throws -> Bool {
        guard let outcome = report.outcome, !report.bytes.isEmpty,
              try ReportRecord.fetchOne(db, key: report.reportSHA256) == nil else { return false }
        try ReportRecord(sha256: report.reportSHA256, grade: outcome.grade, total: outcome.total, max: outcome.max,
                         body: Data(report.bytes)).insert(db)
        return true
    }

    /// The kept report with this SHA-256, or nil (never kept, or a registry
    /// from before reports were kept, opened read-only).
    public func report(sha256: String) throws(CertifyError) -> StoredReport? {
        try read { db in
            guard try db.tableExists(ReportRecord.databaseTableName),
                  let row = try ReportRecord.fetchOne(db, key: sha256) else { return nil }
            return StoredReport(sha256: row.sha256, outcome: ReportOutcome(grade: row.grade, total: row.total, max: row.max),
                                bytes: Array(row.body))
        }
    }

    /// The log entries of certificate `id` with their inclusion proofs in
    /// the latest tree, read in one transaction with its checkpoint; nil
    /// when there is no such certificate.
    public func certificateProof(_ id: String) throws(CertifyError) -> CertificateProof? {
        try read { db in
            guard let certificate = try CertificateStore.certificate(db, id: id) else { return nil }
            let size = try MerkleLog.size(db)
            guard let note = try MerkleLog.checkpoint(db, size: size) else {
                throw CertifyError(.auditFailed, Message.registry(.checkpointMissing(size: size)), file: path)
            }
            let hashes = try MerkleLog.Hashes(db)
            let indices = certificate.latestIndex == certificate.issuedIndex
                ? [certificate.issuedIndex] : [certificate.issuedIndex, certificate.latestIndex]
            let entries = try indices.map { index in
                guard let bytes = try MerkleLog.entry(db, index: index) else {
                    throw CertifyError(.auditFailed, Message.registry(.noEntry(index: index, size: size)), file: path)
                }
                return CertificateProof.Entry(index: index, bytes: Array(bytes),
                                              proof: try RFC9162.inclusionProof(index: index, size: size, hashes))
            }
            return CertificateProof(size: size, checkpoint: note, entries: entries)
        }
    }

    /// Problems of the kept reports: bytes that do not hash to their key,
    /// or a report no certificate names.
    static func reportProblems(_ db: Database) throws -> [String] {
        guard try db.tableExists(ReportRecord.databaseTableName) else { return [] }
        let named = Set(try String.fetchAll(db, sql: "SELECT report_sha256 FROM certificate"))
        var problems: [String] = []
        let rows = try ReportRecord.fetchCursor(db, sql: "SELECT * FROM report ORDER BY sha256")
        while let row = try rows.next() {
            if InputFile.sha256(Array(row.body)) != row.sha256 {
                problems.append("report \(row.sha256): its bytes do not hash to this SHA-256")
            }
            if !named.contains(row.sha256) { problems.append("report \(row.sha256): no certificate names it") }
        }
        return problems
    }
}
