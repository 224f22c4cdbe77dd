import CertifyTestSupport
import Foundation
import Testing

@Suite struct CLITests {
    @Test func theBinaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: Run.binary.path), "build the certify product first")
    }

    /// Exit codes and where output goes, pinned per formats.md.
    @Test(arguments: [
        (["score", "--date", "2026-03-02", "Samples/city/hansol-grade-a.xml"], 0, true, false),
        (["score", "Samples/city/garam-no-safety.xml"], 0, true, false),  // not certified is still a score
        (["score", "Samples/invalid/negative-count.xml"], 65, false, true),
        (["score", "Samples/invalid/does-not-exist.xml"], 66, false, true),
        (["score", "--date", "2026-02-30", "Samples/city/hansol-grade-a.xml"], 64, false, true),
        (["score", "--format", "yaml", "Samples/city/hansol-grade-a.xml"], 64, false, true),
        (["score", "Samples/city", "--review", "Samples/service/parking-pass/review-R-01.xml"], 64, false, true),
        (["score"], 64, false, true),
        (["frobnicate"], 64, false, true),
        (["validate", "Samples/city/hansol-grade-a.xml"], 0, true, false),
        (["validate", "Samples/invalid/wrong-namespace.xml"], 65, false, true),
        (["validate", "Samples/invalid"], 65, false, true),
        (["validate", "Samples/invalid/does-not-exist.xml", "Samples/invalid/wrong-namespace.xml"], 66, false, true),
        (["validate", "Rubrics/kr-smart-city.xml", "Rubrics/kr-smart-service.xml"], 0, true, false),
        (["rubrics"], 0, true, false),
    ])
    func exitCodesAndStreams(arguments: [String], status: Int32, stdout: Bool, stderr: Bool) throws {
        let run = try Run(arguments)
        #expect(run.status == status, "\(arguments): \(run.stderr)")
        #expect(!run.stdout.isEmpty == stdout, "\(arguments) stdout: \(run.stdout.prefix(200))")
        #expect(!run.stderr.isEmpty == stderr, "\(arguments) stderr: \(run.stderr.prefix(200))")
    }

    @Test func unreadableInputsSayWhy() throws {
        let scratch = Scratch()
        let locked = scratch.write("locked.xml", "<x/>")
        chmod(locked, 0)
        let run = try Run(["validate", scratch.directory.path + "/missing.xml", scratch.directory.path])
        #expect(run.status == 66)
        #expect(run.stderr.contains("missing.xml:0:0: error: cannot read: no such file"))
        if getuid() != 0 {  // root reads anything
            #expect(try Run(["validate", locked]).stderr.contains("permission denied"))
        }
        let large = scratch.write("large.xml", Data(repeating: 0x20, count: (8 << 20) + 1))
        let refused = try Run(["validate", large])
        #expect(refused.status == 65 && refused.stderr.contains("larger than 8388608 bytes"))
        // Exactly at the limit the file is read whole (and then parsed).
        let atLimit = scratch.write("at-limit.xml", Data(repeating: 0x20, count: 8 << 20))
        #expect(try !Run(["validate", atLimit]).stderr.contains("larger than"))
        // A directory whose name ends in .xml, listed with the files of its parent.
        let folder = scratch.directory.appendingPathComponent("folder")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("inner.xml"), withIntermediateDirectories: true)
        let directory = try Run(["validate", folder.path])
        #expect(directory.status == 66 && directory.stderr.contains("inner.xml:0:0: error: cannot read: is a directory"))
    }

    @Test func errorsAreLocatedCompilerStyle() throws {
        let run = try Run(["score", "Samples/invalid/negative-count.xml"])
        let line = try #require(run.stderr.split(separator: "\n").first)
        #expect(line.wholeMatch(of: /Samples\/invalid\/negative-count\.xml:\d+:\d+: error: INN-2: .+/) != nil, "\(line)")
        #expect(run.stdout.isEmpty)
    }

    /// libxml2 prints some errors itself when nobody handles them; the
    /// binary's stderr holds only located lines.
    @Test func undecodableInputGivesOnlyLocatedLines() throws {
        let run = try Run(["validate", "Tests/CertifyTests/Fixtures/encodings/euc-kr-undecodable.xml"])
        #expect(run.status == 65)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(lines.allSatisfy { $0.contains(/euc-kr-undecodable\.xml:\d+:\d+: error: input conversion failed/) }, "\(run.stderr)")
    }

    @Test func jsonFollowsTheContract() throws {
        let run = try Run(["score", "--format", "json", "--date", "2026-03-02", "Samples/city/hansol-grade-a.xml"])
        let json = run.json
        #expect(Set(["rubric", "dossier", "applicants", "total", "max", "grade", "certified", "validFrom",
                     "validUntil", "areas", "findings"]).isSubset(of: json.keys))
        #expect((json["rubric"] as? [String: Any])?["id"] as? String == "kr-smart-city")
        let sha = (json["dossier"] as? [String: Any])?["sha256"] as? String ?? ""
        #expect(sha.wholeMatch(of: /[0-9a-f]{64}/) != nil)
        #expect(json["validFrom"] as? String == "2026-03-02" && json["validUntil"] as? String == "2028-03-01")
        // Exact 2-decimal numbers in the text itself, never 87.399999.
        #expect(run.stdout.contains(#""total": 87.4,"#))
        let indicator = ((json["areas"] as? [[String: Any]])?.first?["indicators"] as? [[String: Any]])?.first
        #expect(Set(["id", "points", "max", "status", "input", "rule"]).isSubset(of: indicator?.keys ?? [:].keys))
        // Not certified → null validity.
        let failed = try Run(["score", "--format", "json", "Samples/city/garam-no-safety.xml"]).json
        #expect(failed["validFrom"] is NSNull && failed["certified"] as? Bool == false)
        let service = try Run(["score", "--format", "json", "Samples/service/parking-pass/dossier.xml"]).json
        #expect(service["grade"] is NSNull)
    }

    @Test func directoriesGiveJSONLinesInInputOrderAndInvalidOnesDoNotStopTheOthers() throws {
        let scratch = Scratch()
        let city = try String(contentsOfFile: Paths.sample("city/daon-borderline-c.xml"), encoding: .utf8)
        for index in 0..<40 {
            scratch.write(String(format: "d%03d.xml", index), city.replacingOccurrences(of: "DAON-2026", with: "D\(index)"))
        }
        scratch.write("d015.xml", "<dossier")  // broken, in the middle
        let run = try Run(["score", "--format", "json", scratch.directory.path])
        #expect(run.status == 65)
        let ids = run.stdout.split(separator: "\n").map { line in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])
                .flatMap { ($0["dossier"] as? [String: Any])?["id"] as? String }
        }
        #expect(ids == (0..<40).filter { $0 != 15 }.map { "D\($0)" })
        #expect(run.stderr.contains("d015.xml:1:"))
    }

    @Test func rubricsAreFoundFromAnyDirectoryAndCanBeOverridden() throws {
        let elsewhere = try Run(["rubrics"], in: URL(fileURLWithPath: "/tmp"))
        #expect(elsewhere.stdout.contains("kr-smart-city\t1.0\t"))
        #expect(elsewhere.stdout.contains("kr-smart-service\t1.0\t"))
        let environment = try Run(["rubrics"], environment: ["CERTIFY_RUBRICS": Paths.fixtureRubrics.path])
        #expect(environment.stdout.hasPrefix("xx-green-campus\t0.9\t"))
        let option = try Run(["rubrics", "--rubrics", Paths.rubrics.path],
                             environment: ["CERTIFY_RUBRICS": Paths.fixtureRubrics.path])
        #expect(option.stdout.contains("kr-smart-city"))
        let sha = option.stdout.split(separator: "\n").first?.split(separator: "\t").last ?? ""
        #expect(sha.wholeMatch(of: /[0-9a-f]{64}/) != nil)
    }

    @Test func textOutputIsAReviewersTable() throws {
        let run = try Run(["score", "--date", "2026-03-02", "--lang", "ko", "Samples/city/garam-no-safety.xml"])
        #expect(run.stdout.contains("총점"))
        #expect(run.stdout.contains("SVC-SAF 안전 [필수]"))
        #expect(run.stdout.contains("등급 B · 인증: 아니오"))
        #expect(run.stdout.contains("필수 요건 미충족: SVC-SAF(안전)"))
        let english = try Run(["score", "--date", "2026-03-02", "--lang", "en", "Samples/city/hansol-grade-a.xml"])
        #expect(english.stdout.contains("Grade A · Certified: yes · Valid 2026-03-02 – 2028-03-01"))
        #expect(english.stdout.contains("(certified from C ≥ 60.00)"))
    }

    @Test func reviewsGoWithTheirDossier() throws {
        let folder = "Samples/service/bus-shelter-joint/"
        let reviews = (1...5).flatMap { ["--review", folder + "review-R-0\($0).xml"] }
        let run = try Run(["score", "--format", "json", folder + "dossier.xml"] + reviews)
        #expect(run.status == 0)
        #expect(run.stdout.contains(#""total": 81.17,"#))
        #expect((run.json["reviews"] as? [Any])?.count == 5)
    }
}

/// Every file in Samples/invalid is refused with exit 65 and exactly the
/// first message its README lists.
@Suite struct InvalidSamplesTests {
    static let rows: [(file: String, message: String)] = {
        let readme = try! String(contentsOfFile: Paths.sample("invalid/README.md"), encoding: .utf8)
        return readme.split(separator: "\n").compactMap { line in
            guard let match = line.firstMatch(of: /^\| `([^`]+)` \| .* \| `(.+)` \|$/) else { return nil }
            return (String(match.1), String(match.2))
        }
    }()

    @Test func everyInvalidFileIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Paths.sample("invalid"))
            .filter { $0.hasSuffix(".xml") }
        #expect(files.count >= 15)
        #expect(Set(files).isSubset(of: Set(Self.rows.map(\.file))))
    }

    @Test(arguments: rows.map(\.file))
    func isRefusedWithItsMessage(file: String) throws {
        let row = Self.rows.first { $0.file == file }!
        let run: Run
        if file.contains("/") {
            let folder = "Samples/invalid/" + file.split(separator: "/")[0] + "/"
            run = try Run(["score", folder + "dossier.xml"] + (1...3).flatMap { ["--review", folder + "review-R-0\($0).xml"] })
        } else {
            run = try Run(["validate", "Samples/invalid/" + file])
        }
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        let first = run.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasSuffix(row.message), "got: \(first)")
    }
}

/// Every sample scores as Samples/EXPECTED.md (hand-computed) and the samples table of docs/cli.md say.
@Suite struct SampleTests {
    @Test(arguments: [
        ("city/hansol-grade-a.xml", 0, "87.4", "A", true),
        ("city/daon-borderline-c.xml", 0, "60", "C", true),
        ("city/garam-no-safety.xml", 0, "83", "B", false),
        ("city/nuri-self-check.xml", 0, "50.6", "D", false),
        ("city/solbit-missing-transport.xml", 0, "23.4", "E", false),
        ("service/parking-pass", 3, "86.28", nil, true),
        ("service/streetlight-near-miss", 4, "59.54", nil, false),
        ("service/bus-shelter-joint", 5, "81.17", nil, true),
        ("service/waste-bin-fail", 3, "20", nil, false),
    ] as [(String, Int, String, String?, Bool)])
    func scoresAsDocumented(sample: String, reviews: Int, total: String, grade: String?, certified: Bool) throws {
        let dossier = reviews == 0 ? "Samples/" + sample : "Samples/\(sample)/dossier.xml"
        let reviewArguments = (0..<reviews).flatMap { ["--review", "Samples/\(sample)/review-R-0\($0 + 1).xml"] }
        let run = try Run(["score", "--format", "json", "--date", "2026-03-02", dossier] + reviewArguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"total\": \(total),"), "\(sample)")
        #expect(run.json["grade"] as? String == grade)
        #expect(run.json["certified"] as? Bool == certified)
    }
}
