import CertifyModel
import CertifyRender
import CertifyTestSupport
import Testing

/// The table files of the catalogs of messages with values (`MessageTable`):
/// values put in place in the message's language, and what a mistake in a
/// line does (a problem named, never a crash).
@Suite struct MessageTableTests {
    enum Sample: TabledMessage {
        case none
        case one(path: String)
        case two(count: Int, word: Label)
        case list(ids: [String], note: String?)
        case computed(flag: Bool)
        static let messageTable = MessageTable<Sample>(Array(MessageTableTests.table.utf8))
        var computedWords: (ko: String, en: String)? {
            guard case .computed(let flag) = self else { return nil }
            return flag ? ("참", "true") : ("거짓", "false")
        }
    }

    static let table = """
        # case name, Korean, English
        none\t없음\tnone
        one\t%1을(를) 읽을 수 없습니다\tcannot read %1
        two\t%2 %1개\t%1 of %2
        list\t%1 (%2)\t%1 (%2)
        """

    static let samples: [Sample] = [.none, .one(path: "a"), .two(count: 2, word: .total), .list(ids: ["x"], note: nil), .computed(flag: true)]

    @Test func valuesArePutInPlaceInTheMessagesLanguage() {
        #expect(Sample.messageTable.problems(samples: Self.samples) == [])
        #expect(Sample.none.words == ("없음", "none"))
        #expect(Sample.two(count: 2, word: .total).words == ("총점 2개", "2 of Total"))
        #expect(Sample.list(ids: ["A", "B"], note: "n").text(.en) == "A, B (n)")
        #expect(Sample.list(ids: [], note: nil).text(.ko) == " ()")
        #expect(Sample.computed(flag: false).text(.ko) == "거짓")
        // One pass: a value holding a placeholder stays as it is.
        #expect(Sample.one(path: "50%1%2").text(.en) == "cannot read 50%1%2")
        #expect(Localization.fill("%1 and %2, 100%", ["%2", "b"]) == "%2 and b, 100%")
        // Only ASCII digits are placeholders: a full-width one in a translation is text.
        #expect(Localization.fill("%１ %1", ["a"]) == "%１ a")
    }

    /// A translation that drops a value is named (word order may differ) unless its
    /// case's values are each one language's text.
    @Test func bothLanguagesUseTheSameValues() {
        let table = MessageTable<Sample>(Array("one\t읽을 수 없습니다\tcannot read %1\ntwo\t%1 %2\t%2 %1\n".utf8))
        let samples: [Sample] = [.one(path: "a"), .two(count: 1, word: .total)]
        #expect(table.problems(samples: samples) == ["'one': the Korean uses [], the English [1]"])
        #expect(table.problems(samples: samples, languagesDiffer: ["one"]) == [])
    }

    /// A file holds a catalog's lines and its argument types' (`Type.case`):
    /// each table reads its own section and no other.
    @Test func aSectionIsReadByItsTable() {
        let file = Array("none\t없음\tnone\nSample.one\t하나 %1\tone %1\nOther.one\t다른\tother\n".utf8)
        let plain = MessageTable<Sample>(file), section = MessageTable<Sample>(file, section: "Sample")
        #expect(plain[.none] == ("없음", "none") && plain[.one(path: "a")] == ("one", "one"))
        #expect(section[.one(path: "a")] == ("하나 a", "one a") && section.text(.one(path: "a"), .ko) == "하나 a")
        #expect(section.problems(samples: [.one(path: "a")]) == [])
        #expect(section[.none] == ("none", "none"))
        // A further text (`caseName.part`, a small letter first) is the catalog's own, never a section's.
        let both = MessageTable<Sample>(file + Array("none.body\t본문\tbody\nSample.none.body\t다른 본문\tother body\n".utf8))
        #expect(both[.none, part: "body"] == ("본문", "body"))
        #expect(MessageTable<Sample>(file + Array("none.body\t본문\tbody\n".utf8), section: "Sample")[.none, part: "body"].en == "none.body")
    }

    @Test func aMistakeInTheTableIsNamed() {
        let broken = MessageTable<Sample>(Array("""
            none\t없음
            one\t%1을(를) 읽을 수 없습니다\tcannot read
            one\t다시\tagain
            two\t%1\t%1 of %2 and %3
            extra\t더\tmore
            """.utf8))
        let problems = broken.problems(samples: Self.samples)
        #expect(problems.contains { $0.hasPrefix("line 1: 'none' needs a Korean and an English text") })
        #expect(problems.contains { $0.hasPrefix("line 3: the key 'one' has a line already") })
        #expect(problems.contains { $0.hasPrefix("'two': the texts use [1] and [1, 2, 3]") })
        #expect(problems.contains("'list' has no line") && problems.contains("'none' has no line"))
        #expect(problems.contains("the line 'extra' has no case among the samples"))
        // A message without a line reads as its case name; it never stops the program.
        #expect(Sample.messageTable[.one(path: "a")].en == "cannot read a")
        #expect(broken[.list(ids: [], note: nil)] == ("list", "list"))
    }

    /// A message with more than one text (an e-mail's subject and body) has
    /// a line `caseName.part` for each further text, checked like its words.
    @Test func aMessageMayHaveFurtherTexts() {
        let table = MessageTable<Sample>(Array("""
            none\t없음\tnone
            none.body\t본문\tbody
            one\t%1 제목\tsubject %1
            one.body\t%1\\n줄\t%1\\nline
            two\t%1개\t%1
            two.body\t%2\t%2
            list\t목록\tlist
            list.body\t%1\t%1
            """.utf8))
        #expect(table[.one(path: "a"), part: "body"] == ("a\n줄", "a\nline"))
        #expect(table[.none, part: "body"] == ("본문", "body") && table[.none] == ("없음", "none"))
        // The lines of a case together use each of its values: `two`'s subject has %1, its body %2; `list` has no %2.
        #expect(table[.two(count: 2, word: .total), part: "body"].ko == "총점")
        #expect(table.problems(samples: [.none, .one(path: "a"), .two(count: 2, word: .total), .list(ids: [], note: nil)], parts: ["body"])
                == ["'list': the texts use [] and [], [1] and [1], the case has 2 values"])
        // Without the parts, their lines have no case; a part without a line is named.
        #expect(table.problems(samples: [.none, .one(path: "a")]).contains("the line 'none.body' has no case among the samples"))
        #expect(table.problems(samples: [.none, .one(path: "a")], parts: ["body", "note"]).contains("'one.note' has no line"))
        #expect(table[.none, part: "note"] == ("none.note", "none.note"))
    }
}
