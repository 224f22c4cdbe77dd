import CertifyModel

/// `certify compare --format html`.
public enum CompareHTML {
    public static func render(_ comparisons: [Comparison], unscored: [InvalidDossier], date: CalendarDate,
                              language: Language, generator: String) -> String {
        var page = HTMLPage(language)
        let l = page.l
        let title = "\(l[.compare]) — " + comparisons.map { "\($0.from.id) \($0.from.version) → \($0.to.id) \($0.to.version)" }.joined(separator: ", ")
        page.add("<h1>\(esc(l[.compare]))</h1>\n<p class=\"sub\">\(esc(l[.date])) \(date)</p>\n")
        for (index, comparison) in comparisons.enumerated() { section(&page, comparison, index: index) }
        if !unscored.isEmpty { invalidTable(&page, l[.unscored], unscored) }
        page.add("<footer>\(esc(l[.generated])) (\(esc(generator))) · \(esc(l[.date])) \(date)</footer>\n")
        return page.document(title: title, generator: generator)
    }

    static func invalidTable(_ page: inout HTMLPage, _ heading: String, _ invalid: [InvalidDossier]) {
        let l = page.l
        page.add("<h3>\(esc(heading)) (\(invalid.count))</h3>\n")
        guard !invalid.isEmpty else { page.add("<p>\(esc(l[.invalidNone]))</p>\n"); return }
        page.add("<table>\n<thead><tr><th>\(esc(l[.file]))</th><th>\(esc(l[.error]))</th></tr></thead>\n<tbody>\n")
        for dossier in invalid {
            page.add("<tr><td class=\"err\">\(esc(dossier.file))</td><td class=\"err\">\(esc(dossier.message(l.language)))</td></tr>\n")
        }
        page.add("</tbody>\n</table>\n")
    }

    static func section(_ page: inout HTMLPage, _ comparison: Comparison, index: Int) {
        let l = page.l
        let language = l.language
        let (from, to) = (comparison.from, comparison.to)
        page.add("<section aria-labelledby=\"c\(index)\">\n<h2 id=\"c\(index)\">\(esc(from.title.text(language))): \(esc(from.id)) \(esc(from.version)) → \(esc(to.id)) \(esc(to.version))</h2>\n")
        var cards = [(String(comparison.pairs.count), l[.dossiersCompared]),
                     ("\(comparison.certifiedFrom.count) → \(comparison.certifiedTo.count)", l[.certifiedShare]),
                     (String(comparison.changes.count), l[.changes])]
        if let before = comparison.totalFrom, let after = comparison.totalTo {
            cards.insert(("\(before.mean.pointsColumnText) → \(after.mean.pointsColumnText)", "\(l[.total]) · \(l[.mean])"), at: 2)
        }
        page.add("<div class=\"cards\">" + cards.map { "<div class=\"card\"><b>\(esc($0.0))</b><span>\(esc($0.1))</span></div>" }.joined() + "</div>\n")
        matrix(&page, comparison)
        meanChart(&page, comparison)
        changesTable(&page, comparison)
        page.add("<h3>\(esc(l[.onlyIn]))</h3>\n<ul>\n")
        for (key, indicators) in [(CohortLabel.onlyFrom, comparison.onlyInFrom), (.onlyTo, comparison.onlyInTo)] {
            let names = indicators.map { "\($0.id) \($0.label.text(language))" }
            page.add("<li>\(esc(l[key])): \(esc(names.isEmpty ? l[.invalidNone] : names.joined(separator: ", ")))</li>\n")
        }
        page.add("</ul>\n")
        invalidTable(&page, l[.unscored], comparison.invalid)
        page.add("</section>\n")
    }

    /// Rows: the outcome now; columns: under the revision; the unchanged
    /// diagonal in bold, each cell shaded by its count.
    static func matrix(_ page: inout HTMLPage, _ comparison: Comparison) {
        let l = page.l
        let transitions = comparison.transitions
        let peak = max(1, transitions.map(\.count).max() ?? 1)
        var html = "<h3>\(esc(l[.transitions]))</h3>\n<table style=\"width:auto\">\n<caption>\(esc(l[.transitionsNote]))</caption>\n<thead><tr><th>\(esc(l[.from])) \\ \(esc(l[.to]))</th>"
        for new in comparison.toOutcomes { html += "<th class=\"n\">\(esc(l.word(new)))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for old in comparison.fromOutcomes {
            html += "<tr><th>\(esc(l.word(old)))</th>"
            for new in comparison.toOutcomes {
                let count = transitions.first { $0.from == old && $0.to == new }?.count ?? 0
                // Shade: 0 to 60 % of the accent colour, exact integer steps.
                let alpha = count == 0 ? 0 : 8 + count * 52 / peak
                let style = count == 0 ? "" : " style=\"background: rgb(31 95 168 / \(alpha)%)\""
                html += "<td class=\"n\(old == new ? " hot" : "")\"\(style)>\(count)</td>"
            }
            html += "</tr>\n"
        }
        page.add(html + "</tbody>\n</table>\n")
    }

    /// Mean change per shared indicator: bars left (down) or right (up) of zero.
    static func meanChart(_ page: inout HTMLPage, _ comparison: Comparison) {
        let l = page.l
        let means = comparison.indicatorMeans
        guard !means.isEmpty else { return }
        let labelW = 300, half = 200, rowH = 22, top = 8
        let width = labelW + 2 * half + 80, height = top + means.count * rowH + 8
        let peak = max(Rational(1), means.map { $0.meanDelta.isNegative ? -$0.meanDelta : $0.meanDelta }.max() ?? .one)
        let zero = labelW + half
        var svg = "<figure>\n<svg viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(esc(l[.meanChange]))\">\n"
        svg += "<line class=\"axis\" x1=\"\(zero)\" x2=\"\(zero)\" y1=\"\(top)\" y2=\"\(height - 4)\"/>\n"
        for (row, mean) in means.enumerated() {
            let y = top + row * rowH
            let delta = mean.meanDelta
            let length = (delta.isNegative ? -delta : delta) / peak * Rational(half)
            let x = delta.isNegative ? Rational(zero) - length : Rational(zero)
            svg += "<text x=\"0\" y=\"\(y + 15)\">\(esc(CohortHTML.cellText("\(mean.indicator.id) \(mean.indicator.label.text(l.language))", 40)))</text>"
            if delta != .zero {
                svg += "<rect x=\"\(HTMLPage.x(x))\" y=\"\(y + 4)\" width=\"\(HTMLPage.x(length))\" height=\"\(rowH - 8)\" fill=\"\(delta.isNegative ? "#c4432b" : "#1a7f37")\"><title>\(esc(mean.indicator.id)): \(mean.meanFrom.pointsColumnText) → \(mean.meanTo.pointsColumnText)</title></rect>"
            }
            let labelX = delta.isNegative ? Rational(zero + 6) : Rational(zero) + length + Rational(6)
            svg += "<text x=\"\(HTMLPage.x(labelX))\" y=\"\(y + 15)\" class=\"small\">\(CompareText.signed(delta))</text>\n"
        }
        svg += "</svg>\n<figcaption>\(esc(l[.meanChange])) (\(esc(l[.from])) → \(esc(l[.to])))</figcaption>\n</figure>\n"
        page.add("<h3>\(esc(l[.meanChange]))</h3>\n")
        page.add(svg)
    }

    static func changesTable(_ page: inout HTMLPage, _ comparison: Comparison) {
        let l = page.l
        let changes = comparison.changes
        var html = "<h3>\(esc(l[.changes])) (\(changes.count))</h3>\n"
        guard !changes.isEmpty else { page.add(html + "<p>\(esc(l[.changesNone]))</p>\n"); return }
        html += "<table>\n<thead><tr><th>\(esc(l[.id]))</th><th>\(esc(l[.applicant]))</th><th class=\"n\">\(esc(l[.from]))</th><th class=\"n\">\(esc(l[.to]))</th><th>\(esc(l[.movedBy]))</th></tr></thead>\n<tbody>\n"
        for change in changes {
            let moved = change.indicators.prefix(3).map { "\($0.id) \(CompareText.signed($0.delta))" }.joined(separator: ", ")
            html += "<tr><td>\(esc(change.id))</td><td>\(esc(change.from.applicantName.text(l.language)))</td>"
            html += "<td class=\"n\">\(change.from.total.pointsColumnText) \(esc(CompareText.describe(change.from, comparison, l)))</td>"
            html += "<td class=\"n\">\(change.to.total.pointsColumnText) \(esc(CompareText.describe(change.to, comparison, l)))</td>"
            html += "<td>\(esc(moved.isEmpty ? "—" : moved))</td></tr>\n"
        }
        page.add(html + "</tbody>\n</table>\n")
    }
}
