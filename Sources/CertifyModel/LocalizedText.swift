/// The languages of user-facing labels.
public enum Language: String, Sendable, CaseIterable {
    case ko, en
}

/// A label in Korean and/or English.
public struct LocalizedText: Sendable, Hashable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    public init(ko: String? = nil, en: String? = nil) {
        var values: [String: String] = [:]
        values["ko"] = ko
        values["en"] = en
        self.values = values
    }

    public subscript(_ language: Language) -> String? { values[language.rawValue] }

    /// The text in `language`, else in the other language, else "".
    public func text(_ language: Language) -> String {
        values[language.rawValue] ?? values["en"] ?? values["ko"] ?? values.values.sorted().first ?? ""
    }

    public var isEmpty: Bool { values.isEmpty }
}
