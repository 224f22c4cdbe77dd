import ArgumentParser
import CertifyEngine
import CertifyRender
import CertifyModel
import CertifyRuntime
import Foundation

struct RubricOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Directory of rubric XML files.", valueName: "DIR"))
    var rubrics: String?

    /// For commands that report errors themselves.
    func loadCertifier() throws(CertifyError) -> Certifier {
        try Certifier(rubricsOption: rubrics)
    }

    func certifier() throws -> Certifier {
        try orExit { () throws(CertifyError) in try Certifier(rubricsOption: rubrics) }
    }
}

/// What every command that scores takes: the decision date and official scoring.
struct ScoringFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Decision date, the start of validity (default: today).", valueName: "YYYY-MM-DD"))
    var date: CalendarDate?

    @Flag(help: "Official scoring: a panel smaller than the rubric's minimum is an error.")
    var official = false

    /// `--date`, else today.
    var decisionDate: CalendarDate { date ?? .today() }

    var options: ScoringOptions { ScoringOptions(date: decisionDate, official: official) }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

extension Language: ExpressibleByArgument {
    /// `ko` when the environment's locale is Korean, else `en`.
    static var fromEnvironment: Language {
        let environment = ProcessInfo.processInfo.environment
        // The first of these that is set and not empty decides (POSIX).
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.hasPrefix("ko") ? .ko : .en
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

/// Files named on the command line: a directory means every `*.xml` in it,
/// sorted by name.
func expandInputs(_ paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [path] }
        // Joined as strings, keeping the path as the user wrote it (and
        // without a stat per file, which URL(fileURLWithPath:) would make).
        let base = path.hasSuffix("/") ? path : path + "/"
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { base + $0 }
    }
}
