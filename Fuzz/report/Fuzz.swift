// fuzz target "report": signed report verification (safe parse, structural
// policies, exclusive C14N, digest, ECDSA, schema, signer), then reading the
// verified tree. The seeds are reports signed with the fixed key below, so
// that mutations start from reports that verify.
import CertifyEngine
import CertifyModel
import CertifyReport
import CertifyRuntime
import Foundation
import Crypto

enum ReportFixture {
    /// A fixed P-256 key (the seed reports in Fuzz/corpus/report are signed with it).
    static let key = try! P256.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 0x2A, count: 32))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Harness.bytes(data, size)
    do throws(CertifyError) {
        let verified = try ReportVerifier.verify(bytes, name: "fuzz-report.xml", trusting: [ReportFixture.key.publicKey],
                                                 schema: Harness.schemas.report)
        let summary = ReportSummary(verified.root)
        Harness.consume(summary.indicators.count + summary.total.utf8.count)
    } catch {
        Harness.rendered(error)
    }
    return 0
}

/// `CERTIFY_FUZZ_SEEDS=DIR fuzz-report -runs=0` writes the seed reports: each
/// sample dossier (with its reviews) scored and signed with the fixed key.
@_cdecl("LLVMFuzzerInitialize")
public func initializeReport(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    guard let directory = ProcessInfo.processInfo.environment["CERTIFY_FUZZ_SEEDS"] else { return 0 }
    let samples = Harness.root.appendingPathComponent("Samples")
    var sets: [(String, [String])] = []
    for name in (try? FileManager.default.contentsOfDirectory(atPath: samples.appendingPathComponent("city").path)) ?? [] {
        sets.append(("city/" + name, []))
    }
    for folder in (try? FileManager.default.contentsOfDirectory(atPath: samples.appendingPathComponent("service").path)) ?? [] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: samples.appendingPathComponent("service/" + folder).path)) ?? []
        sets.append(("service/\(folder)/dossier.xml", files.filter { $0.hasPrefix("review-") }.sorted().map { "service/\(folder)/" + $0 }))
    }
    var written = 0
    for (dossierPath, reviewPaths) in sets.sorted(by: { $0.0 < $1.0 }) {
        do {
            let result = try Harness.certifier.score(
                dossier: .file(samples.appendingPathComponent(dossierPath).path),
                reviews: reviewPaths.map { .file(samples.appendingPathComponent($0).path) },
                options: ScoringOptions(date: Harness.date))
            let report = try ReportSigner(key: ReportFixture.key, name: "Fuzz 서명자")
                .report(for: result, engineVersion: "fuzz", generatedAt: "2026-03-02T00:00:00Z")
            let name = dossierPath.replacingOccurrences(of: "/", with: "-")
            FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(report))
            written += 1
        } catch {
            FileHandle.standardError.write(Data("fuzz-report: cannot make a seed from \(dossierPath): \(error)\n".utf8))
            exit(1)
        }
    }
    FileHandle.standardError.write(Data("fuzz-report: wrote \(written) signed seed reports to \(directory)\n".utf8))
    exit(0)
}
