import CertifyModel
import Foundation
import GRDB

/// The log's tables: entries, the hash of every complete subtree, a signed
/// checkpoint per size. The hash lookups are one cached statement each
/// (proofs read dozens of hashes; `scripts/bench-registry` times them).
enum MerkleLog {
    static func size(_ db: Database) throws -> Int {
        (try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(idx) FROM log_entry"))).map { $0 + 1 } ?? 0
    }

    static func entry(_ db: Database, index: Int) throws -> Data? {
        try Data.fetchOne(db.cachedStatement(sql: "SELECT body FROM log_entry WHERE idx = ?"), arguments: [index])
    }

    /// The signed checkpoint of the tree of `size` entries, with the
    /// witnesses' cosignatures collected for it. Without `size`, the
    /// published one: the latest cosigned checkpoint once any is (a log
    /// with witnesses publishes a new tree when they have cosigned it),
    /// else the latest.
    static func checkpoint(_ db: Database, size: Int?) throws -> String? {
        try checkpointRecord(db, size: size)?.cosigned
    }

    static func checkpointRecord(_ db: Database, size: Int?) throws -> CheckpointRecord? {
        if let size { return try CheckpointRecord.fetchOne(db, key: size) }
        if try db.columns(in: "checkpoint").contains(where: { $0.name == "cosignatures" }),
           let cosigned = try CheckpointRecord.fetchOne(db, sql: "SELECT * FROM checkpoint WHERE cosignatures IS NOT NULL ORDER BY size DESC LIMIT 1") {
            return cosigned
        }
        return try CheckpointRecord.order(CheckpointRecord.Columns.size.desc).fetchOne(db)
    }

    /// Complete-subtree hashes read from `tree_hash`, one cached statement.
    struct Hashes: RFC9162.SubtreeHashes {
        let statement: Statement
        init(_ db: Database) throws {
            statement = try db.cachedStatement(sql: "SELECT hash FROM tree_hash WHERE level = ? AND idx = ?")
        }
        func hash(level: Int, index: Int) throws -> RFC9162.Hash {
            guard let hash = try Data.fetchOne(statement, arguments: [level, index]), hash.count == 32 else {
                throw CertifyError(.auditFailed, Message.registry(.treeHashMissing(level: level, index: index)))
            }
            return Array(hash)
        }
    }

    /// Appends an entry: its leaf hash, every subtree it completes, and the
    /// signed checkpoint of the new size. Returns the entry's index.
    static func append(_ entry: [UInt8], db: Database, signer: NoteSigner) throws -> Int {
        let index = try size(db)
        try db.cachedStatement(sql: "INSERT INTO log_entry (idx, body) VALUES (?, ?)").execute(arguments: [index, Data(entry)])
        let insert = try db.cachedStatement(sql: "INSERT INTO tree_hash (level, idx, hash) VALUES (?, ?, ?)")
        var hash = RFC9162.leafHash(entry)
        try insert.execute(arguments: [0, index, Data(hash)])
        let hashes = try Hashes(db)
        var level = 0, position = index
        while position & 1 == 1 {  // a right child completes its parent
            hash = RFC9162.nodeHash(try hashes.hash(level: level, index: position - 1), hash)
            level += 1
            position >>= 1
            try insert.execute(arguments: [level, position, Data(hash)])
        }
        let size = index + 1
        let root = try RFC9162.MTH(size: size, hashes)
        try CheckpointRecord(size: size, note: try signer.sign(Checkpoint(origin: signer.name, size: size, root: root).text)).insert(db)
        return index
    }
}

/// An inclusion proof of one entry in the tree of `size` entries, with that
/// tree's signed checkpoint (`prove`).
public struct InclusionProof: Sendable, Equatable {
    public var index: Int
    public var size: Int
    public var proof: [RFC9162.Hash]
    public var checkpoint: String
}

/// A consistency proof between two tree sizes (`consistency`).
public struct ConsistencyProof: Sendable, Equatable {
    public var from: Int
    public var to: Int
    public var proof: [RFC9162.Hash]
}
