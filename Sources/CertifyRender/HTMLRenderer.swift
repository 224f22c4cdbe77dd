import CertifyEngine
import CertifyModel


/// The human rendering of a report (`report --html`): one self-contained
/// HTML5 page — inline CSS and one inline SVG, nothing fetched — that puts
/// the decision first, then a chart of the areas, the indicator table with
/// inputs, rules, evidence, panel scores and KPIs, the findings, and the
/// signer with the commands that verify the signed XML. It prints on A4.
///
/// Every value inserted comes from untrusted input (dossier ids, names,
/// labels, file names) and is escaped; the page also carries a Content
/// Security Policy that forbids scripts and any fetch, as a second line.
public enum HTMLRenderer {
    public static func render(
        _ result: ScoreResult, context: ReportContext, language: Language, reportFileName: String
    ) -> String {
        var page = Page(result: result, context: context, l: Labels(language), reportFileName: reportFileName)
        page.build()
        return page.html
    }
}


// MARK: - Page

private struct Page {
    let result: ScoreResult
    let context: ReportContext
    let l: Labels
    let reportFileName: String
    var html = ""

    init(result: ScoreResult, context: ReportContext, l: Labels, reportFileName: String) {
        self.result = result
        self.context = context
        self.l = l
        self.reportFileName = reportFileName
        html.reserveCapacity(64 << 10)
    }

    var language: Language { l.language }

    // MARK: Output helpers

    mutating func raw(_ text: String) { html += text }

    /// Appends escaped text.
    mutating func text(_ text: String) { html += HTMLRenderer.escape(text) }

    /// `<tag attributes>escaped text</tag>`
    mutating func element(_ tag: String, _ attributes: [(String, String?)] = [], _ content: String) {
        open(tag, attributes)
        text(content)
        raw("</\(tag)>")
    }

    mutating func open(_ tag: String, _ attributes: [(String, String?)] = []) {
        raw("<" + tag)
        for case let (name, value?) in attributes {
            raw(" \(name)=\"\(HTMLRenderer.escape(value))\"")
        }
        raw(">")
    }

    // MARK: Numbers

    /// Points: always two decimals (`25.40`).
    static func points(_ value: Rational) -> String { value.pointsColumnText }

    /// Maxima and thresholds: the exact short decimal (`30`, `7.5`).
    static func compact(_ value: Rational) -> String { value.pointsText }

    // MARK: Document

    mutating func build() {
        let rubric = result.rubric
        raw("<!DOCTYPE html>\n")
        raw("<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n")
        // No script, no fetch of any kind: only the inline style is allowed.
        raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'\">\n")
        raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        raw("<meta name=\"generator\" content=\"certify \(HTMLRenderer.escape(context.engineVersion))\">\n")
        element("title", [], "\(rubric.title.text(language)) — \(result.dossier.id) — \(verdictText)")
        raw("\n<style>\n\(Page.css)</style>\n</head>\n<body>\n<main>\n")
        header()
        decision()
        facts()
        chart()
        indicatorTable()
        findings()
        evidenceRegister()
        signature()
        raw("</main>\n</body>\n</html>\n")
    }

    var isPassFail: Bool {
        if case .pass = result.rubric.decision { return true }
        return false
    }

    /// The big word: the grade, or PASS/FAIL for a pass-fail rubric.
    var verdictText: String {
        if isPassFail { return result.certified ? l[.passVerdict] : l[.failVerdict] }
        return result.grade ?? l[.noGrade]
    }

    var thresholdText: String { l.threshold(of: result, number: Page.compact) }

    mutating func header() {
        let rubric = result.rubric
        raw("<header class=\"top\">\n")
        element("p", [("class", "kicker")], l[.report])
        element("h1", [], rubric.title.text(language))
        open("p", [("class", "sub")])
        text("\(l[.rubric]) ")
        element("span", [("class", "mono")], "\(rubric.id) \(rubric.version)")
        text(" · \(l[.dossier]) ")
        element("span", [("class", "mono strong")], result.dossier.id)
        raw("</p>\n</header>\n")
    }

    mutating func decision() {
        let certified = result.certified
        let state = certified ? "yes" : "no"
        raw("<section class=\"decision \(state)\" aria-label=\"\(HTMLRenderer.escape(l[.decision]))\">\n")
        raw("<div class=\"verdict\">")
        element("div", [("class", "caption")], isPassFail ? l[.result] : l[.grade])
        element("div", [("class", isPassFail ? "big word" : "big")], verdictText)
        raw("</div>\n<div class=\"summary\">\n")
        element("div", [("class", "badge \(state)")], (certified ? "✓ " : "✗ ") + (certified ? l[.certifiedYes] : l[.certifiedNo]))
        raw("<div class=\"total\">")
        element("span", [("class", "total-label")], l[.total])
        element("span", [("class", "num")], Page.points(result.total))
        element("span", [("class", "of")], " / \(Page.compact(result.max))")
        element("span", [("class", "threshold")], " — \(thresholdText)")
        raw("</div>\n")
        if case .grades(let grades, _) = result.rubric.decision {
            let scale = grades.map { "\($0.id) ≥ \(Page.compact($0.min))" }.joined(separator: " · ")
            element("div", [("class", "scale")], "\(l[.grades]): \(scale)")
        }
        raw("<dl class=\"facts decision-facts\">\n")
        element("dt", [], l[.validity])
        if let from = result.validFrom, let until = result.validUntil {
            element("dd", [("class", "strong")], "\(from) – \(until)")
        } else {
            element("dd", [("class", "muted")], l[.noValidity])
        }
        element("dt", [], l[.decisionDate])
        element("dd", [], "\(result.decisionDate) · \(result.official ? l[.official] : l[.selfCheck])")
        raw("</dl>\n")
        if !certified {
            var reasons = result.findings.filter { $0.severity == .error }.map { finding in
                let message = finding.message.text(language)
                guard let id = finding.indicator, !message.contains(id) else { return message }
                return "\(id): \(message)"
            }
            if result.total < result.threshold {
                reasons.append(l.format(.belowThreshold, Page.points(result.total), thresholdText))
            }
            if !reasons.isEmpty {
                raw("<div class=\"reasons\">")
                element("span", [("class", "strong")], l[.reasons])
                raw("<ul>")
                for reason in reasons { element("li", [], reason) }
                raw("</ul></div>\n")
            }
        }
        raw("</div>\n</section>\n")
    }

    mutating func facts() {
        let rubric = result.rubric
        let dossier = result.dossier
        raw("<dl class=\"facts meta\">\n")
        element("dt", [], l[.rubric])
        raw("<dd>")
        text(rubric.title.text(language) + " — ")
        element("span", [("class", "mono")], "\(rubric.id) \(rubric.version)")
        if !rubric.sha256.isEmpty {
            raw("<br>")
            hash(rubric.sha256)
        }
        raw("</dd>\n")
        element("dt", [], l[.dossier])
        raw("<dd>")
        element("span", [("class", "mono strong")], dossier.id)
        if let submitted = dossier.submitted {
            text(" · \(l[.submitted]) \(submitted)")
        }
        if !dossier.sha256.isEmpty {
            raw("<br>")
            hash(dossier.sha256)
        }
        raw("</dd>\n")
        element("dt", [], l[.applicants])
        raw("<dd><ul class=\"plain\">")
        for applicant in dossier.applicants {
            raw("<li>")
            let names = Language.allCases.compactMap { applicant.name[$0] }
            element("span", [("class", "strong")], names.isEmpty ? l[.unknown] : names.joined(separator: " / "))
            raw(" <span class=\"muted\">(")
            element("span", [("class", "mono")], applicant.id)
            text(", \(applicant.kind)")
            if let role = applicant.role { text(", \(role)") }
            raw(")</span></li>")
        }
        raw("</ul></dd>\n")
        if !result.reviews.isEmpty {
            element("dt", [], l[.reviews])
            raw("<dd><ul class=\"plain\">")
            for review in result.reviews {
                raw("<li>")
                element("span", [("class", "mono strong")], review.reviewer)
                text(" ")
                hash(review.sha256)
                raw("</li>")
            }
            raw("</ul></dd>\n")
        }
        raw("</dl>\n")
    }

    /// A full SHA-256 in a small monospace span that may wrap.
    mutating func hash(_ value: String) {
        element("span", [("class", "hash")], "SHA-256 \(value)")
    }

    // MARK: Chart

    mutating func chart() {
        let areas = result.areas
        guard !areas.isEmpty else { return }
        element("h2", [], l[.chart])
        let width = 680
        let rowHeight = 40
        let trackWidth = 560.0
        let height = areas.count * rowHeight + 4
        let largest = areas.map(\.max).max() ?? .one
        raw("<figure class=\"chart\">\n")
        raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\" aria-labelledby=\"chart-title\">\n")
        element("title", [("id", "chart-title")], l[.chartDesc])
        raw("\n")
        for (index, area) in areas.enumerated() {
            let y = index * rowHeight
            let track = largest > .zero ? trackWidth * fraction(area.max, largest) : 0
            let fill = area.max > .zero ? track * Swift.min(1, Swift.max(0, fraction(area.points, area.max))) : 0
            let value = "\(Page.points(area.points)) / \(Page.compact(area.max))"
            let label = area.label.text(language)
            raw("<g class=\"area-bar\">")
            element("title", [], "\(area.id) \(label): \(value)")
            raw("<text class=\"bar-label\" x=\"0\" y=\"\(y + 13)\">")
            element("tspan", [("class", "bar-id")], area.id)
            text(" " + Page.truncate(label, 64))
            raw("</text>")
            raw("<rect class=\"bar-track\" x=\"0.5\" y=\"\(y + 19)\" width=\"\(svg(track))\" height=\"14\" rx=\"2\"/>")
            raw("<rect class=\"bar-fill\" x=\"0.5\" y=\"\(y + 19)\" width=\"\(svg(fill))\" height=\"14\" rx=\"2\"/>")
            element("text", [("class", "bar-value"), ("x", svg(track + 8)), ("y", String(y + 31))], value)
            raw("</g>\n")
        }
        raw("</svg>\n</figure>\n")
    }

    func fraction(_ a: Rational, _ b: Rational) -> Double {
        let q = (a / b).rounded(places: 4).formatted()
        return Double(q) ?? 0
    }

    func svg(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }

    static func truncate(_ text: String, _ count: Int) -> String {
        text.count <= count ? text : String(text.prefix(count - 1)) + "…"
    }

    // MARK: Indicator table

    mutating func indicatorTable() {
        element("h2", [], l[.indicators])
        raw("<table class=\"indicators\">\n<colgroup><col class=\"c-id\"><col class=\"c-label\"><col class=\"c-input\"><col class=\"c-status\"><col class=\"c-points\"></colgroup>\n")
        raw("<thead><tr>")
        element("th", [("scope", "col")], l[.id])
        element("th", [("scope", "col")], l[.indicator])
        element("th", [("scope", "col")], l[.inputAsGiven])
        element("th", [("scope", "col")], l[.status])
        element("th", [("scope", "col"), ("class", "num")], l[.pointsMax])
        raw("</tr></thead>\n")
        for area in result.areas {
            raw("<tbody class=\"area\"><tr>")
            open("th", [("colspan", "4"), ("scope", "rowgroup")])
            element("span", [("class", "mono")], area.id)
            text(" " + area.label.text(language))
            raw("</th>")
            element("td", [("class", "num strong")], "\(Page.points(area.points)) / \(Page.compact(area.max))")
            raw("</tr></tbody>\n")
            for indicator in area.indicators { self.indicator(indicator) }
        }
        raw("<tbody class=\"grand\"><tr>")
        element("th", [("colspan", "4"), ("scope", "row")], "\(l[.total]) — \(thresholdText)")
        element("td", [("class", "num strong")], "\(Page.points(result.total)) / \(Page.compact(result.max))")
        raw("</tr></tbody>\n</table>\n")
    }

    mutating func indicator(_ indicator: IndicatorResult) {
        let status = indicator.status.rawValue
        raw("<tbody class=\"ind status-\(status)\" id=\"ind-\(HTMLRenderer.escape(indicator.id))\">\n<tr class=\"main\">")
        element("td", [("class", "mono id")], indicator.id)
        raw("<td>")
        text(indicator.label.text(language))
        if indicator.mandatory { raw(" "); element("span", [("class", "tag")], l[.mandatory]) }
        if indicator.electiveGroup != nil { raw(" "); element("span", [("class", "tag")], l[.elective]) }
        raw("</td>")
        if let input = indicator.input {
            element("td", [("class", "input")], input.text(language))
        } else {
            element("td", [("class", "input muted")], l[.unknown])
        }
        element("td", [("class", "status")], l[Label(indicator.status)])
        element("td", [("class", "num strong")], "\(Page.points(indicator.points)) / \(Page.compact(indicator.max))")
        raw("</tr>\n<tr class=\"detail\"><td></td><td colspan=\"4\">")
        raw("<div class=\"rule\">")
        element("span", [("class", "k")], l[.rule])
        element("code", [], indicator.rule.text(language))
        raw("</div>")
        if !indicator.evidence.isEmpty {
            raw("<div class=\"evidence\">")
            element("span", [("class", "k")], l[.evidenceK])
            for evidence in indicator.evidence {
                raw("<span class=\"ev\">")
                element("span", [("class", "strong")], evidence.id)
                raw(" ")
                element("code", [("class", "sha"), ("title", "SHA-256 \(evidence.sha256)")], Page.shortHash(evidence.sha256))
                raw("</span> ")
            }
            raw("</div>")
        }
        if let panel = indicator.panel { self.panel(panel) }
        if !indicator.kpis.isEmpty { kpis(indicator.kpis) }
        raw("</td></tr>\n</tbody>\n")
    }

    static func shortHash(_ value: String) -> String {
        value.count > 16 ? "\(value.prefix(8))…\(value.suffix(8))" : value
    }

    mutating func panel(_ panel: PanelTrace) {
        // Mark one occurrence of each dropped score (ties are interchangeable).
        var toDrop = panel.dropped
        var dropped = Set<Int>()
        for (index, score) in panel.scores.enumerated() {
            if let position = toDrop.firstIndex(of: score.score) {
                dropped.insert(index)
                toDrop.remove(at: position)
            }
        }
        raw("<table class=\"mini panel\"><thead><tr>")
        element("th", [("scope", "col")], l[.reviewer])
        for score in panel.scores {
            element("th", [("scope", "col"), ("class", "num mono")], score.reviewer ?? l[.selfScore])
        }
        element("th", [("scope", "col"), ("class", "num")], l[.mean])
        raw("</tr></thead><tbody><tr>")
        element("th", [("scope", "row")], l[.score])
        for (index, score) in panel.scores.enumerated() {
            if dropped.contains(index) {
                raw("<td class=\"num dropped\"><s>\(score.score)</s></td>")
            } else {
                raw("<td class=\"num\">\(score.score)</td>")
            }
        }
        element("td", [("class", "num strong")], panel.mean.formatted(places: 3))
        raw("</tr></tbody></table>")
        if !dropped.isEmpty { element("div", [("class", "note")], l[.droppedNote]) }
        if panel.selfAssessed { element("div", [("class", "note")], l[.selfAssessed]) }
    }

    mutating func kpis(_ kpis: [KPITrace]) {
        raw("<table class=\"mini kpis\"><thead><tr>")
        for key in [Label.kpi, .direction, .target, .achieved, .attainment, .kpiDecision] {
            element("th", [("scope", "col"), ("class", [Label.target, .achieved, .attainment].contains(key) ? "num" : nil)], l[key])
        }
        raw("</tr></thead><tbody>")
        for kpi in kpis {
            let unit = kpi.unit.map { " \($0)" } ?? ""
            raw("<tr class=\"\(kpi.accepted ? "accepted" : "rejected")\">")
            raw("<td>")
            element("span", [("class", "mono strong")], kpi.id)
            if !kpi.label.isEmpty { text(" " + kpi.label) }
            raw("</td>")
            element("td", [], l[Label(kpi.direction)])
            element("td", [("class", "num")], kpi.target.formatted(places: 12) + unit)
            element("td", [("class", "num")], kpi.achieved.formatted(places: 12) + unit)
            element("td", [("class", "num")], Page.percent(kpi.attainment))
            if kpi.accepted {
                element("td", [("class", "ok")], "✓ " + l[.accepted])
            } else {
                raw("<td class=\"bad\">")
                text("✗ " + l[.rejected])
                if !kpi.rejectedBy.isEmpty {
                    raw("<br>")
                    element("span", [("class", "small")], "\(l[.rejectedBy]): \(kpi.rejectedBy.joined(separator: ", "))")
                }
                raw("</td>")
            }
            raw("</tr>")
        }
        raw("</tbody></table>")
    }

    /// Attainment as a percentage, exact when short (`75%`, `83.33…%`).
    static func percent(_ value: Rational) -> String {
        (value * Rational(100)).formatted(places: 2) + "%"
    }

    // MARK: Findings

    mutating func findings() {
        element("h2", [], l[.findings])
        guard !result.findings.isEmpty else {
            element("p", [("class", "muted")], l[.noFindings])
            return
        }
        raw("<table class=\"findings\">\n<colgroup><col class=\"c-sev\"><col class=\"c-fid\"><col></colgroup>\n<thead><tr>")
        element("th", [("scope", "col")], l[.severity])
        element("th", [("scope", "col")], l[.indicator])
        element("th", [("scope", "col")], l[.message])
        raw("</tr></thead>\n<tbody>\n")
        for finding in result.findings {
            let severity = finding.severity.rawValue
            raw("<tr class=\"finding\">")
            raw("<td>")
            let mark = switch finding.severity { case .error: "✗"; case .warning: "!"; case .info: "i" }
            element("span", [("class", "sev sev-\(severity)")], "\(mark) \(l[Label(finding.severity)])")
            raw("</td>")
            element("td", [("class", "mono")], finding.indicator ?? "—")
            element("td", [], finding.message.text(language))
            raw("</tr>\n")
        }
        raw("</tbody>\n</table>\n")
    }

    // MARK: Evidence

    mutating func evidenceRegister() {
        let evidence = result.dossier.evidence
        guard !evidence.isEmpty else { return }
        var users: [String: [String]] = [:]
        for indicator in result.areas.flatMap(\.indicators) {
            for item in indicator.evidence { users[item.id, default: []].append(indicator.id) }
        }
        element("h2", [], l[.evidenceRegister])
        raw("<table class=\"evidence-register\">\n<colgroup><col class=\"c-eid\"><col class=\"c-etitle\"><col class=\"c-used\"><col class=\"c-sha\"></colgroup>\n<thead><tr>")
        element("th", [("scope", "col")], l[.id])
        element("th", [("scope", "col")], "\(l[.evidenceTitle]) / \(l[.file])")
        element("th", [("scope", "col")], l[.usedBy])
        element("th", [("scope", "col")], l[.sha256])
        raw("</tr></thead>\n<tbody>\n")
        for item in evidence {
            raw("<tr>")
            element("td", [("class", "mono strong")], item.id)
            raw("<td>")
            text(item.title)
            if let href = item.href {
                raw("<br>")
                element("span", [("class", "mono small muted")], href)
            }
            raw("</td>")
            raw("<td class=\"mono\">")
            if let ids = users[item.id] {
                for (index, id) in ids.enumerated() {
                    if index > 0 { raw(", ") }
                    element("span", [("class", "nw")], id)
                }
            } else {
                raw("—")
            }
            raw("</td>")
            element("td", [("class", "mono sha-full")], item.sha256)
            raw("</tr>\n")
        }
        raw("</tbody>\n</table>\n")
    }

    // MARK: Signature

    mutating func signature() {
        let signer = context.signer
        raw("<section class=\"signature\">\n")
        element("h2", [], l[.signature])
        raw("<dl class=\"facts\">\n")
        element("dt", [], l[.keyId])
        element("dd", [("class", "mono keyid")], signer.keyID)
        if let name = signer.name, !name.isEmpty {
            element("dt", [], l[.signerName])
            element("dd", [], name)
        }
        element("dt", [], l[.generatedAt])
        element("dd", [("class", "mono")], context.generatedAt.isEmpty ? l[.unknown] : context.generatedAt)
        element("dt", [], l[.engine])
        element("dd", [("class", "mono")], "certify \(context.engineVersion)")
        raw("</dl>\n")
        element("h3", [], l[.verifyHow])
        let file = Page.shellWord(reportFileName)
        let commands = [
            "certify verify \(file) --pubkey KEY.pub.pem",
            "xmlsec1 --verify --pubkey-pem KEY.pub.pem \(file)",
            "openssl pkey -pubin -in KEY.pub.pem -outform DER | sha256sum",
        ]
        element("pre", [("class", "cmd")], commands.joined(separator: "\n"))
        element("p", [("class", "note")], l[.verifyNote])
        element("p", [("class", "note authoritative")], l.format(.authoritative, reportFileName))
        raw("</section>\n")
    }

    /// The file name as one shell word, quoted only when it needs to be.
    static func shellWord(_ name: String) -> String {
        guard !name.isEmpty else { return "''" }
        let safe = name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._/+-,=:@".unicodeScalars.contains(scalar))
        }
        let word = safe ? name : "'" + name.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
        return name.hasPrefix("-") ? "./" + word : word
    }

    // MARK: Style

    static let css = """
    @page { size: A4; margin: 15mm; }
    :root {
      --ink: #16191d; --muted: #5b636d; --line: #c9ced5; --soft: #f3f5f7;
      --accent: #1f4e79; --track: #e4e8ed; --ok: #17663a; --bad: #a3192a; --warn: #7a5100;
    }
    * { box-sizing: border-box; }
    html {
      font-family: "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "맑은 고딕", "Apple SD Gothic Neo",
        "NanumGothic", "Segoe UI", "Helvetica Neue", Arial, sans-serif;
      color: var(--ink); background: #e9ecef;
      -webkit-text-size-adjust: 100%;
    }
    body { margin: 0; font-size: 10pt; line-height: 1.45; }
    main { max-width: 210mm; margin: 8mm auto; padding: 12mm 14mm; background: #fff;
      box-shadow: 0 1px 4px rgba(0, 0, 0, .18); }
    .mono, code, pre, .hash, .sha-full {
      font-family: "Noto Sans Mono CJK KR", "D2Coding", "Consolas", "DejaVu Sans Mono", "Liberation Mono", monospace;
    }
    .strong { font-weight: 700; }
    .muted { color: var(--muted); }
    .small { font-size: 8pt; }
    .nw { white-space: nowrap; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    header.top { border-bottom: 2px solid var(--ink); padding-bottom: 3mm; margin-bottom: 4mm; }
    .kicker { margin: 0; font-size: 9pt; letter-spacing: .04em; color: var(--muted); text-transform: uppercase; }
    h1 { font-size: 17pt; margin: 1mm 0; line-height: 1.25; }
    .sub { margin: 0; color: var(--muted); overflow-wrap: anywhere; }
    .sub .strong { color: var(--ink); }
    h2 { font-size: 12.5pt; margin: 7mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 1.5px solid var(--ink);
      break-after: avoid; page-break-after: avoid; }
    h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }

    /* Decision */
    .decision { display: grid; grid-template-columns: 36mm 1fr; gap: 6mm; align-items: start;
      border: 2px solid var(--ink); border-radius: 2mm; padding: 4.5mm 5mm; break-inside: avoid; }
    .decision.yes { border-left: 6mm solid var(--ok); }
    .decision.no { border-left: 6mm double var(--bad); }
    .verdict { text-align: center; border: 1.5px solid var(--line); border-radius: 1.5mm; padding: 2mm 1mm 3mm; }
    .verdict .caption { font-size: 9pt; color: var(--muted); }
    .verdict .big { font-size: 44pt; font-weight: 800; line-height: 1.05; }
    .verdict .big.word { font-size: 26pt; padding: 3mm 0 1mm; }
    .badge { display: inline-block; font-size: 14pt; font-weight: 800; padding: .5mm 3mm; border-radius: 1.5mm; }
    .badge.yes { color: var(--ok); border: 2px solid var(--ok); background: #e9f5ee; }
    .badge.no { color: var(--bad); border: 2px dashed var(--bad); background: #fbecee; }
    .total { margin: 2mm 0 1mm; font-size: 11pt; overflow-wrap: anywhere; }
    .total .total-label { color: var(--muted); margin-right: 2mm; }
    .total .num { font-size: 22pt; font-weight: 800; }
    .total .of { font-size: 13pt; font-weight: 700; font-variant-numeric: tabular-nums; }
    .total .threshold { color: var(--ink); }
    .scale { font-size: 8.5pt; color: var(--muted); margin-bottom: 1.5mm; }
    .reasons { margin-top: 2mm; padding: 1.5mm 2.5mm; border: 1px solid var(--bad); border-radius: 1mm; font-size: 9pt; }
    .reasons ul { margin: .5mm 0 0; padding-left: 5mm; }

    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 5mm; margin: 1mm 0; }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
    dl.meta { margin-top: 4mm; }
    ul.plain { list-style: none; margin: 0; padding: 0; }
    .hash { font-size: 7.5pt; color: var(--muted); overflow-wrap: anywhere; word-break: break-all; }

    /* Chart */
    figure.chart { margin: 0; break-inside: avoid; }
    figure.chart svg { display: block; max-width: 100%; height: auto; }
    .bar-label { font-size: 12px; fill: var(--ink); }
    .bar-id { font-weight: 700; font-family: "DejaVu Sans Mono", "Consolas", monospace; }
    .bar-value { font-size: 12px; font-weight: 700; fill: var(--ink); }
    .bar-track { fill: var(--track); stroke: #8b939c; stroke-width: 1; }
    .bar-fill { fill: var(--accent); }

    /* Tables */
    table { width: 100%; border-collapse: collapse; table-layout: fixed; }
    th, td { text-align: left; vertical-align: top; padding: 1.1mm 1.4mm; overflow-wrap: anywhere; word-break: break-word; }
    thead { display: table-header-group; }
    thead th { font-size: 8.5pt; color: var(--muted); border-bottom: 1.5px solid var(--ink); }
    th.num, td.num { text-align: right; }
    tr, tbody.ind, .mini { break-inside: avoid; page-break-inside: avoid; }
    table.indicators col.c-id { width: 13%; }
    table.indicators col.c-label { width: 31%; }
    table.indicators col.c-input { width: 24%; }
    table.indicators col.c-status { width: 13%; }
    table.indicators col.c-points { width: 19%; }
    tbody.area th, tbody.area td { background: var(--soft); border-top: 1.5px solid var(--ink);
      border-bottom: 1px solid var(--line); font-weight: 700; padding-top: 1.6mm; padding-bottom: 1.6mm; }
    tbody.area { break-after: avoid; page-break-after: avoid; }
    tbody.grand { break-before: avoid; page-break-before: avoid; }
    tbody.grand th, tbody.grand td { border-top: 2px solid var(--ink); border-bottom: 2px solid var(--ink);
      font-weight: 800; font-size: 11pt; }
    tbody.ind tr.main td { padding-top: 1.6mm; }
    tbody.ind tr.detail td { padding-top: 0; padding-bottom: 1.8mm; border-bottom: 1px solid var(--line); font-size: 8.5pt; }
    td.id { font-weight: 700; }
    td.input { font-family: "Noto Sans Mono CJK KR", "D2Coding", "Consolas", "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
    .tag { display: inline-block; font-size: 7.5pt; line-height: 1.3; border: 1px solid var(--muted); border-radius: 1mm;
      padding: 0 1mm; color: var(--muted); white-space: nowrap; vertical-align: 1px; }
    .status-missing td.status { color: var(--bad); font-weight: 700; }
    .status-missing td.status::before { content: "✗ "; }
    .status-not-selected td.status, .status-not-selected tr.main td:not(.status) { color: var(--muted); }
    .status-self-assessed td.status { color: var(--warn); font-weight: 700; }
    .k { display: inline-block; min-width: 16mm; color: var(--muted); margin-right: 1.5mm; }
    .rule { display: flex; gap: 0; }
    .rule .k { flex: none; }
    .rule code { flex: 1; min-width: 0; font-size: 8pt; white-space: pre-wrap; overflow-wrap: anywhere; }
    .evidence { margin-top: .8mm; }
    .ev { display: inline-block; margin-right: 3mm; white-space: nowrap; }
    code.sha { font-size: 7.5pt; color: var(--muted); }
    table.mini { width: auto; max-width: 100%; margin: 1.2mm 0 .5mm; font-size: 8pt; border: 1px solid var(--line); }
    table.mini th, table.mini td { padding: .5mm 2mm; border-bottom: 1px solid var(--line); }
    table.mini thead th { font-size: 7.5pt; border-bottom: 1px solid var(--muted); }
    table.mini tbody th { color: var(--muted); font-weight: 400; }
    table.kpis { width: 100%; table-layout: auto; }
    td.dropped { color: var(--muted); }
    td.ok { color: var(--ok); font-weight: 700; white-space: nowrap; }
    td.bad { color: var(--bad); font-weight: 700; }
    tr.rejected td { background: #fbf3f4; }
    .note { font-size: 7.5pt; color: var(--muted); margin: .5mm 0 0; }

    table.findings col.c-sev { width: 17%; }
    table.findings col.c-fid { width: 13%; }
    table.findings td { border-bottom: 1px solid var(--line); }
    .sev { display: inline-block; font-weight: 700; font-size: 8.5pt; padding: 0 1.6mm; border-radius: 1mm; white-space: nowrap; }
    .sev-error { color: var(--bad); border: 2px solid var(--bad); background: #fbecee; }
    .sev-warning { color: var(--warn); border: 1.5px dashed var(--warn); background: #fdf4e3; }
    .sev-info { color: var(--accent); border: 1px dotted var(--accent); }

    table.evidence-register { font-size: 8.5pt; }
    table.evidence-register col.c-eid { width: 6%; }
    table.evidence-register col.c-etitle { width: 33%; }
    table.evidence-register col.c-used { width: 11%; }
    table.evidence-register col.c-sha { width: 50%; }
    table.evidence-register td { border-bottom: 1px solid var(--line); }
    td.sha-full { font-size: 7.2pt; word-break: break-all; }

    .signature { break-inside: avoid; }
    .keyid { font-size: 9pt; word-break: break-all; }
    pre.cmd { margin: 0; padding: 2mm 3mm; background: var(--soft); border: 1px solid var(--line); border-radius: 1mm;
      font-size: 8.5pt; white-space: pre-wrap; overflow-wrap: anywhere; }
    .authoritative { margin-top: 2mm; font-size: 8.5pt; color: var(--ink); }

    @media screen and (max-width: 700px) {
      main { padding: 5mm; margin: 0; }
      .decision { grid-template-columns: 1fr; }
    }
    @media print {
      html, body, main { background: #fff !important; }
      main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
      body { font-size: 9.5pt; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }

    """
}
