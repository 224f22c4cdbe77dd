import CertifyModel
import CertifyTestSupport
import Testing

/// The engine's error messages and their argument types' words are lines
/// of `Message.tsv`: every case has its line, every line a case, with the
/// case's values (`MessageSamples`, several values per case).
@Suite struct MessageCatalogTableTests {
    @Test func everyMessageHasItsLine() {
        // An empty value (libxml2's detail, a located error) leaves an English text empty.
        let samples = MessageSamples.all.filter { !$0.english.isEmpty }
        #expect(catalogProblems(samples, sameInBoth: ["ruleChoice", "ruleRounded"],
                                languagesDiffer: ["xml", "xmlError", "compareUnder", "verifyRescoreFailed"]) == [])
    }

    @Test func everyArgumentTypeHasItsLines() {
        #expect(catalogProblems(InputKind.allCases) == [])
        #expect(catalogProblems(MessageSamples.readFailures) == [])
        #expect(catalogProblems(Message.DocumentWord.allCases) == [])
        #expect(catalogProblems(Message.XMLIssue.allCases) == [])
        #expect(catalogProblems(MessageSamples.keys) == [])
        #expect(catalogProblems(MessageSamples.installation) == [])
        #expect(catalogProblems(MessageSamples.parserChecks) == [])
        #expect(catalogProblems(MessageSamples.validDocuments) == [])
        #expect(catalogProblems(MessageSamples.contexts) == [])
        #expect(catalogProblems(MessageSamples.planFixed) == [])
        #expect(catalogProblems(MessageSamples.registryProblems, languagesDiffer: ["notRegistered"]) == [])
        #expect(catalogProblems(MessageSamples.refusals, languagesDiffer: ["xml", "notValidReport"]) == [])
    }

    /// Values in place, in the message's language: lists, argument types,
    /// other messages, and a case without values.
    @Test func textsFromTheTable() {
        let choice = Message.notAChoice(indicator: "G-2", given: "done", choices: ["none", "approved"])
        #expect(choice.english == "G-2: 'done' is not one of none, approved")
        #expect(choice.korean == "G-2: 'done'은(는) 허용되는 값(none, approved)이 아닙니다")
        let context = Message.notIntegerAttribute(.kpi("K1"), attribute: "target", given: "x")
        #expect(context.english == "KPI K1: 'target' must be an integer, got 'x'")
        #expect(context.korean == "성과지표 K1: 'target'은(는) 정수여야 합니다. 입력값: 'x'")
        #expect(Message.verifyNoDate.english == "the report has no decision date")
        #expect(Message.verifyNoDate.description == "the report has no decision date")
        #expect(Message.xml(.schema, detail: "Element 'x'").korean == "스키마 위반: Element 'x'")
        #expect(Message.verifyRescoreFailed(english: "e", korean: "한").korean == "한")
        let refused = Message.registry(.applicantIDBad("A 1"))
        #expect(refused.english == "not registered: applicant id 'A 1' is empty or has spaces or control characters")
        #expect(Message.key(.unreadable("Permission denied")).english == "cannot read key: Permission denied")
        #expect(Message.verifyDisagrees(.verifyIndicatorCount(report: 1, rubric: 2)).korean
            == "보고서와 일치하지 않습니다: 보고서에는 지표가 1개, 평가 기준에는 2개 있습니다")
    }
}
