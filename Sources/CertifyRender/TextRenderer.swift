import CertifyEngine
import CertifyModel

/// The table a reviewer prints: applicant, areas against maxima, every
/// indicator with its rule, total against the threshold, decision, findings.
public enum TextRenderer {
    public static func render(_ result: ScoreResult, language: Language) -> String {
        let l = Labels(language)
        var lines: [String] = []
        let rubric = result.rubric
        lines.append("\(rubric.title.text(language)) — \(rubric.id) \(rubric.version)")
        lines.append("\(pad(l[.dossier], 12)) \(result.dossier.id)")
        for applicant in result.dossier.applicants {
            let names = Language.allCases.compactMap { applicant.name[$0] }.joined(separator: " / ")
            // Korean shows the kind and role in words, as the pages do;
            // English keeps the rubric's tokens (what a dossier writes).
            let words = language == .ko
            let role = applicant.role.map { ", \(words ? l.applicantRole($0) : $0)" } ?? ""
            let kind = words ? l.applicantKind(applicant.kind) : applicant.kind
            lines.append("\(pad(l[.applicant], 12)) \(names) (\(applicant.id), \(kind)\(role))")
        }
        lines.append("\(pad(l[.date], 12)) \(result.decisionDate) · \(result.official ? l[.official] : l[.selfCheck])")
        if !result.reviews.isEmpty {
            lines.append("\(pad(l[.reviews], 12)) \(result.reviews.map(\.reviewer).joined(separator: ", "))")
        }
        lines.append("")
        let nameWidth = 40
        lines.append("\(pad(l[.area], nameWidth)) \(pad(l[.points], 7, right: true)) \(pad(l[.max], 7, right: true))  \(pad(l[.status], 13)) \(l[.rule])")
        lines.append(String(repeating: "─", count: 110))
        for area in result.areas {
            let label = "\(area.id) \(area.label.text(language))"
            lines.append("\(pad(label, nameWidth)) \(pad(number(area.points), 7, right: true)) \(pad(number(area.max), 7, right: true))")
            for indicator in area.indicators {
                var tags: [String] = []
                if indicator.mandatory { tags.append(l[.mandatory]) }
                if indicator.electiveGroup != nil { tags.append(l[.elective]) }
                let tag = tags.isEmpty ? "" : " [\(tags.joined(separator: ", "))]"
                var name = "  \(indicator.id) \(indicator.label.text(language))\(tag)"
                if displayWidth(name) > nameWidth { name = truncate(name, nameWidth) }
                var rule = indicator.rule.text(language)
                if let input = indicator.input { rule = "\(l[.input]) \(input.text(language)) · " + rule }
                if !indicator.evidence.isEmpty {
                    rule += " · \(l[.evidence]) " + indicator.evidence.map(\.id).joined(separator: ", ")
                }
                lines.append("\(pad(name, nameWidth)) \(pad(number(indicator.points), 7, right: true)) \(pad(number(indicator.max), 7, right: true))  \(pad(l[Label(indicator.status)], 13)) \(rule)")
            }
        }
        lines.append(String(repeating: "─", count: 110))
        let thresholdText = l.threshold(of: result, number: number)
        lines.append("\(pad(l[.total], nameWidth)) \(pad(number(result.total), 7, right: true)) \(pad(number(result.max), 7, right: true))  (\(thresholdText))")
        var decision: [String] = []
        if let grade = result.grade { decision.append("\(l[.grade]) \(grade)") }
        decision.append("\(l[.certified]): \(result.certified ? l[.yes] : l[.no])")
        if let from = result.validFrom, let until = result.validUntil {
            decision.append("\(l[.validity]) \(from) – \(until)")
        }
        lines.append(decision.joined(separator: " · "))
        if !result.findings.isEmpty {
            lines.append("")
            lines.append(l[.findings])
            for finding in result.findings {
                lines.append("  \(pad(l[Label(finding.severity)], 8)) \(pad(finding.indicator ?? "-", 8)) \(finding.message.text(language))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Always two decimals in the table, so columns line up.
    static func number(_ value: Rational) -> String { value.pointsColumnText }

    private static func truncate(_ text: String, _ width: Int) -> String {
        var result = ""
        for character in text {
            if displayWidth(result + String(character)) > width - 1 { break }
            result.append(character)
        }
        return result + "…"
    }
}
