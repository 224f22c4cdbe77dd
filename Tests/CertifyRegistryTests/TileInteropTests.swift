import CertifyModel
import CertifyRegistry
import CertifyTestSupport
import Foundation
import Testing

/// A running `certify serve --registry PATH` on a free port: its `/log/` URL.
final class LogServer {
    let process = Process()
    let url: String

    init(registry path: String) throws {
        process.executableURL = Run.binary
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--rubrics", Paths.rubrics.path, "--registry", path]
        process.currentDirectoryURL = Paths.root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice  // one log line per request, not read here
        try process.run()
        // The first line names the URL (at end of file: the server did not start).
        var data = Data()
        while !data.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            data += chunk
        }
        let line = String(decoding: data, as: UTF8.self)
        let match = try #require(line.firstMatch(of: #/(http://127\.0\.0\.1:\d+)/#), "serve printed \(line)")
        url = String(match.output.1) + "/log"
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }
}

/// The tiles read by Go's golang.org/x/mod/sumdb/tlog tile reader and
/// verified with sumdb/note (Tests/interop/tilecheck), from `registry
/// tiles` output and from a running server, before and after appends;
/// mutated checkpoints, tiles and bundles refused, in Go's memory and on disk.
@Suite(.serialized) struct TileInteropTests {
    let scratch = Scratch()

    @Test func goReadsAndVerifiesTheTilesFromADirectoryAndAServer() throws {
        let checker = try buildTlogcheck(into: scratch.directory, "tilecheck")
        let path = scratch.path("log.sqlite")
        let registry = try Registry.create(at: path, origin: "interop.example/log")
        let vkey = registry.verifier.encoded
        func append(_ range: Range<Int>) throws {
            for n in range {
                _ = try registry.register(facts(n, applicant: "KR-A\(n % 53)", from: n % 2 == 0 ? "2026-03-02" : "2028-01-10",
                                                until: n % 2 == 0 ? "2028-03-01" : "2030-01-09"))
                if n % 37 == 36 { _ = try registry.revoke(try registry.certificates(on: .d("2026-06-01")).last { $0.revokedOn == nil }!.id, reason: "test \(n)") }
            }
            try registry.flush()
        }
        // The empty log: a checkpoint, no tiles.
        let out = scratch.path("www/log")
        #expect(try Run(["registry", "tiles", "--out", out, "--registry", path]).status == 0)
        var run = try Run([vkey, out], program: checker)
        #expect(run.status == 0 && run.stdout.hasPrefix("tilecheck: 0 entries proved included"), "\(run.stdout)\(run.stderr)")

        try append(0..<560)
        let size = try registry.size()
        #expect(size > 512)
        #expect(try Run(["registry", "tiles", "--out", out, "--registry", path]).status == 0)
        run = try Run(["-mutate", vkey, out], program: checker)
        #expect(run.status == 0, "\(run.stderr)")
        // 3 level-0 tiles, the level-1 partial tile, 3 bundles; 4 checkpoint mutations, 2 per hash tile, 3 per bundle.
        #expect(run.stdout == "tilecheck: \(size) entries proved included, 4 hash tiles and 3 entry bundles verified against the signed checkpoint; \(4 + 4 * 2 + 3 * 3) mutations refused; 0 failures\n", "\(run.stdout)")

        let server = try LogServer(registry: path)
        run = try Run(["-mutate", vkey, server.url], program: checker)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("tilecheck: \(size) entries proved included, 4 hash tiles and 3 entry bundles"), "\(run.stdout)")
        // Appends while the server runs: it serves the new checkpoint and tiles.
        try append(560..<600)
        let grown = try registry.size()
        run = try Run([vkey, server.url], program: checker)
        #expect(run.status == 0 && run.stdout.hasPrefix("tilecheck: \(grown) entries proved included"), "\(run.stdout)\(run.stderr)")

        // On disk: a changed tile, a changed bundle, another log's checkpoint, a missing tile — each refused and named.
        func refusedAfter(_ file: String, _ change: (inout Data) -> Void, _ named: String) throws {
            let original = try #require(FileManager.default.contents(atPath: out + "/" + file))
            var changed = original
            change(&changed)
            try changed.write(to: URL(fileURLWithPath: out + "/" + file))
            let refused = try Run([vkey, out], program: checker)
            #expect(refused.status == 1 && refused.stderr.contains(named), "\(file): \(refused.stderr)")
            try original.write(to: URL(fileURLWithPath: out + "/" + file))
        }
        try refusedAfter("tile/0/001", { $0[4000] ^= 1 }, "FAIL: entry 256 is not included")
        try refusedAfter("tile/entries/000", { $0[300] ^= 1 }, "FAIL: entry 1 is not included")
        try refusedAfter("tile/0/002.p/\(size - 512)", { $0.removeLast() }, "002.p/\(size - 512) len=\(32 * (size - 512) - 1)")
        let other = try Registry.create(at: scratch.path("other.sqlite"), origin: "interop.example/log")
        for n in 0..<3 { _ = try other.register(facts(n + 10_000)) }
        try refusedAfter("checkpoint", { $0 = Data(try! other.checkpoint().utf8) }, "checkpoint: note has no verifiable signatures")
        try FileManager.default.removeItem(atPath: out + "/tile/1/000.p/2")
        let missing = try Run([vkey, out], program: checker)
        #expect(missing.status == 1 && missing.stderr.contains("tile/1/000.p/2"), "\(missing.stderr)")
    }
}
