import CertifyModel
import Foundation

/// Where a monitor reads a tiled log: a URL prefix or a directory, by the
/// paths of C2SP `tlog-tiles` (`checkpoint`, `tile/...`).
public protocol LogSource {
    func fetch(_ path: String) throws(CertifyError) -> [UInt8]
}

/// A directory written by `registry tiles --out DIR` (or a mirror of one).
public struct DirectorySource: LogSource {
    public let directory: String
    public init(_ directory: String) { self.directory = directory }

    public func fetch(_ path: String) throws(CertifyError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: directory + "/" + path) else {
            let reason = FileManager.default.fileExists(atPath: directory + "/" + path) ? "unreadable" : "no such file"
            throw CertifyError(.unreadable, Message.tlog(.fetchFailed(path: path, reason: reason)), file: directory)
        }
        return Array(data)
    }
}

/// `registry monitor`: reads the whole published log, checks it, and
/// tells what is new since the checkpoint it saw last. Checked: the
/// checkpoint's signature by the log key and its form; every tile's
/// length; every entry against its leaf hash in the level-0 tiles; every
/// full tile against its hash in the tile above; the root the tiles imply
/// against the checkpoint's; the checkpoint seen before against the new
/// one (the same root at the same size, else a fork; a consistency proof
/// made from the tiles otherwise); every entry's form and its place in its
/// certificate's history. Any failure is a `CertifyError` naming it.
public enum LogMonitor {
    public struct Report: Sendable {
        /// The signed checkpoint now verified (the next state).
        public var checkpoint: String
        public var size: Int
        public var previousSize: Int
        /// The entries after `previousSize`, parsed.
        public var new: [(index: Int, event: Event)]
    }

    static func inconsistent(_ message: Message.TlogMessage) -> CertifyError {
        CertifyError(.auditFailed, Message.tlog(message))
    }

    /// Opens a signed checkpoint with the log key.
    public static func open(_ note: String, verifier: NoteVerifier) throws(CertifyError) -> Checkpoint {
        guard let text = verifier.open(note) else { throw inconsistent(.checkpointNotSigned(key: verifier.encoded)) }
        guard let checkpoint = Checkpoint(text: text) else { throw inconsistent(.checkpointMalformed) }
        guard checkpoint.origin == verifier.name else {
            throw inconsistent(.originDiffers(expected: verifier.name, found: checkpoint.origin))
        }
        return checkpoint
    }

    public static func check(_ source: some LogSource, verifier: NoteVerifier, seen: String?) throws(CertifyError) -> Report {
        let before: Checkpoint? = try seen.map { (note) throws(CertifyError) in try open(note, verifier: verifier) }
        let note = String(decoding: try source.fetch("checkpoint"), as: UTF8.self)
        let checkpoint = try open(note, verifier: verifier)
        let size = checkpoint.size
        if let before {
            if size < before.size { throw inconsistent(.logShrank(seen: before.size, now: size)) }
            if size == before.size && checkpoint.root != before.root {
                throw inconsistent(.fork(size: size, seenRoot: Data(before.root).base64EncodedString(),
                                         root: Data(checkpoint.root).base64EncodedString()))
            }
        }
        // Every tile of the tree, its length checked.
        var tiles: [Tile: [UInt8]] = [:]
        var entries: [[UInt8]] = []
        for tile in Tile.all(size: size) {
            let bytes = try source.fetch(tile.path)
            if tile.level == nil {
                guard let bundle = Tile.entries(ofBundle: bytes), bundle.count == tile.width else {
                    throw inconsistent(.bundleMalformed(path: tile.path))
                }
                entries += bundle
            } else {
                guard bytes.count == 32 * tile.width else {
                    throw inconsistent(.tileLength(path: tile.path, bytes: bytes.count, expected: 32 * tile.width))
                }
                tiles[tile] = bytes
            }
        }
        let hashes = TileSubtrees(tiles: tiles)
        for (index, entry) in entries.enumerated() where RFC9162.leafHash(entry) != hashes.stored(level: 0, index: index) {
            throw inconsistent(.entryNotLeaf(index: index))
        }
        for (tile, bytes) in tiles where tile.isFull {
            let level = tile.level! + 1
            guard let above = hashes.stored(level: level * 8, index: tile.index) else { continue }  // no tile above yet
            if RFC9162.subtreeRoot(of: bytes) != above { throw inconsistent(.tileNotParent(path: tile.path)) }
        }
        let root: RFC9162.Hash
        do { root = try RFC9162.MTH(size: size, hashes) } catch { throw inconsistent(.tilesNotRoot(size: size)) }
        guard root == checkpoint.root else { throw inconsistent(.tilesNotRoot(size: size)) }
        if let before, before.size > 0, before.size < size {
            let proof: [RFC9162.Hash]
            do { proof = try RFC9162.PROOF(before.size, size, hashes) } catch { throw inconsistent(.notConsistent(seen: before.size, now: size)) }
            guard RFC9162.verifyConsistency(size1: before.size, size2: size, root1: before.root, root2: root, proof: proof) else {
                throw inconsistent(.notConsistent(seen: before.size, now: size))
            }
        }
        // Every entry's form and place; the new ones reported.
        var issued: [String: Bool] = [:]  // certificate → revoked
        var new: [(index: Int, event: Event)] = []
        for (index, entry) in entries.enumerated() {
            let event: Event
            do { event = try Event(parsing: entry) } catch { throw inconsistent(.entryNotEvent(index: index, reason: error.description)) }
            switch event.kind {
            case .issue, .renew:
                guard issued[event.certificate] == nil,
                      event.predecessor.map({ issued[$0] != nil }) ?? true else {
                    throw inconsistent(.eventOutOfPlace(index: index, certificate: event.certificate))
                }
                issued[event.certificate] = false
            case .revoke:
                guard issued[event.certificate] == false else {
                    throw inconsistent(.eventOutOfPlace(index: index, certificate: event.certificate))
                }
                issued[event.certificate] = true
            }
            if index >= (before?.size ?? 0) { new.append((index, event)) }
        }
        return Report(checkpoint: note, size: size, previousSize: before?.size ?? 0, new: new)
    }
}

/// Complete-subtree hashes from a tree's tiles alone: a level that is a
/// multiple of 8 is read from its tile; the levels between are hashed up
/// from the tile level below.
struct TileSubtrees: RFC9162.SubtreeHashes {
    let tiles: [Tile: [UInt8]]
    let widths: [Int: [Int: Int]]  // level → index → the width of the tile held

    init(tiles: [Tile: [UInt8]]) {
        self.tiles = tiles
        var widths: [Int: [Int: Int]] = [:]
        for tile in tiles.keys { widths[tile.level!, default: [:]][tile.index] = tile.width }
        self.widths = widths
    }

    /// The hash at a tile level (`level` a multiple of 8), if a tile holds it.
    func stored(level: Int, index: Int) -> RFC9162.Hash? {
        let tileLevel = level / 8
        guard let width = widths[tileLevel]?[index / Tile.fullWidth], index % Tile.fullWidth < width,
              let bytes = tiles[Tile(level: tileLevel, index: index / Tile.fullWidth, width: width)] else { return nil }
        let offset = (index % Tile.fullWidth) * 32
        return Array(bytes[offset..<offset + 32])
    }

    func hash(level: Int, index: Int) throws -> RFC9162.Hash {
        if level % 8 == 0 {
            guard let hash = stored(level: level, index: index) else {
                throw CertifyError(.auditFailed, Message.registry(.treeHashMissing(level: level, index: index)))
            }
            return hash
        }
        return RFC9162.nodeHash(try hash(level: level - 1, index: 2 * index), try hash(level: level - 1, index: 2 * index + 1))
    }
}

extension RFC9162 {
    /// The root of a complete subtree given its 2^k leaf-level hashes (a full tile's 256).
    static func subtreeRoot(of bytes: [UInt8]) -> Hash {
        var level = stride(from: 0, to: bytes.count, by: 32).map { Array(bytes[$0..<$0 + 32]) }
        while level.count > 1 {
            level = stride(from: 0, to: level.count, by: 2).map { nodeHash(level[$0], level[$0 + 1]) }
        }
        return level[0]
    }
}
