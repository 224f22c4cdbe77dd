/// The texts of one fixed-word catalog (`LocalizedWord`), parsed once from
/// its table file, which is compiled into the binary
/// (`resources: [.embedInCode(…)]`). The file is UTF-8, one word a line,
/// the key, the Korean and the English separated by tabs:
///
///     # comment
///     total<TAB>총점<TAB>Total
///     kpiDecision<TAB>@decision
///     evidence<TAB>@Label.evidenceRegister
///
/// A line of two fields whose second begins with `@` borrows the texts of
/// another word, written once: `@key` of the same catalog, `@Catalog.key`
/// of a catalog given in `borrowing`. Blank lines and lines that begin
/// with `#` are skipped. In a text, `\t` is a tab, `\n` a line break, `\\`
/// a backslash and `\s` a space; a text that begins or ends with a space
/// writes it `\s`, so that no editor drops or adds one unseen.
///
/// The file is the program's own data, but a mistake in it never stops
/// the program: a line that cannot be read, an unknown or repeated key, an
/// empty text or a borrowing that leads nowhere is left out and named in
/// `problems`, and a word without texts reads as its key in both
/// languages. The catalog tests fail on any problem (`catalogProblems`).
public struct WordTable<Word: LocalizedWord>: Sendable {
    /// Each word's Korean and English text, in the order of `allCases`.
    private let korean: [String], english: [String]
    /// Each word's place in `korean` and `english`, for a catalog whose
    /// words are not stored as their place (`tagIsPlace`).
    private let places: [Word: Int]
    /// Whether each word is stored as its place in `allCases`, as a case
    /// without values is (its number in declaration order, which is also
    /// `allCases`' order): then a lookup reads that number instead of
    /// hashing the word. Checked for every word when the table is built.
    private let tagIsPlace: Bool
    /// Every word by its key, in each language: what templates read.
    private let byKey: [Language: [String: String]]
    /// What is wrong with the file, one line each; none when all is well.
    public let problems: [String]

    /// The table in `bytes`; `borrowing` lists the catalogs its lines may
    /// borrow from (never one that borrows from this one: each is read
    /// once, when it is first used).
    public init(_ bytes: [UInt8], borrowing catalogs: [any LocalizedWord.Type] = []) {
        let words = Dictionary(Word.allCases.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [String] = []
        var texts: [String: (ko: String, en: String)] = [:]
        var borrowed: [(key: String, line: Int, from: String)] = []
        for (number, key, entry) in TableFile.read(bytes, problems: &problems) {
            guard words[key] != nil else {
                problems.append("line \(number): no word has the key '\(key)'")
                continue
            }
            switch entry {
            case .texts(let ko, let en): texts[key] = (ko, en)
            case .borrows(let from): borrowed.append((key, number, from))
            }
        }
        for (key, number, from) in borrowed {
            let parts = from.split(separator: ".", maxSplits: 1).map(String.init)
            let lent: (ko: String, en: String)? = parts.count == 1
                ? texts[from]
                : catalogs.first { String(describing: $0) == parts[0] }?.words(forKey: parts[1])
            guard let lent else {
                problems.append("line \(number): '\(key)' borrows from '\(from)', which has no texts")
                continue
            }
            texts[key] = lent
        }
        var korean: [String] = [], english: [String] = [], places: [Word: Int] = [:], tagIsPlace = true
        for word in Word.allCases {
            if texts[word.key] == nil { problems.append("'\(word.key)' has no line") }
            if Self.tag(of: word) != korean.count { tagIsPlace = false }
            places[word] = korean.count
            korean.append(texts[word.key]?.ko ?? word.key)
            english.append(texts[word.key]?.en ?? word.key)
        }
        self.korean = korean
        self.english = english
        self.places = places
        self.tagIsPlace = tagIsPlace
        self.byKey = [.ko: texts.mapValues(\.ko), .en: texts.mapValues(\.en)]
        self.problems = problems
    }

    /// The word's Korean and English text.
    public subscript(_ word: Word) -> (ko: String, en: String) { (text(word, .ko), text(word, .en)) }

    /// The word's text in `language`.
    public func text(_ word: Word, _ language: Language) -> String {
        let texts = language == .ko ? korean : english
        guard let place = tagIsPlace ? Self.tag(of: word) : places[word], place < texts.count else { return word.key }
        return texts[place]
    }

    /// The number a word is stored as, if it is stored in one or two bytes.
    private static func tag(of word: Word) -> Int? {
        switch MemoryLayout<Word>.size {
        case 1: withUnsafeBytes(of: word) { Int($0.load(as: UInt8.self)) }
        case 2: withUnsafeBytes(of: word) { Int($0.load(as: UInt16.self)) }
        default: nil
        }
    }

    /// Every word by its key, in `language`.
    public func texts(_ language: Language) -> [String: String] { byKey[language] ?? [:] }

    /// The texts of the word with `key`, if it has them.
    func words(forKey key: String) -> (ko: String, en: String)? {
        guard let ko = byKey[.ko]?[key], let en = byKey[.en]?[key] else { return nil }
        return (ko, en)
    }
}

extension LocalizedWord {
    /// The texts of this catalog's word with `key`, for a table that borrows them.
    static func words(forKey key: String) -> (ko: String, en: String)? { wordTable.words(forKey: key) }
}
