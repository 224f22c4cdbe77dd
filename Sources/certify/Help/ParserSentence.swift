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
enum ParserSentence: LocalizedWord {
    // Applied in this order: a sentence before the shorter ones it contains.
    case unknownOptionSuggestion, unknownOption, compositeOr, missingValueInComposite, missingValue
    case unexpectedValue, unexpectedArgument, unexpectedArguments
    case valueAlreadySet, flagInComposite, flag
    case missingArgument, missingOneOf
    case invalidValueFor, invalidValue, oneOfFollowing, oneOfOr, oneOfAnd, oneOf
    case invalidOption, missingSubcommand, unsupportedShell, autodetectShell, completionShells

    var words: (ko: String, en: String) {
        switch self {
        case .unknownOptionSuggestion:
            ("알 수 없는 옵션 '%1'입니다. 혹시 '%2'입니까?",
             "Unknown option '%1'. Did you mean '%2'?")
        case .unknownOption:
            ("알 수 없는 옵션 '%1'입니다",
             "Unknown option '%1'")
        case .compositeOr:
            ("\n   또는: ",
             "\n   or: ")
        case .missingValueInComposite:
            ("'%2' 안의 '%1'에 값이 없습니다",
             "Missing value for '%1' in '%2'")
        case .missingValue:
            ("'%1'에 값이 없습니다",
             "Missing value for '%1'")
        case .unexpectedValue:
            ("'%1' 옵션은 값을 받지 않는데 '%2'이(가) 주어졌습니다.",
             "The option '%1' does not take any value, but '%2' was specified.")
        case .unexpectedArgument:
            ("예상하지 못한 인수 '%1'입니다",
             "Unexpected argument '%1'")
        case .unexpectedArguments:
            ("예상하지 못한 인수 %1개: '%2'",
             "%1 unexpected arguments: '%2'")
        case .valueAlreadySet:
            ("%2(으)로 이미 정한 값을 %1(으)로 다시 정하려 했습니다",
             "Value to be set with %1 had already been set with %2")
        case .flagInComposite:
            ("'%2' 안의 플래그 '%1'",
             "flag '%1' in '%2'")
        case .flag:
            ("플래그 '%1'",
             "flag '%1'")
        case .missingArgument:
            ("필요한 인수 '%1'이(가) 없습니다",
             "Missing expected argument '%1'")
        case .missingOneOf:
            ("다음 중 하나가 필요합니다: '%1'",
             "Missing one of: '%1'")
        case .invalidValueFor:
            ("'%2'에 준 값 '%1'이(가) 올바르지 않습니다",
             "The value '%1' is invalid for '%2'")
        case .invalidValue:
            ("값 '%1'이(가) 올바르지 않습니다.",
             "The value '%1' is invalid.")
        case .oneOfFollowing:
            (". 다음 중 하나를 주십시오:",
             ". Please provide one of the following:")
        case .oneOfOr:
            (". 다음 중 하나를 주십시오: %1, %2.",
             ". Please provide one of %1 or %2.")
        case .oneOfAnd:
            (". 다음 중 하나를 주십시오: %1, %2.",
             ". Please provide one of %1 and %2.")
        case .oneOf:
            (". 다음 값을 주십시오: %1.",
             ". Please provide one of %1.")
        case .invalidOption:
            ("잘못된 옵션: %1",
             "Invalid option: %1")
        case .missingSubcommand:
            ("하위 명령이 필요합니다.",
             "Missing required subcommand.")
        case .unsupportedShell:
            ("'%1'의 자동 완성 스크립트는 만들 수 없습니다.",
             "Can't generate completion scripts for '%1'.")
        case .autodetectShell:
            ("지원하는 셸을 알아낼 수 없습니다.",
             "Can't autodetect a supported shell.")
        case .completionShells:
            ("--generate-completion-script=<shell>에 다음 중 하나를 주십시오:",
             "Please use --generate-completion-script=<shell> with one of:")
        }
    }

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
