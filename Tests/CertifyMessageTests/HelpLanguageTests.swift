import CertifyTestSupport
import Foundation
import Testing

/// `certify … --help` speaks the language chosen at start-up (`--lang`
/// anywhere on the command line, else the locale): in Korean no English
/// sentence is left (`LanguageScanTests.english`), in English no Korean but
/// the Korean names a few abstracts give on purpose.
@Suite struct HelpLanguageTests {
    /// ArgumentParser's own description of every command (`--experimental-dump-help`).
    static func tree(_ environment: [String: String]) throws -> [String: Any] {
        let run = try Run(["--experimental-dump-help"], environment: environment)
        let object = try JSONSerialization.jsonObject(with: run.data) as? [String: Any]
        return try #require(object?["command"] as? [String: Any])
    }

    /// Every command below the root, as the words one types (`["registry", "add"]`).
    static func paths(_ command: [String: Any], _ prefix: [String] = []) -> [[String]] {
        (command["subcommands"] as? [[String: Any]] ?? []).flatMap { sub -> [[String]] in
            let path = prefix + [sub["commandName"] as? String ?? ""]
            return [path] + paths(sub, path)
        }
    }

    /// What one types rather than reads: command names, option names, value
    /// names, defaults and listed values, as words.
    static func typed(_ command: [String: Any]) -> Set<String> {
        var words = LanguageScanTests.asciiWords(command["commandName"] as? String ?? "")
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            var values = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            values += [argument["valueName"] as? String, argument["defaultValue"] as? String].compactMap { $0 }
            values += argument["allValues"] as? [String] ?? []
            for value in values { words.formUnion(LanguageScanTests.asciiWords(value)) }
        }
        for sub in command["subcommands"] as? [[String: Any]] ?? [] { words.formUnion(typed(sub)) }
        return words
    }

    /// Every help text of the tree: abstracts and discussions of commands and arguments.
    static func texts(_ command: [String: Any]) -> [String] {
        var texts = [command["abstract"], command["discussion"]].compactMap { $0 as? String }
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            texts += [argument["abstract"], argument["discussion"]].compactMap { $0 as? String }
        }
        return texts + (command["subcommands"] as? [[String: Any]] ?? []).flatMap { Self.texts($0) }
    }

    /// Korean help without what is typed rather than read: `code`, options
    /// (`--lang`, `-t`), and file names, paths and URLs (`NAME.pub.pem`,
    /// `http(s)://HOST/log`).
    static func prose(_ text: String) -> String {
        [#"`[^`]*`"#, #"(?<![A-Za-z0-9])--?[A-Za-z0-9][A-Za-z0-9-]*"#, #"[A-Za-z0-9_*()<>:+-]*[A-Za-z0-9_*)][./][A-Za-z0-9_*(<>:./+-]+"#]
            .reduce(text) { $0.replacingOccurrences(of: $1, with: " ", options: .regularExpression) }
    }

    /// Names the Korean help keeps: the C2SP specifications' family name
    /// (`tlog-tiles`), the goal one types for the pass mark, and the HTTP
    /// header a proxy sets (`X-Forwarded-For`).
    static let kept: Set<String> = ["tlog", "pass", "Forwarded", "For"]

    /// The Korean names English abstracts give on purpose, and a Korean default.
    static let koreanInEnglish = ["스마트도시·스마트서비스 인증", "집단 통계", "인증기준 개정 영향", "인증서 등록부", "인증 사무국", "사무국 Secretariat"]

    /// `text` without those names (wrapped or not).
    static func withoutKoreanNames(_ text: String) -> String {
        koreanInEnglish.reduce(text) { text, name in
            let pattern = name.split(separator: " ").map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: #"\s+"#)
            return text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
    }

    static let korean = ["LANG": "ko_KR.UTF-8"]

    @Test func everyCommandsKoreanHelpHasNoEnglishSentence() throws {
        let tree = try Self.tree(Self.korean)
        let allowed = Self.typed(tree).union(Self.kept)
        let paths = [[]] + Self.paths(tree)
        #expect(paths.count > 40, "\(paths)")
        for path in paths {
            let run = try Run(path + ["--help"], environment: Self.korean)
            #expect(run.status == 0, "\(path): \(run.stderr)")
            #expect(hasHangul(run.stdout), "\(path)")
            let english = LanguageScanTests.english(in: Self.prose(run.stdout), inputs: allowed)
            #expect(english.isEmpty, "English in `certify \(path.joined(separator: " ")) --help` in Korean: \(english.sorted())")
        }
    }

    /// Every help text has its Korean: one left in English shows in the Korean tree.
    @Test func everyHelpTextIsInTheCatalog() throws {
        let korean = Self.texts(try Self.tree(Self.korean)).filter { !$0.isEmpty }
        // ArgumentParser's own words are put in Korean as it prints them (`ParserWord`).
        let builtIn = ["Show help information.", "Show the version.", "Show subcommand help information."]
        let untranslated = korean.filter { !hasHangul($0) && !builtIn.contains($0) }
        #expect(korean.count > 150)
        #expect(untranslated.isEmpty, "help texts without Korean: \(untranslated)")
        let english = Self.texts(try Self.tree(["LANG": "C.UTF-8"])).map(Self.withoutKoreanNames)
        #expect(english.count == Self.texts(try Self.tree(Self.korean)).count)
        #expect(english.filter(hasHangul).isEmpty, "\(english.filter(hasHangul))")
    }

    @Test func everyCommandsEnglishHelpHasNoKorean() throws {
        for path in [[]] + Self.paths(try Self.tree([:])) {
            let run = try Run(path + ["--help"])
            let text = Self.withoutKoreanNames(run.stdout)
            #expect(run.status == 0 && !hasHangul(text), "certify \(path.joined(separator: " ")) --help: \(text)")
        }
    }

    /// `--lang` anywhere on the command line wins over the locale, for help
    /// and for usage errors.
    @Test func langOnTheCommandLineChoosesTheLanguage() throws {
        let korean = try Run(["score", "--help", "--lang", "ko"])
        #expect(korean.stdout.hasPrefix("개요: 신청서를 해당 인증기준으로 채점합니다."), "\(korean.stdout)")
        #expect(korean.stdout.contains("\n옵션:\n") && korean.stdout.contains("기본값:") && !korean.stdout.contains("default"),
                "\(korean.stdout)")
        let equals = try Run(["plan", "--lang=ko", "--help"])
        #expect(equals.stdout.hasPrefix("개요: 자가 점검"), "\(equals.stdout)")
        let english = try Run(["score", "--lang", "en", "--help"], environment: Self.korean)
        #expect(english.stdout.hasPrefix("OVERVIEW: Score dossiers against their rubric."), "\(english.stdout)")
        let usage = try Run(["score", "--lang", "ko", "--review", "a.xml", "b.xml", "c.xml"])
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("오류: --review는 신청서 하나와 함께 씁니다\n사용법: certify score "), "\(usage.stderr)")
        let englishUsage = try Run(["score", "--review", "a.xml", "b.xml", "c.xml"])
        #expect(englishUsage.stderr.hasPrefix("Error: --review goes with a single dossier\nUsage: certify score "), "\(englishUsage.stderr)")
    }
}
