import CertifyCohort
import CertifyModel
import CertifyTemplates
import CertifyTestSupport
import Foundation
import Testing

/// The cohort and compare pages: the shared templates and stylesheet, the
/// figures of the hand cohort, untrusted text escaped.
@Suite struct CohortHTMLTests {
    func handGroups(_ scratch: Scratch, extra: [String] = []) -> [CohortGroup] {
        CohortRunner.cohort(handCohort(scratch) + extra, scorer: Shared.scorer)
    }

    @Test func theCohortPageIsTheSharedLookWithTheStylesheetInline() throws {
        let page = CohortHTML.render(handGroups(Scratch()), date: Shared.date, language: .en, version: "9.9")
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains("<style>\n\(Templates.stylesheet)</style>"))
        #expect(page.contains("<body class=\"cohort\">") && page.contains("<header class=\"site-header\">"))
        #expect(page.contains("<meta name=\"generator\" content=\"certify 9.9\">"))
        #expect(page.contains("Content-Security-Policy"))
        #expect(!page.contains("<script") && !page.contains("http://") && !page.contains("https://"))
        // One style attribute at most kind: no inline colours in the cohort page.
        #expect(!page.contains("style=\""))
    }

    @Test func theCohortPageShowsTheHandFigures() throws {
        let page = CohortHTML.render(handGroups(Scratch()), date: Shared.date, language: .en, version: "9.9")
        // 4 dossiers, 2 certified, mean 45, median 38, quartiles 10 and 80; D5 invalid.
        for figure in ["4", "50.00%", "45.00", "38.00", "10.00 – 80.00"].map({ "<span class=\"stat-value\">\($0)</span>" }) {
            #expect(page.contains(figure), "\(figure)")
        }
        #expect(page.contains("<h3>Invalid dossiers (1)</h3>") && page.contains("d5.xml"))
        // A bar per non-empty total bin, coloured by grade: A green (oc-0), E red (oc-6).
        #expect(page.components(separatedBy: "<rect class=\"oc-0\"").count - 1 >= 2)
        #expect(page.contains("<rect class=\"oc-6\""))
        // Every dossier has its row.
        for id in ["D1", "D2", "D3", "D4"] { #expect(page.contains("<td class=\"mono\">\(id)</td>"), "\(id)") }
    }

    @Test func koreanWordsComeFromTheCohortLabels() throws {
        let page = CohortHTML.render(handGroups(Scratch()), date: Shared.date, language: .ko, version: "9.9")
        #expect(page.contains("<html lang=\"ko\">"))
        for label in [CohortLabel.cohort, .totals, .areas, .indicators, .invalid] {
            #expect(page.contains(CohortLabels(.ko)[label]), "\(label)")
        }
        #expect(!page.contains(CohortLabels(.en)[.cohort]))
    }

    @Test func untrustedTextIsEscaped() throws {
        let scratch = Scratch()
        let hostile = scratch.write("x<b>\"&'.xml", "<not a dossier")
        let page = CohortHTML.render(handGroups(scratch, extra: [hostile]), date: Shared.date, language: .en, version: "<v>")
        #expect(!page.contains("<b>") && !page.contains("<v>"))
        #expect(page.contains("x&lt;b&gt;&quot;&amp;&#39;.xml"))
    }

    @Test func theComparePageHasTheMatrixAndTheChange() throws {
        let scratch = Scratch()
        let (comparisons, unscored) = CohortRunner.compare(handCohort(scratch), scorer: Shared.scorer, with: CompareTests.draft)
        let page = CompareHTML.render(comparisons, unscored: unscored, date: Shared.date, language: .en, version: "9.9")
        #expect(page.contains("<body class=\"cohort\">") && page.contains("<style>\n\(Templates.stylesheet)</style>"))
        // A→A on the diagonal (bold), C→D off it; the one changed dossier D3.
        #expect(page.contains("<td class=\"num same\" style="))
        #expect(page.contains("<h3>Dossiers whose outcome changes (1)</h3>") && page.contains("<td class=\"mono\">D3</td>"))
        #expect(page.contains("60.00 C ✓") && page.contains("54.33 D ✗"))
        // SVC-TRA's mean falls: a bar left of zero.
        #expect(page.contains("<rect class=\"down\"") && page.contains("-1.25"))
        #expect(page.contains("only in the current rubric: GOV-3"))
    }
}
