import CertifyTestSupport
import CertifyModel
import CertifyRegistry
import Foundation
import Testing

/// Builds Tests/interop/tlogcheck with Debian's Go and golang.org/x/mod
/// (GOPATH mode); a missing Go is a failure, never a skip.
func buildTlogcheck(into directory: URL, _ program: String = "tlogcheck") throws -> String {
    let go = try toolPath("go")
    let output = directory.appendingPathComponent(program).path
    let cache = Paths.root.appendingPathComponent(".build/go-cache").path
    let build = try Run(["build", "-o", output, "./Tests/interop/\(program)"], program: go,
                        environment: ["GO111MODULE": "off", "GOPATH": "/usr/share/gocode", "GOCACHE": cache, "GOFLAGS": ""])
    try #require(build.status == 0, "go build failed: \(build.stderr)")
    return output
}

func b64(_ bytes: some Collection<UInt8>) -> String { Data(bytes).base64EncodedString() }
func b64(_ text: String) -> String { b64(Array(text.utf8)) }
func proofField(_ proof: [RFC9162.Hash]) -> String { proof.isEmpty ? "-" : proof.map { b64($0) }.joined(separator: ",") }

/// The registry's log checked by Go's golang.org/x/mod/sumdb/tlog and
/// sumdb/note: every checkpoint of a 300-entry log, every inclusion proof
/// of every tree size from 1 to 300, every consistency proof between sizes
/// up to 64 and a sample beyond, and mutations of each refused by both sides.
@Suite(.serialized) struct TlogInteropTests {
    let scratch = Scratch()

    @Test func goVerifiesEveryCheckpointAndProofAndRefusesMutations() throws {
        let checker = try buildTlogcheck(into: scratch.directory)
        let registry = try Registry.create(at: scratch.path("log.sqlite"), origin: "interop.example/log")
        let count = 300
        for n in 0..<count {
            // Renewals and revocations among the issues, so every event type is in the log.
            _ = try registry.register(facts(n, applicant: "KR-A\(n % 97)", from: n < 150 ? "2026-03-02" : "2028-01-10",
                                            until: n < 150 ? "2028-03-01" : "2030-01-09"))
            if n % 41 == 40 { _ = try registry.revoke(try registry.certificate(reportSHA256: facts(n - 3, applicant: "KR-A\((n - 3) % 97)", from: n - 3 < 150 ? "2026-03-02" : "2028-01-10").reportSHA256)!.id, reason: "test \(n)") }
        }
        let size = try registry.size()
        #expect(size > count)
        var lines = ["vkey \(registry.verifier.encoded)"]
        var roots: [RFC9162.Hash] = [RFC9162.emptyHash]
        var entries: [[UInt8]] = []
        for index in 0..<size {
            entries.append(try registry.entry(index))
            lines.append("entry \(index) \(b64(entries[index]))")
        }
        for tree in 1...size {
            let note = try registry.checkpoint(size: tree)
            let text = try #require(registry.verifier.open(note))
            let checkpoint = try #require(Checkpoint(text: text))
            #expect(checkpoint.size == tree)
            roots.append(checkpoint.root)
            lines.append("checkpoint \(tree) \(b64(note))")
        }
        var swiftChecks = 0
        for tree in 1...count {
            for index in 0..<tree {
                let proof = try registry.inclusionProof(index: index, size: tree)
                lines.append("inclusion \(index) \(tree) \(proofField(proof.proof))")
                // Our side: the proof verifies, a mutated entry or proof does not.
                let leaf = RFC9162.leafHash(entries[index])
                #expect(RFC9162.verifyInclusion(leaf: leaf, index: index, size: tree, proof: proof.proof, root: roots[tree]))
                #expect(!RFC9162.verifyInclusion(leaf: RFC9162.leafHash(entries[index] + [0x0A]), index: index, size: tree, proof: proof.proof, root: roots[tree]))
                if !proof.proof.isEmpty {
                    var flipped = proof.proof
                    flipped[tree % flipped.count][index % 32] ^= 0x80
                    #expect(!RFC9162.verifyInclusion(leaf: leaf, index: index, size: tree, proof: flipped, root: roots[tree]))
                }
                swiftChecks += 1
            }
        }
        var pairs: [(Int, Int)] = []
        for new in 1...64 { for old in 1...new { pairs.append((old, new)) } }
        var seed: UInt64 = 0x9E3779B97F4A7C15
        for new in 65...size {
            var olds = Set([1, new / 3, new / 2, new - 1, new, 64, 128, 256].filter { $0 >= 1 && $0 <= new })
            for _ in 0..<4 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                olds.insert(Int(seed >> 33) % new + 1)
            }
            pairs += olds.sorted().map { ($0, new) }
        }
        for (old, new) in pairs {
            let proof = try registry.consistencyProof(from: old, to: new)
            lines.append("consistency \(old) \(new) \(proofField(proof.proof))")
            #expect(RFC9162.verifyConsistency(size1: old, size2: new, root1: roots[old], root2: roots[new], proof: proof.proof))
            if !proof.proof.isEmpty {
                var flipped = proof.proof
                flipped[0][old % 32] ^= 1
                #expect(!RFC9162.verifyConsistency(size1: old, size2: new, root1: roots[old], root2: roots[new], proof: flipped))
            }
        }
        let input = Data((lines.joined(separator: "\n") + "\n").utf8)
        let run = try Run([], program: checker, input: input)
        #expect(run.status == 0, "\(run.stderr)")
        let inclusions = count * (count + 1) / 2
        #expect(run.stdout.contains("\(size) entries, \(size) checkpoints, \(inclusions) inclusion proofs, \(pairs.count) consistency proofs"), "\(run.stdout)")
        #expect(run.stdout.hasSuffix("; 0 failures\n"))
        #expect(swiftChecks == inclusions)
        #expect(pairs.count > 2080 + 1000)

        // The checker can fail: a wrong proof, a checkpoint signed by another key.
        var wrong = Array(lines.prefix(size + 1 + size))
        wrong.append("inclusion 3 10 \(proofField(try registry.inclusionProof(index: 4, size: 10).proof))")
        let refused = try Run([], program: checker, input: Data((wrong.joined(separator: "\n") + "\n").utf8))
        #expect(refused.status == 1 && refused.stderr.contains("inclusion 3 in 10"))
        let other = try Registry.create(at: scratch.path("other.sqlite"), origin: "interop.example/log")
        _ = try other.register(facts(0, applicant: "KR-A0"))
        let forged = ["vkey \(registry.verifier.encoded)", "entry 0 \(b64(try other.entry(0)))", "checkpoint 1 \(b64(try other.checkpoint(size: 1)))"]
        let forgedRun = try Run([], program: checker, input: Data((forged.joined(separator: "\n") + "\n").utf8))
        #expect(forgedRun.status == 1 && forgedRun.stderr.contains("checkpoint 1"))
    }
}
