import CertifyModel

/// `certify compare --format html`: the `compare` template of
/// CertifyTemplates, a self-contained page like the cohort's
/// (`CohortHTML`). This type only builds the template's view.
public enum CompareHTML {
    public static func render(_ comparisons: [Comparison], unscored: [InvalidDossier], date: CalendarDate,
                              language: Language, version: String) -> String {
        let l = CohortLabels(language)
        let pairs = comparisons.map { "\($0.from.id) \($0.from.version) → \($0.to.id) \($0.to.version)" }
        let view: [String: Any] = PageView.head(
            l, .compare, title: "\(l[.compare]) — " + pairs.joined(separator: ", "), date: date, version: version
        ).merging([
            "subtitle": "\(l[.date]) \(date)",
            "comparisons": comparisons.enumerated().map { section($1, index: $0, l) },
            "unscored": unscored.isEmpty ? false : PageView.invalid(l[.unscored], unscored, l),
        ]) { $1 }
        return PageView.render(view, with: "compare", l)
    }

    static func section(_ comparison: Comparison, index: Int, _ l: CohortLabels) -> [String: Any] {
        let language = l.language
        let (from, to) = (comparison.from, comparison.to)
        var stats = [(String(comparison.pairs.count), l[.dossiersCompared]),
                     ("\(comparison.certifiedFrom.count) → \(comparison.certifiedTo.count)", l[.certifiedShare]),
                     (String(comparison.changes.count), l[.changes])]
        if let before = comparison.totalFrom, let after = comparison.totalTo {
            stats.insert(("\(before.mean.pointsColumnText) → \(after.mean.pointsColumnText)", "\(l[.total]) · \(l[.mean])"), at: 2)
        }
        let onlyIn = [(CohortLabel.onlyFrom, comparison.onlyInFrom), (.onlyTo, comparison.onlyInTo)].map { key, indicators in
            let names = indicators.map { "\($0.id) \($0.label.text(language))" }
            return ["label": l[key], "names": names.isEmpty ? l[.invalidNone] : names.joined(separator: ", ")]
        }
        return [
            "anchor": "c\(index)",
            "heading": "\(from.title.text(language)): \(from.id) \(from.version) → \(to.id) \(to.version)",
            "stats": PageView.stats(stats), "matrix": matrix(comparison, l), "meanChart": meanChart(comparison, l),
            "changes": changes(comparison, l), "onlyIn": onlyIn,
            "invalid": PageView.invalid(l[.unscored], comparison.invalid, l),
        ]
    }

    /// Rows: the outcome now; columns: under the revision; the unchanged
    /// diagonal in bold, each cell shaded by its count (8 to 60 % of the
    /// link colour, exact integer steps).
    static func matrix(_ comparison: Comparison, _ l: CohortLabels) -> [String: Any] {
        let transitions = comparison.transitions
        let peak = max(1, transitions.map(\.count).max() ?? 1)
        return [
            "columns": comparison.toOutcomes.map(l.word),
            "rows": comparison.fromOutcomes.map { old -> [String: Any] in
                [
                    "outcome": l.word(old),
                    "cells": comparison.toOutcomes.map { new -> [String: Any] in
                        let count = transitions.first { $0.from == old && $0.to == new }?.count ?? 0
                        return [
                            "count": String(count), "same": old == new,
                            "shade": count == 0 ? false as Any : "background: rgb(29 112 184 / \(8 + count * 52 / peak)%)",
                        ]
                    },
                ]
            },
        ]
    }

    /// Mean change per shared indicator: bars left (down) or right (up) of zero.
    static func meanChart(_ comparison: Comparison, _ l: CohortLabels) -> Any {
        let means = comparison.indicatorMeans
        guard !means.isEmpty else { return false }
        let labelW = 300, half = 200, rowH = 22, top = 8
        let width = labelW + 2 * half + 80, height = top + means.count * rowH + 8
        let peak = max(Rational(1), means.map { $0.meanDelta.isNegative ? -$0.meanDelta : $0.meanDelta }.max() ?? .one)
        let zero = labelW + half
        let rows = means.enumerated().map { row, mean -> [String: Any] in
            let y = top + row * rowH
            let delta = mean.meanDelta
            let length = (delta.isNegative ? -delta : delta) / peak * Rational(half)
            var bar: Any = false
            if delta != .zero {
                bar = [
                    "x": PageView.number(delta.isNegative ? Rational(zero) - length : Rational(zero)),
                    "width": PageView.number(length), "colour": delta.isNegative ? "down" : "up",
                    "title": "\(mean.indicator.id): \(mean.meanFrom.pointsColumnText) → \(mean.meanTo.pointsColumnText)",
                ] as [String: Any]
            }
            let labelX = delta.isNegative ? Rational(zero + 6) : Rational(zero) + length + Rational(6)
            return [
                "textY": String(y + 15), "barY": String(y + 4), "label": PageView.shortLabel(mean.indicator, l),
                "bar": bar, "valueX": PageView.number(labelX), "value": CompareText.signed(delta),
            ]
        }
        return [
            "width": String(width), "height": String(height), "zero": String(zero), "top": String(top),
            "bottom": String(height - 4), "barH": String(rowH - 8), "rows": rows,
            "caption": "\(l[.meanChange]) (\(l[.from]) → \(l[.to]))",
        ] as [String: Any]
    }

    static func changes(_ comparison: Comparison, _ l: CohortLabels) -> [String: Any] {
        let changes = comparison.changes
        return [
            "heading": "\(l[.changes]) (\(changes.count))", "any": !changes.isEmpty,
            "rows": changes.map { change -> [String: Any] in
                let moved = change.indicators.prefix(3).map { "\($0.id) \(CompareText.signed($0.delta))" }.joined(separator: ", ")
                return [
                    "id": change.id, "applicant": change.from.applicantName.text(l.language),
                    "from": "\(change.from.total.pointsColumnText) \(CompareText.describe(change.from, comparison, l))",
                    "to": "\(change.to.total.pointsColumnText) \(CompareText.describe(change.to, comparison, l))",
                    "moved": moved.isEmpty ? "—" : moved,
                ]
            },
        ]
    }
}
