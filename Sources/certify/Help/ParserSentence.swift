import CertifyModel
import Foundation

/// The sentences ArgumentParser (1.8) writes for a parse or validation
/// failure, and their Korean. ArgumentParser has no translation hook and
/// its error types are internal, so a Korean usage error is its English
/// text rewritten: each case's English is the sentence as ArgumentParser
/// prints it, `%1`, `%2`, … standing for the option names, values and
/// value names it quotes, which the Korean keeps as they are.
///
/// Left out, because only a mistake in the command definitions or in
/// ArgumentParser itself can produce them: "No value set for non-argument
/// var …", "Command '…' is not a parent of the current command.", the
/// "Internal error. …" sentences and the definition checks
/// (`ParsableArgumentsValidation`, invalid names).
enum ParserSentence: String, LocalizedWord {
    // Applied in this order: a sentence before the shorter ones it contains.
    case unknownOptionSuggestion, unknownOption, compositeOr, missingValueInComposite, missingValue
    case unexpectedValue, unexpectedArgument, unexpectedArguments
    case valueAlreadySet, flagInComposite, flag
    case missingArgument, missingOneOf
    case invalidValueFor, invalidValue, oneOfFollowing, oneOfOr, oneOfAnd, oneOf
    case invalidOption, missingSubcommand, unsupportedShell, autodetectShell, completionShells

    /// The texts, from Catalog/ParserSentence.tsv.
    static let wordTable = WordTable<ParserSentence>(PackageResources.ParserSentence_tsv)

    /// The English sentence as a regular expression: its words as they
    /// are, each `%N` a capture. A value list runs to the end of the line
    /// (ArgumentParser ends its message with it), a leading count is one
    /// word, and other values are the shortest text before the words that
    /// follow them.
    var pattern: String {
        let english = words.en
        let escaped = NSRegularExpression.escapedPattern(for: english)
        let lineEnd = [.oneOfOr, .oneOfAnd, .oneOf, .invalidOption].contains(self)
        var pattern = escaped.replacingOccurrences(of: #"%(\d)"#, with: "(.*?)", options: .regularExpression)
        if english.hasPrefix("%1") { pattern = #"(\S+)"# + pattern.dropFirst(5) }
        return lineEnd ? "(?m)" + pattern + "$" : pattern
    }

    /// `text` with every sentence of ArgumentParser's in Korean.
    static func korean(_ text: String) -> String {
        allCases.reduce(text) { text, sentence in
            let template = sentence.words.ko.replacingOccurrences(of: #"%(\d)"#, with: #"\$$1"#, options: .regularExpression)
            return text.replacingOccurrences(of: sentence.pattern, with: template, options: .regularExpression)
        }
    }
}
