import CertifyModel

/// Whether `text` has a Hangul syllable or jamo.
public func hasHangul(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) || (0x1100...0x11FF).contains($0.value) }
}

/// What is wrong with the words of a catalog, one line each (none: all
/// well): its table file reads without a problem (every case has one line
/// with both texts, every line a case, no key twice, no empty text, every
/// borrowing leads to a word: `WordTable.problems`), the English has no
/// Korean, the Korean has Hangul unless the word is in `sameInBoth` (ids,
/// "SHA-256", numbers), keys are unique, and a text with `%N` has it in
/// both languages.
public func catalogProblems<Word: LocalizedWord>(_: Word.Type, sameInBoth: Set<String> = []) -> [String] {
    var problems = Word.wordTable.problems.map { "\(Word.self).tsv: \($0)" }
    var keys: Set<String> = []
    for word in Word.allCases {
        let (ko, en) = word.words
        let name = "\(Word.self).\(word)"
        if !keys.insert(word.key).inserted { problems.append("\(name): key '\(word.key)' used twice") }
        if ko.isEmpty || en.isEmpty { problems.append("\(name): a text is empty") }
        if hasHangul(en) { problems.append("\(name): English has Korean: \(en)") }
        if !sameInBoth.contains(word.key), !hasHangul(ko) { problems.append("\(name): Korean has no Hangul: \(ko)") }
        for n in 1...9 where ko.contains("%\(n)") != en.contains("%\(n)") {
            problems.append("\(name): %\(n) in one language only")
        }
        if word.text(.ko) != ko || word.text(.en) != en { problems.append("\(name): text(_:) is not words") }
    }
    return problems
}

/// What is wrong with a catalog of messages with values, for `samples`
/// that hold each of its cases at least once: the table's own problems
/// (`MessageTable.problems(samples:parts:)`), a Korean text without Hangul
/// (unless its case is in `sameInBoth`), an English text with Korean in it;
/// in each message's words and in each of its further texts `parts`. A
/// line whose two texts use different values must be in `languagesDiffer`.
public func catalogProblems<Message: TabledMessage>(_ samples: [Message], parts: [String] = [],
                                                    sameInBoth: Set<String> = [],
                                                    languagesDiffer: Set<String> = []) -> [String] {
    var problems = Message.messageTable.problems(samples: samples, parts: parts, languagesDiffer: languagesDiffer)
        .map { "\(Message.self).tsv: \($0)" }
    for sample in samples {
        let key = Mirror(reflecting: sample).children.first?.label ?? sample.caseName
        let texts = [("", sample.words)] + parts.map { ("." + $0, Message.messageTable[sample, part: $0]) }
        for (part, (ko, en)) in texts {
            let name = "\(Message.self).\(sample)\(part)"
            if ko.isEmpty || en.isEmpty { problems.append("\(name): a text is empty") }
            if hasHangul(en) { problems.append("\(name): English has Korean: \(en)") }
            if !sameInBoth.contains(key), !hasHangul(ko) { problems.append("\(name): Korean has no Hangul: \(ko)") }
        }
    }
    return problems
}
