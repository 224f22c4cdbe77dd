// Times the production of inclusion proofs in a registry, in process (what
// a web server answering GET /api/v1/certificates/{id} pays), for
// scripts/bench-registry. Usage: certify-registry-bench REGISTRY [COUNT]
// For scripts/bench-log: `fill REGISTRY N` creates a registry of N
// synthetic certificates (no signed reports: the log is what is timed);
// `witness REGISTRY STATE` times a witness cosigning every checkpoint of
// the registry in turn, each with its consistency proof from the last.
import Crypto
import CertifyModel
import CertifyRegistry
import Foundation

let arguments = CommandLine.arguments
if arguments.count == 4 && arguments[1] == "fill" {
    do {
        let registry = try Registry.create(at: arguments[2], origin: "bench.example/log")
        let count = Int(arguments[3]) ?? 0
        let start = DispatchTime.now().uptimeNanoseconds
        for n in 0..<count {
            let digest = SHA256.hash(data: Array("bench report \(n)".utf8)).map { String(format: "%02x", $0) }.joined()
            _ = try registry.register(CertifiedReport(
                reportSHA256: digest, applicants: [Applicant(id: "KR-BENCH-\(n)", name: "벤치시 \(n) / Bench City \(n)")],
                rubric: "kr-smart-city", rubricVersion: "1.0",
                validFrom: CalendarDate(year: 2026, month: 3, day: 2)!, validUntil: CalendarDate(year: 2028, month: 3, day: 1)!))
        }
        try registry.flush()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "filled %d entries in %.1f s", count, seconds))
        print(registry.verifier.encoded)
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(66)
    }
    exit(0)
}
if arguments.count == 4 && arguments[1] == "witness" {
    do {
        let registry = try Registry.open(at: arguments[2], readOnly: true)
        let size = try registry.size()
        let signer = CosignatureSigner(name: "bench.example/witness", key: Curve25519.Signing.PrivateKey())
        let statePath = arguments[3] == "-" ? nil : arguments[3]
        let witness = try Witness(signer: signer, logs: [registry.origin: [registry.verifier]], statePath: statePath)
        // The requests first (what the log sends), then the witness timed on them alone.
        var bodies: [[UInt8]] = []
        for n in 1...size {
            let proof = n > 1 ? try registry.consistencyProof(from: n - 1, to: n).proof : []
            let body = "old \(n - 1)\n" + proof.map { Data($0).base64EncodedString() + "\n" }.joined() + "\n" + (try registry.checkpoint(size: n))
            bodies.append(Array(body.utf8))
        }
        var times: [Double] = []
        for body in bodies {
            let start = DispatchTime.now().uptimeNanoseconds
            let answer = witness.add(body)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
            guard answer.status == 200 else {
                FileHandle.standardError.write(Data("refused: \(answer.status) \(answer.body)".utf8))
                exit(1)
            }
        }
        let sorted = times.sorted()
        print(String(format: "witness add-checkpoint, %d checkpoints in turn (%@): median %.0f µs, mean %.0f µs, p99 %.0f µs, max %.0f µs",
                     size, statePath == nil ? "state in memory" : "state file fsynced", sorted[sorted.count / 2],
                     sorted.reduce(0, +) / Double(sorted.count), sorted[sorted.count * 99 / 100], sorted.last!))
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(66)
    }
    exit(0)
}
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: certify-registry-bench REGISTRY [COUNT]\n".utf8))
    exit(64)
}
let count = arguments.count > 2 ? Int(arguments[2]) ?? 1000 : 1000
do {
    let registry = try Registry.open(at: arguments[1], readOnly: true)
    let size = try registry.size()
    let checkpoint = try registry.latestCheckpoint()
    guard size > 0, let text = registry.verifier.open(checkpoint), let tree = Checkpoint(text: text) else {
        FileHandle.standardError.write(Data("empty registry or bad checkpoint\n".utf8))
        exit(65)
    }
    let ids = try registry.certificates(on: CalendarDate(year: 2026, month: 6, day: 1)!).map(\.id)
    var generator = SystemRandomNumberGenerator()
    var byIndex: [Double] = [], byCertificate: [Double] = []
    for round in 0..<count {
        let index = Int.random(in: 0..<size, using: &generator)
        var start = DispatchTime.now().uptimeNanoseconds
        let proof = try registry.inclusionProof(index: index, size: size)
        byIndex.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
        // Checked outside the timing: a proof that does not verify is no proof.
        guard RFC9162.verifyInclusion(leaf: RFC9162.leafHash(try registry.entry(index)), index: index, size: size,
                                      proof: proof.proof, root: tree.root) else {
            FileHandle.standardError.write(Data("proof of entry \(index) does not verify\n".utf8))
            exit(1)
        }
        let id = ids[round % ids.count]
        start = DispatchTime.now().uptimeNanoseconds
        _ = try registry.inclusionProof(certificate: id)
        byCertificate.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
    }
    func summary(_ times: [Double]) -> String {
        let sorted = times.sorted()
        let mean = sorted.reduce(0, +) / Double(sorted.count)
        return String(format: "median %.1f µs, mean %.1f µs, p99 %.1f µs", sorted[sorted.count / 2], mean, sorted[sorted.count * 99 / 100])
    }
    print("inclusion proofs at \(size) entries, \(count) random each:")
    print("  by entry index (proof + checkpoint):           \(summary(byIndex))")
    print("  by certificate id (lookup + proof + checkpoint): \(summary(byCertificate))")
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(66)
}
