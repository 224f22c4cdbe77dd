@testable import certify
import CertifyModel
import CertifyRender
import CertifyTestSupport
import Testing

/// The table files of the fixed-word catalogs (`WordTable`): how a line
/// reads, what a mistake in one does (a problem named, never a crash), and
/// the command line's catalogs, which live in the executable.
@Suite struct WordTableTests {
    /// A catalog of three words, read from a table written here.
    enum Sample: String, LocalizedWord {
        case one, twoWords = "two-words", three
        static let wordTable = WordTable<Sample>(Array(WordTableTests.good.utf8), borrowing: [Label.self])
    }

    static let good = """
        # a comment, then a blank line

        one\t하나\\t%1\\n둘째 줄\tone\\t%1\\nsecond line
        two-words\t@Label.total
        three\t\\s셋 \\\\ \\s\tthree\\s
        """

    @Test func aTableReadsItsEscapesAndBorrowings() {
        #expect(Sample.wordTable.problems == [])
        #expect(Sample.one.words.ko == "하나\t%1\n둘째 줄")
        #expect(Sample.one.text(.en, "1") == "one\t1\nsecond line")
        #expect(Sample.twoWords.words == Label.total.words)
        #expect(Sample.three.text(.ko) == " 셋 \\  ")
        #expect(Sample.three.text(.en) == "three ")
        #expect(Sample.table(.ko) == ["one": "하나\t%1\n둘째 줄", "two-words": "총점", "three": " 셋 \\  "])
    }

    /// Each line below is wrong in one way: each is named, none stops the
    /// program, and a word left without texts reads as its key.
    @Test(arguments: [
        ("one\t하나", "'one' needs a Korean and an English text"),
        ("one\t하나\tone\textra", "'one' needs a Korean and an English text"),
        ("four\t넷\tfour", "no word has the key 'four'"),
        ("one\t\tone", "'one' has an empty text"),
        ("one\t 하나\tone", "a space at an end"),
        ("one\t하나\tone ", "a space at an end"),
        ("one\t하나\\x\tone", "an unknown escape"),
        ("one\t하나\tone\\", "an unknown escape"),
        ("one\t@nowhere", "'one' borrows from 'nowhere', which has no texts"),
        ("one\t@Label.nowhere", "'one' borrows from 'Label.nowhere'"),
        ("one\t@Other.one", "'one' borrows from 'Other.one'"),
    ])
    func aWrongLineIsAProblem(line: String, problem: String) {
        let table = WordTable<Sample>(Array("\(line)\ntwo-words\t둘\ttwo\nthree\t셋\tthree\n".utf8), borrowing: [Label.self])
        #expect(table.problems.count == 2, "\(table.problems)")
        #expect(table.problems.first?.contains(problem) == true, "\(table.problems)")
        #expect(table.problems.last == "'one' has no line")
        #expect(table[.one] == ("one", "one"))
        #expect(table[.three] == ("셋", "three"))
    }

    @Test func aKeyTwiceIsAProblem() {
        let table = WordTable<Sample>(Array("one\t하나\tone\none\t일\tuno\ntwo-words\t둘\ttwo\nthree\t셋\tthree\n".utf8))
        #expect(table.problems == ["line 2: the key 'one' has a line already"])
        #expect(table[.one] == ("하나", "one"))
    }

    @Test func anEmptyTableNamesEveryWord() {
        let table = WordTable<Sample>([])
        #expect(table.problems == ["'one' has no line", "'two-words' has no line", "'three' has no line"])
        #expect(table.texts(.en) == [:])
    }

    /// A catalog whose `allCases` is not in declaration order, and one of a
    /// single word (stored in no byte): each word still reads its own line.
    enum Reversed: String, LocalizedWord {
        case a, b
        static var allCases: [Reversed] { [.b, .a] }
        static let wordTable = WordTable<Reversed>(Array("a\t가\ta\nb\t나\tb\n".utf8))
    }

    enum Single: String, LocalizedWord {
        case only
        static let wordTable = WordTable<Single>(Array("only\t하나뿐\tonly\n".utf8))
    }

    @Test func aWordReadsItsOwnLineWhateverItsPlace() {
        #expect(Reversed.wordTable.problems == [])
        #expect(Reversed.a.words == ("가", "a"))
        #expect(Reversed.b.text(.ko) == "나")
        #expect(Single.only.text(.ko) == "하나뿐")
        #expect(Single.only.text(.en) == "only")
    }

    /// The words of the command line: its lines, its help and
    /// ArgumentParser's sentences in Korean.
    @Test func commandLineCatalogs() {
        #expect(catalogProblems(CLIWord.self) == [])
        #expect(catalogProblems(ParserWord.self) == [])
        #expect(catalogProblems(ParserSentence.self) == [])
        #expect(catalogProblems(OptionHelp.self) == [])
        #expect(catalogProblems(OfficeHelp.self) == [])
        #expect(catalogProblems(RegistryHelp.self) == [])
    }
}
