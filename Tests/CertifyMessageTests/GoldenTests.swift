import CertifyTestSupport
import Foundation
import Testing

/// The Korean output of every sample, pinned in `Golden/` so that a change
/// of wording shows in review. To regenerate after an intended change:
/// `scripts/update-golden` (runs these tests with CERTIFY_UPDATE_GOLDEN=1,
/// which rewrites the files instead of comparing), then review `git diff`.
@Suite(.serialized) struct GoldenTests {
    static let updating = ProcessInfo.processInfo.environment["CERTIFY_UPDATE_GOLDEN"] == "1"

    /// Compares `actual` with the golden file `name`, or writes it when updating.
    static func check(_ actual: String, _ name: String) throws {
        let url = Paths.golden.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: Paths.golden, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden file; run scripts/update-golden if intended")
    }

    @Test(arguments: Sample.all)
    func koreanText(_ sample: Sample) throws {
        let run = try Run(sample.scoreArguments(["--lang", "ko"]))
        #expect(run.status == 0, "\(run.stderr)")
        try Self.check(run.stdout, "\(sample.name).ko.txt")
    }

    @Test(arguments: Sample.all)
    func json(_ sample: Sample) throws {
        let run = try Run(sample.scoreArguments(["--lang", "ko", "--format", "json"]))
        #expect(run.status == 0, "\(run.stderr)")
        try Self.check(run.stdout, "\(sample.name).json")
    }

    /// `certify plan --lang ko`, text and JSON.
    @Test(arguments: Sample.all)
    func koreanPlan(_ sample: Sample) throws {
        let text = try Run(sample.planArguments(["--lang", "ko"]))
        #expect(text.status == 0, "\(text.stderr)")
        try Self.check(text.stdout, "\(sample.name).plan.ko.txt")
        let json = try Run(sample.planArguments(["--lang", "ko", "--format", "json"]))
        #expect(json.status == 0, "\(json.stderr)")
        try Self.check(json.stdout, "\(sample.name).plan.json")
    }

    /// The located errors of every invalid sample, in Korean, in one file.
    @Test func koreanErrors() throws {
        var text = ""
        for sample in InvalidSample.all {
            let run = try Run(sample.arguments + ["--lang", "ko"])
            #expect(run.status == 65, "\(sample.name)")
            #expect(run.stdout.isEmpty, "\(sample.name)")
            text += "$ certify \(sample.arguments.joined(separator: " ")) --lang ko\n\(run.stderr)"
        }
        try Self.check(text, "invalid.ko.txt")
    }

    @Test func guide() throws {
        let run = try Run(["guide", "--lang", "ko"])
        #expect(run.status == 0)
        try Self.check(run.stdout, "guide.ko.txt")
        // Every subcommand `certify --help` lists is in the reference.
        let help = try Run(["--help"]).stdout
        let section = help.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        let names = section.split(separator: "\n").compactMap { line -> String? in
            // "  name   abstract": a lowercase command name two spaces in.
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first,
                  word.allSatisfy({ $0.isLowercase || $0 == "-" }) else { return nil }
            return String(word)
        }
        #expect(names.count >= 8, "\(help)")
        for name in names {
            #expect(run.stdout.contains("certify \(name)"), "certify guide does not list \(name)")
        }
        // The command-line guide (docs/cli.md) carries the same reference.
        let guide = try String(contentsOf: Paths.file("docs/cli.md"), encoding: .utf8)
        #expect(guide.contains("```text\n" + run.stdout + "```"), "docs/cli.md's Korean quick reference differs from certify guide --lang ko")
    }
}
