import ArgumentParser
import CertifyModel
import Foundation

// `certify --help` in the user's language: every abstract, discussion and
// option help comes from the help catalogs (one case per text, Korean and
// English side by side: the commands' words beside this file, the options'
// in `Catalog/*Help.tsv`), read in the language chosen once at start-up,
// before ArgumentParser builds any help. Option names, value
// names and defaults are not words and stay as they are.

extension Language {
    /// The command line's language: `--lang ko|en` (or `--lang=ko`)
    /// anywhere before `--`, the last one winning as it does for the option
    /// itself, else the locale (`fromEnvironment`). Help, usage errors and
    /// the diagnostics of commands without `--lang` speak it.
    static let chosen: Language = chosen(from: CommandLine.arguments.dropFirst())

    static func chosen(from arguments: some Sequence<String>) -> Language {
        var found: Language?, previous = ""
        for argument in arguments {
            if argument == "--" { break }
            if previous == "--lang", let language = Language(rawValue: argument) { found = language }
            if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) { found = language }
            previous = argument
        }
        return found ?? .fromEnvironment
    }
}

/// What `--help` says of a command, in Korean and English: its abstract
/// and, where it has one, its discussion. The case's raw value is the
/// command's name.
protocol CommandWords: RawRepresentable<String>, CaseIterable, Sendable {
    var abstract: (ko: String, en: String) { get }
    var discussion: (ko: String, en: String)? { get }
}

extension CommandWords {
    /// The command's configuration, its words in the chosen language.
    func configuration(version: String = "", subcommands: [any ParsableCommand.Type] = []) -> CommandConfiguration {
        let ko = Language.chosen == .ko
        return CommandConfiguration(commandName: rawValue, abstract: ko ? abstract.ko : abstract.en,
                                    discussion: discussion.map { ko ? $0.ko : $0.en } ?? "", version: version, subcommands: subcommands)
    }
}

extension ArgumentHelp {
    /// An option's help from a help catalog, in the chosen language.
    init(_ help: any Localized, discussion: (any Localized)? = nil, valueName: String? = nil) {
        self.init(help.text(.chosen), discussion: discussion?.text(.chosen), valueName: valueName)
    }
}

extension ValidationError {
    /// A usage error from the catalog, in the chosen language.
    init(_ text: UsageText) { self.init(text.text(.chosen)) }
}

/// The fixed words ArgumentParser writes into help and usage errors, and
/// their Korean: `korean(_:)` puts them into a Korean help screen, whose
/// own texts already come from the catalogs.
enum ParserWord: String, LocalizedWord {
    case overview, usage, arguments, options, subcommands, showHelp, showVersion
    case defaultValue, values, error, help, errorUsage, subcommand, subcommandHelp

    /// The texts, from Catalog/ParserWord.tsv.
    static let wordTable = WordTable<ParserWord>(PackageResources.ParserWord_tsv)

    /// Whether the word is a label that begins a line (`Error: `, `USAGE: `):
    /// only there is it ArgumentParser's own, and not part of a value the
    /// user typed that an error message repeats.
    var beginsLine: Bool {
        switch self {
        case .overview, .usage, .arguments, .options, .subcommands, .error, .help, .errorUsage: true
        case .showHelp, .showVersion, .defaultValue, .values, .subcommand, .subcommandHelp: false
        }
    }

    /// The pointers to more help, whose command names stay as they are:
    /// `See 'certify help registry <subcommand>' for detailed help.`
    static let pointers: [(pattern: String, ko: String)] = [
        (#"See '([^']*) <subcommand>' for detailed help\."#, "하위 명령의 자세한 도움말: '$1 <하위명령>'"),
        (#"See '([^']*)' for more information\."#, "자세한 내용: '$1'"),
    ]

    /// ArgumentParser's `text` with its sentences (`ParserSentence`) and
    /// fixed words in Korean.
    static func korean(_ text: String) -> String {
        let pointed = pointers.reduce(ParserSentence.korean(text)) { text, pointer in
            text.replacingOccurrences(of: pointer.pattern, with: pointer.ko, options: .regularExpression)
        }
        return allCases.reduce(pointed) { text, word in
            guard word.beginsLine else { return text.replacingOccurrences(of: word.words.en, with: word.words.ko) }
            return text.replacingOccurrences(
                of: "(?m)^" + NSRegularExpression.escapedPattern(for: word.words.en),
                with: NSRegularExpression.escapedTemplate(for: word.words.ko), options: .regularExpression)
        }
    }
}
