import Foundation

/// Something Certify says to a person, in Korean and English. Every catalog
/// of user-facing text conforms: the engine's `Message`, the renderers'
/// `Label` and `PlanLabel`, the cohort's `CohortLabel`, the pages'
/// `PageWord`, the command line's `CLIText` and `CLIWord`, a certificate's
/// status. A catalog is an enum, one case per text, so a text that does
/// not exist does not compile; the catalog tests walk every case and check
/// both languages.
public protocol Localized: Sendable {
    /// The text in `language`.
    func text(_ language: Language) -> String
}

/// A catalog whose every text has its Korean and English side by side:
/// the messages with values write them in one exhaustive switch, so a
/// missing translation does not compile; the fixed words
/// (`LocalizedWord`) read them from their table file.
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

/// A catalog of fixed words (cases without values): its texts are data,
/// one table file per catalog with each word's key, Korean and English on
/// one line, as translators expect (`WordTable`), compiled into the
/// binary and read once. The cases are the keys, so code that names a
/// word that does not exist does not compile; a case without a line, a
/// line without a case or a missing translation fails the catalog tests.
/// Templates read the words by key. `%1`, `%2`, … in a text stand for
/// values (`text(_:_:)`).
public protocol LocalizedWord: LocalizedPair, CaseIterable, Hashable, RawRepresentable<String> {
    /// The name templates and the table file know the word by (`total`,
    /// `selfcheck-of`): its raw value.
    var key: String { get }

    /// The catalog's texts, from its table file:
    /// `public static let wordTable = WordTable<Label>(PackageResources.Label_tsv)`.
    static var wordTable: WordTable<Self> { get }
}

extension LocalizedWord {

    /// The Korean and English text, from the table.
    public var words: (ko: String, en: String) { Self.wordTable[self] }

    /// The text in `language`, from the table.
    public func text(_ language: Language) -> String { Self.wordTable.text(self, language) }

    /// The text in `language` with `%1`, `%2`, … replaced by `values`.
    public func text(_ language: Language, _ values: String...) -> String {
        Localization.fill(text(language), values)
    }

    /// The text in `language` with `%1`, `%2`, … replaced by `values`.
    public func text(_ language: Language, values: [String]) -> String {
        Localization.fill(text(language), values)
    }

    /// Every word of the catalog by its key, in `language`: what templates
    /// read (built once, with the table).
    public static func table(_ language: Language) -> [String: String] { wordTable.texts(language) }
}

extension LocalizedWord {
    /// The raw value (a case without one is named by it).
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
    /// `text` with `%1`, `%2`, … replaced by `values` in order, in one pass
    /// (a value holding `%2` stays as it is): the one way a catalog text
    /// takes its values.
    public static func fill(_ text: String, _ values: [String]) -> String { TableFile.fill(text, values) }
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
