import CertifyModel
import CertifyRender

/// Shorthand for `HTMLRenderer.escape` in the cohort and compare pages.
func esc(_ text: String) -> String { HTMLRenderer.escape(text) }

/// One self-contained HTML page: inline CSS and SVG, no script, nothing
/// fetched (a Content Security Policy says so too).
struct HTMLPage {
    var body = ""
    let l: CohortLabels

    init(_ language: Language) { l = CohortLabels(language) }

    mutating func add(_ html: String) { body += html }

    func document(title: String, generator: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(l.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="\(esc(generator))">
        <title>\(esc(title))</title>
        <style>
        \(HTMLPage.css)</style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    static let css = """
        :root { --ink: #1b1f24; --muted: #5b6470; --line: #d5dbe3; --bg: #f6f8fa; --accent: #1f5fa8; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: "Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", system-ui, sans-serif; color: var(--ink); background: #fff; line-height: 1.45; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
        h1 { font-size: 1.6rem; margin: 0 0 4px; }
        h2 { font-size: 1.2rem; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 1rem; margin: 20px 0 8px; }
        .sub { color: var(--muted); margin: 0 0 16px; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0 8px; }
        .card { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 150px; }
        .card b { display: block; font-size: 1.5rem; }
        .card span { color: var(--muted); font-size: .85rem; }
        table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: 6px 0 12px; }
        th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: var(--bg); font-weight: 600; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.hot { font-weight: 700; }
        .yes { color: #1a7f37; font-weight: 600; }
        .no { color: #b42318; }
        figure { margin: 12px 0 20px; }
        figcaption { color: var(--muted); font-size: .85rem; margin-top: 4px; }
        svg { max-width: 100%; height: auto; font-family: inherit; }
        svg text { font-size: 12px; fill: var(--ink); }
        svg .axis { stroke: #8a94a1; stroke-width: 1; }
        svg .grid { stroke: #e6eaef; stroke-width: 1; }
        svg .thr { stroke: #b42318; stroke-width: 1.5; stroke-dasharray: 5 3; }
        svg text.thr-label { fill: #b42318; font-weight: 600; }
        svg text.small { font-size: 10.5px; fill: var(--muted); }
        .legend { display: flex; flex-wrap: wrap; gap: 14px; font-size: .85rem; color: var(--muted); margin: 4px 0; }
        .legend i { display: inline-block; width: 11px; height: 11px; margin-right: 5px; vertical-align: -1px; border-radius: 2px; }
        .err { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .82rem; word-break: break-all; }
        footer { margin-top: 36px; color: var(--muted); font-size: .8rem; }
        @media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } figure, table { break-inside: avoid; } }

        """

    /// Colours for outcomes, best first (green to red), pass/fail too.
    static func colour(_ index: Int, of count: Int) -> String {
        let palette = ["#1a7f37", "#4d9a3a", "#9bb23b", "#e0a526", "#e07b26", "#c4432b", "#8e1b1b"]
        guard count > 1 else { return palette[0] }
        if count == 2 { return index == 0 ? "#1a7f37" : "#c4432b" }
        let position = index * (palette.count - 1) / (count - 1)
        return palette[min(position, palette.count - 1)]
    }

    static func legend(_ items: [(String, String)]) -> String {
        "<div class=\"legend\">" + items.map { "<span><i style=\"background:\($0.1)\"></i>\(esc($0.0))</span>" }.joined() + "</div>\n"
    }

    /// A number for SVG coordinates: exact, 2 decimals at most.
    static func x(_ value: Rational) -> String { value.pointsText }
}

/// `certify cohort --format html`.
public enum CohortHTML {
    public static func render(_ groups: [CohortGroup], date: CalendarDate, language: Language, generator: String) -> String {
        var page = HTMLPage(language)
        let l = page.l
        let titles = groups.compactMap(\.rubric).map { "\($0.title.text(language)) \($0.version)" }
        let title = "\(l[.cohort]) — \(titles.joined(separator: ", "))"
        page.add("<h1>\(esc(l[.cohort]))</h1>\n")
        page.add("<p class=\"sub\">\(esc(l[.date])) \(date) · \(esc(titles.joined(separator: " · ")))</p>\n")
        for (index, group) in groups.enumerated() { section(&page, group, index: index) }
        page.add("<footer>\(esc(l[.generated])) (\(esc(generator))) · \(esc(l[.date])) \(date)</footer>\n")
        return page.document(title: title, generator: generator)
    }

    static func section(_ page: inout HTMLPage, _ group: CohortGroup, index: Int) {
        let l = page.l
        let language = l.language
        let id = "g\(index)"
        if let rubric = group.rubric {
            page.add("<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(esc(rubric.title.text(language))) — \(esc(rubric.id)) \(esc(rubric.version))</h2>\n")
        } else {
            page.add("<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(esc(l[.unknownRubric]))</h2>\n")
        }
        var cards = [(String(group.count), l[.count]), ("\(group.certified.percent.pointsColumnText)%", "\(l[.certifiedShare]) (\(group.certified.count))")]
        if let total = group.total {
            cards.append((total.mean.pointsColumnText, "\(l[.total]) · \(l[.mean])"))
            cards.append((total.median.pointsColumnText, "\(l[.total]) · \(l[.median])"))
            cards.append(("\(total.q1.pointsColumnText) – \(total.q3.pointsColumnText)", "\(l[.q1]) – \(l[.q3])"))
        }
        if group.blocked.count > 0 { cards.append((String(group.blocked.count), l[.blockedCard])) }
        cards.append((String(group.invalid.count), l[.invalid]))
        page.add("<div class=\"cards\">" + cards.map { "<div class=\"card\"><b>\(esc($0.0))</b><span>\(esc($0.1))</span></div>" }.joined() + "</div>\n")
        if group.rubric != nil && group.count > 0 {
            histogram(&page, group)
            kindsChart(&page, group)
            kindsTable(&page, group)
            areasTable(&page, group)
            indicatorChart(&page, group)
            indicatorTable(&page, group)
            dossierTable(&page, group)
        }
        page.add("<h3>\(esc(l[.invalid])) (\(group.invalid.count))</h3>\n")
        if group.invalid.isEmpty {
            page.add("<p>\(esc(l[.invalidNone]))</p>\n")
        } else {
            page.add("<table>\n<thead><tr><th>\(esc(l[.file]))</th><th>\(esc(l[.error]))</th></tr></thead>\n<tbody>\n")
            for invalid in group.invalid {
                page.add("<tr><td class=\"err\">\(esc(invalid.file))</td><td class=\"err\">\(esc(invalid.message(page.l.language)))</td></tr>\n")
            }
            page.add("</tbody>\n</table>\n")
        }
        page.add("</section>\n")
    }

    /// Totals in 20 bins, a dashed line at each grade threshold.
    static func histogram(_ page: inout HTMLPage, _ group: CohortGroup) {
        let l = page.l
        guard let rubric = group.rubric else { return }
        let bins = group.totalHistogram
        let (width, height, left, right, top, bottom) = (1000, 300, 44, 16, 24, 40)
        let plotW = width - left - right, plotH = height - top - bottom
        let peak = max(1, bins.map(\.count).max() ?? 1)
        let step = peak <= 10 ? 1 : peak <= 25 ? 5 : peak <= 50 ? 10 : (peak + 4) / 5
        let ceiling = ((peak + step - 1) / step) * step
        let caption = group.gradeIDs.isEmpty ? l[.histogramPass] : l[.histogram]
        var svg = "<figure>\n<svg viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(esc(caption))\">\n"
        func xAt(_ value: Rational) -> String { HTMLPage.x(Rational(left) + value / rubric.maxTotal * Rational(plotW)) }
        func yAt(_ count: Int) -> String { HTMLPage.x(Rational(top + plotH) - Rational(count * plotH) / Rational(ceiling)) }
        for tick in stride(from: 0, through: ceiling, by: step) {
            svg += "<line class=\"grid\" x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(yAt(tick))\" y2=\"\(yAt(tick))\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(yAt(tick))\" text-anchor=\"end\" dominant-baseline=\"middle\" class=\"small\">\(tick)</text>\n"
        }
        // Bars coloured by the grade of the bin's lower edge.
        let thresholds = group.thresholds
        for bin in bins where bin.count > 0 {
            let outcomeIndex: Int
            if group.gradeIDs.isEmpty {
                outcomeIndex = bin.lo >= (thresholds.first?.min ?? .zero) ? 0 : 1
            } else if case .grades(let grades, _) = rubric.decision {
                outcomeIndex = grades.firstIndex { bin.lo >= $0.min } ?? grades.count - 1
            } else { outcomeIndex = 0 }
            let colour = HTMLPage.colour(outcomeIndex, of: group.outcomes.count)
            let x0 = Rational(left) + bin.lo / rubric.maxTotal * Rational(plotW) + Rational(1)
            let barW = (bin.hi - bin.lo) / rubric.maxTotal * Rational(plotW) - Rational(2)
            svg += "<rect x=\"\(HTMLPage.x(x0))\" y=\"\(yAt(bin.count))\" width=\"\(HTMLPage.x(barW))\" height=\"\(HTMLPage.x(Rational(bin.count * plotH) / Rational(ceiling)))\" fill=\"\(colour)\"><title>\(bin.lo.pointsText)–\(bin.hi.pointsText): \(bin.count)</title></rect>\n"
        }
        svg += "<line class=\"axis\" x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(top + plotH)\" y2=\"\(top + plotH)\"/>\n"
        for index in 0...10 {
            let value = rubric.maxTotal * Rational(index) / Rational(10)
            svg += "<text x=\"\(xAt(value))\" y=\"\(top + plotH + 16)\" text-anchor=\"middle\" class=\"small\">\(value.pointsText)</text>"
        }
        svg += "\n<text x=\"\(left + plotW / 2)\" y=\"\(height - 6)\" text-anchor=\"middle\">\(esc(l[.total]))</text>\n"
        for threshold in thresholds {
            svg += "<line class=\"thr\" x1=\"\(xAt(threshold.min))\" x2=\"\(xAt(threshold.min))\" y1=\"\(top - 6)\" y2=\"\(top + plotH)\"/>"
            svg += "<text class=\"thr-label\" x=\"\(xAt(threshold.min))\" y=\"\(top - 10)\" text-anchor=\"middle\">\(esc(l.word(threshold.label))) ≥ \(threshold.min.pointsText)</text>\n"
        }
        svg += "</svg>\n<figcaption>\(esc(caption))</figcaption>\n</figure>\n"
        page.add("<h3>\(esc(l[.totals]))</h3>\n")
        page.add(HTMLPage.legend(group.outcomes.enumerated().map { (l.word($0.element), HTMLPage.colour($0.offset, of: group.outcomes.count)) }))
        page.add(svg)
    }

    /// For each applicant kind, one bar per grade (or pass and fail).
    static func kindsChart(_ page: inout HTMLPage, _ group: CohortGroup) {
        let l = page.l
        let kinds = group.kinds
        let outcomes = group.outcomes
        func counts(_ dossiers: [DossierOutcome]) -> [Int] {
            group.gradeIDs.isEmpty ? [dossiers.count { $0.certified }, dossiers.count { !$0.certified }]
                : group.grades(of: dossiers).map(\.count)
        }
        let all = kinds.map { counts($0.dossiers) }
        let peak = max(1, all.flatMap { $0 }.max() ?? 1)
        let barW = 26, gap = 6, groupGap = 36, left = 40, top = 16, plotH = 180, bottom = 44
        let groupW = outcomes.count * (barW + gap) - gap
        let width = max(320, left + kinds.count * (groupW + groupGap) + 10)
        let height = top + plotH + bottom
        let caption = group.gradeIDs.isEmpty ? l[.outcomesByKind] : l[.gradesByKind]
        var svg = "<figure>\n<svg viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(esc(caption))\">\n"
        svg += "<line class=\"axis\" x1=\"\(left)\" x2=\"\(width - 6)\" y1=\"\(top + plotH)\" y2=\"\(top + plotH)\"/>\n"
        for (k, kind) in kinds.enumerated() {
            let x0 = left + 10 + k * (groupW + groupGap)
            for (o, count) in all[k].enumerated() {
                let h = HTMLPage.x(Rational(count * plotH) / Rational(peak))
                let y = HTMLPage.x(Rational(top + plotH) - Rational(count * plotH) / Rational(peak))
                let x = x0 + o * (barW + gap)
                svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(barW)\" height=\"\(h)\" fill=\"\(HTMLPage.colour(o, of: outcomes.count))\"><title>\(esc(l.word(kind.kind))) · \(esc(l.word(outcomes[o]))): \(count)</title></rect>"
                svg += "<text x=\"\(x + barW / 2)\" y=\"\(Rational(top + plotH) - Rational(count * plotH) / Rational(peak) - Rational(4) < Rational(10) ? "10" : HTMLPage.x(Rational(top + plotH) - Rational(count * plotH) / Rational(peak) - Rational(4)))\" text-anchor=\"middle\" class=\"small\">\(count)</text>"
                svg += "<text x=\"\(x + barW / 2)\" y=\"\(top + plotH + 14)\" text-anchor=\"middle\" class=\"small\">\(esc(l.word(outcomes[o])))</text>\n"
            }
            svg += "<text x=\"\(x0 + groupW / 2)\" y=\"\(top + plotH + 34)\" text-anchor=\"middle\">\(esc(l.word(kind.kind))) (\(kind.dossiers.count))</text>\n"
        }
        svg += "</svg>\n<figcaption>\(esc(caption))</figcaption>\n</figure>\n"
        page.add("<h3>\(esc(caption))</h3>\n")
        page.add(svg)
    }

    static func kindsTable(_ page: inout HTMLPage, _ group: CohortGroup) {
        let l = page.l
        var html = "<table>\n<thead><tr><th>\(esc(l[.kind]))</th><th class=\"n\">\(esc(l[.dossiers]))</th><th class=\"n\">\(esc(l[.certifiedShare]))</th>"
        for grade in group.gradeIDs { html += "<th class=\"n\">\(esc(grade))</th>" }
        html += "<th class=\"n\">\(esc(l[.mean]))</th><th class=\"n\">\(esc(l[.median]))</th><th class=\"n\">\(esc(l[.q1]))</th><th class=\"n\">\(esc(l[.q3]))</th></tr></thead>\n<tbody>\n"
        for kind in group.kinds {
            html += "<tr><td>\(esc(l.word(kind.kind)))</td><td class=\"n\">\(kind.dossiers.count)</td><td class=\"n\">\(kind.certified.count) (\(percent(kind.certified)))</td>"
            for (_, count) in group.grades(of: kind.dossiers) { html += "<td class=\"n\">\(count)</td>" }
            for value in [kind.total?.mean, kind.total?.median, kind.total?.q1, kind.total?.q3] {
                html += "<td class=\"n\">\(value.map(\.pointsColumnText) ?? "—")</td>"
            }
            html += "</tr>\n"
        }
        page.add(html + "</tbody>\n</table>\n")
    }

    static func areasTable(_ page: inout HTMLPage, _ group: CohortGroup) {
        let l = page.l
        var html = "<h3>\(esc(l[.areas]))</h3>\n<table>\n<thead><tr><th>\(esc(l[.area]))</th><th class=\"n\">\(esc(l[.maxPoints]))</th><th class=\"n\">\(esc(l[.mean]))</th><th class=\"n\">\(esc(l[.median]))</th><th class=\"n\">\(esc(l[.atMax]))</th><th class=\"n\">\(esc(l[.atZero]))</th></tr></thead>\n<tbody>\n"
        for area in group.areas {
            html += "<tr><td>\(esc(area.area.id)) \(esc(area.area.label.text(l.language)))</td><td class=\"n\">\(area.area.max.pointsColumnText)</td><td class=\"n\">\(area.distribution.map { $0.mean.pointsColumnText } ?? "—")</td><td class=\"n\">\(area.distribution.map { $0.median.pointsColumnText } ?? "—")</td><td class=\"n\">\(percent(area.atMax))</td><td class=\"n\">\(percent(area.atZero))</td></tr>\n"
        }
        page.add(html + "</tbody>\n</table>\n")
    }

    static let segmentColours = ["#c4432b", "#8a94a1", "#d9dee5", "#7fa7d6", "#1f5fa8"]

    /// One 100% bar per indicator: missing, not selected, zero, partial, at max.
    static func indicatorChart(_ page: inout HTMLPage, _ group: CohortGroup) {
        let l = page.l
        let stats = group.indicators
        let labelW = 300, barW = 420, rowH = 22, top = 8
        let width = labelW + barW + 150, height = top + stats.count * rowH + 8
        var svg = "<figure>\n<svg viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(esc(l[.indicatorDist]))\">\n"
        for (row, stat) in stats.enumerated() {
            let y = top + row * rowH
            let n = max(1, stat.atZero.of)
            let zeroScored = stat.atZero.count - stat.missing.count - stat.notSelected.count
            let partial = stat.atZero.of - stat.atZero.count - stat.atMax.count
            let segments = [stat.missing.count, stat.notSelected.count, max(0, zeroScored), max(0, partial), stat.atMax.count]
            let names = [l[.missing], l[.notSelected], l[.atZero], l[.partial], l[.atMax]]
            svg += "<text x=\"0\" y=\"\(y + 15)\">\(esc(cellText("\(stat.indicator.id) \(stat.indicator.label.text(l.language))", 40)))</text>"
            var x = Rational(labelW)
            for (index, count) in segments.enumerated() where count > 0 {
                let w = Rational(count * barW) / Rational(n)
                svg += "<rect x=\"\(HTMLPage.x(x))\" y=\"\(y + 3)\" width=\"\(HTMLPage.x(w))\" height=\"\(rowH - 6)\" fill=\"\(segmentColours[index])\"><title>\(esc(stat.indicator.id)) · \(esc(names[index])): \(count) (\(percent(Share(count, of: n))))</title></rect>"
                x += w
            }
            let mean = stat.distribution.map { $0.mean.pointsColumnText } ?? "—"
            svg += "<text x=\"\(labelW + barW + 8)\" y=\"\(y + 15)\" class=\"small\">\(esc(l[.mean])) \(mean) / \(stat.indicator.max.pointsColumnText)</text>\n"
        }
        svg += "</svg>\n<figcaption>\(esc(l[.indicatorDistNote]))</figcaption>\n</figure>\n"
        page.add("<h3>\(esc(l[.indicatorDist]))</h3>\n")
        page.add(HTMLPage.legend(zip([l[.missing], l[.notSelected], l[.atZero], l[.partial], l[.atMax]], segmentColours).map { ($0, $1) }))
        page.add(svg)
    }

    static func cellText(_ text: String, _ width: Int) -> String {
        cell(text, width).trimmingTrailingSpaces()
    }

    static func indicatorTable(_ page: inout HTMLPage, _ group: CohortGroup) {
        let l = page.l
        var html = "<h3>\(esc(l[.indicators]))</h3>\n<table>\n<thead><tr><th>\(esc(l[.indicator]))</th><th class=\"n\">\(esc(l[.maxPoints]))</th><th class=\"n\">\(esc(l[.mean]))</th><th class=\"n\">\(esc(l[.median]))</th><th class=\"n\">\(esc(l[.atMax]))</th><th class=\"n\">\(esc(l[.atZero]))</th><th class=\"n\">\(esc(l[.missing]))</th></tr></thead>\n<tbody>\n"
        for stat in group.indicators {
            html += "<tr><td>\(esc(stat.indicator.id)) \(esc(stat.indicator.label.text(l.language)))</td><td class=\"n\">\(stat.indicator.max.pointsColumnText)</td><td class=\"n\">\(stat.distribution.map { $0.mean.pointsColumnText } ?? "—")</td><td class=\"n\">\(stat.distribution.map { $0.median.pointsColumnText } ?? "—")</td><td class=\"n\">\(percent(stat.atMax))</td><td class=\"n\">\(percent(stat.atZero))</td><td class=\"n\">\(percent(stat.missing))</td></tr>\n"
        }
        page.add(html + "</tbody>\n</table>\n")
    }

    static func dossierTable(_ page: inout HTMLPage, _ group: CohortGroup) {
        let l = page.l
        var html = "<h3>\(esc(l[.dossiers])) (\(group.count))</h3>\n<table>\n<thead><tr><th>\(esc(l[.id]))</th><th>\(esc(l[.applicant]))</th><th>\(esc(l[.kind]))</th><th class=\"n\">\(esc(l[.total]))</th><th>\(esc(l[.grade]))</th><th>\(esc(l[.certified]))</th></tr></thead>\n<tbody>\n"
        for dossier in group.dossiers {
            let certified = dossier.certified ? "<span class=\"yes\">\(esc(l[.yes]))</span>" : "<span class=\"no\">\(esc(l[.no]))</span>"
            html += "<tr><td>\(esc(dossier.id))</td><td>\(esc(dossier.applicantName.text(l.language)))</td><td>\(esc(l.word(dossier.kind)))</td><td class=\"n\">\(dossier.total.pointsColumnText)</td><td>\(esc(dossier.grade ?? "—"))</td><td>\(certified)</td></tr>\n"
        }
        page.add(html + "</tbody>\n</table>\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
