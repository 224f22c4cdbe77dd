import CertifyModel
import CertifyRegistry
import CertifyTestSupport
import Crypto
import Foundation
import Testing

/// The witness (C2SP tlog-witness) and its cosignatures (tlog-cosignature
/// v1), in process: every answer `add-checkpoint` gives, the durable state,
/// the log asking its witnesses (the 409 round trip included), and the
/// quorum a reader requires.
@Suite struct WitnessTests {
    let scratch = Scratch()
    let now: UInt64 = 1_790_000_000

    /// A log of `entries` appends and its checkpoints.
    func log(_ name: String, origin: String = "witness.example/log", entries: Int) throws -> Registry {
        let registry = try Registry.create(at: scratch.path(name), origin: origin)
        for n in 0..<entries { _ = try registry.register(facts(n + entries * 1000, applicant: "KR-W\(n)")) }
        return registry
    }

    func witness(for registry: Registry, state: String? = nil) throws -> Witness {
        let signer = CosignatureSigner(name: "witness.example/w1", key: Curve25519.Signing.PrivateKey())
        return try Witness(signer: signer, logs: [registry.origin: [registry.verifier]], statePath: state)
    }

    /// The log's own checkpoint note of a size (without cosignatures).
    func note(_ registry: Registry, _ size: Int) throws -> String {
        let cosigned = try registry.checkpoint(size: size)
        return String(cosigned.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("\u{2014} witness.example/w1 ") }.joined(separator: "\n"))
    }

    func body(old: Int, proof: [RFC9162.Hash] = [], _ note: String) -> [UInt8] {
        Array(("old \(old)\n" + proof.map { Data($0).base64EncodedString() + "\n" }.joined() + "\n" + note).utf8)
    }

    @Test func keysAndCosignaturesAreAsTheSpecDefinesThem() throws {
        let signer = CosignatureSigner(name: "witness.example/w1", key: Curve25519.Signing.PrivateKey())
        let verifier = signer.verifier
        // Key id: SHA-256(name ‖ 0x0A ‖ 0x04 ‖ key)[:4]; vkey NAME+hex(id)+base64(0x04 ‖ key).
        let id = Array(SHA256.hash(data: Array("witness.example/w1\n".utf8) + [0x04] + Array(verifier.key.rawRepresentation)).prefix(4))
        #expect(verifier.keyID == id)
        #expect(verifier.encoded == "witness.example/w1+\(id.map { String(format: "%02x", $0) }.joined())+"
            + Data([0x04] + Array(verifier.key.rawRepresentation)).base64EncodedString())
        #expect(CosignatureVerifier(encoded: verifier.encoded) == verifier)
        #expect(CosignatureSigner(encoded: signer.encoded)?.verifier == verifier)
        // A log key (type 0x01) is not a witness key, nor the other way round.
        let log = NoteSigner(name: "witness.example/w1", key: Curve25519.Signing.PrivateKey())
        #expect(CosignatureVerifier(encoded: log.verifier.encoded) == nil)
        #expect(NoteVerifier(encoded: verifier.encoded) == nil)

        let text = "example.com/log\n5\n\(Data(RFC9162.emptyHash).base64EncodedString())\n"
        let line = try signer.cosign(text, time: now)
        let raw = Array(Data(base64Encoded: String(line.dropLast().split(separator: " ")[2]))!)
        #expect(raw.count == 4 + 8 + 64 && Array(raw[0..<4]) == id)
        #expect(raw[4..<12].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } == now)
        // The signed message: cosignature/v1, the time line, the checkpoint text.
        let message = Array("cosignature/v1\ntime \(now)\n\(text)".utf8)
        #expect(verifier.key.isValidSignature(raw[12...], for: message))
        let note = try #require(SignedNote(text + "\n" + line))
        #expect(verifier.verify(note.signatures[0], text: text) == now)
        #expect(verifier.verify(note.signatures[0], text: text.replacingOccurrences(of: "\n5\n", with: "\n6\n")) == nil)
    }

    @Test func cosignsOnlyWhatExtendsTheLastCheckpointItCosigned() throws {
        let registry = try log("a.sqlite", entries: 5)
        let state = scratch.path("w.state")
        let witness = try witness(for: registry, state: state)
        // First checkpoint: old size 0, no proof.
        var answer = witness.add(body(old: 0, try note(registry, 3)), now: now)
        #expect(answer.status == 200, "\(answer.body)")
        let cosigned = try #require(SignedNote(try note(registry, 3) + answer.body))
        #expect(witness.signer.verifier.verify(cosigned.signatures.last!, text: cosigned.text) == now)
        // The same checkpoint again: old = size, same root.
        #expect(witness.add(body(old: 3, try note(registry, 3)), now: now).status == 200)
        // 409 with the latest size when the old size is not it.
        answer = witness.add(body(old: 0, try note(registry, 5)), now: now)
        #expect(answer.status == 409 && answer.body == "3\n" && answer.contentType == "text/x.tlog.size")
        answer = witness.add(body(old: 4, try note(registry, 5)), now: now)
        #expect(answer.status == 409 && answer.body == "3\n")
        // A wrong proof: 422; the right one: 200.
        let proof = try registry.consistencyProof(from: 3, to: 5).proof
        #expect(witness.add(body(old: 3, proof: [RFC9162.emptyHash] + proof.dropFirst(), try note(registry, 5)), now: now).status == 422)
        #expect(witness.add(body(old: 3, try note(registry, 5)), now: now).status == 422)
        #expect(witness.add(body(old: 3, proof: proof, try note(registry, 5)), now: now).status == 200)
        #expect(witness.latest(origin: registry.origin)?.contains("\n5\n") == true)
        // old above the size: 400.
        #expect(witness.add(body(old: 6, try note(registry, 5)), now: now).status == 400)
        // The state survives: a new witness from the file knows size 5.
        let again = try Witness(signer: witness.signer, logs: witness.logs, statePath: state)
        #expect(again.add(body(old: 3, proof: proof, try note(registry, 5)), now: now).status == 409)
        #expect(again.add(body(old: 5, try note(registry, 5)), now: now).status == 200)
        // A state file that is not one is refused.
        try Data("not a witness journal\n".utf8).write(to: URL(fileURLWithPath: state))
        #expect(throws: CertifyError.self) { try Witness(signer: witness.signer, logs: witness.logs, statePath: state) }
    }

    @Test func theStateJournalSurvivesATornWrite() throws {
        let registry = try log("a.sqlite", entries: 4)
        let state = scratch.path("w.state")
        let witness = try witness(for: registry, state: state)
        #expect(witness.add(body(old: 0, try note(registry, 2)), now: now).status == 200)
        // A crash while the next record was written: its length on disk, its bytes not all there.
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: state)))
        let used = 8 + Array(try #require(witness.latest(origin: registry.origin)).utf8).count
        #expect(bytes[used..<(used + 4)] == [0, 0, 0, 0])
        bytes.replaceSubrange(used..<(used + 60), with: [0, 0, 1, 0] + (0..<56).map { UInt8($0 + 1) })
        try Data(bytes).write(to: URL(fileURLWithPath: state))
        var again = try Witness(signer: witness.signer, logs: witness.logs, statePath: state)
        var answer = again.add(body(old: 0, try note(registry, 4)), now: now)
        #expect(answer.status == 409 && answer.body == "2\n")
        // The next cosignature is written over the torn record, and read back.
        let proof = try registry.consistencyProof(from: 2, to: 3).proof
        #expect(again.add(body(old: 2, proof: proof, try note(registry, 3)), now: now).status == 200)
        again = try Witness(signer: witness.signer, logs: witness.logs, statePath: state)
        answer = again.add(body(old: 0, try note(registry, 4)), now: now)
        #expect(answer.status == 409 && answer.body == "3\n")
    }

    @Test func refusesForksUnknownLogsAndBadSignatures() throws {
        let registry = try log("a.sqlite", entries: 3)
        let witness = try witness(for: registry)
        #expect(witness.add(body(old: 0, try note(registry, 3)), now: now).status == 200)
        // A fork: the same key, the same size, another root.
        let forkPath = scratch.path("fork.sqlite")
        for suffix in ["", "-wal", ".key"] where FileManager.default.fileExists(atPath: registry.path + suffix) {
            try FileManager.default.copyItem(atPath: registry.path + suffix, toPath: forkPath + suffix)
        }
        _ = try registry.register(facts(1, applicant: "KR-ORIGINAL"))
        let fork = try Registry.open(at: forkPath)
        _ = try fork.register(facts(2, applicant: "KR-FORK"))
        #expect(witness.add(body(old: 3, proof: try registry.consistencyProof(from: 3, to: 4).proof, try note(registry, 4)), now: now).status == 200)
        var answer = witness.add(body(old: 4, try note(fork, 4)), now: now)
        #expect(answer.status == 422 && answer.outcome == .witnessFork(size: 4))
        answer = witness.add(body(old: 3, proof: try fork.consistencyProof(from: 3, to: 4).proof, try note(fork, 4)), now: now)
        #expect(answer.status == 409)
        // Unknown log: 404. Another key of the same origin: 403. A known key's bad signature: 403.
        let other = try log("b.sqlite", origin: "other.example/log", entries: 1)
        #expect(witness.add(body(old: 0, try note(other, 1)), now: now).status == 404)
        let impostor = try log("c.sqlite", entries: 4)
        #expect(witness.add(body(old: 4, try note(impostor, 4)), now: now).status == 403)
        let good = try note(registry, 4)
        var bad = Array(good.utf8)
        bad[bad.count - 10] = bad[bad.count - 10] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(witness.add(body(old: 4, String(decoding: bad, as: UTF8.self)), now: now).status == 403)
        // Malformed bodies: 400; a size-0 checkpoint must have the empty root: 422.
        for malformed in ["", "old 01\n\n" + good, "old 4\n" + good, "old 4\nnot base64\n\n" + good, "old -1\n\n" + good] {
            #expect(witness.add(Array(malformed.utf8), now: now).status == 400, "\(malformed.prefix(12))")
        }
        let fresh = try log("d.sqlite", origin: "fresh.example/log", entries: 0)
        let freshWitness = try self.witness(for: fresh)
        #expect(freshWitness.add(body(old: 0, try note(fresh, 0)), now: now).status == 200)
        let signer = NoteSigner(name: "fresh.example/log", key: Curve25519.Signing.PrivateKey())
        let wrongEmpty = try signer.sign(Checkpoint(origin: "fresh.example/log", size: 0, root: RFC9162.leafHash([])).text)
        let strict = try Witness(signer: freshWitness.signer, logs: ["fresh.example/log": [signer.verifier]], statePath: nil)
        #expect(strict.add(body(old: 0, wrongEmpty), now: now).status == 422)
        // A proof given from size 0: 422.
        #expect(try self.witness(for: registry).add(body(old: 0, proof: [RFC9162.emptyHash], try note(registry, 4)), now: now).status == 422)
    }

    @Test func theLogAsksItsWitnessesAndPublishesTheCosignedCheckpoint() throws {
        let registry = try log("a.sqlite", entries: 3)
        let witness = try witness(for: registry)
        let target = WitnessTarget(url: "http://witness.invalid/", verifier: witness.signer.verifier)
        var requests: [String] = []
        let post: Registry.Post = { url, body in
            requests.append(String(decoding: body, as: UTF8.self).components(separatedBy: "\n")[0])
            let answer = witness.add(body, now: now)
            return .success((answer.status, Array(answer.body.utf8)))
        }
        // The witness already saw size 2 from elsewhere: the log's first try (old 0) gets 409 and retries from 2.
        #expect(witness.add(body(old: 0, try note(registry, 2)), now: now).status == 200)
        var outcomes = try registry.cosign(witnesses: [target], post: post)
        #expect(outcomes.map(\.cosigned) == [true] && requests == ["old 0", "old 2"])
        let policy = WitnessPolicy(witnesses: [witness.signer.verifier], quorum: 1)
        #expect(try policy.require(try registry.latestCheckpoint(), size: 3) == 1)
        // An append: published stays the cosigned 3 until the witness cosigns 4 (from 3, the log's record).
        _ = try registry.register(facts(99, applicant: "KR-NEXT"))
        #expect(try registry.latestCheckpoint().contains("\n3\n"))
        requests = []
        outcomes = try registry.cosign(witnesses: [target], post: post)
        #expect(outcomes.map(\.cosigned) == [true] && requests == ["old 3"])
        #expect(try registry.latestCheckpoint().contains("\n4\n"))
        #expect(try registry.audit(expecting: nil).passed)
        // A witness that refuses, or that cannot be reached, is named.
        let refusing: Registry.Post = { _, _ in .success((403, Array("no\n".utf8))) }
        outcomes = try registry.cosign(witnesses: [target], post: refusing)
        #expect(outcomes.map(\.cosigned) == [false] && outcomes[0].message == .witnessDeclined(witness: "witness.example/w1", status: 403, body: "no"))
        // A cosignature by another key is not stored.
        let liar = CosignatureSigner(name: "witness.example/w1", key: Curve25519.Signing.PrivateKey())
        let lying: Registry.Post = { _, body in
            let text = String(decoding: body, as: UTF8.self).components(separatedBy: "\n\n")[1] + "\n"
            return .success((200, Array(try! liar.cosign(text, time: now).utf8)))
        }
        outcomes = try registry.cosign(witnesses: [target], post: lying)
        #expect(outcomes.map(\.cosigned) == [false])
    }

    @Test func aQuorumCountsValidCosignaturesOfTheWitnessesGiven() throws {
        let text = "q.example/log\n1\n\(Data(RFC9162.leafHash([1])).base64EncodedString())\n"
        let log = NoteSigner(name: "q.example/log", key: Curve25519.Signing.PrivateKey())
        let signers = (1...3).map { CosignatureSigner(name: "w.example/\($0)", key: Curve25519.Signing.PrivateKey()) }
        let note = try log.sign(text) + signers[0].cosign(text, time: now) + signers[1].cosign(text, time: now)
        let all = WitnessPolicy(witnesses: signers.map(\.verifier), quorum: 2)
        #expect(all.cosigners(of: note)?.count == 2)
        #expect(try all.require(note, size: 1) == 2)
        #expect(throws: CertifyError.self) { try WitnessPolicy(witnesses: signers.map(\.verifier), quorum: 3).require(note, size: 1) }
        // An unknown witness's line is ignored; a given witness's bad line refuses the note.
        let stranger = CosignatureSigner(name: "w.example/9", key: Curve25519.Signing.PrivateKey())
        #expect(all.cosigners(of: note + (try stranger.cosign(text, time: now)))?.count == 2)
        let other = "q.example/log\n2\n\(Data(RFC9162.leafHash([2])).base64EncodedString())\n"
        #expect(all.cosigners(of: note + (try signers[2].cosign(other, time: now))) == nil)
        // The same witness twice counts once.
        #expect(all.cosigners(of: note + (try signers[0].cosign(text, time: now + 1)))?.count == 2)
    }
}
