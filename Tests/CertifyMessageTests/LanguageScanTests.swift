import CertifyEngine
import CertifyModel
import CertifyRender
import CertifyTestSupport
import Foundation
import Testing

/// Korean output has no English sentence left, and English output no
/// Korean, except what the inputs themselves give: ids, values, names and
/// labels of the dossier, reviews and rubric, and an explicit allow-list of
/// ids, units and formula words.
@Suite struct LanguageScanTests {
    /// ASCII words allowed in Korean output whatever the input: formula
    /// words, the located-error keyword editors look for, the program's
    /// name (also as the brand in the HTML page's header and footer, which
    /// the web pages share), the HTML page's info mark, and a unit. Words
    /// with a digit (ids, hashes, dates) and words in capitals (acronyms such
    /// as API, MOU, KPI, SHA, DER, and ids) are allowed too.
    static let allowed: Set<String> = ["clamp", "certify", "Certify", "error", "warning", "i", "s"]

    /// Every ASCII word a Korean text may show because an input gives it:
    /// everything in the dossier and reviews (values, ids, names, units),
    /// and the rubric's ids and values — not its labels and titles, which
    /// have Korean text of their own.
    static func inputWords(_ sample: Sample, rubric: String) throws -> Set<String> {
        var text = ""
        for file in [sample.dossier] + sample.reviews {
            text += try String(contentsOf: Paths.file(file), encoding: .utf8)
        }
        var words = asciiWords(text)
        let rubricText = try String(contentsOf: Paths.file(rubric), encoding: .utf8)
        // Attribute values, and the texts of <kind>, <role> and <recognised>.
        for pattern in [#"="([^"]*)""#, #"<(?:kind|role|recognised)>([^<]*)<"#] {
            let regex = try NSRegularExpression(pattern: pattern)
            let range = NSRange(rubricText.startIndex..., in: rubricText)
            for match in regex.matches(in: rubricText, range: range) {
                words.formUnion(asciiWords(String(rubricText[Range(match.range(at: 1), in: rubricText)!])))
            }
        }
        return words
    }

    /// Runs of ASCII letters and digits, each a word.
    static func asciiWords(_ text: String) -> Set<String> {
        var words = Set<String>(), current = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                current.unicodeScalars.append(scalar)
            } else {
                if !current.isEmpty { words.insert(current) }
                current = ""
            }
        }
        if !current.isEmpty { words.insert(current) }
        return words
    }

    /// The words of `text` that are English: ASCII words that are neither
    /// allowed nor given by the inputs. XML snippets (`<elective …/>`) are
    /// markup the applicant types, not sentences, and are skipped.
    static func english(in text: String, inputs: Set<String>) -> Set<String> {
        let withoutMarkup = text.replacingOccurrences(of: #"<[^<>]*>"#, with: " ", options: .regularExpression)
        return asciiWords(withoutMarkup).filter { word in
            if allowed.contains(word) || inputs.contains(word) { return false }
            if word.contains(where: \.isNumber) { return false }  // ids, hashes, dates
            if word == word.uppercased() { return false }  // acronyms and ids
            return true
        }
    }

    static func rubricFile(_ sample: Sample) -> String {
        sample.dossier.contains("/service/") ? "Rubrics/kr-smart-service.xml" : "Rubrics/kr-smart-city.xml"
    }

    @Test func rubricFilesExist() {
        for sample in Sample.all {
            #expect(FileManager.default.fileExists(atPath: Paths.file(Self.rubricFile(sample)).path), "\(Self.rubricFile(sample))")
        }
    }

    /// "Done when": `LANG=ko_KR.UTF-8 certify score` prints no English sentence.
    @Test(arguments: Sample.all)
    func koreanLocaleText(_ sample: Sample) throws {
        let inputs = try Self.inputWords(sample, rubric: Self.rubricFile(sample))
        for official in [false, true] {
            let run = try Run(sample.scoreArguments(official ? ["--official"] : []), environment: ["LANG": "ko_KR.UTF-8"])
            #expect(run.status == 0)
            #expect(Self.english(in: run.stdout, inputs: inputs).isEmpty,
                    "English in Korean output: \(Self.english(in: run.stdout, inputs: inputs).sorted())")
        }
    }

    /// `certify plan` in a Korean locale: no English sentence either.
    @Test(arguments: Sample.all)
    func koreanLocalePlan(_ sample: Sample) throws {
        // A plan also shows tokens one types: the goal id `pass` (`--goal
        // pass`) and yes/no values as a dossier writes them.
        let inputs = try Self.inputWords(sample, rubric: Self.rubricFile(sample)).union(["pass", "true", "false"])
        let run = try Run(sample.planArguments([]), environment: ["LANG": "ko_KR.UTF-8"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.english(in: run.stdout, inputs: inputs).isEmpty,
                "English in Korean plan: \(Self.english(in: run.stdout, inputs: inputs).sorted())")
        let json = try Run(sample.planArguments(["--format", "json"]), environment: ["LANG": "ko_KR.UTF-8"])
        #expect(json.status == 0, "\(json.stderr)")
        try Self.checkJSONFields(json.stdout, sample, inputs: inputs, least: 0)
    }

    /// Every `Ko` field of a JSON output is Korean, every other one has no
    /// Korean but what the inputs give.
    static func checkJSONFields(_ output: String, _ sample: Sample, inputs: Set<String>, least: Int) throws {
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
        var korean: [String] = [], english: [String] = []
        func walk(_ value: Any, key: String) {
            if let dictionary = value as? [String: Any] {
                for (k, v) in dictionary { walk(v, key: k) }
            } else if let array = value as? [Any] {
                for v in array { walk(v, key: key) }
            } else if let text = value as? String {
                if key == "ko" || key.hasSuffix("Ko") { korean.append(text) } else { english.append(text) }
            }
        }
        walk(object, key: "")
        #expect(korean.count >= least)
        for text in korean {
            #expect(Self.english(in: text, inputs: inputs).isEmpty, "English in a Korean field: \(text)")
        }
        let koreanInputs = try Self.inputHangul(sample, rubric: Self.rubricFile(sample))
        for text in english {
            #expect(!CatalogTests.hasHangul(Self.removing(koreanInputs, from: text)), "Korean in an English field: \(text)")
        }
    }

    @Test(arguments: Sample.all)
    func koreanJSONFields(_ sample: Sample) throws {
        let inputs = try Self.inputWords(sample, rubric: Self.rubricFile(sample))
        let run = try Run(sample.scoreArguments(["--format", "json"]), environment: ["LANG": "ko_KR.UTF-8"])
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        var korean: [String] = [], english: [String] = []
        func walk(_ value: Any, key: String) {
            if let dictionary = value as? [String: Any] {
                for (k, v) in dictionary { walk(v, key: k) }
            } else if let array = value as? [Any] {
                for v in array { walk(v, key: key) }
            } else if let text = value as? String {
                if key == "ko" || key.hasSuffix("Ko") { korean.append(text) } else { english.append(text) }
            }
        }
        walk(object, key: "")
        #expect(korean.count > 10)
        for text in korean {
            #expect(Self.english(in: text, inputs: inputs).isEmpty, "English in a Korean field: \(text)")
        }
        let koreanInputs = try Self.inputHangul(sample, rubric: Self.rubricFile(sample))
        for text in english {
            #expect(!CatalogTests.hasHangul(Self.removing(koreanInputs, from: text)), "Korean in an English field: \(text)")
        }
    }

    @Test(arguments: Sample.all)
    func koreanHTML(_ sample: Sample) throws {
        let inputs = try Self.inputWords(sample, rubric: Self.rubricFile(sample))
        var html = try sample.html(.ko)
        // The style sheet, the generator tag and the shell commands one copies
        // are not prose; everything else the page shows is.
        for pattern in [#"<style>[\s\S]*?</style>"#, #"<pre class="cmd">[\s\S]*?</pre>"#, #"<head>[\s\S]*?<title>"#, #"<[^<>]*>"#] {
            html = html.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        html = html.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "&#39;", with: "'")
        let found = Self.english(in: html, inputs: inputs.union(["report", "xml", "pem", "pub"]))
        #expect(found.isEmpty, "English in the Korean page: \(found.sorted())")
    }

    // MARK: English output has no Korean

    /// The Korean texts the inputs give: names, labels and titles.
    static func inputHangul(_ sample: Sample, rubric: String) throws -> [String] {
        var texts: [String] = []
        for file in [sample.dossier, rubric] + sample.reviews {
            let text = try String(contentsOf: Paths.file(file), encoding: .utf8)
            let regex = try NSRegularExpression(pattern: #">([^<>]*)<"#)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let value = String(text[Range(match.range(at: 1), in: text)!]).trimmingCharacters(in: .whitespacesAndNewlines)
                if CatalogTests.hasHangul(value) { texts.append(value) }
            }
        }
        return texts.sorted { $0.count > $1.count }
    }

    static func removing(_ texts: [String], from text: String) -> String {
        texts.reduce(text) { $0.replacingOccurrences(of: $1, with: " ") }
    }

    @Test(arguments: Sample.all)
    func englishTextHasNoKorean(_ sample: Sample) throws {
        let given = try Self.inputHangul(sample, rubric: Self.rubricFile(sample))
        let run = try Run(sample.scoreArguments(["--official"]), environment: ["LANG": "ko_KR.UTF-8", "LC_ALL": "C.UTF-8"])
        #expect(run.stdout.hasPrefix(sample.dossier.contains("/city/") ? "Smart City" : "Smart Service"))
        #expect(!CatalogTests.hasHangul(Self.removing(given, from: run.stdout)), "\(run.stdout)")
        let lang = try Run(sample.scoreArguments(["--lang", "en"]), environment: ["LANG": "ko_KR.UTF-8"])
        #expect(!CatalogTests.hasHangul(Self.removing(given, from: lang.stdout)))
    }

    @Test(arguments: Sample.all)
    func englishHTMLHasNoKorean(_ sample: Sample) throws {
        let given = try Self.inputHangul(sample, rubric: Self.rubricFile(sample))
        let html = try sample.html(.en).replacingOccurrences(of: #"<style>[\s\S]*?</style>"#, with: " ", options: .regularExpression)
        #expect(!CatalogTests.hasHangul(Self.removing(given, from: html)))
    }

    /// Located errors follow the language too (the `error:` keyword stays).
    /// `--lang ko` errors of every invalid sample hold no English sentence:
    /// parser and schema errors are said by libxml2's error code, in the
    /// catalog's Korean. Allowed: the words the file itself gives (its
    /// comments aside), the rubrics' ids and values, and the schemas'
    /// listed values, which a message may quote.
    @Test(arguments: InvalidSample.all)
    func koreanErrorsOfInvalidSamples(_ sample: InvalidSample) throws {
        // Yes/no values are written as a dossier writes them.
        var inputs: Set<String> = ["true", "false"]
        for file in sample.arguments where file.hasSuffix(".xml") {
            let bytes = try Data(contentsOf: Paths.file(file))
            let text = String(decoding: bytes, as: UTF8.self)
                .replacingOccurrences(of: #"<!--[\s\S]*?-->"#, with: " ", options: .regularExpression)
            inputs.formUnion(Self.asciiWords(text))
        }
        for rubric in ["Rubrics/kr-smart-city.xml", "Rubrics/kr-smart-service.xml", "Rubrics/schema/dossier.xsd"] {
            let text = try String(contentsOf: Paths.file(rubric), encoding: .utf8)
            let regex = try NSRegularExpression(pattern: #"(?:id|value)="([^"]*)"|<(?:kind|role|recognised)>([^<]*)<"#)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                for group in 1...2 {
                    if let range = Range(match.range(at: group), in: text) { inputs.formUnion(Self.asciiWords(String(text[range]))) }
                }
            }
        }
        let run = try Run(sample.arguments + ["--lang", "ko"])
        #expect(run.status == 65, "\(sample.name)")
        // Each line's location (the file's path) is not a sentence, nor is
        // an escape the applicant is told to type (`&lt;`, `&amp;`).
        let messages = run.stderr.split(separator: "\n").map { line in
            (line.range(of: ": error: ").map { String(line[$0.upperBound...]) } ?? String(line))
                .replacingOccurrences(of: #"&[a-z]+;"#, with: " ", options: .regularExpression)
        }
        for message in messages {
            #expect(Self.english(in: message, inputs: inputs).isEmpty,
                    "English in Korean error of \(sample.name): \(message)")
        }
    }

    /// `certify validate` warns, located, of a rubric text in fewer
    /// languages than the rubric's others; the shipped rubrics are
    /// bilingual throughout and get no warning.
    @Test func aRubricTextInOneLanguageIsWarned() throws {
        for rubric in ["Rubrics/kr-smart-city.xml", "Rubrics/kr-smart-service.xml"] {
            let run = try Run(["validate", rubric, "--lang", "ko"])
            #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        }
        let city = try String(contentsOf: Paths.file("Rubrics/kr-smart-city.xml"), encoding: .utf8)
        let korean = #"<description xml:lang="ko">최근 2년간 운영한 리빙랩 수</description>"#
        let text = city.replacingOccurrences(of: korean, with: "")
        #expect(text != city)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("certify-languages-\(UUID().uuidString).xml")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("Living labs operated in the past 2 years") }! + 1
        let ko = try Run(["validate", url.path, "--lang", "ko"])
        #expect(ko.status == 0)
        #expect(ko.stderr == "\(url.path):\(line):7: warning: INN-2의 <description>에 한국어 텍스트가 없습니다. 이 인증기준의 다른 텍스트에는 있으니, 인증기준이 쓰는 모든 언어로 적으십시오\n")
        let en = try Run(["validate", url.path, "--lang", "en"])
        #expect(en.stderr == "\(url.path):\(line):7: warning: <description> of INN-2 has no Korean text, though other texts of this rubric have one: give it in every language the rubric uses\n")
    }

    @Test(arguments: InvalidSample.all)
    func errorsFollowTheLanguage(_ sample: InvalidSample) throws {
        let korean = try Run(sample.arguments, environment: ["LANG": "ko_KR.UTF-8"])
        let english = try Run(sample.arguments + ["--lang", "en"], environment: ["LANG": "ko_KR.UTF-8"])
        #expect(korean.status == 65 && english.status == 65)
        #expect(korean.stderr.contains(": error: ") && CatalogTests.hasHangul(korean.stderr), "\(korean.stderr)")
        #expect(!CatalogTests.hasHangul(english.stderr.replacingOccurrences(of: "'예'", with: "")), "\(english.stderr)")
    }
}
