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

/// A tiled log made in memory from any entries, signed with a key of the
/// test's: what a misbehaving log could publish with consistent tiles.
struct MemoryLog: LogSource {
    var files: [String: [UInt8]] = [:]

    init(_ entries: [[UInt8]], signer: NoteSigner) throws {
        for tile in Tile.all(size: entries.count) {
            let first = tile.index * 256
            if let level = tile.level {
                let span = 1 << (8 * level)
                files[tile.path] = (0..<tile.width).flatMap { i in treeHash(entries[(first + i) * span..<(first + i + 1) * span]) }
            } else {
                files[tile.path] = try Tile.bundle(Array(entries[first..<first + tile.width]), firstIndex: first)
            }
        }
        let root = treeHash(entries[...])
        files["checkpoint"] = Array(try signer.sign(Checkpoint(origin: signer.name, size: entries.count, root: root).text).utf8)
    }

    func fetch(_ path: String) throws(CertifyError) -> [UInt8] {
        guard let bytes = files[path] else { throw CertifyError(.unreadable, Message.tlog(.fetchFailed(path: path, reason: "none"))) }
        return bytes
    }
}

/// The monitor's checks of what the tiles carry: an entry that is not an
/// event, events out of place in a certificate's history — each refused
/// and named although every hash and the signature agree.
@Suite struct MonitorEntryTests {
    let signer = NoteSigner(name: "memory.example/log", key: .init())

    func event(_ kind: Event.Kind, _ id: String, predecessor: String? = nil) -> [UInt8] {
        var event = Event(kind: kind, certificate: id, time: "2026-03-02T09:00:00Z")
        if kind == .revoke {
            event.reason = "withdrawn"
        } else {
            event.applicants = [Applicant(id: "KR-A", name: "가 / A")]
            event.rubric = "kr-smart-city"
            event.rubricVersion = "1.0"
            event.reportSHA256 = String(repeating: id.hasSuffix("1") ? "a" : "b", count: 64)
            event.validFrom = .d("2026-03-02")
            event.validUntil = .d("2028-03-01")
            event.predecessor = predecessor
        }
        return event.encoded
    }

    func refusal(_ entries: [[UInt8]], seen: String? = nil) throws -> String? {
        let log = try MemoryLog(entries, signer: signer)
        do {
            _ = try LogMonitor.check(log, verifier: signer.verifier, seen: seen)
            return nil
        } catch {
            #expect(error.code == .auditFailed)
            return error.diagnostics.first?.message(.en)
        }
    }

    @Test func entriesOutOfFormOrPlaceAreRefused() throws {
        let good = [event(.issue, "C-1"), event(.renew, "C-2", predecessor: "C-1"), event(.revoke, "C-2")]
        #expect(try refusal(good) == nil)
        let report = try LogMonitor.check(try MemoryLog(good, signer: signer), verifier: signer.verifier, seen: nil)
        #expect(report.new.map(\.event.kind) == [.issue, .renew, .revoke] && report.size == 3)
        #expect(try refusal(good + [Array("hello\n".utf8)]) == "entry 3 is not a registry event: the first line is not certify-registry-event/v1")
        #expect(try refusal([event(.revoke, "C-1")]) == "entry 0: an event of C-1 out of place in its history")
        #expect(try refusal(good + [event(.revoke, "C-2")]) == "entry 3: an event of C-2 out of place in its history")
        #expect(try refusal([event(.issue, "C-1"), event(.issue, "C-1")]) == "entry 1: an event of C-1 out of place in its history")
        #expect(try refusal([event(.renew, "C-2", predecessor: "C-9")]) == "entry 0: an event of C-2 out of place in its history")
        // The same entries under another key: not this log's checkpoint.
        let other = NoteSigner(name: "memory.example/log", key: .init())
        let otherLog = try MemoryLog(good, signer: other)
        #expect(throws: CertifyError.self) { try LogMonitor.check(otherLog, verifier: signer.verifier, seen: nil) }
        // A fork made in memory: the same size, another entry.
        let seen = String(decoding: try MemoryLog(good, signer: signer).fetch("checkpoint"), as: UTF8.self)
        let forked = [good[0], good[1], event(.issue, "C-3")]
        #expect(try refusal(forked, seen: seen)?.hasPrefix("fork: two checkpoints of size 3 with different root hashes") == true)
        // Growing from the fork's sibling: not consistent with the tree seen.
        #expect(try refusal(forked + [event(.revoke, "C-3")], seen: seen)
                == "inconsistent: the tree of size 4 does not extend the tree of size 3 seen before")
        // And growing from it honestly is fine, with only the new entry reported.
        let grown = try LogMonitor.check(try MemoryLog(good + [event(.issue, "C-3")], signer: signer), verifier: signer.verifier, seen: seen)
        #expect(grown.previousSize == 3 && grown.new.map(\.index) == [3])
    }
}
