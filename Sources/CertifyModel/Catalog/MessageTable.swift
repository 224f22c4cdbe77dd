/// The texts of a catalog of messages with values (`TabledMessage`),
/// parsed once from its table file, which is compiled into the binary
/// (`resources: [.embedInCode(…)]`). The file has `WordTable`'s form, one
/// message a line, its case name, its Korean and its English text
/// separated by tabs; `%1`, `%2`, … stand for the case's values in the
/// order it declares them:
///
///     # comment
///     fetchFailed<TAB>%1을(를) 가져올 수 없습니다: %2<TAB>cannot fetch %1: %2
///
/// A value is written in the message's language: a catalog word or
/// message (`Localized`) in that language, a list as its items joined by
/// ", ", anything else as `String(describing:)` writes it (numbers, ids,
/// dates are the same in both languages).
///
/// As with `WordTable`, a mistake in the file never stops the program: the
/// line is left out and named in `problems`, and a message without a line
/// reads as its case name. The catalog tests fail on any problem, on a
/// message of their samples without a line and on a line without one
/// (`MessageTable.problems(samples:)`).
public struct MessageTable<Message: TabledMessage>: Sendable {
    private let texts: [String: (ko: String, en: String)]
    /// What is wrong with the file, one line each; none when all is well.
    public let problems: [String]

    /// The table of the lines of `section` in `bytes`: a file can hold the
    /// texts of a catalog (keys that begin with a small letter: `caseName`,
    /// `caseName.part`) and of the argument types its messages name
    /// (`section` "KeyProblem": the lines `KeyProblem.caseName`).
    public init(_ bytes: [UInt8], section: String? = nil) {
        self.init(TableLines(bytes), section: section)
    }

    /// The table of the lines of `section` in a file read once for all its
    /// sections.
    public init(_ file: TableLines, section: String? = nil) {
        var texts: [String: (ko: String, en: String)] = [:], problems = file.problems
        for (number, key, entry) in file.lines {
            // `Type.case` is a line of the section `Type` (a type's name
            // begins with a capital letter); any other key, `caseName` or a
            // message's further text `caseName.part`, is the catalog's own.
            let typed = key.utf8.first.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } ?? false
            let dot = typed ? key.firstIndex(of: ".") : nil
            guard dot.map({ String(key[..<$0]) }) == section else { continue }
            guard case .texts(let ko, let en) = entry else {
                problems.append("line \(number): '\(key)' borrows; a message writes its own texts")
                continue
            }
            texts[dot.map { String(key[key.index(after: $0)...]) } ?? key] = (ko, en)
        }
        self.texts = texts
        self.problems = problems
    }

    /// The message's Korean and English text, its values put in place.
    public subscript(_ message: Message) -> (ko: String, en: String) {
        let (key, values) = Self.parts(of: message)
        return filled(key, values)
    }

    /// The message's further text `part`, the line `caseName.part`, its
    /// values put in place: a message with more than one text (an e-mail
    /// notice: its words are the subject, `caseName.body` the body).
    public subscript(_ message: Message, part part: String) -> (ko: String, en: String) {
        let (key, values) = Self.parts(of: message)
        return filled(key + "." + part, values)
    }

    private func filled(_ key: String, _ values: [Any]) -> (ko: String, en: String) {
        guard let texts = texts[key] else { return (key, key) }
        return (TableFile.fill(texts.ko, values.map { Self.write($0, .ko) }),
                TableFile.fill(texts.en, values.map { Self.write($0, .en) }))
    }

    /// The message's text in `language` alone, its values put in place.
    public func text(_ message: Message, _ language: Language) -> String {
        let (key, values) = Self.parts(of: message)
        guard let texts = texts[key] else { return key }
        return TableFile.fill(language == .ko ? texts.ko : texts.en, values.map { Self.write($0, language) })
    }

    /// What is wrong with the table for `samples`, which hold every case of
    /// the catalog at least once: a case without a line, a line without a
    /// case, a text whose placeholders are not the case's values. With
    /// `parts`, each case has a line `caseName.part` for each part too, and
    /// its lines together use every value. A line's two texts use the same
    /// values, so that neither language drops one, unless its key is in
    /// `languagesDiffer` (a case whose values are each one language's text).
    public func problems(samples: [Message], parts: [String] = [], languagesDiffer: Set<String> = []) -> [String] {
        var problems = problems, keys: Set<String> = []
        for sample in samples where sample.computedWords == nil {
            let (name, values) = Self.parts(of: sample)
            let all = Set(values.indices.map { $0 + 1 })
            var used: Set<Int> = [], lines: [String] = []
            for key in [name] + parts.map({ name + "." + $0 }) {
                keys.insert(key)
                guard let texts = texts[key] else {
                    problems.append("'\(key)' has no line")
                    continue
                }
                let korean = TableFile.placeholders(texts.ko), english = TableFile.placeholders(texts.en)
                used.formUnion(korean.union(english))
                lines.append("\(korean.sorted()) and \(english.sorted())")
                if !korean.isSubset(of: all) || !english.isSubset(of: all) {
                    problems.append("'\(key)': the texts use \(korean.sorted()) and \(english.sorted()), the case has \(values.count) values")
                } else if korean != english, !languagesDiffer.contains(key) {
                    problems.append("'\(key)': the Korean uses \(korean.sorted()), the English \(english.sorted())")
                }
            }
            if used.isSubset(of: all), used != all, lines.count == parts.count + 1 {
                problems.append("'\(name)': the texts use \(lines.joined(separator: ", ")), the case has \(values.count) values")
            }
        }
        for key in texts.keys.sorted() where !keys.contains(key) {
            problems.append("the line '\(key)' has no case among the samples")
        }
        return problems
    }

    /// The case's name and its values in declaration order.
    static func parts(of message: Message) -> (key: String, values: [Any]) {
        guard let child = Mirror(reflecting: message).children.first, let name = child.label else {
            return (message.caseName, [])
        }
        let payload = Mirror(reflecting: child.value)
        return (name, payload.displayStyle == .tuple ? payload.children.map(\.value) : [child.value])
    }

    /// A value as the message writes it in `language`.
    static func write(_ value: Any, _ language: Language) -> String {
        // The common values first, by their concrete types: a cast to a
        // protocol makes Swift's runtime search every conformance the first
        // time it meets a type.
        switch value {
        case let text as String: return text
        case let number as Int: return String(number)
        case let texts as [String]: return texts.joined(separator: ", ")
        case let localized as any Localized: return localized.text(language)
        case let part as any MessagePart: return part.text(ko: language == .ko)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .collection?: return mirror.children.map { write($0.value, language) }.joined(separator: ", ")
        case .optional?: return mirror.children.first.map { write($0.value, language) } ?? ""
        default: return String(describing: value)
        }
    }
}

/// A catalog of messages with values whose texts are data: one table file
/// per catalog (`MessageTable`), the case's name its key. A message whose
/// text needs more than its values put in place (a count worked out, a
/// clause that depends on a value) writes itself in `computedWords`.
public protocol TabledMessage: LocalizedPair {
    /// The catalog's texts:
    /// `public static let messageTable = MessageTable<OfficeMessage>(PackageResources.OfficeMessage_tsv)`.
    static var messageTable: MessageTable<Self> { get }

    /// The Korean and English text of a message the table cannot write
    /// (nil: the table's).
    var computedWords: (ko: String, en: String)? { get }

    /// The name of a case without values, its key in the table:
    /// `String(describing:)`'s, unless the catalog writes its own
    /// `description` (which must then name its cases here).
    var caseName: String { get }
}

extension TabledMessage {
    public var computedWords: (ko: String, en: String)? { nil }

    public var caseName: String { String(describing: self) }

    public var words: (ko: String, en: String) { computedWords ?? Self.messageTable[self] }

    /// The text in `language` alone: the table writes the values in that
    /// language only (printing a message needs one of its texts).
    public func text(_ language: Language) -> String {
        if let words = computedWords { return language == .ko ? words.ko : words.en }
        return Self.messageTable.text(self, language)
    }
}

/// A table file read once: its lines, and what could not be read. A file
/// that holds the texts of several catalogs (`Message.tsv`: the messages
/// and their argument types' sections) is read once for them all.
public struct TableLines: Sendable {
    let lines: [(number: Int, key: String, entry: TableFile.Entry)]
    let problems: [String]

    public init(_ bytes: [UInt8]) {
        var problems: [String] = []
        lines = TableFile.read(bytes, problems: &problems)
        self.problems = problems
    }
}

/// The form every table file of texts shares (`WordTable`, `MessageTable`).
enum TableFile {
    /// What a line gives its key: two texts, or another word's (`@key`).
    enum Entry: Sendable {
        case texts(ko: String, en: String)
        case borrows(String)
    }

    /// Each line's number, key and entry, in the file's order; a line that
    /// cannot be read is named in `problems` instead, and so is a key that
    /// has a line already.
    static func read(_ bytes: [UInt8], problems: inout [String]) -> [(number: Int, key: String, entry: Entry)] {
        var entries: [(number: Int, key: String, entry: Entry)] = [], seen: Set<String> = []
        // Read as bytes: tab, line feed, `#` and `@` are ASCII, and never
        // part of another character in UTF-8.
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, text) in lines.enumerated() where !text.isEmpty && text.first != UInt8(ascii: "#") {
            let number = index + 1, fields = text.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            let key = String(decoding: fields[0], as: UTF8.self)
            guard seen.insert(key).inserted else {
                problems.append("line \(number): the key '\(key)' has a line already")
                continue
            }
            if fields.count == 2, fields[1].first == UInt8(ascii: "@") {
                entries.append((number, key, .borrows(String(decoding: fields[1].dropFirst(), as: UTF8.self))))
                continue
            }
            guard fields.count == 3 else {
                problems.append("line \(number): '\(key)' needs a Korean and an English text after it, separated by tabs")
                continue
            }
            guard let ko = unescape(fields[1]), let en = unescape(fields[2]) else {
                problems.append("line \(number): '\(key)' has an empty text, a space at an end or an unknown escape")
                continue
            }
            entries.append((number, key, .texts(ko: ko, en: en)))
        }
        return entries
    }

    /// A text as the file writes it (UTF-8), its escapes replaced; nil if it
    /// is empty, begins or ends with a space, or has an unknown escape.
    static func unescape(_ field: ArraySlice<UInt8>) -> String? {
        let space = UInt8(ascii: " "), backslash = UInt8(ascii: "\\")
        guard let first = field.first, let last = field.last, first != space, last != space else { return nil }
        guard field.contains(backslash) else { return String(decoding: field, as: UTF8.self) }
        var text: [UInt8] = [], escaping = false
        text.reserveCapacity(field.count)
        for byte in field {
            if escaping {
                switch byte {
                case UInt8(ascii: "t"): text.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "n"): text.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "s"): text.append(space)
                case backslash: text.append(backslash)
                default: return nil
                }
                escaping = false
            } else if byte == backslash {
                escaping = true
            } else {
                text.append(byte)
            }
        }
        return escaping ? nil : String(decoding: text, as: UTF8.self)
    }

    /// `text` with each `%N` (N from 1 to 9) replaced by `values[N - 1]`,
    /// in one pass, so that a value holding `%2` stays as it is; a `%`
    /// followed by anything else, or by a number without a value, stays.
    static func fill(_ text: String, _ values: [String]) -> String {
        guard !values.isEmpty, text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var out = "", rest = Substring(text)
        while let percent = rest.firstIndex(of: "%") {
            out += rest[..<percent]
            let after = rest.index(after: percent)
            if after < rest.endIndex, let digit = Self.placeholderDigit(rest[after]), digit <= values.count {
                out += values[digit - 1]
                rest = rest[rest.index(after: after)...]
            } else {
                out += "%"
                rest = rest[after...]
            }
        }
        return out + rest
    }

    /// The placeholder numbers (`%1` … `%9`) a text uses.
    static func placeholders(_ text: String) -> Set<Int> {
        let characters = Array(text)
        var found: Set<Int> = []
        for index in characters.indices.dropLast() where characters[index] == "%" {
            if let digit = placeholderDigit(characters[index + 1]) { found.insert(digit) }
        }
        return found
    }

    /// The number of a placeholder's digit: ASCII 1 to 9 only (a full-width
    /// or superscript digit in a translation is text, not a value).
    private static func placeholderDigit(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(ascii) else { return nil }
        return Int(ascii - UInt8(ascii: "0"))
    }
}
