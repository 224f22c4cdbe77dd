// Times the production of inclusion proofs in a registry, in process (what
// a web server answering GET /api/v1/certificates/{id} pays), for
// scripts/bench-registry. Usage: certify-registry-bench REGISTRY [COUNT]
import CertifyModel
import CertifyRegistry
import Foundation

let arguments = CommandLine.arguments
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
