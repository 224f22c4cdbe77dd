import CertifyModel
import CertifyTestSupport
import Foundation
import Testing

/// Runs an external tool; a missing tool is a failure, never a skip
/// (scripts/ensure-deps installs xmlsec1 and openssl).
func tool(_ name: String, _ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
    let candidates = ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }
    let path = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, "\(name) is not installed")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// keygen → report → verify with the built binary, and both directions of
/// interoperability with the stock xmlsec1.
@Suite struct ReportInteropTests {
    let scratch = Scratch()
    var dir: URL { scratch.directory }
    let city = Paths.sample("city/hansol-grade-a.xml")
    let service = "Samples/service/parking-pass/"
    var serviceReviews: [String] { (1...3).flatMap { ["--review", Paths.root.path + "/" + service + "review-R-0\($0).xml"] } }

    func keygen(_ name: String) throws -> String {
        let run = try Run(["keygen", "--out", dir.appendingPathComponent(name).path])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func report(_ key: String, _ extra: [String] = [], dossier: String? = nil) throws -> Run {
        try Run(["report", dossier ?? city, "--key", dir.appendingPathComponent(key).path,
                 "--date", "2026-03-02", "--out", dir.appendingPathComponent("report.xml").path] + extra)
    }

    @Test func keygenWritesAPrivateKeyOnlyItsOwnerCanRead() throws {
        let keyID = try keygen("reviewer")
        #expect(keyID.wholeMatch(of: /[0-9a-f]{64}/) != nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("reviewer.pem").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let pem = try String(contentsOf: dir.appendingPathComponent("reviewer.pem"), encoding: .utf8)
        #expect(!keyID.isEmpty && !pem.contains(keyID))
        // The key id is the SHA-256 of the public key's DER SubjectPublicKeyInfo, as openssl computes it.
        let der = try tool("openssl", ["pkey", "-pubin", "-in", "reviewer.pub.pem", "-outform", "DER", "-out", "pub.der"], in: dir)
        #expect(der.status == 0)
        let digest = try tool("openssl", ["dgst", "-sha256", "-r", "pub.der"], in: dir)
        #expect(digest.output.hasPrefix(keyID))
        // It never overwrites an existing key.
        #expect(try Run(["keygen", "--out", dir.appendingPathComponent("reviewer").path]).status != 0)
    }

    @Test func aKeyReadableByOthersIsRefusedWith77() throws {
        _ = try keygen("loose")
        chmod(dir.appendingPathComponent("loose.pem").path, 0o644)
        let run = try report("loose.pem")
        #expect(run.status == 77)
        #expect(run.stderr.contains("readable by group or others"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("report.xml").path))
    }

    @Test func ourReportsVerifyWithXmlsec1AndFailAfterAOneByteChange() throws {
        _ = try keygen("reviewer")
        #expect(try report("reviewer.pem").status == 0)
        let ok = try tool("xmlsec1", ["--verify", "--pubkey-pem", "reviewer.pub.pem", "report.xml"], in: dir)
        #expect(ok.status == 0, "\(ok.output)")
        var text = try String(contentsOf: dir.appendingPathComponent("report.xml"), encoding: .utf8)
        text = text.replacingOccurrences(of: #"total="87.4""#, with: #"total="87.5""#)
        try text.write(to: dir.appendingPathComponent("tampered.xml"), atomically: true, encoding: .utf8)
        let bad = try tool("xmlsec1", ["--verify", "--pubkey-pem", "reviewer.pub.pem", "tampered.xml"], in: dir)
        #expect(bad.status != 0)
        let ours = try Run(["verify", dir.appendingPathComponent("tampered.xml").path, "--pubkey", dir.appendingPathComponent("reviewer.pub.pem").path])
        #expect(ours.status == 1 && ours.stdout.isEmpty)
    }

    @Test func aTemplateSignedByXmlsec1VerifiesWithCertify() throws {
        // An openssl-made SEC1 key (with its EC PARAMETERS block) and its SPKI public key.
        #expect(try tool("openssl", ["ecparam", "-name", "prime256v1", "-genkey", "-out", "third.pem"], in: dir).status == 0)
        #expect(try tool("openssl", ["ec", "-in", "third.pem", "-pubout", "-out", "third.pub.pem"], in: dir).status == 0)
        let template = try Run(["report", Paths.root.path + "/" + service + "dossier.xml", "--unsigned",
                                "--key", dir.appendingPathComponent("third.pub.pem").path, "--date", "2026-03-02",
                                "--out", dir.appendingPathComponent("template.xml").path] + serviceReviews)
        #expect(template.status == 0, "\(template.stderr)")
        let signed = try tool("xmlsec1", ["--sign", "--privkey-pem", "third.pem", "--output", "signed.xml", "template.xml"], in: dir)
        #expect(signed.status == 0, "\(signed.output)")
        let run = try Run(["verify", dir.appendingPathComponent("signed.xml").path, "--pubkey",
                           dir.appendingPathComponent("third.pub.pem").path, "--at", "2027-01-01",
                           "--dossier", Paths.root.path + "/" + service + "dossier.xml"] + serviceReviews)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("re-scoring confirms the decision"))
        #expect(run.stdout.contains("86.28 / 100, certified"))
    }

    @Test func theSignerNamedInTheReportMustBeTheKeyThatSigned() throws {
        _ = try keygen("named")
        #expect(try tool("openssl", ["ecparam", "-name", "prime256v1", "-genkey", "-out", "actual.pem"], in: dir).status == 0)
        #expect(try tool("openssl", ["ec", "-in", "actual.pem", "-pubout", "-out", "actual.pub.pem"], in: dir).status == 0)
        let template = try Run(["report", city, "--unsigned", "--key", dir.appendingPathComponent("named.pub.pem").path,
                                "--date", "2026-03-02", "--out", dir.appendingPathComponent("template.xml").path])
        #expect(template.status == 0)
        #expect(try tool("xmlsec1", ["--sign", "--privkey-pem", "actual.pem", "--output", "signed.xml", "template.xml"], in: dir).status == 0)
        let run = try Run(["verify", dir.appendingPathComponent("signed.xml").path,
                           "--pubkey", dir.appendingPathComponent("named.pub.pem").path,
                           "--pubkey", dir.appendingPathComponent("actual.pub.pem").path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("names signer key"))
    }

    @Test func keysAreNeverOverwritten() throws {
        scratch.write("half.pub.pem", "x")
        let run = try Run(["keygen", "--out", dir.appendingPathComponent("half").path])
        #expect(run.status != 0)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("half.pem").path))
        _ = try keygen("mine")
        let key = dir.appendingPathComponent("mine.pem").path
        let before = try Data(contentsOf: URL(fileURLWithPath: key))
        #expect(try Run(["report", city, "--key", key, "--out", key]).status == 64)
        #expect(try Run(["report", city, "--key", key, "--html", key, "--out", dir.appendingPathComponent("r.xml").path]).status == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: key)) == before)
        // A symlink to the key is not followed.
        symlink(key, dir.appendingPathComponent("link.pem").path)
        #expect(try Run(["report", city, "--key", dir.appendingPathComponent("link.pem").path]).status == 66)
        // What XML cannot carry is refused up front, not at signing.
        for name in ["Kim\u{1}", "Kim\u{FFFE}", "Kim\u{FFFF}"] {
            let named = try Run(["report", city, "--key", key, "--signer", name])
            #expect(named.status == 64 && named.stderr.contains("--signer must not contain characters XML cannot hold"))
        }
        #expect(try Run(["report", city, "--key", key, "--signer", "Kim\tLee", "--out", dir.appendingPathComponent("tab.xml").path]).status == 0)
    }

    @Test func opensslSEC1KeysSignReports() throws {
        #expect(try tool("openssl", ["ecparam", "-name", "prime256v1", "-genkey", "-out", "sec1.pem"], in: dir).status == 0)
        #expect(try tool("openssl", ["ec", "-in", "sec1.pem", "-pubout", "-out", "sec1.pub.pem"], in: dir).status == 0)
        chmod(dir.appendingPathComponent("sec1.pem").path, 0o600)
        #expect(try report("sec1.pem", ["--signer", "Reviewer Lee"]).status == 0)
        #expect(try tool("xmlsec1", ["--verify", "--pubkey-pem", "sec1.pub.pem", "report.xml"], in: dir).status == 0)
    }

    @Test func verifyExitCodes() throws {
        _ = try keygen("reviewer")
        _ = try keygen("stranger")
        #expect(try report("reviewer.pem").status == 0)
        let report = dir.appendingPathComponent("report.xml").path
        let pub = dir.appendingPathComponent("reviewer.pub.pem").path
        let stranger = dir.appendingPathComponent("stranger.pub.pem").path
        func verify(_ extra: [String]) throws -> Int32 { try Run(["verify", report] + extra).status }
        #expect(try verify(["--pubkey", pub, "--at", "2026-03-02"]) == 0)
        #expect(try verify(["--pubkey", pub, "--at", "2028-03-01"]) == 0)
        #expect(try verify(["--pubkey", pub, "--at", "2028-03-02"]) == 3)  // expired
        #expect(try verify(["--pubkey", pub, "--at", "2026-03-01"]) == 3)  // not yet valid
        #expect(try verify(["--pubkey", stranger]) == 1)
        #expect(try verify(["--pubkey", stranger, "--pubkey", pub, "--at", "2027-01-01"]) == 0)
        #expect(try verify([]) == 64)
        #expect(try Run(["verify", dir.appendingPathComponent("none.xml").path, "--pubkey", pub]).status == 66)
        scratch.write("broken.xml", "<audit-report")
        #expect(try Run(["verify", dir.appendingPathComponent("broken.xml").path, "--pubkey", pub]).status == 65)
        // Re-scoring: the same dossier confirms; a changed one disagrees.
        #expect(try verify(["--pubkey", pub, "--at", "2027-01-01", "--dossier", city]) == 0)
        let changed = try String(contentsOfFile: city, encoding: .utf8)
            .replacingOccurrences(of: #"<value indicator="INN-2" evidence="E2">3</value>"#, with: #"<value indicator="INN-2" evidence="E2">1</value>"#)
        #expect(changed != (try String(contentsOfFile: city, encoding: .utf8)))
        let changedPath = scratch.write("changed.xml", changed)
        let disagree = try Run(["verify", report, "--pubkey", pub, "--at", "2027-01-01", "--dossier", changedPath])
        #expect(disagree.status == 4)
        #expect(disagree.stderr.contains("sha256"))
        #expect(disagree.stderr.contains("INN-2: the report says 7 (scored), re-scoring gives 4 (scored)"))
    }

    /// `certify verify --lang ko` (or a Korean locale) says everything in
    /// Korean; `--lang en` prints what it always printed.
    @Test func verifySpeaksKorean() throws {
        _ = try keygen("reviewer")
        _ = try keygen("stranger")
        #expect(try report("reviewer.pem").status == 0)
        let report = dir.appendingPathComponent("report.xml").path
        let pub = dir.appendingPathComponent("reviewer.pub.pem").path
        let stranger = dir.appendingPathComponent("stranger.pub.pem").path
        func hangul(_ text: String) -> Bool { text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } }
        let ok = try Run(["verify", report, "--pubkey", pub, "--at", "2026-03-02", "--dossier", city, "--lang", "ko"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("상태:        2026-03-02 기준 서명이 유효하고 인증의 효력이 있습니다"), "\(ok.stdout)")
        #expect(ok.stdout.contains("입력 파일:   입력 파일의 해시가 일치하고"), "\(ok.stdout)")
        let en = try Run(["verify", report, "--pubkey", pub, "--at", "2026-03-02", "--dossier", city, "--lang", "en"])
        #expect(en.stdout.contains("status:      valid and current on 2026-03-02\n"), "\(en.stdout)")
        #expect(en.stdout.contains("inputs:      hashes match; re-scoring confirms the decision\n"))
        #expect(!hangul(en.stdout.replacingOccurrences(of: #"\([^)]*\)"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"applicant: .*"#, with: "", options: .regularExpression)))
        let expired = try Run(["verify", report, "--pubkey", pub, "--at", "2028-03-02"], environment: ["LANG": "ko_KR.UTF-8", "LC_ALL": "ko_KR.UTF-8"])
        #expect(expired.status == 3 && expired.stdout.contains("서명은 유효하나 2028-03-02 기준 인증의 효력이 없습니다"), "\(expired.stdout)")
        let untrusted = try Run(["verify", report, "--pubkey", stranger, "--lang", "ko"])
        #expect(untrusted.status == 1 && untrusted.stderr.contains("error: 서명이 유효하지 않습니다: 신뢰하는 어떤 키로도"), "\(untrusted.stderr)")
        let untrustedEn = try Run(["verify", report, "--pubkey", stranger, "--lang", "en"])
        #expect(untrustedEn.stderr.contains("error: signature invalid: the signature does not verify with any trusted key (KeyName "), "\(untrustedEn.stderr)")
        let changed = try String(contentsOfFile: city, encoding: .utf8)
            .replacingOccurrences(of: #"<value indicator="INN-2" evidence="E2">3</value>"#, with: #"<value indicator="INN-2" evidence="E2">1</value>"#)
        let changedPath = scratch.write("changed.xml", changed)
        let disagree = try Run(["verify", report, "--pubkey", pub, "--at", "2027-01-01", "--dossier", changedPath, "--lang", "ko"])
        #expect(disagree.status == 4)
        #expect(disagree.stderr.contains("보고서와 일치하지 않습니다: INN-2: 보고서에는 7점(채점됨)으로 기록되어 있으나 다시 채점하면 4점(채점됨)입니다"), "\(disagree.stderr)")
        #expect(disagree.stderr.contains("총점: 보고서에는 "), "\(disagree.stderr)")
    }

    @Test func manyDossiersAreSignedAndVerifiedInOneRun() throws {
        _ = try keygen("reviewer")
        let reports = dir.appendingPathComponent("reports").path
        try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        let signed = try Run(["report", Paths.sample("city"), "--key", dir.appendingPathComponent("reviewer.pem").path,
                              "--date", "2026-03-02", "--out-dir", reports])
        #expect(signed.status == 0, "\(signed.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: reports).sorted()
        #expect(names.count == 5 && names.allSatisfy { $0.hasSuffix(".report.xml") })
        let verified = try Run(["verify", reports, "--pubkey", dir.appendingPathComponent("reviewer.pub.pem").path, "--at", "2027-01-01"])
        // Two of the five city samples are certified: the others are authentic but not in force (3).
        #expect(verified.status == 3)
        #expect(verified.stdout.split(separator: "\n").count == 5)
        #expect(verified.stdout.contains("HANSOL-2026 87.4/100, grade A: valid and current on 2027-01-01"))
        #expect(try Run(["report", Paths.sample("city"), "--key", dir.appendingPathComponent("reviewer.pem").path]).status == 64)
    }

    /// "Today" is Seoul's today wherever `verify` runs: the scheme's dates
    /// are Korean calendar dates. At any instant a machine on UTC-12 is a day
    /// behind Seoul or one on UTC+14 a day ahead (they are 26 hours apart), so
    /// a report that starts on Seoul's today, checked on UTC-12, and one that
    /// ends on it, checked on UTC+14, would fail on a machine-zone "today".
    @Test func verifyJudgesCurrentOnSeoulsToday() throws {
        _ = try keygen("reviewer")
        let pub = dir.appendingPathComponent("reviewer.pub.pem").path
        let today = CalendarDate.today(in: TimeZone(identifier: "Asia/Seoul")!)
        let lastDayToday = Days.addingMonths(-24, to: Days.adding(1, to: today))
        for (date, zone) in [(today, "Etc/GMT+12"), (lastDayToday, "Etc/GMT-14")] {
            let out = dir.appendingPathComponent("report-\(date).xml").path
            let signed = try Run(["report", city, "--key", dir.appendingPathComponent("reviewer.pem").path,
                                  "--date", date.description, "--out", out])
            #expect(signed.status == 0, "\(signed.stderr)")
            let onSeoulsToday = try Run(["verify", out, "--pubkey", pub, "--at", today.description])
            let byDefault = try Run(["verify", out, "--pubkey", pub], environment: ["TZ": zone])
            #expect(byDefault.status == onSeoulsToday.status, "\(zone): \(byDefault.stdout)")
            if date == today { #expect(byDefault.status == 0, "\(byDefault.stdout)") }
        }
    }

    @Test func reportOutputIsAtomicAndHTMLIsWritten() throws {
        _ = try keygen("reviewer")
        let missing = dir.appendingPathComponent("no/such/dir/report.xml").path
        let run = try Run(["report", city, "--key", dir.appendingPathComponent("reviewer.pem").path, "--out", missing])
        #expect(run.status != 0 && run.stdout.isEmpty)
        let stdout = try Run(["report", city, "--key", dir.appendingPathComponent("reviewer.pem").path, "--date", "2026-03-02"])
        #expect(stdout.status == 0 && stdout.stdout.hasPrefix("<?xml") && stdout.stdout.contains("</ds:Signature>"))
    }
}
