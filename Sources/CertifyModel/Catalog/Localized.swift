import Foundation

/// Something Certify says to a person, in Korean and English. Every catalog
/// of user-facing text conforms: the engine's `Message`, the renderers'
/// `Label` and `PlanLabel`, the cohort's `CohortLabel`, the pages'
/// `PageWord`, the command line's `CLIText`, a certificate's status. Each is
/// an enum whose texts are written in exhaustive switches, so a case
/// without a text does not compile; the catalog tests walk every case and
/// check both languages.
public protocol Localized: Sendable {
    /// The text in `language`.
    func text(_ language: Language) -> String
}

/// A catalog whose texts are written in both languages side by side, in
/// one exhaustive switch (`words`): a word or a message is one edit in one
/// place, and a missing translation does not compile.
public protocol LocalizedPair: Localized {
    /// The Korean and English text.
    var words: (ko: String, en: String) { get }
}

extension LocalizedPair {
    public func text(_ language: Language) -> String {
        let words = words
        return language == .ko ? words.ko : words.en
    }
}

/// A catalog of fixed words (`LocalizedPair` without values), so that
/// templates can read every word by its key. `%1`, `%2`, … in a text
/// stand for values (`text(_:_:)`).
public protocol LocalizedWord: LocalizedPair, CaseIterable {
    /// The name templates read the word by (`l.total`, `t.selfcheck-of`).
    var key: String { get }
}

extension LocalizedWord {

    /// The text in `language` with `%1`, `%2`, … replaced by `values`.
    public func text(_ language: Language, _ values: String...) -> String {
        Localization.fill(text(language), values)
    }

    /// The text in `language` with `%1`, `%2`, … replaced by `values`.
    public func text(_ language: Language, values: [String]) -> String {
        Localization.fill(text(language), values)
    }

    /// The case's name.
    public var key: String { String(describing: self) }

    /// Every word of the catalog by its key, in `language`: what templates read.
    public static func table(_ language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.key, $0.text(language)) })
    }
}

extension LocalizedWord where Self: RawRepresentable, RawValue == String {
    /// The raw value.
    public var key: String { rawValue }
}

/// The words of one catalog in one language: `Words<Label>(.ko)[.total]`.
public struct Words<Entry: LocalizedWord>: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    public subscript(_ entry: Entry) -> String { entry.text(language) }

    /// The entry's text with `%1`, `%2`, … replaced by `values`.
    public func format(_ entry: Entry, _ values: String...) -> String {
        Localization.fill(entry.text(language), values)
    }
}

public enum Localization {
    /// `text` with `%1`, `%2`, … replaced by `values` in order: the one way
    /// a catalog text takes its values.
    public static func fill(_ text: String, _ values: [String]) -> String {
        var text = text
        for (index, value) in values.enumerated() {
            text = text.replacingOccurrences(of: "%\(index + 1)", with: value)
        }
        return text
    }
}

extension Language {
    /// The language's name in itself, as a language switch shows it.
    public var name: String {
        switch self {
        case .ko: "한국어"
        case .en: "English"
        }
    }
}
