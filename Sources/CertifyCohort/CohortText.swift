import CertifyModel
import CertifyRender

func percent(_ share: Share) -> String { share.percent.pointsColumnText + "%" }

/// `certify cohort` (text): the statistics a person reads.
public enum CohortText {
    public static func render(_ groups: [CohortGroup], date: CalendarDate, language: Language) -> String {
        groups.map { render($0, date: date, language: language) }.joined(separator: "\n")
    }

    public static func render(_ group: CohortGroup, date: CalendarDate, language: Language) -> String {
        let l = CohortLabels(language)
        var lines: [String] = []
        if let rubric = group.rubric {
            lines.append("\(l[.cohort]) — \(rubric.title.text(language)) — \(rubric.id) \(rubric.version)")
        } else {
            lines.append("\(l[.cohort]) — \(l[.unknownRubric])")
        }
        lines.append("\(cell(l[.date], 16)) \(date)")
        lines.append("")
        lines.append("\(cell(l[.count], 16)) \(group.count)")
        var certified = "\(group.certified.count) (\(percent(group.certified)))"
        if group.blocked.count > 0 { certified += " · \(l.format(.blocked, String(group.blocked.count)))" }
        lines.append("\(cell(l[.certifiedShare], 16)) \(certified)")
        if !group.gradeIDs.isEmpty {
            lines.append("\(cell(l[.grades], 16)) " + group.grades().map { "\($0.grade) \($0.count)" }.joined(separator: " · "))
        }
        if let total = group.total {
            lines.append("\(cell(l[.total], 16)) " + [
                (CohortLabel.mean, total.mean), (.median, total.median), (.q1, total.q1), (.q3, total.q3),
                (.min, total.min), (.max, total.max),
            ].map { "\(l[$0.0]) \($0.1.pointsColumnText)" }.joined(separator: " · "))
        }
        if group.rubric != nil && group.count > 0 {
            lines.append("")
            lines += kinds(group, l)
            lines.append("")
            lines += areas(group, l)
            lines.append("")
            lines += indicators(group, l)
        }
        lines.append("")
        lines.append("\(l[.invalid]) (\(group.invalid.count))")
        if group.invalid.isEmpty { lines.append("  \(l[.invalidNone])") }
        for invalid in group.invalid { lines.append("  \(invalid.message(l.language))") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func kinds(_ group: CohortGroup, _ l: CohortLabels) -> [String] {
        var header = "\(cell(l[.kind], 18)) \(cell(l[.dossiers], 8, right: true)) \(cell(l[.certifiedShare], 16, right: true))"
        for grade in group.gradeIDs { header += " \(cell(grade, 5, right: true))" }
        header += " \(cell(l[.mean], 8, right: true)) \(cell(l[.median], 8, right: true))"
        var lines = [l[.kinds], header, String(repeating: "─", count: displayWidth(header))]
        for kind in group.kinds {
            var line = "\(cell(l.word(kind.kind), 18)) \(cell(String(kind.dossiers.count), 8, right: true))"
            line += " \(cell("\(kind.certified.count) (\(percent(kind.certified)))", 16, right: true))"
            for (_, count) in group.grades(of: kind.dossiers) { line += " \(cell(String(count), 5, right: true))" }
            line += " \(cell(kind.total.map { $0.mean.pointsColumnText } ?? "—", 8, right: true))"
            line += " \(cell(kind.total.map { $0.median.pointsColumnText } ?? "—", 8, right: true))"
            lines.append(line)
        }
        return lines
    }

    static func areas(_ group: CohortGroup, _ l: CohortLabels) -> [String] {
        let header = "\(cell(l[.area], 42)) \(cell(l[.maxPoints], 7, right: true)) \(cell(l[.mean], 7, right: true)) \(cell(l[.median], 7, right: true)) \(cell(l[.atMax], 8, right: true)) \(cell(l[.atZero], 8, right: true))"
        var lines = [l[.areas], header, String(repeating: "─", count: displayWidth(header))]
        for area in group.areas {
            lines.append("\(cell("\(area.area.id) \(area.area.label.text(l.language))", 42)) \(cell(area.area.max.pointsColumnText, 7, right: true)) \(cell(area.distribution.map { $0.mean.pointsColumnText } ?? "—", 7, right: true)) \(cell(area.distribution.map { $0.median.pointsColumnText } ?? "—", 7, right: true)) \(cell(percent(area.atMax), 8, right: true)) \(cell(percent(area.atZero), 8, right: true))")
        }
        return lines
    }

    static func indicators(_ group: CohortGroup, _ l: CohortLabels) -> [String] {
        let header = "\(cell(l[.indicator], 42)) \(cell(l[.maxPoints], 7, right: true)) \(cell(l[.mean], 7, right: true)) \(cell(l[.median], 7, right: true)) \(cell(l[.atMax], 8, right: true)) \(cell(l[.atZero], 8, right: true)) \(cell(l[.missing], 8, right: true))"
        var lines = [l[.indicators], header, String(repeating: "─", count: displayWidth(header))]
        for stats in group.indicators {
            let name = "\(stats.indicator.id) \(stats.indicator.label.text(l.language))"
            lines.append("\(cell(name, 42)) \(cell(stats.indicator.max.pointsColumnText, 7, right: true)) \(cell(stats.distribution.map { $0.mean.pointsColumnText } ?? "—", 7, right: true)) \(cell(stats.distribution.map { $0.median.pointsColumnText } ?? "—", 7, right: true)) \(cell(percent(stats.atMax), 8, right: true)) \(cell(percent(stats.atZero), 8, right: true)) \(cell(percent(stats.missing), 8, right: true))")
        }
        return lines
    }
}

/// `certify compare` (text).
public enum CompareText {
    public static func render(_ comparisons: [Comparison], unscored: [InvalidDossier], date: CalendarDate, language: Language) -> String {
        let l = CohortLabels(language)
        var parts = comparisons.map { render($0, date: date, language: language) }
        if comparisons.isEmpty {
            parts.append("\(l[.compare])\n\(cell(l[.date], 18)) \(date)\n\(cell(l[.dossiersCompared], 18)) 0\n")
        }
        if !unscored.isEmpty {
            parts.append(([ "\(l[.unscored]) (\(unscored.count))"] + unscored.map { "  \($0.message(language))" }).joined(separator: "\n") + "\n")
        }
        return parts.joined(separator: "\n")
    }

    public static func render(_ comparison: Comparison, date: CalendarDate, language: Language) -> String {
        let l = CohortLabels(language)
        let (from, to) = (comparison.from, comparison.to)
        var lines = ["\(l[.compare]) — \(from.id) \(from.version) → \(to.id) \(to.version)"]
        lines.append("\(cell(l[.date], 18)) \(date)")
        lines.append("\(cell(l[.dossiersCompared], 18)) \(comparison.pairs.count)")
        lines.append("\(cell(l[.certifiedShare], 18)) \(comparison.certifiedFrom.count) (\(percent(comparison.certifiedFrom))) → \(comparison.certifiedTo.count) (\(percent(comparison.certifiedTo)))")
        if let before = comparison.totalFrom, let after = comparison.totalTo {
            lines.append("\(cell(l[.total], 18)) \(l[.mean]) \(before.mean.pointsColumnText) → \(after.mean.pointsColumnText) · \(l[.median]) \(before.median.pointsColumnText) → \(after.median.pointsColumnText)")
        }
        lines.append("")
        lines.append("\(l[.transitions]) (\(l[.transitionsNote]))")
        let transitions = comparison.transitions
        let width = max(6, (comparison.toOutcomes + comparison.fromOutcomes).map { displayWidth(l.word($0)) }.max() ?? 0)
        lines.append(cell("", 8) + comparison.toOutcomes.map { " " + cell(l.word($0), width, right: true) }.joined())
        for old in comparison.fromOutcomes {
            lines.append(cell(l.word(old), 8) + comparison.toOutcomes.map { new in
                " " + cell(String(transitions.first { $0.from == old && $0.to == new }?.count ?? 0), width, right: true)
            }.joined())
        }
        lines.append("")
        let changes = comparison.changes
        lines.append("\(l[.changes]) (\(changes.count)) · ✓ \(l[.certifiedMark]) · ✗ \(l[.notCertified])")
        if changes.isEmpty { lines.append("  \(l[.changesNone])") }
        for change in changes {
            let old = "\(change.from.total.pointsColumnText) \(describe(change.from, comparison, l))"
            let new = "\(change.to.total.pointsColumnText) \(describe(change.to, comparison, l))"
            let moved = change.indicators.prefix(3).map { "\($0.id) \(signed($0.delta))" }.joined(separator: ", ")
            lines.append("  \(cell(change.id, 24)) \(cell(old, 11)) → \(cell(new, 11))  \(l[.movedBy]): \(moved.isEmpty ? "—" : moved)")
        }
        lines.append("")
        lines.append(l[.meanChange])
        let header = "  \(cell(l[.indicator], 40)) \(cell(l[.from], 8, right: true)) \(cell(l[.to], 8, right: true)) \(cell(l[.change], 8, right: true))"
        lines.append(header)
        for mean in comparison.indicatorMeans {
            lines.append("  \(cell("\(mean.indicator.id) \(mean.indicator.label.text(language))", 40)) \(cell(mean.meanFrom.pointsColumnText, 8, right: true)) \(cell(mean.meanTo.pointsColumnText, 8, right: true)) \(cell(signed(mean.meanDelta), 8, right: true))")
        }
        lines.append("")
        lines.append(l[.onlyIn])
        let onlyFrom = comparison.onlyInFrom.map(\.id), onlyTo = comparison.onlyInTo.map(\.id)
        lines.append("  \(l[.onlyFrom]): \(onlyFrom.isEmpty ? l[.invalidNone] : onlyFrom.joined(separator: ", "))")
        lines.append("  \(l[.onlyTo]): \(onlyTo.isEmpty ? l[.invalidNone] : onlyTo.joined(separator: ", "))")
        lines.append("")
        lines.append("\(l[.unscored]) (\(comparison.invalid.count))")
        if comparison.invalid.isEmpty { lines.append("  \(l[.invalidNone])") }
        for invalid in comparison.invalid { lines.append("  \(invalid.message(l.language))") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `C ✓` (grade C, certified), `D ✗`; `pass`/`fail` for a pass/fail rubric.
    static func describe(_ outcome: DossierOutcome, _ comparison: Comparison, _ l: CohortLabels) -> String {
        if let grade = outcome.grade { return "\(grade) \(outcome.certified ? "✓" : "✗")" }
        return l[outcome.certified ? .pass : .fail]
    }

    static func signed(_ value: Rational) -> String {
        (value.isNegative || value == .zero ? "" : "+") + value.pointsColumnText
    }
}
