import CertifyEngine
import CertifyModel

/// The JSON strings of the catalog messages a rubric makes its results
/// repeat, encoded once per rubric instead of once per dossier: each band,
/// choice and yes/no answer of an indicator, its missing-input and
/// not-selected rules, and the findings whose arguments come from the
/// rubric alone (no input, no panel review, a prerequisite not met, too few
/// electives declared, …). Building a text by interpolation and escaping it
/// cost more than the rest of a JSON record together; most records now copy
/// their texts.
///
/// The texts are the catalog's own (`Message.english`, `Message.korean`),
/// kept with the message they were made from; a message is looked up by
/// equality (after a compare of codes), so a message not listed here, or one
/// that differs in any argument, is simply written from the catalog.
struct MessageTexts: Sendable {
    // Parallel arrays, so that a look-up scans plain codes and compares a
    // message (and copies nothing) only where the code matches.
    private let codes: [Message.Code]
    private let messages: [Message]
    private let english: [EncodedJSON]
    private let korean: [EncodedJSON]
    private let storage = EncodedJSONStorage()

    init(_ messages: [Message]) {
        self.messages = messages
        codes = messages.map(\.code)
        english = messages.map { [storage] message in storage.value { $0.string(message.english) } }
        korean = messages.map { [storage] message in storage.value { $0.string(message.korean) } }
    }

    /// Where `message` is listed, if it is.
    private func index(of message: Message) -> Int? {
        let code = message.code
        for index in codes.indices where codes[index] == code && messages[index] == message { return index }
        return nil
    }

    /// Writes `message` in English, or in Korean, as a JSON string.
    /// `listed` is its position here when the caller knows it (a result's
    /// `fixedRule` in the texts `rules(of:)` made).
    func write(_ message: Message, listed: Int? = nil, korean: Bool, to json: inout JSONWriter) {
        if let listed, english.indices.contains(listed) {
            assert(messages[listed] == message, "rule \(message) listed at \(listed) as \(messages[listed])")
            json.value(encoded: korean ? self.korean[listed] : english[listed])
        } else if let index = index(of: message) {
            json.value(encoded: korean ? self.korean[index] : english[index])
        } else if korean {
            json.string(message.korean)
        } else if !RuleText.writeEnglish(message, to: &json) {
            json.string(message.english)
        }
    }

    /// Writes `message` in English and in Korean as the JSON members
    /// `english` and `korean` name.
    func write(
        _ message: Message, english englishKey: StaticString, korean koreanKey: StaticString, to json: inout JSONWriter
    ) {
        if let index = index(of: message) {
            json.key(englishKey); json.value(encoded: english[index])
            json.key(koreanKey); json.value(encoded: korean[index])
        } else {
            json.key(englishKey); json.string(message.english)
            json.key(koreanKey); json.string(message.korean)
        }
    }

    /// The rule texts `indicator`'s method gives for each input that
    /// reaches a fixed outcome, and those of a missing or unselected input,
    /// in the order of `FixedRules` (a result's `fixedRule` is a position here).
    static func rules(of indicator: Indicator) -> MessageTexts {
        MessageTexts(FixedRules.of(indicator))
    }

    /// The findings whose arguments `rubric` alone determines.
    static func findings(of rubric: Rubric) -> MessageTexts {
        var messages: [Message] = Message.MissingInput.allCases.map { .noInput($0) }
        messages += [.electiveWithoutValue, .noAcceptedKPI]
        if let panel = rubric.panel {
            messages += [true, false].map { .panelNoReview(selfScoreUsed: $0, minimum: panel.officialMinimum) }
            messages += (0..<max(panel.officialMinimum, 0)).map { .panelTooSmall(count: $0, minimum: panel.officialMinimum) }
        }
        for indicator in rubric.indicators {
            if indicator.mandatory {
                messages.append(.prerequisiteNotMet(indicator: indicator.id, label: indicator.label))
            }
            if indicator.electiveGroup != nil { messages.append(.electiveNotDeclared(indicator: indicator.id)) }
        }
        for group in rubric.electiveGroups {
            messages += (0..<max(group.choose, 0)).map { .electivesTooFew(group: group.id, declared: $0, choose: group.choose) }
        }
        return MessageTexts(messages)
    }
}
