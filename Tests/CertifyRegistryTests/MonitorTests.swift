import CertifyModel
import CertifyRegistry
import CertifyTestSupport
import Foundation
import Testing

/// `registry monitor`: what is new, printed; a fork (two checkpoints of one
/// size with different roots), a log that does not extend the one seen, a
/// log that shrank, a changed tile and a checkpoint signed by another key
/// refused (exit 1) and named; the state file moves only after a clean run.
@Suite(.serialized) struct MonitorTests {
    let scratch = Scratch()

    func tiles(_ path: String, _ out: String) throws {
        let run = try Run(["registry", "tiles", "--out", out, "--registry", path])
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// A copy of a registry (database, WAL and key): a log that can fork from the original.
    func copy(_ path: String, to other: String) throws {
        for suffix in ["", "-wal", ".key"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: other + suffix)
        }
        chmod(other + ".key", 0o600)
    }

    @Test func printsWhatIsNewAndRefusesAFork() throws {
        let path = scratch.path("log.sqlite")
        let registry = try Registry.create(at: path, origin: "monitor.example/log")
        let vkey = registry.verifier.encoded
        let out = scratch.path("www"), state = scratch.path("seen")
        func monitor(_ source: String = "", _ environment: [String: String] = [:]) throws -> Run {
            try Run(["registry", "monitor", source.isEmpty ? out : source, "--log-key", vkey, "--state", state], environment: environment)
        }
        var ids: [String] = []
        for n in 0..<3 { ids.append(try registry.register(facts(n, applicant: "KR-M\(n)")).certificate.id) }
        try registry.flush()
        try tiles(path, out)
        var run = try monitor()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            new entries 0 to 2 (the log has 3):
              0 issued \(ids[0]) to KR-M0, valid 2026-03-02 to 2028-03-01
              1 issued \(ids[1]) to KR-M1, valid 2026-03-02 to 2028-03-01
              2 issued \(ids[2]) to KR-M2, valid 2026-03-02 to 2028-03-01

            """)
        #expect(FileManager.default.contents(atPath: state) == Data(try registry.checkpoint().utf8))
        run = try monitor()
        #expect(run.status == 0 && run.stdout == "no new entries (the log has 3)\n", "\(run.stdout)\(run.stderr)")

        // A renewal and a revocation, and the same in Korean.
        let renewed = try registry.register(facts(9, applicant: "KR-M0", from: "2028-01-10", until: "2030-01-09")).certificate.id
        _ = try registry.revoke(ids[1], reason: "false statement")
        try registry.flush()
        try tiles(path, out)
        let saved = try #require(FileManager.default.contents(atPath: state))
        run = try monitor(out, ["LANG": "ko_KR.UTF-8"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            새 항목 3~4(로그 항목 5개):
              3 갱신 \(ids[0]) → \(renewed), 유효기간 2028-01-10~2030-01-09
              4 취소 \(ids[1]): false statement

            """)
        try saved.write(to: URL(fileURLWithPath: state))
        run = try monitor()
        #expect(run.stdout == """
            new entries 3 to 4 (the log has 5):
              3 renewed \(ids[0]) as \(renewed), valid 2028-01-10 to 2030-01-09
              4 revoked \(ids[1]): false statement

            """)

        // A fork: a copy of the log with the same key grows another way.
        let forkPath = scratch.path("fork.sqlite"), forkOut = scratch.path("fork-www")
        try copy(path, to: forkPath)
        let fork = try Registry.open(at: forkPath)
        _ = try registry.register(facts(20, applicant: "KR-M20"))
        _ = try fork.register(facts(21, applicant: "KR-M21"))
        try registry.flush()
        try fork.flush()
        try tiles(path, out)
        try tiles(forkPath, forkOut)
        #expect(try monitor().status == 0)
        let seen = try #require(FileManager.default.contents(atPath: state))
        run = try monitor(forkOut)
        #expect(run.status == 1)
        let root = { (note: String) in note.split(separator: "\n")[2] }
        #expect(run.stderr.contains("fork: two checkpoints of size 6 with different root hashes (\(root(try registry.checkpoint())) seen before, \(root(try fork.checkpoint())) now)"), "\(run.stderr)")
        #expect(FileManager.default.contents(atPath: state) == seen, "the state stays at the last good checkpoint")
        run = try monitor(forkOut, ["LANG": "ko_KR.UTF-8"])
        #expect(run.status == 1 && run.stderr.contains("분기(fork): 크기 6의 체크포인트"), "\(run.stderr)")
        // The fork grows: it does not extend the tree seen.
        _ = try fork.register(facts(22, applicant: "KR-M22"))
        try fork.flush()
        try tiles(forkPath, forkOut)
        run = try monitor(forkOut)
        #expect(run.status == 1 && run.stderr.contains("inconsistent: the tree of size 7 does not extend the tree of size 6 seen before"), "\(run.stderr)")
        // The log shrinks: the fork's state against the shorter log.
        try Data(try fork.checkpoint().utf8).write(to: URL(fileURLWithPath: state))
        run = try monitor()
        #expect(run.status == 1 && run.stderr.contains("inconsistent: the log has 6 entries after 7 were seen"), "\(run.stderr)")
        try seen.write(to: URL(fileURLWithPath: state))

        // A changed tile, a changed entry, a checkpoint signed by another key: refused and named.
        func refused(_ file: String, _ change: (inout Data) -> Void, _ named: String) throws {
            let original = try #require(FileManager.default.contents(atPath: out + "/" + file))
            var changed = original
            change(&changed)
            try changed.write(to: URL(fileURLWithPath: out + "/" + file))
            let run = try monitor()
            #expect(run.status == 1 && run.stderr.contains(named), "\(file): \(run.stderr)")
            try original.write(to: URL(fileURLWithPath: out + "/" + file))
        }
        try refused("tile/0/000.p/6", { $0[40] ^= 1 }, "entry 1 does not hash to its leaf hash in the tiles")
        try refused("tile/entries/000.p/6", { $0[$0.count - 5] ^= 1 }, "entry 5 does not hash to its leaf hash in the tiles")
        try refused("tile/0/000.p/6", { $0.removeLast() }, "tile/0/000.p/6 has 191 bytes, not 192")
        let other = try Registry.create(at: scratch.path("other.sqlite"), origin: "monitor.example/log")
        try refused("checkpoint", { $0 = Data(try! other.checkpoint().utf8) }, "the checkpoint is not signed by the log key \(vkey)")
        #expect(try monitor().status == 0)
        // A one-letter state file in the working directory.
        let short = try Run(["registry", "monitor", out, "--log-key", vkey, "--state", "s"], in: scratch.directory)
        #expect(short.status == 0 && short.stdout.hasPrefix("new entries 0 to 5 (the log has 6):"), "\(short.stdout)\(short.stderr)")
        #expect(FileManager.default.contents(atPath: scratch.path("s")) == Data(try registry.checkpoint().utf8))
        // Over HTTP, from a running server.
        let server = try LogServer(registry: path)
        run = try monitor(server.url)
        #expect(run.status == 0 && run.stdout == "no new entries (the log has 6)\n", "\(run.stdout)\(run.stderr)")
        _ = try registry.revoke(renewed, reason: "withdrawn")
        try registry.flush()
        run = try monitor(server.url)
        #expect(run.status == 0 && run.stdout.hasSuffix("  6 revoked \(renewed): withdrawn\n"), "\(run.stdout)\(run.stderr)")
        // Usage: a bad key, a state file that is not a checkpoint of this log.
        #expect(try Run(["registry", "monitor", out, "--log-key", "nonsense"]).status == 65)
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: state))
        run = try monitor()
        #expect(run.status == 65 && run.stderr.contains("is not a monitor state file"), "\(run.stderr)")
        #expect(try Run(["registry", "monitor", scratch.path("nowhere"), "--log-key", vkey]).status == 66)
    }
}
