/// The languages of user-facing labels.
public enum Language: String, Sendable, CaseIterable {
    case ko, en
}

/// A label in Korean and/or English.
///
/// Stored as plain fields rather than a dictionary: labels are read for
/// every indicator of every dossier scored, and two fields need no hashing.
public struct LocalizedText: Sendable, Hashable {
    public var ko: String?
    public var en: String?
    /// Texts tagged with any other language. Kept so that a checker can
    /// name them; nothing renders them.
    public var others: [String: String] = [:]

    public init(ko: String? = nil, en: String? = nil) {
        self.ko = ko
        self.en = en
    }

    public subscript(_ language: Language) -> String? {
        switch language {
        case .ko: ko
        case .en: en
        }
    }

    /// The text tagged `tag` (`xml:lang`), in whichever field holds it.
    public subscript(tag tag: String) -> String? {
        get { Language(rawValue: tag).flatMap { self[$0] } ?? others[tag] }
        set {
            switch Language(rawValue: tag) {
            case .ko: ko = newValue
            case .en: en = newValue
            case nil: others[tag] = newValue
            }
        }
    }

    /// The text in `language`, else in the other language, else "".
    public func text(_ language: Language) -> String {
        self[language] ?? en ?? ko ?? others.values.sorted().first ?? ""
    }

    public var isEmpty: Bool { ko == nil && en == nil && others.isEmpty }

    /// No text at all, or only empty ones.
    public var isBlank: Bool {
        (ko?.isEmpty ?? true) && (en?.isEmpty ?? true) && others.values.allSatisfy(\.isEmpty)
    }
}
