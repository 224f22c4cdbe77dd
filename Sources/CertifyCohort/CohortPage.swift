import CertifyModel
import CertifyRender
import CertifyTemplates

/// `certify cohort --format html`: one self-contained page — the shared
/// stylesheet inline, inline SVG charts, no script, nothing fetched (a
/// Content Security Policy says so too), like the report's page.
///
/// The page is the `cohort` mustache template of CertifyTemplates with the
/// `head` and `foot` partials every page shares. This type only builds the
/// template's view: the words, numbers and chart geometry, in the page's
/// language. Every value is escaped by the template (`{{ }}`, after
/// `Templates.clean`); rubric titles, dossier ids, names and file names are
/// untrusted.
public enum CohortHTML {
    public static func render(_ groups: [CohortGroup], date: CalendarDate, language: Language, version: String) -> String {
        let l = CohortLabels(language)
        let titles = groups.compactMap(\.rubric).map { "\($0.title.text(language)) \($0.version)" }
        let view: [String: Any] = PageView.head(
            l, .cohort, title: "\(l[.cohort]) — \(titles.joined(separator: ", "))", date: date, version: version
        ).merging([
            "subtitle": ([l[.date] + " \(date)"] + titles).joined(separator: " · "),
            "groups": groups.enumerated().map { group($1, index: $0, l) },
        ]) { $1 }
        return PageView.render(view, with: "cohort", l)
    }

    static func group(_ group: CohortGroup, index: Int, _ l: CohortLabels) -> [String: Any] {
        let language = l.language
        var stats = [(String(group.count), l[.count]),
                     ("\(group.certified.percent.pointsColumnText)%", "\(l[.certifiedShare]) (\(group.certified.count))")]
        if let total = group.total {
            stats.append((total.mean.pointsColumnText, "\(l[.total]) · \(l[.mean])"))
            stats.append((total.median.pointsColumnText, "\(l[.total]) · \(l[.median])"))
            stats.append(("\(total.q1.pointsColumnText) – \(total.q3.pointsColumnText)", "\(l[.q1]) – \(l[.q3])"))
        }
        if group.blocked.count > 0 { stats.append((String(group.blocked.count), l[.blockedCard])) }
        stats.append((String(group.invalid.count), l[.invalid]))
        let heading = group.rubric.map { "\($0.title.text(language)) — \($0.id) \($0.version)" } ?? l[.unknownRubric]
        var details: Any = false
        if group.rubric != nil && group.count > 0 {
            details = [
                "histogram": histogram(group, l), "kinds": kindsChart(group, l), "kindsTable": kindsTable(group, l),
                "areas": areas(group, l), "indicatorChart": indicatorChart(group, l),
                "indicators": indicators(group, l), "dossiers": dossiers(group, l),
            ] as [String: Any]
        }
        return [
            "anchor": "g\(index)", "heading": heading, "stats": PageView.stats(stats), "details": details,
            "invalid": PageView.invalid(l[.invalid], group.invalid, l),
        ]
    }

    // MARK: Charts

    /// Totals in 20 bins, a dashed line at each grade threshold; bars in the
    /// colour of the grade of the bin's lower edge.
    static func histogram(_ group: CohortGroup, _ l: CohortLabels) -> Any {
        guard let rubric = group.rubric else { return false }
        let bins = group.totalHistogram
        let (width, height, left, right, top, bottom) = (1000, 300, 44, 16, 24, 40)
        let plotW = width - left - right, plotH = height - top - bottom
        let peak = max(1, bins.map(\.count).max() ?? 1)
        let step = peak <= 10 ? 1 : peak <= 25 ? 5 : peak <= 50 ? 10 : (peak + 4) / 5
        let ceiling = ((peak + step - 1) / step) * step
        func xAt(_ value: Rational) -> String { PageView.number(Rational(left) + value / rubric.maxTotal * Rational(plotW)) }
        func yAt(_ count: Int) -> String { PageView.number(Rational(top + plotH) - Rational(count * plotH) / Rational(ceiling)) }
        let ticks = stride(from: 0, through: ceiling, by: step).map { tick -> [String: Any] in
            ["y": yAt(tick), "value": String(tick)]
        }
        let thresholds = group.thresholds
        let bars = bins.filter { $0.count > 0 }.map { bin -> [String: Any] in
            let outcomeIndex: Int
            if group.gradeIDs.isEmpty {
                outcomeIndex = bin.lo >= (thresholds.first?.min ?? .zero) ? 0 : 1
            } else if case .grades(let grades, _) = rubric.decision {
                outcomeIndex = grades.firstIndex { bin.lo >= $0.min } ?? grades.count - 1
            } else { outcomeIndex = 0 }
            let x = Rational(left) + bin.lo / rubric.maxTotal * Rational(plotW) + Rational(1)
            let barW = (bin.hi - bin.lo) / rubric.maxTotal * Rational(plotW) - Rational(2)
            return [
                "x": PageView.number(x), "y": yAt(bin.count), "width": PageView.number(barW),
                "height": PageView.number(Rational(bin.count * plotH) / Rational(ceiling)),
                "colour": PageView.outcomeClass(outcomeIndex, of: group.outcomes.count),
                "title": "\(bin.lo.pointsText)–\(bin.hi.pointsText): \(bin.count)",
            ]
        }
        let axis = (0...10).map { index -> [String: Any] in
            let value = rubric.maxTotal * Rational(index) / Rational(10)
            return ["x": xAt(value), "value": value.pointsText]
        }
        let lines = thresholds.map { threshold -> [String: Any] in
            ["x": xAt(threshold.min), "label": "\(l.word(threshold.label)) ≥ \(threshold.min.pointsText)"]
        }
        return [
            "caption": group.gradeIDs.isEmpty ? l[.histogramPass] : l[.histogram],
            "legend": group.outcomes.enumerated().map { index, outcome -> [String: Any] in
                ["label": l.word(outcome), "colour": PageView.outcomeClass(index, of: group.outcomes.count)]
            },
            "width": String(width), "height": String(height),
            "left": String(left), "right": String(width - right), "tickX": String(left - 6),
            "top": String(top - 6), "base": String(top + plotH), "axisY": String(top + plotH + 16),
            "thresholdY": String(top - 10), "titleX": String(left + plotW / 2), "titleY": String(height - 6),
            "ticks": ticks, "bars": bars, "axis": axis, "thresholds": lines,
        ] as [String: Any]
    }

    /// For each applicant kind, one bar per grade (or pass and fail).
    static func kindsChart(_ group: CohortGroup, _ l: CohortLabels) -> [String: Any] {
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
        let kindGroups = kinds.enumerated().map { k, kind -> [String: Any] in
            let x0 = left + 10 + k * (groupW + groupGap)
            let bars = all[k].enumerated().map { o, count -> [String: Any] in
                let barTop = Rational(top + plotH) - Rational(count * plotH) / Rational(peak)
                let x = x0 + o * (barW + gap)
                let countY = barTop - Rational(4)
                return [
                    "x": String(x), "y": PageView.number(barTop), "width": String(barW),
                    "height": PageView.number(Rational(count * plotH) / Rational(peak)),
                    "colour": PageView.outcomeClass(o, of: outcomes.count),
                    "title": "\(l.word(kind.kind)) · \(l.word(outcomes[o])): \(count)",
                    "middle": String(x + barW / 2), "count": String(count),
                    "countY": countY < Rational(10) ? "10" : PageView.number(countY), "outcome": l.word(outcomes[o]),
                ]
            }
            return ["bars": bars, "middle": String(x0 + groupW / 2), "label": "\(l.word(kind.kind)) (\(kind.dossiers.count))"]
        }
        return [
            "caption": group.gradeIDs.isEmpty ? l[.outcomesByKind] : l[.gradesByKind],
            "width": String(width), "height": String(height), "left": String(left), "right": String(width - 6),
            "base": String(top + plotH), "outcomeY": String(top + plotH + 14), "kindY": String(top + plotH + 34),
            "groups": kindGroups,
        ]
    }

    static let segmentClasses = ["seg-missing", "seg-not-selected", "seg-zero", "seg-partial", "seg-max"]

    /// One 100% bar per indicator: missing, not selected, zero, partial, at max.
    static func indicatorChart(_ group: CohortGroup, _ l: CohortLabels) -> [String: Any] {
        let stats = group.indicators
        let labelW = 300, barW = 420, rowH = 22, top = 8
        let names = [l[.missing], l[.notSelected], l[.atZero], l[.partial], l[.atMax]]
        let rows = stats.enumerated().map { row, stat -> [String: Any] in
            let y = top + row * rowH
            let n = max(1, stat.atZero.of)
            let zeroScored = stat.atZero.count - stat.missing.count - stat.notSelected.count
            let partial = stat.atZero.of - stat.atZero.count - stat.atMax.count
            let counts = [stat.missing.count, stat.notSelected.count, max(0, zeroScored), max(0, partial), stat.atMax.count]
            var x = Rational(labelW)
            var segments: [[String: Any]] = []
            for (index, count) in counts.enumerated() where count > 0 {
                let w = Rational(count * barW) / Rational(n)
                segments.append([
                    "x": PageView.number(x), "width": PageView.number(w), "colour": segmentClasses[index],
                    "title": "\(stat.indicator.id) · \(names[index]): \(count) (\(percent(Share(count, of: n))))",
                ])
                x += w
            }
            let mean = stat.distribution.map { $0.mean.pointsColumnText } ?? "—"
            return [
                "textY": String(y + 15), "barY": String(y + 3), "segments": segments,
                "label": PageView.shortLabel(stat.indicator, l),
                "value": "\(l[.mean]) \(mean) / \(stat.indicator.max.pointsColumnText)",
            ]
        }
        return [
            "legend": zip(names, segmentClasses).map { ["label": $0, "colour": $1] },
            "width": String(labelW + barW + 150), "height": String(top + stats.count * rowH + 8),
            "barH": String(rowH - 6), "valueX": String(labelW + barW + 8), "rows": rows,
        ]
    }

    // MARK: Tables

    static func kindsTable(_ group: CohortGroup, _ l: CohortLabels) -> [String: Any] {
        [
            "grades": group.gradeIDs,
            "rows": group.kinds.map { kind -> [String: Any] in
                [
                    "kind": l.word(kind.kind), "count": String(kind.dossiers.count),
                    "certified": "\(kind.certified.count) (\(percent(kind.certified)))",
                    "grades": group.grades(of: kind.dossiers).map { String($0.count) },
                    "stats": [kind.total?.mean, kind.total?.median, kind.total?.q1, kind.total?.q3].map { $0.map(\.pointsColumnText) ?? "—" },
                ]
            },
        ]
    }

    static func areas(_ group: CohortGroup, _ l: CohortLabels) -> [[String: Any]] {
        group.areas.map { area in
            [
                "id": area.area.id, "label": area.area.label.text(l.language), "max": area.area.max.pointsColumnText,
                "mean": area.distribution.map { $0.mean.pointsColumnText } ?? "—",
                "median": area.distribution.map { $0.median.pointsColumnText } ?? "—",
                "atMax": percent(area.atMax), "atZero": percent(area.atZero),
            ]
        }
    }

    static func indicators(_ group: CohortGroup, _ l: CohortLabels) -> [[String: Any]] {
        group.indicators.map { stat in
            [
                "id": stat.indicator.id, "label": stat.indicator.label.text(l.language),
                "max": stat.indicator.max.pointsColumnText,
                "mean": stat.distribution.map { $0.mean.pointsColumnText } ?? "—",
                "median": stat.distribution.map { $0.median.pointsColumnText } ?? "—",
                "atMax": percent(stat.atMax), "atZero": percent(stat.atZero), "missing": percent(stat.missing),
            ]
        }
    }

    static func dossiers(_ group: CohortGroup, _ l: CohortLabels) -> [String: Any] {
        [
            "heading": "\(l[.dossiers]) (\(group.count))",
            "rows": group.dossiers.map { dossier -> [String: Any] in
                [
                    "id": dossier.id, "applicant": dossier.applicantName.text(l.language), "kind": l.word(dossier.kind),
                    "total": dossier.total.pointsColumnText, "grade": dossier.grade ?? "—", "certified": dossier.certified,
                ]
            },
        ]
    }
}

/// What the cohort and compare pages' views share: the head partial's
/// values, the label table, the figures, the invalid-dossier table, chart
/// colours and numbers.
enum PageView {
    /// Renders a view with `name`, the stylesheet and the label table added
    /// as they are (Certify's own, no cleaning needed).
    static func render(_ view: [String: Any], with name: String, _ l: CohortLabels) -> String {
        let constants: [String: Any] = ["stylesheet": Templates.stylesheet, "l": words[l.language] ?? [:]]
        guard let html = Templates.render(view, with: name, constants: constants) else {
            preconditionFailure("the \(name) template is missing from CertifyTemplates")
        }
        return html
    }

    /// The head and foot partials' values: a standalone page (inline
    /// style, CSP, no navigation).
    static func head(_ l: CohortLabels, _ page: CohortLabel, title: String, date: CalendarDate, version: String) -> [String: Any] {
        [
            "standalone": true, "bodyClass": "cohort", "lang": l.language.rawValue, "version": version,
            "title": title, "t": ["intro": "\(l[page]) · \(l[.date]) \(date) · certify \(version)"],
        ]
    }

    /// Every cohort label by its case name (`l.mean`), per language.
    static let words: [Language: [String: String]] = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, CohortLabel.table($0)) })

    static func stats(_ stats: [(String, String)]) -> [[String: Any]] {
        stats.map { ["value": $0.0, "label": $0.1] }
    }

    /// A heading with the count and the table of dossiers that were not
    /// scored (or not compared), or `none`.
    static func invalid(_ heading: String, _ invalid: [InvalidDossier], _ l: CohortLabels) -> [String: Any] {
        [
            "heading": "\(heading) (\(invalid.count))", "any": !invalid.isEmpty,
            "rows": invalid.map { ["file": $0.file, "message": $0.message(l.language)] },
        ]
    }

    /// The colour class of outcome `index` of `count`, best first: green to
    /// red over seven steps (`oc-0` … `oc-6` in the stylesheet); two
    /// outcomes (pass, fail) take the two ends.
    static func outcomeClass(_ index: Int, of count: Int) -> String {
        let steps = 7
        guard count > 1 else { return "oc-0" }
        if count == 2 { return index == 0 ? "oc-0" : "oc-5" }
        return "oc-\(min(index * (steps - 1) / (count - 1), steps - 1))"
    }

    /// A number for SVG coordinates: exact, 2 decimals at most.
    static func number(_ value: Rational) -> String { value.pointsText }

    /// An indicator's id and label cut to 40 columns (a chart's row label).
    static func shortLabel(_ indicator: Indicator, _ l: CohortLabels) -> String {
        var text = cell("\(indicator.id) \(indicator.label.text(l.language))", 40)
        while text.last == " " { text.removeLast() }
        return text
    }
}
