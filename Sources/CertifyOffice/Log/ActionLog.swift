import Crypto
import Foundation
import GRDB

/// The append-only action log: every action a row, chained by SHA-256 to
/// the row before it, with the SHA-256 of what it stored. A row's hash is
/// the SHA-256 of its canonical JSON (RFC 8785) without the hash itself.
public enum ActionLog {
    /// The `previous` of the first row.
    public static let genesis = String(repeating: "0", count: 64)

    /// The log's head: how many rows, and the last row's hash.
    public struct Head: Sendable, Equatable, CustomStringConvertible {
        public var size: Int
        public var hash: String
        public var description: String { "\(size):\(hash)" }

        public init(size: Int, hash: String) {
            self.size = size
            self.hash = hash
        }

        /// Parses `SIZE:HASH` as `office audit` prints it.
        public init(parsing text: String) throws(OfficeError) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let size = Int(parts[0]), size >= 0, parts[1].count == 64,
                  parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw OfficeError(.invalid, .auditHeadFormat)
            }
            self.init(size: size, hash: String(parts[1]))
        }
    }

    /// Appends a row in the caller's transaction and returns it.
    @discardableResult
    public static func append(_ db: Database, at time: Date, account: Int64?, action: String, object: String,
                              stored: String?) throws -> ActionRow {
        let last = try ActionRow.order(Column("seq").desc).fetchOne(db)
        var row = ActionRow(seq: (last?.seq ?? -1) + 1, time: timestamp(time), accountID: account, action: action,
                            object: object, stored: stored, previous: last?.hash ?? genesis, hash: "")
        row.hash = hash(of: row)
        try row.insert(db)
        return row
    }

    public static func head(_ db: Database) throws -> Head {
        guard let last = try ActionRow.order(Column("seq").desc).fetchOne(db) else { return Head(size: 0, hash: genesis) }
        return Head(size: Int(last.seq) + 1, hash: last.hash)
    }

    /// The canonical JSON a row's hash covers.
    public static func canonical(_ row: ActionRow) -> String {
        CanonicalJSON.encode([
            "seq": .integer(row.seq), "time": .string(row.time),
            "account": row.accountID.map { .integer($0) } ?? .null,
            "action": .string(row.action), "object": .string(row.object),
            "stored": row.stored.map { .string($0) } ?? .null, "previous": .string(row.previous),
        ])
    }

    public static func hash(of row: ActionRow) -> String { sha256Hex(Array(canonical(row).utf8)) }

    /// UTC, to the second: `2026-03-02T09:00:00Z`.
    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(c.year!)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))Z"
    }
}

/// SHA-256 as lowercase hex.
public func sha256Hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    SHA256.hash(data: Array(bytes)).map { byte in
        let hex = String(byte, radix: 16)
        return byte < 16 ? "0" + hex : hex
    }.joined()
}
