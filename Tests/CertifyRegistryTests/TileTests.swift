import CertifyModel
import CertifyRegistry
import CertifyTestSupport
import Foundation
import Testing

/// Subtree hashes read from tiles alone (as a mirror has them): a level that
/// is a multiple of 8 is a tile's hash; one between is hashed up from the
/// tile level below it.
struct TileHashes: RFC9162.SubtreeHashes {
    let tiles: [Tile: [UInt8]]

    func hash(level: Int, index: Int) throws -> RFC9162.Hash {
        if level % 8 == 0 {
            let tile = try #require(tiles.first { $0.key.level == level / 8 && $0.key.index == index / 256 && $0.key.width > index % 256 },
                                    "no tile holds level \(level) index \(index)")
            return Array(tile.value[(index % 256) * 32..<(index % 256 + 1) * 32])
        }
        return RFC9162.nodeHash(try hash(level: level - 1, index: 2 * index), try hash(level: level - 1, index: 2 * index + 1))
    }
}

/// MTH straight from the entries (RFC 9162 2.1.1), sharing nothing with the registry's tables.
func treeHash(_ entries: ArraySlice<[UInt8]>) -> RFC9162.Hash {
    if entries.isEmpty { return RFC9162.emptyHash }
    if entries.count == 1 { return RFC9162.leafHash(entries.first!) }
    var k = 1
    while k << 1 < entries.count { k <<= 1 }
    return RFC9162.nodeHash(treeHash(entries.prefix(k)), treeHash(entries.dropFirst(k)))
}

@Suite(.serialized) struct TileTests {
    let scratch = Scratch()

    /// The spec's path encoding, both ways, and the paths it does not allow.
    @Test func pathsAreTheSpecs() throws {
        #expect(Tile(level: 0, index: 1234067, width: 256).path == "tile/0/x001/x234/067")
        #expect(Tile(level: 2, index: 5, width: 17).path == "tile/2/005.p/17")
        #expect(Tile(level: nil, index: 1000, width: 1).path == "tile/entries/x001/000.p/1")
        for tile in [Tile(level: 0, index: 0, width: 256), Tile(level: 63, index: 999_999_999, width: 255),
                     Tile(level: nil, index: 1234067, width: 3), Tile(level: 1, index: 1000, width: 256)] {
            #expect(Tile(path: tile.path) == tile)
        }
        for path in ["tile/00/000", "tile/0/x000/001", "tile/0/1", "tile/0/0001", "tile/0/000.p/256", "tile/0/000.p/0",
                     "tile/0/000.p/05", "tile/64/000", "tile/entries/000.p/", "tile/0/x001", "tile/0/001/002",
                     "tile/0/000/", "tile//000", "tiles/0/000", "tile/0/x00a/000", "tile/0/000.p/1/2", "tile/+1/000",
                     "tile/0/x999/x999/x999/x999/x999/x999/x999/000"] {
            #expect(Tile(path: path) == nil, "\(path)")
        }
    }

    /// The spec's examples: which tiles trees of 70,000 and 256 entries have.
    @Test func tilesOfATreeAreTheSpecs() {
        let tiles = Tile.all(size: 70_000)
        let hashTiles = tiles.filter { $0.level != nil }
        #expect(hashTiles.filter { $0.level == 0 && $0.isFull }.count == 273)
        #expect(hashTiles.filter { $0.level == 0 && !$0.isFull }.map(\.width) == [112])
        #expect(hashTiles.filter { $0.level == 1 && $0.isFull }.count == 1)
        #expect(hashTiles.filter { $0.level == 1 && !$0.isFull }.map(\.width) == [17])
        #expect(hashTiles.filter { $0.level == 2 }.map(\.width) == [1])
        #expect(hashTiles.count == 273 + 1 + 1 + 1 + 1)
        #expect(tiles.filter { $0.level == nil }.map(\.width) == Array(repeating: 256, count: 273) + [112])
        #expect(Tile.all(size: 256).map(\.path) == ["tile/0/000", "tile/entries/000", "tile/1/000.p/1"])
        #expect(Tile.all(size: 0).isEmpty)
        for tile in tiles { #expect(tile.exists(inTreeOf: 70_000) && Tile(path: tile.path) == tile) }
        #expect(!Tile(level: 0, index: 273, width: 113).exists(inTreeOf: 70_000))
        #expect(!Tile(level: 1, index: 1, width: 18).exists(inTreeOf: 70_000))
        #expect(!Tile(level: 8, index: 0, width: 1).exists(inTreeOf: Int.max))
    }

    /// Property: for random log sizes reached by appends (issues, renewals,
    /// revocations), the tiles equal those recomputed from the entries; the
    /// root they imply is the signed checkpoint's; every inclusion proof and
    /// every consistency proof from every earlier checkpoint they imply
    /// verifies; and a tile once served never changes.
    @Test func tilesEqualTheEntriesAndImplyEveryProof() throws {
        let registry = try Registry.create(at: scratch.path("log.sqlite"), origin: "tiles.example/log")
        var generator = SystemRandomNumberGenerator()
        let seed = UInt64.random(in: 0...UInt64.max, using: &generator)
        var rng = SplitMix(seed: seed)
        var sizes = Set([0, 1, 255, 256, 257, 511, 512, 513])
        while sizes.count < 16 { sizes.insert(Int(rng.next() % 700)) }
        var served: [Tile: [UInt8]] = [:]
        var entries: [[UInt8]] = []
        var n = 0
        for target in sizes.sorted() {
            while try registry.size() < target {
                n += 1
                if n % 29 == 0, let certificate = try registry.certificates(on: .d("2026-06-01")).last(where: { $0.revokedOn == nil }) {
                    _ = try registry.revoke(certificate.id, reason: "test \(n)")
                } else {
                    _ = try registry.register(facts(n, applicant: "KR-A\(n % 37)", from: n % 3 == 0 ? "2028-01-10" : "2026-03-02",
                                                    until: n % 3 == 0 ? "2030-01-09" : "2028-03-01"))
                }
            }
            let size = try registry.size()
            while entries.count < size { entries.append(try registry.entry(entries.count)) }
            var tiles: [Tile: [UInt8]] = [:]
            for tile in Tile.all(size: size) {
                let bytes = try #require(try registry.tile(tile), "seed \(seed): \(tile) missing at \(size)")
                let first = tile.index * 256
                if let level = tile.level {
                    let span = 1 << (8 * level)
                    let expected = (0..<tile.width).flatMap { i in treeHash(entries[(first + i) * span..<(first + i + 1) * span]) }
                    #expect(bytes == expected, "seed \(seed): \(tile) at size \(size)")
                } else {
                    #expect(Tile.entries(ofBundle: bytes) == Array(entries[first..<first + tile.width]), "seed \(seed): \(tile)")
                }
                if let before = served[tile] { #expect(before == bytes, "seed \(seed): \(tile) changed") }
                served[tile] = bytes
                tiles[tile] = bytes
            }
            // Tiles beyond the tree are not there.
            #expect(try registry.tile(Tile(level: 0, index: size / 256, width: size % 256 + 1)) == nil)
            let text = try #require(registry.verifier.open(try registry.checkpoint()))
            let checkpoint = try #require(Checkpoint(text: text))
            let hashes = TileHashes(tiles: tiles)
            #expect(try RFC9162.MTH(size: size, hashes) == checkpoint.root, "seed \(seed): root at \(size)")
            for index in 0..<size {
                let proof = try RFC9162.inclusionProof(index: index, size: size, hashes)
                #expect(RFC9162.verifyInclusion(leaf: RFC9162.leafHash(entries[index]), index: index, size: size, proof: proof, root: checkpoint.root),
                        "seed \(seed): inclusion \(index) in \(size)")
            }
            for old in Set((0..<8).map { _ in Int(rng.next() % UInt64(max(size, 1))) + 1 }) where old <= size && size > 0 {
                let earlierText = try #require(registry.verifier.open(try registry.checkpoint(size: old)))
                let earlier = try #require(Checkpoint(text: earlierText))
                #expect(try RFC9162.MTH(size: old, hashes) == earlier.root)
                let proof = try RFC9162.PROOF(old, size, hashes)
                #expect(RFC9162.verifyConsistency(size1: old, size2: size, root1: earlier.root, root2: checkpoint.root, proof: proof),
                        "seed \(seed): consistency \(old) → \(size)")
            }
        }
    }

    /// `registry tiles --out DIR`: the same bytes as the server's; a second
    /// run keeps them; a changed tile is refused (exit 65) and named.
    @Test func tilesCommandWritesTheSameFiles() throws {
        let path = scratch.path("log.sqlite")
        let registry = try Registry.create(at: path, origin: "tiles.example/log")
        for n in 0..<300 { _ = try registry.register(facts(n)) }
        try registry.flush()
        let out = scratch.path("www/log")
        let made = try Run(["registry", "tiles", "--out", out, "--registry", path])
        #expect(made.status == 0, "\(made.stderr)")
        let tiles = Tile.all(size: 300)
        #expect(made.stdout == "\(out): checkpoint of size 300, \(tiles.count) tiles written, 0 already there\n")
        #expect(FileManager.default.contents(atPath: out + "/checkpoint") == Data(try registry.checkpoint().utf8))
        for tile in tiles {
            #expect(FileManager.default.contents(atPath: out + "/" + tile.path).map(Array.init) == (try registry.tile(tile)))
        }
        for n in 300..<310 { _ = try registry.register(facts(n)) }
        try registry.flush()
        let again = try Run(["registry", "tiles", "--out", out, "--registry", path])
        #expect(again.status == 0, "\(again.stderr)")
        // 310 entries: the full level-0 tile and bundle kept, two new partial tiles and the level-1 one.
        #expect(again.stdout == "\(out): checkpoint of size 310, 2 tiles written, 3 already there\n")
        #expect(FileManager.default.fileExists(atPath: out + "/tile/0/001.p/44"), "the earlier partial tile stays")
        var changed = try #require(FileManager.default.contents(atPath: out + "/tile/0/000"))
        changed[100] ^= 1
        try changed.write(to: URL(fileURLWithPath: out + "/tile/0/000"))
        let refused = try Run(["registry", "tiles", "--out", out, "--registry", path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\(out)/tile/0/000 already holds a different tile"), "\(refused.stderr)")
        let korean = try Run(["registry", "tiles", "--out", out, "--registry", path], environment: ["LANG": "ko_KR.UTF-8"])
        #expect(korean.stderr.contains("다른 내용의 타일"), "\(korean.stderr)")
    }
}

/// A seeded generator, so a failing property names the seed that shows it.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
