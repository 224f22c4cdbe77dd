import CertifyModel
@testable import CertifyOffice
import CertifyReport
import CertifyTestSupport
import Crypto
import Foundation
import Testing

/// `certify office demo|export|sign` as a user runs them (the built binary).
@Suite struct OfficeCommandTests {
    /// A signing key pair made by `certify keygen` (KEY.pem mode 0600, KEY.pub.pem).
    static func keys(in scratch: Scratch) throws -> (key: String, pub: String) {
        let base = scratch.directory.appendingPathComponent("body").path
        let run = try Run(["keygen", "--out", base])
        #expect(run.status == 0, "\(run.stderr)")
        return (base + ".pem", base + ".pub.pem")
    }

    @Test func demoThenExportThenEveryReportVerifiesWithItsInputs() throws {
        let scratch = Scratch()
        let (key, pub) = try Self.keys(in: scratch)
        let data = scratch.directory.appendingPathComponent("office").path
        let registry = scratch.directory.appendingPathComponent("registry.sqlite").path
        let demo = try Run(["office", "demo", "--data", data, "--signing-key", key, "--registry", registry])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("secretariat@demo.example"))
        #expect(demo.stdout.contains("certificate "))
        #expect(try Run(["office", "audit", "--data", data]).status == 0)

        let out = scratch.directory.appendingPathComponent("export").path
        let export = try Run(["office", "export", "--data", data, "--out", out])
        #expect(export.status == 0, "\(export.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(folders.count == export.stdout.split(separator: "\n").count)
        #expect(folders.count >= 5)
        var statuses: [Int32] = []
        for folder in folders {
            let path = out + "/" + folder
            let reviews = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasPrefix("review-") }.sorted()
            #expect(reviews.count == 3, "\(folder)")
            let verify = try Run(["verify", path + "/report.xml", "--pubkey", pub, "--dossier", path + "/dossier.xml"]
                                 + reviews.flatMap { ["--review", path + "/" + $0] })
            // 0: certified and current; 3: authentic but not certified. Never 4 (inputs disagree) or 1.
            #expect([0, 3].contains(verify.status), "\(folder): \(verify.stdout) \(verify.stderr)")
            statuses.append(verify.status)
        }
        #expect(statuses.contains(0) && statuses.contains(3))

        // Export refuses a directory that holds anything; demo refuses a used data directory or registry.
        let again = try Run(["office", "export", "--data", data, "--out", out])
        #expect(again.status == 73 && again.stderr.contains("not an empty directory"))
        #expect(try Run(["office", "demo", "--data", data, "--signing-key", key, "--registry", registry + "2"]).status == 73)
        let other = scratch.directory.appendingPathComponent("office2").path
        let used = try Run(["office", "demo", "--data", other, "--signing-key", key, "--registry", registry])
        #expect(used.status == 73 && used.stderr.contains(registry))
        #expect(!FileManager.default.fileExists(atPath: other))
        // A demo that fails (here: samples with no dossier) leaves nothing behind, so it can be run again.
        let empty = scratch.directory.appendingPathComponent("no-samples")
        try FileManager.default.createDirectory(at: empty.appendingPathComponent("city"), withIntermediateDirectories: true)
        let failed = try Run(["office", "demo", "--data", other, "--signing-key", key, "--registry", registry + "3", "--samples", empty.path])
        #expect(failed.status == 66, "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: other))
        #expect(!FileManager.default.fileExists(atPath: registry + "3"))
        #expect(!FileManager.default.fileExists(atPath: registry + "3.key"))
    }

    @Test func signRefusesAKeyOthersCanReadAndSignsWhatWaits() throws {
        var r = try PanelTests.Round2(sample: "parking-pass", sign: false)
        try r.f.office.applyProposal(roundID: r.round.id!, by: r.secretariat)
        try r.refresh()
        for index in 0..<3 { try r.submit(index, "parking-pass", "review-R-0\(index + 1).xml") }
        let decision = try r.confirm()
        #expect(!decision.isSigned)

        let scratch = Scratch()
        let (key, pub) = try Self.keys(in: scratch)
        chmod(key, 0o644)
        let refused = try Run(["office", "sign", "--data", r.f.directory, "--key", key, "--registry", r.registryPath])
        #expect(refused.status == 77, "\(refused.stderr)")
        #expect(try r.f.office.unsignedDecisions().count == 1)

        chmod(key, 0o600)
        let signed = try Run(["office", "sign", "--data", r.f.directory, "--key", key, "--registry", r.registryPath, "--signer", "시험 인증기관"])
        #expect(signed.status == 0, "\(signed.stderr)")
        let certificate = try #require(try r.f.office.certificateID(of: try r.f.office.decisions(of: r.application)[0]))
        #expect(signed.stdout.contains("signed: \(r.application.reference) decision \(decision.id!) (certified), certificate \(certificate)"))
        #expect(signed.stdout.contains("registry changes waiting: 0"))
        #expect(try r.f.office.unsignedDecisions().isEmpty)
        try r.refresh()
        #expect(r.application.state == .decided)
        let korean = try Run(["office", "sign", "--data", r.f.directory, "--key", key], environment: ["LANG": "ko_KR.UTF-8"])
        #expect(korean.status == 0 && korean.stdout.contains("서명을 기다리는 결정이 없습니다"))
        _ = pub
        #expect(try r.f.office.audit().ok)
    }
}
