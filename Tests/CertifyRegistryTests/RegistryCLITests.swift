import CertifyTestSupport
import Foundation
import Testing

/// `certify registry` as a reviewer uses it: keygen → report → registry add,
/// renewals, revocation, queries, proofs checked by Go, and tampering found.
@Suite(.serialized) struct RegistryCLITests {
    let scratch = Scratch()
    var dir: URL { scratch.directory }
    var db: String { scratch.path("registry.sqlite") }

    func run(_ arguments: [String]) throws -> Run { try Run(arguments, in: dir) }
    func registry(_ arguments: [String]) throws -> Run { try Run(["registry"] + arguments + ["--registry", db], in: dir) }

    /// Signed reports: hansol 2026 and its renewal 2028, garam (not certified), the joint bus shelter service.
    func reports() throws {
        #expect(try run(["keygen", "--out", "reviewer"]).status == 0)
        #expect(try run(["keygen", "--out", "stranger"]).status == 0)
        let city = Paths.sample("city/hansol-grade-a.xml")
        for (name, date) in [("a", "2026-03-02"), ("b", "2028-01-10")] {
            let made = try run(["report", city, "--key", "reviewer.pem", "--date", date, "--out", "\(name).xml"])
            #expect(made.status == 0, "\(made.stderr)")
        }
        #expect(try run(["report", Paths.sample("city/garam-no-safety.xml"), "--key", "reviewer.pem", "--date", "2026-03-02", "--out", "not-certified.xml"]).status == 0)
        #expect(try run(["report", city, "--key", "stranger.pem", "--date", "2026-03-02", "--out", "untrusted.xml"]).status == 0)
        let joint = "service/bus-shelter-joint/"
        let reviews = (1...5).flatMap { ["--review", Paths.sample(joint + "review-R-0\($0).xml")] }
        #expect(try run(["report", Paths.sample(joint + "dossier.xml"), "--key", "reviewer.pem", "--date", "2026-03-03", "--out", "joint.xml"] + reviews).status == 0)
    }

    func initialized() throws -> String {
        try reports()
        let made = try registry(["init", "--origin", "registry.example.kr/certify"])
        #expect(made.status == 0, "\(made.stderr)")
        return made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theReviewersWorkflowFromReportToRevocation() throws {
        let vkey = try initialized()
        #expect(vkey.hasPrefix("registry.example.kr/certify+"))
        let key = try FileManager.default.attributesOfItem(atPath: db + ".key")
        #expect((key[.posixPermissions] as? Int) == 0o600)
        #expect(try registry(["init", "--origin", "again"]).status == 65, "never overwrites")

        // Refused, nothing written: an untrusted key, not certified, tampered, no key.
        for bad in ["untrusted.xml", "not-certified.xml"] {
            let refused = try registry(["add", bad, "--pubkey", "reviewer.pub.pem"])
            #expect(refused.status == 65 && refused.stderr.contains("not registered"), "\(bad): \(refused.stderr)")
        }
        let text = try String(contentsOf: dir.appendingPathComponent("a.xml"), encoding: .utf8)
        try text.replacingOccurrences(of: "KR-HANSOL", with: "KR-HANSOI").write(to: dir.appendingPathComponent("tampered.xml"), atomically: true, encoding: .utf8)
        #expect(try registry(["add", "tampered.xml", "--pubkey", "reviewer.pub.pem"]).status == 65)
        #expect(try registry(["add", "a.xml"]).status == 64)
        #expect(try registry(["checkpoint"]).stdout.hasPrefix("registry.example.kr/certify\n0\n"))

        let added = try registry(["add", "a.xml", "b.xml", "joint.xml", "--pubkey", "reviewer.pub.pem"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == """
            issued KR-SC-2026-0001 entry 0: a.xml
            renewed KR-SC-2026-0001 as KR-SC-2028-0001 entry 1: b.xml
            issued KR-SS-2026-0001 entry 2: joint.xml

            """)
        let again = try registry(["add", "a.xml", "--pubkey", "reviewer.pub.pem"])
        #expect(again.status == 0 && again.stdout == "already registered KR-SC-2026-0001: a.xml\n")

        // Status on dates; exit 3 when not in force, 65 for no such certificate.
        let due = try registry(["status", "KR-SC-2026-0001", "--at", "2027-12-05"])
        #expect(due.status == 0 && due.stdout.contains("status:       renewal-due (갱신 대상) on 2027-12-05"))
        #expect(try registry(["status", "KR-SC-2026-0001", "--at", "2028-01-10"]).status == 3)
        #expect(try registry(["status", "KR-SC-2028-0001", "--at", "2027-12-05", "--format", "json"]).stdout.contains("\"status\":\"not-yet-valid\""))
        #expect(try registry(["status", "KR-XX-2026-0001"]).status == 65)

        // list: JSON Lines with the spec's keys; --status; --due.
        let lines = try registry(["list", "--at", "2028-02-01", "--format", "json"]).stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(first["certificate"] as? String == "KR-SC-2028-0001" && first["applicant"] as? String == "KR-HANSOL")
        #expect(first["rubric"] as? String == "kr-smart-city" && first["version"] as? String == "1.0")
        #expect(first["status"] as? String == "valid" && first["validFrom"] as? String == "2028-01-10")
        #expect(first["validUntil"] as? String == "2030-01-09" && first["index"] as? Int == 1)
        #expect(first["predecessor"] as? String == "KR-SC-2026-0001")
        let zeroth = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(zeroth["predecessor"] is NSNull && zeroth["status"] as? String == "superseded")
        #expect(try registry(["list", "--at", "2028-02-01", "--status", "superseded"]).stdout.hasPrefix("KR-SC-2026-0001\tsuperseded\t"))
        let dueSoon = try registry(["list", "--at", "2027-11-20", "--due", "30"]).stdout
        #expect(dueSoon.contains("KR-SC-2026-0001") && dueSoon.contains("KR-SS-2026-0001") && !dueSoon.contains("KR-SC-2028"))
        #expect(try registry(["list", "--status", "bogus"]).status == 64)

        // Revocation: a reason is required; it stays in the log.
        #expect(try registry(["revoke", "KR-SS-2026-0001"]).status == 64)
        let revoked = try registry(["revoke", "KR-SS-2026-0001", "--reason", "허위 자료 제출, \"false\" evidence"])
        #expect(revoked.status == 0 && revoked.stdout.hasPrefix("revoked KR-SS-2026-0001 entry 3"))
        #expect(try registry(["revoke", "KR-SS-2026-0001", "--reason", "again"]).status == 65)
        #expect(try registry(["entry", "3"]).stdout.contains("type revoke\ncertificate KR-SS-2026-0001\nreason 허위 자료 제출, \"false\" evidence\n"))
        #expect(try registry(["entry", "4"]).status == 65)

        // CSV: BOM, CRLF, RFC 4180 quoting, Korean intact.
        let csv = try registry(["list", "--format", "csv", "--at", "2030-01-01"])
        #expect(csv.data.starts(with: [0xEF, 0xBB, 0xBF]))
        let rows = String(decoding: csv.data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(rows.count == 5 && rows[4].isEmpty)
        #expect(rows[0].hasPrefix("certificate,status,applicant,applicant_name,"))
        #expect(rows[3].contains("KR-SS-2026-0001,revoked,KR-HANEUL,하늘시 / Haneul City; 주식회사 다온모빌리티 / Daon Mobility Corp.; "))
        #expect(rows[3].contains(",\"허위 자료 제출, \"\"false\"\" evidence\","))

        #expect(try registry(["audit"]).stdout.hasPrefix("audit passed: 4 entries, 5 signed checkpoints, 3 certificates"))
        #expect(try registry(["audit", "--vkey", vkey]).status == 0)
    }

    @Test func goVerifiesTheCommandsProofs() throws {
        let vkey = try initialized()
        #expect(try registry(["add", "a.xml", "b.xml", "joint.xml", "--pubkey", "reviewer.pub.pem"]).status == 0)
        #expect(try registry(["revoke", "KR-SC-2026-0001", "--reason", "test"]).status == 0)
        let checker = try buildTlogcheck(into: dir)
        var lines = ["vkey \(vkey)"]
        for index in 0..<4 { lines.append("entry \(index) \(try registry(["entry", "\(index)"]).data.base64EncodedString())") }
        for (certificate, index) in [("KR-SC-2026-0001", 3), ("KR-SC-2028-0001", 1), ("KR-SS-2026-0001", 2)] {
            for size in [nil, 4, index + 1] as [Int?] {
                let prove = try registry(["prove", certificate, "--format", "json"] + (size.map { ["--size", "\($0)"] } ?? []))
                #expect(prove.status == 0, "\(prove.stderr)")
                let entry = try registry(["entry", "\(index)"]).data
                lines.append("provejson \(entry.base64EncodedString()) \(prove.data.base64EncodedString())")
            }
        }
        #expect(try registry(["prove", "KR-SC-2026-0001", "--size", "3"]).status == 65, "its latest entry (3) is not in a tree of 3")
        for (old, new) in [(1, 4), (2, 4), (3, 4), (1, 2), (4, 4)] {
            let proof = try registry(["consistency", "--from", "\(old)", "--to", "\(new)"])
            #expect(proof.status == 0)
            let oldNote = try registry(["checkpoint", "--size", "\(old)"]).data, newNote = try registry(["checkpoint", "--size", "\(new)"]).data
            lines.append("consistencyjson \(oldNote.base64EncodedString()) \(newNote.base64EncodedString()) \(proof.data.base64EncodedString())")
        }
        #expect(try registry(["consistency", "--from", "0", "--to", "4"]).status == 65)
        #expect(try registry(["consistency", "--from", "2", "--to", "5"]).status == 65)
        let checked = try Run([], program: checker, input: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("14 certify outputs verified"), "\(checked.stdout)")

        // The outsider of docs/registry.md: Go's packages alone, from the published verifier key.
        let verifyproof = try buildTlogcheck(into: dir, "verifyproof")
        try registry(["prove", "KR-SC-2028-0001", "--format", "json"]).data.write(to: dir.appendingPathComponent("proof.json"))
        let entry = try registry(["entry", "1"]).data
        try entry.write(to: dir.appendingPathComponent("entry.txt"))
        let outsider = try Run([vkey, "entry.txt", "proof.json"], program: verifyproof, in: dir)
        #expect(outsider.status == 0 && outsider.stdout.hasPrefix("entry 1 is in registry.example.kr/certify's log of 4 entries"), "\(outsider.stderr)")
        try Data(String(decoding: entry, as: UTF8.self).replacingOccurrences(of: "2030-01-09", with: "2031-01-09").utf8)
            .write(to: dir.appendingPathComponent("entry.txt"))
        let changed = try Run([vkey, "entry.txt", "proof.json"], program: verifyproof, in: dir)
        #expect(changed.status == 1 && changed.stderr.contains("inclusion proof"))
    }

    /// A row changed with sqlite3 behind the registry's back is named by audit (exit 1).
    @Test(arguments: [
        ("UPDATE certificate SET valid_until = '2099-12-31' WHERE id = 'KR-SC-2026-0001'",
         "certificate KR-SC-2026-0001: valid_until is '2099-12-31', the log says '2028-03-01'"),
        ("DELETE FROM revocation", "revocation KR-SS-2026-0001: missing, though the log wrote it"),
        ("UPDATE certificate_applicant SET name = '가짜' WHERE certificate = 'KR-SS-2026-0001' AND position = 1",
         "certificate_applicant KR-SS-2026-0001 1: name is '가짜'"),
        ("INSERT INTO renewal VALUES ('KR-SS-2026-0001', 'KR-SC-2028-0001', 9)", "renewal KR-SS-2026-0001: a row no log entry wrote"),
        ("UPDATE log_entry SET body = CAST(replace(CAST(body AS TEXT), '2028-03-01', '2099-03-01') AS BLOB) WHERE idx = 0",
         "tree_hash level 0 index 0: differs from the hash recomputed from the entries"),
        ("UPDATE tree_hash SET hash = zeroblob(32) WHERE level = 1 AND idx = 0", "tree_hash level 1 index 0: differs"),
        ("UPDATE checkpoint SET note = replace(note, char(10) || '3' || char(10), char(10) || '9' || char(10)) WHERE size = 3",
         "checkpoint size 3: the signature does not verify"),
        ("DELETE FROM checkpoint WHERE size = 2", "checkpoint size 2: missing"),
        // The kept reports (the certificate page's downloads) against the SHA-256 the log names.
        ("UPDATE report SET body = CAST('<forged/>' AS BLOB) WHERE sha256 = (SELECT report_sha256 FROM certificate WHERE id = 'KR-SC-2026-0001')",
         "its bytes do not hash to this SHA-256"),
        ("UPDATE report SET sha256 = '\(String(repeating: "0", count: 64))' WHERE sha256 = (SELECT report_sha256 FROM certificate WHERE id = 'KR-SS-2026-0001')",
         "report \(String(repeating: "0", count: 64)): no certificate names it"),
    ])
    func anEditedRowIsNamedByAudit(sql: String, named: String) throws {
        _ = try initialized()
        #expect(try registry(["add", "a.xml", "b.xml", "joint.xml", "--pubkey", "reviewer.pub.pem"]).status == 0)
        #expect(try registry(["revoke", "KR-SS-2026-0001", "--reason", "test"]).status == 0)
        #expect(try registry(["audit"]).status == 0)
        let edit = try Run([db, sql], program: try toolPath("sqlite3"), in: dir)
        #expect(edit.status == 0, "\(edit.stderr)")
        let audit = try registry(["audit"])
        #expect(audit.status == 1)
        #expect(audit.stderr.contains(named), "\(audit.stderr)")
        #expect(audit.stdout.isEmpty)
    }

    @Test func aLogKeyOthersCanReadIsRefused() throws {
        _ = try initialized()
        chmod(db + ".key", 0o644)
        let refused = try registry(["add", "a.xml", "--pubkey", "reviewer.pub.pem"])
        #expect(refused.status == 77 && refused.stderr.contains("readable by group or others"))
        #expect(try registry(["list"]).stdout.isEmpty)
        #expect(try Run(["registry", "list"], in: dir, environment: ["CERTIFY_REGISTRY": scratch.path("none.sqlite")]).status == 66)
    }
}
