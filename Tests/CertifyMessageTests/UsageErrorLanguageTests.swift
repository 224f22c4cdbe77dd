import CertifyTestSupport
import Foundation
import Testing

/// ArgumentParser's own usage errors speak Korean when Korean is chosen
/// (`ParserSentence`): one command line per kind of error, each checked to
/// give that error in English, to leave no English sentence in Korean, and
/// to keep ArgumentParser's exit status (64).
@Suite struct UsageErrorLanguageTests {
    /// A command line that fails to parse, and the sentence ArgumentParser
    /// gives for it in English. In Korean it runs with `--lang ko` where the
    /// command has that option, else in a Korean locale.
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var english: String
        var langOption = true

        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["score"], english: "Missing expected argument '<DOSSIER> ...'"),
        Case(arguments: ["score", "--formt", "json", "x.xml"], english: "Unknown option '--formt'. Did you mean '--format'?"),
        Case(arguments: ["score", "-q", "x.xml"], english: "Unknown option '-q'\n"),
        Case(arguments: ["score", "x.xml", "--format", "yaml"],
             english: "The value 'yaml' is invalid for '--format <format>'. Please provide one of 'text' and 'json'.\n"),
        Case(arguments: ["cohort", "x", "--format", "yaml"],
             english: "The value 'yaml' is invalid for '--format <format>'. Please provide one of 'text', 'csv', 'json' or 'html'.\n"),
        Case(arguments: ["registry", "list", "--status", "gone"],
             english: "The value 'gone' is invalid for '--status <S>'. Please provide one of the following:\n  - valid\n", langOption: false),
        Case(arguments: ["score", "x.xml", "--date"], english: "Missing value for '--date <YYYY-MM-DD>'\n"),
        Case(arguments: ["score", "x.xml", "--date", "2026-13-45"], english: "The value '2026-13-45' is invalid for '--date <YYYY-MM-DD>'\n"),
        Case(arguments: ["score", "x.xml", "--official=yes"],
             english: "The option '--official' does not take any value, but 'yes' was specified."),
        Case(arguments: ["keygen", "--out", "k", "a"], english: "Unexpected argument 'a'\n", langOption: false),
        Case(arguments: ["keygen", "--out", "k", "a", "b"], english: "2 unexpected arguments: 'a', 'b'\n", langOption: false),
        Case(arguments: ["registry", "nothing"], english: "Unexpected argument 'nothing'\n", langOption: false),
        Case(arguments: ["score", "---", "x.xml"], english: "Invalid option: ---\n"),
        Case(arguments: ["--generate-completion-script", "tcsh"],
             english: "Can't generate completion scripts for 'tcsh'.\nPlease use --generate-completion-script=<shell> with one of:\n",
             langOption: false),
    ]

    /// What the errors may show in Korean: what is typed (command, option
    /// and value names, listed values, from `HelpLanguageTests.typed`), the
    /// command line's own words and the shells a completion script is for.
    static let typed: Set<String> = {
        let tree = try? HelpLanguageTests.tree(HelpLanguageTests.korean)
        return tree.map(HelpLanguageTests.typed) ?? []
    }()

    @Test(arguments: cases)
    func usageErrorIsInKorean(_ usage: Case) throws {
        let english = try Run(usage.arguments)
        #expect(english.status == 64)
        #expect(english.stderr.hasPrefix("Error: " + usage.english), "\(english.stderr)")
        #expect(!hasHangul(english.stderr), "\(english.stderr)")

        let korean = usage.langOption
            ? try Run(usage.arguments + ["--lang", "ko"])
            : try Run(usage.arguments, environment: HelpLanguageTests.korean)
        #expect(korean.status == 64)
        #expect(korean.stderr.hasPrefix("오류: "), "\(korean.stderr)")
        var allowed = Self.typed.union(HelpLanguageTests.kept).union(["zsh", "bash", "fish"])
        for argument in usage.arguments { allowed.formUnion(LanguageScanTests.asciiWords(argument)) }
        let words = LanguageScanTests.english(in: HelpLanguageTests.prose(korean.stderr), inputs: allowed)
        #expect(words.isEmpty, "English in `certify \(usage.testDescription)` in Korean: \(words.sorted())\n\(korean.stderr)")
    }
}
