import CertifyModel
import Foundation
import GRDB

/// The log as C2SP `tlog-tiles` (https://c2sp.org/tlog-tiles) lays it out:
/// hash tiles of height 8 (`tile/<L>/<N>[.p/<W>]`, 256 hashes when full)
/// and entry bundles (`tile/entries/<N>[.p/<W>]`, each entry a big-endian
/// uint16 length and its bytes). The n-th tile at level l holds, for i in
/// 0..<W, MTH(D[(n·256 + i)·256^l ..< (n·256 + i + 1)·256^l]) — the stored
/// complete-subtree hash of tree level 8·l, index n·256 + i — so a tile is
/// one range read of `tree_hash`.
public struct Tile: Sendable, Hashable, CustomStringConvertible {
    /// Hashes per full tile (2^height).
    public static let fullWidth = 256
    /// The largest entry a bundle can carry (its length is a uint16).
    public static let maxEntryBytes = 0xFFFF

    /// The tile's level; nil for an entry bundle.
    public var level: Int?
    public var index: Int
    /// 1 ... 256; 256 is a full tile.
    public var width: Int

    public init(level: Int?, index: Int, width: Int) {
        self.level = level
        self.index = index
        self.width = width
    }

    public var isFull: Bool { width == Self.fullWidth }

    /// The path below the log's prefix: `tile/0/x001/234.p/5`, `tile/entries/067`.
    public var path: String {
        var groups = [String(format: "%03d", index % 1000)]
        var rest = index / 1000
        while rest > 0 {
            groups.insert(String(format: "x%03d", rest % 1000), at: 0)
            rest /= 1000
        }
        let head = "tile/" + (level.map(String.init) ?? "entries") + "/" + groups.joined(separator: "/")
        return isFull ? head : head + ".p/\(width)"
    }

    public var description: String { path }

    /// Reads a path below the prefix, exactly as `path` writes it (no
    /// leading zeros, no `x000` groups, `.p/W` only with 1 ≤ W ≤ 255);
    /// nil for anything else.
    public init?(path: String) {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, parts[0] == "tile" else { return nil }
        let level: Int?
        if parts[1] == "entries" {
            level = nil
        } else {
            guard let l = Int(parts[1]), l >= 0, l <= 63, String(l) == parts[1] else { return nil }
            level = l
        }
        parts.removeFirst(2)
        var width = Self.fullWidth
        if parts.count >= 2, parts[parts.count - 2].hasSuffix(".p") {
            let w = parts.removeLast()
            guard let value = Int(w), value >= 1, value < Self.fullWidth, String(value) == w else { return nil }
            width = value
            parts[parts.count - 1].removeLast(2)
        }
        var index = 0
        for (position, group) in parts.enumerated() {
            let last = position == parts.count - 1
            let digits = last ? Substring(group) : (group.hasPrefix("x") ? group.dropFirst() : "")
            guard digits.count == 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return nil }
            let (shifted, overflow) = index.multipliedReportingOverflow(by: 1000)
            guard !overflow else { return nil }
            index = shifted + value
        }
        self.init(level: level, index: index, width: width)
        guard self.path == path else { return nil }
    }

    /// Leaves each hash of the tile spans: 256^level (1 for entry bundles); nil beyond Int.
    var span: Int? {
        var span = 1
        for _ in 0..<(level ?? 0) {
            let (next, overflow) = span.multipliedReportingOverflow(by: Self.fullWidth)
            if overflow { return nil }
            span = next
        }
        return span
    }

    /// Whether the tree of `size` entries has this tile: every hash it
    /// holds covers leaves below `size`. A partial tile of width W exists
    /// once the tree has reached the size that first made it (whose
    /// checkpoint the log signed), and its bytes never change after.
    public func exists(inTreeOf size: Int) -> Bool {
        guard let span, index >= 0, width >= 1, width <= Self.fullWidth else { return false }
        let (first, o1) = index.multipliedReportingOverflow(by: Self.fullWidth)
        let (count, o2) = (first + width).multipliedReportingOverflow(by: span)
        return !o1 && !o2 && count <= size
    }

    /// Every tile of the tree of `size` entries: at each level, its full
    /// tiles, then the partial one if the level has one; the entry bundles
    /// after the level-0 tiles. A tree of 70,000 entries has 273 full and
    /// one partial (112) level-0 tiles, one full and one partial (17)
    /// level-1 tiles and one partial (1) level-2 tile (the spec's example).
    public static func all(size: Int) -> [Tile] {
        var tiles: [Tile] = []
        var span = 1, level = 0
        while size / span > 0 {
            let hashes = size / span
            for kind in level == 0 ? [Int?.some(0), nil] : [Int?.some(level)] {
                for n in 0..<(hashes / fullWidth) { tiles.append(Tile(level: kind, index: n, width: fullWidth)) }
                if hashes % fullWidth > 0 { tiles.append(Tile(level: kind, index: hashes / fullWidth, width: hashes % fullWidth)) }
            }
            let (next, overflow) = span.multipliedReportingOverflow(by: fullWidth)
            if overflow { break }
            span = next
            level += 1
        }
        return tiles
    }

    /// An entry bundle's bytes: each entry as a big-endian uint16 length and its bytes.
    public static func bundle(_ entries: [[UInt8]], firstIndex: Int) throws(CertifyError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.reduce(0) { $0 + 2 + $1.count })
        for (offset, entry) in entries.enumerated() {
            guard entry.count <= maxEntryBytes else {
                throw CertifyError(.auditFailed, Message.tlog(.entryTooLong(index: firstIndex + offset, bytes: entry.count)))
            }
            bytes.append(UInt8(entry.count >> 8))
            bytes.append(UInt8(entry.count & 0xFF))
            bytes += entry
        }
        return bytes
    }

    /// The entries of a bundle; nil when its lengths do not add up.
    public static func entries(ofBundle bytes: [UInt8]) -> [[UInt8]]? {
        var entries: [[UInt8]] = []
        var position = 0
        while position < bytes.count {
            guard position + 2 <= bytes.count else { return nil }
            let length = Int(bytes[position]) << 8 | Int(bytes[position + 1])
            position += 2
            guard position + length <= bytes.count else { return nil }
            entries.append(Array(bytes[position..<position + length]))
            position += length
        }
        return entries
    }
}

extension MerkleLog {
    /// A tile's bytes from the tables (the caller checked it exists).
    static func tile(_ db: Database, _ tile: Tile) throws -> [UInt8] {
        let first = tile.index * Tile.fullWidth
        if let level = tile.level {
            let rows = try Data.fetchAll(
                db.cachedStatement(sql: "SELECT hash FROM tree_hash WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx"),
                arguments: [level * 8, first, first + tile.width])
            guard rows.count == tile.width else {
                throw CertifyError(.auditFailed, Message.registry(.treeHashMissing(level: level * 8, index: first + rows.count)))
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(32 * tile.width)
            for (offset, hash) in rows.enumerated() {
                guard hash.count == 32 else {
                    throw CertifyError(.auditFailed, Message.registry(.treeHashMissing(level: level * 8, index: first + offset)))
                }
                bytes += hash
            }
            return bytes
        }
        let rows = try Data.fetchAll(
            db.cachedStatement(sql: "SELECT body FROM log_entry WHERE idx >= ? AND idx < ? ORDER BY idx"),
            arguments: [first, first + tile.width])
        guard rows.count == tile.width else {
            throw CertifyError(.auditFailed, Message.registry(.noEntry(index: first + rows.count, size: try size(db))))
        }
        return try Tile.bundle(rows.map { Array($0) }, firstIndex: first)
    }
}

extension Registry {
    /// A tile's bytes, or nil when the log (at its latest size) has no such tile.
    public func tile(_ tile: Tile) throws(CertifyError) -> [UInt8]? {
        try read { db in
            guard tile.exists(inTreeOf: try MerkleLog.size(db)) else { return nil }
            return try MerkleLog.tile(db, tile)
        }
    }

    /// The published checkpoint (`checkpoint(size: nil)`) and every tile of its tree, read in one
    /// transaction (so that they agree), tile by tile to `body`.
    public func snapshot(_ body: (Tile, [UInt8]) throws(CertifyError) -> Void) throws(CertifyError) -> String {
        try read { db in
            guard let published = try MerkleLog.checkpointRecord(db, size: nil) else {
                throw CertifyError(.auditFailed, Message.registry(.checkpointMissing(size: try MerkleLog.size(db))))
            }
            for tile in Tile.all(size: published.size) {
                try body(tile, try MerkleLog.tile(db, tile))
            }
            return published.cosigned
        }
    }
}
