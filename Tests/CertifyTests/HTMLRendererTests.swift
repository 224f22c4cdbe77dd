import CertifyRender
import CertifyEngine
import CertifyModel
import CertifyReport
import CertifyTemplates
import CertifyTestSupport
import Foundation
import Mustache
import Testing

/// The human rendering (`report --html`): structure, self-containment,
/// escaping of untrusted text, and the two languages.
@Suite struct HTMLRendererTests {
    /// Text as the page's template escapes it.
    static func escaped(_ text: String) -> String {
        // A literal template: it parses.
        try! MustacheTemplate(string: "{{v}}").render(["v": Templates.cleanText(text)])
    }

    static let keyID = String(repeating: "0123456789abcdef", count: 4)
    static let context = ReportContext(
        engineVersion: "1.2.3-test", generatedAt: "2026-03-02T09:30:00Z",
        signer: SignerInfo(keyID: keyID, name: "Reviewer Kim"))

    static let hansol: ScoreResult = try! score(
        String(contentsOfFile: Paths.sample("city/hansol-grade-a.xml"), encoding: .utf8))
    static let parking: ScoreResult = try! serviceSample("parking-pass")
    static let solbit: ScoreResult = try! score(
        String(contentsOfFile: Paths.sample("city/solbit-missing-transport.xml"), encoding: .utf8))

    /// A service sample scored with all of its review sheets.
    static func serviceSample(_ name: String) throws -> ScoreResult {
        let folder = Paths.samples.appendingPathComponent("service/\(name)")
        let reviews = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("review-") }.sorted()
            .map { try String(contentsOfFile: folder.appendingPathComponent($0).path, encoding: .utf8) }
        let dossier = try String(contentsOfFile: folder.appendingPathComponent("dossier.xml").path, encoding: .utf8)
        return try score(dossier, reviews: reviews)
    }

    func render(_ result: ScoreResult, _ language: Language, file: String = "hansol-report.xml") -> String {
        HTMLRenderer.render(result, context: Self.context, language: language, reportFileName: file)
    }

    func occurrences(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func isOneHTML5DocumentInTheRequestedLanguage() {
        let en = render(Self.hansol, .en)
        let ko = render(Self.hansol, .ko)
        #expect(en.hasPrefix("<!DOCTYPE html>\n"))
        #expect(en.contains(#"<html lang="en">"#))
        #expect(ko.contains(#"<html lang="ko">"#))
        #expect(occurrences("<html", in: en) == 1 && en.hasSuffix("</html>\n"))
        #expect(en.contains(#"<meta charset="utf-8">"#))
        #expect(en.contains("Noto Sans CJK KR") && en.contains("Malgun Gothic"))
        #expect(en.contains("@page { size: A4; margin: 15mm; }") && en.contains("break-inside: avoid"))
        // Labels differ by language; data does not.
        #expect(en.contains("Certified") && en.contains(">Rule<") && en.contains("Findings"))
        #expect(ko.contains("인증") && ko.contains(">산출 근거<") && ko.contains("검토 의견"))
        #expect(!ko.contains(">Rule<") && !en.contains("산출 근거"))
        #expect(en.contains("Civil-servant expertise") && ko != en)
    }

    @Test func decisionComesFirstWithGradeTotalThresholdAndValidity() throws {
        let html = render(Self.hansol, .en)
        let decision = try #require(html.range(of: #"<section class="decision yes""#))
        let chart = try #require(html.range(of: "<svg"))
        let table = try #require(html.range(of: #"<table class="indicators">"#))
        #expect(decision.lowerBound < chart.lowerBound && chart.lowerBound < table.lowerBound)
        #expect(html.contains(#"<div class="big">A</div>"#))
        #expect(html.contains("✓ Certified"))
        #expect(html.contains(#"<span class="num">87.40</span><span class="of"> / 100</span>"#))
        #expect(html.contains("certified from C ≥ 60"))
        #expect(html.contains("2026-03-02 – 2028-03-01"))
        #expect(html.contains("HANSOL-2026") && html.contains("한솔시 / Hansol City") && html.contains("KR-HANSOL"))
        #expect(html.contains("kr-smart-city 1.0"))

        let failed = render(Self.solbit, .ko)
        #expect(failed.contains(#"<section class="decision no""#) && failed.contains("✗ 미인증"))
        #expect(failed.contains("없음 — 미인증"))
        #expect(failed.contains("필수 요건 미충족: SVC-TRA"))
    }

    @Test func passFailRubricShowsPassAndPanelAndKPIs() {
        let en = render(Self.parking, .en)
        #expect(en.contains(#"<div class="big word">PASS</div>"#))
        #expect(en.contains("pass mark 60"))
        #expect(render(Self.parking, .ko).contains(#"<div class="big word">합격</div>"#))
        // Each reviewer's score for COM-1 (4, 4, 5) and the mean.
        for reviewer in ["R-01", "R-02", "R-03"] { #expect(en.contains(#"class="num mono">\#(reviewer)</th>"#)) }
        #expect(en.contains(#"<td class="num">4</td><td class="num">4</td><td class="num">5</td><td class="num strong">4.333…</td>"#))
        // KPIs with attainment, K3 rejected by two of the three reviewers.
        #expect(en.contains("✗ rejected") && en.contains("rejected by: R-01, R-03"))
        #expect(en.contains("75%") && en.contains("✓ accepted"))
    }

    @Test func chartHasOneBarPerArea() {
        let html = render(Self.hansol, .en)
        #expect(occurrences("<svg", in: html) == 1)
        #expect(occurrences(#"class="bar-fill""#, in: html) == Self.hansol.areas.count)
        #expect(occurrences(#"class="bar-track""#, in: html) == Self.hansol.areas.count)
        for area in Self.hansol.areas {
            #expect(html.contains(#"<tspan class="bar-id">\#(area.id)</tspan>"#))
        }
        #expect(html.contains(">25.40 / 30</text>"))
    }

    @Test func everyIndicatorRuleEvidenceAndFindingIsInTheTable() {
        for result in [Self.hansol, Self.parking, Self.solbit] {
            let html = render(result, .en)
            for indicator in result.areas.flatMap(\.indicators) {
                #expect(html.contains(#"id="ind-\#(indicator.id)""#))
                #expect(html.contains(#"<td class="mono id">\#(indicator.id)</td>"#))
                #expect(html.contains(Self.escaped(indicator.rule.english)))
                for evidence in indicator.evidence {
                    #expect(html.contains(#"title="SHA-256 \#(evidence.sha256)""#))
                    #expect(html.contains(evidence.sha256))
                }
            }
            #expect(!result.findings.isEmpty)
            #expect(occurrences(#"<tr class="finding">"#, in: html) == result.findings.count)
            for finding in result.findings { #expect(html.contains(Self.escaped(finding.message.english))) }
        }
    }

    @Test func signerAndTheExactVerifyCommands() {
        let html = render(Self.hansol, .en, file: "hansol-report.xml")
        #expect(html.contains(Self.keyID) && html.contains("Reviewer Kim"))
        #expect(html.contains("2026-03-02T09:30:00Z") && html.contains("1.2.3-test"))
        #expect(html.contains("certify verify hansol-report.xml --pubkey KEY.pub.pem"))
        #expect(html.contains("xmlsec1 --verify --pubkey-pem KEY.pub.pem hansol-report.xml"))
        // A file name that needs quoting is quoted for the shell, then escaped for HTML.
        let odd = render(Self.hansol, .en, file: "it's <mine>.xml")
        #expect(odd.contains("certify verify &#39;it&#39;\\&#39;&#39;s &lt;mine&gt;.xml&#39; --pubkey KEY.pub.pem"))
    }

    @Test func nothingIsFetchedAndNothingRuns() {
        for html in [render(Self.hansol, .en), render(Self.parking, .ko)] {
            let allowed = #"xmlns="http://www.w3.org/2000/svg""#
            #expect(occurrences(allowed, in: html) == 1)
            let rest = html.replacingOccurrences(of: allowed, with: "")
            for forbidden in ["http://", "https://", "//", "<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import"] {
                #expect(!rest.lowercased().contains(forbidden), "found \(forbidden)")
            }
            #expect(html.contains("Content-Security-Policy"))
        }
    }

    /// A dossier whose every free text is hostile, and whose id is one
    /// 100-character token (the longest the schema allows) that must wrap.
    static func hostile() throws -> ScoreResult {
        let applicant = #"<applicant id="A1&amp;&lt;b&gt;" kind="city"><name xml:lang="en">&lt;script&gt;alert(1)&lt;/script&gt; &amp; "Q" 'S'</name><name xml:lang="ko">&lt;b onmouseover="x"&gt;시</name></applicant>"#
        let evidence = #"<evidence id="E1" href="javascript:alert(1)" sha256="\#(String(repeating: "ab", count: 32))">&lt;/td&gt;&lt;img src=x onerror=alert(1)&gt;</evidence>"#
        let id = "EVIL&quot;&gt;&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;" + String(repeating: "W", count: 68)
        return try score(dossierXML(id: id, applicants: applicant, evidence + #"<value indicator="INN-1" evidence="E1">3</value>"#))
    }

    @Test func untrustedTextIsEscaped() throws {
        let hostile = try Self.hostile()
        #expect(hostile.dossier.id.count == 100)
        for language in Language.allCases {
            let html = render(hostile, language)
            for raw in ["<script", "<b onmouseover", "<img", "</title><script", "EVIL\""] { #expect(!html.contains(raw), "\(raw)") }
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Q&quot; &#39;S&#39;"))
            #expect(html.contains("&lt;b onmouseover=&quot;x&quot;&gt;시"))
            #expect(html.contains("EVIL&quot;&gt;&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;WWWW"))
            #expect(html.contains("&lt;/td&gt;&lt;img src=x onerror=alert(1)&gt;"))
            #expect(html.contains("A1&amp;&lt;b&gt;"))
            // Only the literal text of a link: never a link.
            #expect(!html.contains("href=") && html.contains(">javascript:alert(1)<"))
        }
        #expect(Self.escaped(#"a&b<c>d"e'f"#) == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
    }

    /// One look: the page is the shared `report` template with the server
    /// pages' head and foot, and the one stylesheet inline, whole.
    @Test func sharedStylesheetIsInlineAndNothingIsLinked() throws {
        let css = Templates.stylesheet
        #expect(css.count > 1000 && !css.contains("</") && !css.contains("url(") && !css.contains("@import"))
        // The pages' rules and the report's, and the print rules, in the one file.
        #expect(css.contains(".site-header") && css.contains(".error-summary") && css.contains(".report .decision"))
        #expect(css.contains("@media print"))
        for language in Language.allCases {
            let html = render(Self.hansol, language)
            #expect(occurrences("<style>\n" + css + "</style>", in: html) == 1, "the stylesheet, inline and whole")
            #expect(occurrences("<style", in: html) == 1)
            #expect(!html.contains("<link") && !html.contains("href=") && !html.contains("<script"))
            #expect(html.contains(#"<body class="report">"#))
            // The shared head and foot partials.
            #expect(html.contains(#"<header class="site-header">"#) && html.contains(#"<footer class="site-footer">"#))
            #expect(html.contains(#"content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'""#))
            #expect(html.contains(#"<meta name="generator" content="certify 1.2.3-test">"#))
        }
    }

    /// Applicant kinds are the rubric's tokens: their label in the page's language.
    @Test func applicantKindInThePageLanguage() throws {
        #expect(render(Self.hansol, .ko).contains(#"(<span class="mono">KR-HANSOL</span>, 시)"#))
        #expect(render(Self.hansol, .en).contains(#"(<span class="mono">KR-HANSOL</span>, city)"#))
        // A kind Certify has no word for (a rubric's own) shows as written.
        #expect(Labels(.ko).applicantKind("local-government") == "지방자치단체")
        #expect(Labels(.en).applicantKind("local-government") == "local government")
        #expect(Labels(.ko).applicantKind("village") == "village" && Labels(.ko).applicantRole("operator") == "운영 주체")
    }

    /// An applicant name made to slip through mustache's per-Character
    /// escaping: a quote joined to a combining mark, a prepended mark
    /// joined to `<`. Neither reaches the page raw.
    @Test func hostileNameWithJoinedMarksIsEscaped() throws {
        let applicant = #"<applicant id="A1" kind="city"><name xml:lang="en">"&#x301; onmouseover=x &#x600;&lt;b&gt; &lt;i&gt;</name></applicant>"#
        let result = try score(dossierXML(applicants: applicant, ""))
        for language in Language.allCases {
            let html = render(result, language)
            let bytes = Array(html.utf8)
            // Byte by byte: `\u{600}<` is one Character, which String.contains would not match on "<b>".
            let name = excerpt(of: html, around: "onmouseover=x")
            let rawQuote = containsBytes(bytes, Array("\"\u{301}".utf8)), rawTag = containsBytes(bytes, Array("<b>".utf8))
            let shown = containsBytes(bytes, Array("＂\u{301} onmouseover=x \u{600}＜b&gt; &lt;i&gt;".utf8))
            #expect(!rawQuote && !rawTag, "\(language): a raw quote or tag: \(name)")
            #expect(!html.contains("<i>"), "\(language): \(excerpt(of: html, around: "<i>"))")
            #expect(shown, "\(language): the name is not shown escaped: \(name)")
        }
    }
}
