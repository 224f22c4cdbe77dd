import CertifyTestSupport
import Foundation
import Testing

@Suite struct CohortCLITests {
    static let draft = "Samples/calibration/kr-smart-city-1.1.xml"

    @Test func theSampleCohortScoresWhole() throws {
        let run = try Run(["cohort", "--date", "2026-03-02", "--format", "json", "Samples/cohort"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)  // not a terminal: no progress bar
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["count"] as? Int == 162)
        let dossiers = try #require(json["dossiers"] as? [[String: Any]])
        #expect(Set(dossiers.compactMap { $0["kind"] as? String }) == ["city", "county"])
        // Some sample municipalities miss a mandatory service: graded C or better, yet not certified, or graded lower.
        let grades = try #require(json["grades"] as? [String: Int])
        #expect(grades.values.reduce(0, +) == 162)
    }

    @Test func invalidDossiersAreListedAndTheExitCodeSaysSo() throws {
        let scratch = Scratch()
        scratch.write("cohort/a.xml", cityDossier("A1", Hand.top, electives: Hand.topElectives))
        scratch.write("cohort/b.xml", cityDossier("B1", [("INN-2", "-2")]))
        let run = try Run(["cohort", "--date", "2026-03-02", "--format", "json", scratch.path + "/cohort"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("b.xml:") && run.stderr.contains("cannot be negative"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["count"] as? Int == 1)
        let invalid = try #require(json["invalid"] as? [[String: Any]])
        #expect(invalid.count == 1 && (invalid[0]["file"] as? String)?.hasSuffix("b.xml") == true)

        let missing = try Run(["cohort", scratch.path + "/cohort", scratch.path + "/nope.xml"])
        #expect(missing.status == 66 && missing.stdout.contains("nope.xml:0:0: error: cannot read"))
    }

    @Test func usageErrors() throws {
        #expect(try Run(["cohort", "--format", "yaml", "Samples/cohort"]).status == 64)
        #expect(try Run(["cohort"]).status == 64)
        #expect(try Run(["compare", "Samples/cohort"]).status == 64)  // --with is required
    }

    @Test func outWritesTheFileAndNothingToStdout() throws {
        let scratch = Scratch()
        let target = scratch.path + "/cohort.html"
        let run = try Run(["cohort", "--date", "2026-03-02", "--format", "html", "--lang", "ko", "--out", target, "Samples/cohort"])
        #expect(run.status == 0 && run.stdout.isEmpty)
        let page = try String(contentsOfFile: target, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<svg") && page.contains("lang=\"ko\""))
        #expect(!page.contains("<script") && !page.contains("http://") && !page.contains("https://"))
    }

    @Test func anOutputThatCannotBeWrittenFails() throws {
        let run = try Run(["cohort", "--date", "2026-03-02", "--out", "/nonexistent-directory/cohort.txt", "Samples/cohort"])
        #expect(run.status == 73 && run.stdout.isEmpty && run.stderr.contains("cannot write"))
    }

    @Test func compareOnTheSamples() throws {
        let run = try Run(["compare", "--date", "2026-03-02", "--format", "json", "Samples/cohort", "--with", Self.draft])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let transitions = try #require(json["transitions"] as? [[String: Any]])
        #expect(transitions.count == 25 && transitions.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == 162)
        #expect(json["onlyInFrom"] as? [String] == ["GOV-3"] && json["onlyInTo"] as? [String] == ["GOV-5"])
        // Every change listed moves the outcome; every unchanged pair is off the list.
        let changes = try #require(json["changes"] as? [[String: Any]])
        let moved = transitions.filter { $0["from"] as? String != $0["to"] as? String }.reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
        #expect(changes.count >= moved)
    }

    @Test func compareRefusesWhatIsNotARubric() throws {
        let notRubric = try Run(["compare", "Samples/cohort", "--with", "Samples/city/hansol-grade-a.xml"])
        #expect(notRubric.status == 65 && notRubric.stderr.contains("is not a rubric") && notRubric.stdout.isEmpty)
        let unreadable = try Run(["compare", "Samples/cohort", "--with", "/nope/rubric.xml"])
        #expect(unreadable.status == 66 && unreadable.stdout.isEmpty)
        let hostile = try Run(["compare", "Samples/cohort", "--with", "Samples/invalid/doctype-entity.xml"])
        #expect(hostile.status == 65 && hostile.stderr.contains("DOCTYPE"))
    }
}
