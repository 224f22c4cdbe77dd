import CertifyEngine
import CertifyModel
import CertifyTemplates


/// The human rendering of a report (`report --html`): one self-contained
/// HTML5 page — the shared stylesheet inline and one inline SVG, nothing
/// fetched — that puts the decision first, then a chart of the areas, the
/// indicator table with inputs, rules, evidence, panel scores and KPIs, the
/// findings, and the signer with the commands that verify the signed XML.
/// It prints on A4.
///
/// The page is the `report` mustache template of CertifyTemplates, with the
/// `head` and `foot` partials and the stylesheet that the server's pages
/// use. This type only builds the template's view: the words, numbers and
/// geometry, in the page's language.
///
/// Every value inserted comes from untrusted input (dossier ids, names,
/// labels, file names) and is escaped by the template (`{{ }}`, after
/// `Templates.clean`); the page also carries a Content Security Policy that
/// forbids scripts and any fetch, as a second line.
public enum HTMLRenderer {
    public static func render(
        _ result: ScoreResult, context: ReportContext, language: Language, reportFileName: String
    ) -> String {
        let view = ReportView(result: result, context: context, l: Labels(language), reportFileName: reportFileName).build()
        // The stylesheet and the label table are Certify's own: added uncleaned.
        let constants: [String: Any] = ["stylesheet": Templates.stylesheet, "l": ReportView.words[language]]
        guard let html = Templates.render(view, with: "report", constants: constants) else {
            preconditionFailure("the report template is missing from CertifyTemplates")
        }
        return html
    }
}


// MARK: - View

/// The `report` template's view. Optional values are `false` when absent,
/// never a missing key: mustache would look the name up in the enclosing
/// objects instead.
private struct ReportView {
    let result: ScoreResult
    let context: ReportContext
    let l: Labels
    let reportFileName: String

    var language: Language { l.language }

    /// Points: always two decimals (`25.40`).
    static func points(_ value: Rational) -> String { value.pointsColumnText }

    /// Maxima and thresholds: the exact short decimal (`30`, `7.5`).
    static func compact(_ value: Rational) -> String { value.pointsText }

    /// A text, or `false` (no section) when there is none.
    static func optional(_ text: String?) -> Any {
        guard let text, !text.isEmpty else { return false }
        return text
    }

    func build() -> [String: Any] {
        let rubric = result.rubric
        return [
            // The head partial: a standalone page (inline style, CSP, no navigation).
            "standalone": true, "bodyClass": "report", "lang": language.rawValue,
            "version": context.engineVersion,
            "title": "\(rubric.title.text(language)) — \(result.dossier.id) — \(verdictText)",
            "t": ["intro": l[.report]],
            "rubric": [
                "title": rubric.title.text(language), "ref": "\(rubric.id) \(rubric.version)",
                "sha256": Self.optional(rubric.sha256),
            ] as [String: Any],
            "dossier": [
                "id": result.dossier.id, "submitted": Self.optional(result.dossier.submitted.map { "\($0)" }),
                "sha256": Self.optional(result.dossier.sha256),
            ] as [String: Any],
            "decision": decision(),
            "applicants": applicants(),
            "hasReviews": !result.reviews.isEmpty,
            "reviews": result.reviews.map { ["reviewer": $0.reviewer, "sha256": $0.sha256] },
            "chart": chart(),
            "areas": result.areas.map(area),
            "hasFindings": !result.findings.isEmpty,
            "findings": result.findings.map(finding),
            "hasEvidence": !result.dossier.evidence.isEmpty,
            "evidence": evidenceRegister(),
            "signature": signature(),
        ]
    }

    /// Every label by its case name (`l.total`), per language.
    static let words: [Language: [String: String]] = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, Label.table($0)) })

    // MARK: Decision

    var isPassFail: Bool {
        if case .pass = result.rubric.decision { return true }
        return false
    }

    /// The big word: the grade, or PASS/FAIL for a pass-fail rubric.
    var verdictText: String {
        if isPassFail { return result.certified ? l[.passVerdict] : l[.failVerdict] }
        return result.grade ?? l[.noGrade]
    }

    var thresholdText: String { l.threshold(of: result, number: Self.compact) }

    func decision() -> [String: Any] {
        let certified = result.certified
        var scale: Any = false
        if case .grades(let grades, _) = result.rubric.decision {
            scale = grades.map { "\($0.id) ≥ \(Self.compact($0.min))" }.joined(separator: " · ")
        }
        var validity: Any = false
        if let from = result.validFrom, let until = result.validUntil { validity = "\(from) – \(until)" }
        var reasons: [String] = []
        if !certified {
            reasons = result.findings.filter { $0.severity == .error }.map { finding in
                let message = finding.message.text(language)
                guard let id = finding.indicator, !message.contains(id) else { return message }
                return "\(id): \(message)"
            }
            if result.total < result.threshold {
                reasons.append(l.format(.belowThreshold, Self.points(result.total), thresholdText))
            }
        }
        return [
            "state": certified ? "yes" : "no",
            "caption": isPassFail ? l[.result] : l[.grade],
            "bigClass": isPassFail ? "big word" : "big",
            "verdict": verdictText,
            "badge": (certified ? "✓ " : "✗ ") + (certified ? l[.certifiedYes] : l[.certifiedNo]),
            "total": Self.points(result.total), "max": Self.compact(result.max), "threshold": thresholdText,
            "scale": scale, "validity": validity,
            "date": "\(result.decisionDate) · \(result.official ? l[.official] : l[.selfCheck])",
            "hasReasons": !reasons.isEmpty, "reasons": reasons,
        ]
    }

    func applicants() -> [[String: Any]] {
        result.dossier.applicants.map { applicant in
            let names = Language.allCases.compactMap { applicant.name[$0] }
            return [
                "names": names.isEmpty ? l[.unknown] : names.joined(separator: " / "),
                "id": applicant.id, "kind": l.applicantKind(applicant.kind),
                "role": Self.optional(applicant.role.map(l.applicantRole)),
            ]
        }
    }

    // MARK: Chart

    func chart() -> Any {
        let areas = result.areas
        guard !areas.isEmpty else { return false }
        let width = 680
        let rowHeight = 40
        let trackWidth = 560.0
        let largest = areas.map(\.max).max() ?? .one
        let bars = areas.enumerated().map { index, area -> [String: Any] in
            let y = index * rowHeight
            let track = largest > .zero ? trackWidth * fraction(area.max, largest) : 0
            let fill = area.max > .zero ? track * Swift.min(1, Swift.max(0, fraction(area.points, area.max))) : 0
            let label = area.label.text(language)
            return [
                "id": area.id, "label": label, "shortLabel": Self.truncate(label, 64),
                "value": "\(Self.points(area.points)) / \(Self.compact(area.max))",
                "labelY": String(y + 13), "barY": String(y + 19), "valueY": String(y + 31),
                "track": svg(track), "fill": svg(fill), "valueX": svg(track + 8),
            ]
        }
        return ["width": String(width), "height": String(areas.count * rowHeight + 4), "bars": bars] as [String: Any]
    }

    /// a / b as a Double for drawing only (4 places, from the exact value).
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

    func area(_ area: AreaResult) -> [String: Any] {
        [
            "id": area.id, "label": area.label.text(language),
            "points": Self.points(area.points), "max": Self.compact(area.max),
            "indicators": area.indicators.map(indicator),
        ]
    }

    func indicator(_ indicator: IndicatorResult) -> [String: Any] {
        [
            "id": indicator.id, "status": indicator.status.rawValue, "label": indicator.label.text(language),
            "mandatory": indicator.mandatory, "elective": indicator.electiveGroup != nil,
            "input": Self.optional(indicator.input.map { $0.text(language) }),
            "statusText": l[Label(indicator.status)],
            "points": Self.points(indicator.points), "max": Self.compact(indicator.max),
            "rule": indicator.rule.text(language),
            "hasEvidence": !indicator.evidence.isEmpty,
            "evidence": indicator.evidence.map { evidence -> [String: Any] in
                ["id": evidence.id, "sha256": evidence.sha256, "short": Self.shortHash(evidence.sha256)]
            },
            "panel": indicator.panel.map(panel) ?? false,
            "hasKPIs": !indicator.kpis.isEmpty,
            "kpis": indicator.kpis.map(kpi),
        ]
    }

    static func shortHash(_ value: String) -> String {
        value.count > 16 ? "\(value.prefix(8))…\(value.suffix(8))" : value
    }

    func panel(_ panel: PanelTrace) -> [String: Any] {
        // Mark one occurrence of each dropped score (ties are interchangeable).
        var toDrop = panel.dropped
        var dropped = Set<Int>()
        for (index, score) in panel.scores.enumerated() {
            if let position = toDrop.firstIndex(of: score.score) {
                dropped.insert(index)
                toDrop.remove(at: position)
            }
        }
        return [
            "scores": panel.scores.enumerated().map { index, score -> [String: Any] in
                ["reviewer": score.reviewer ?? l[.selfScore], "score": "\(score.score)", "dropped": dropped.contains(index)]
            },
            "mean": panel.mean.formatted(places: 3),
            "hasDropped": !dropped.isEmpty, "selfAssessed": panel.selfAssessed,
        ]
    }

    func kpi(_ kpi: KPITrace) -> [String: Any] {
        let unit = kpi.unit.map { " \($0)" } ?? ""
        return [
            "state": kpi.accepted ? "accepted" : "rejected",
            "id": kpi.id, "label": Self.optional(kpi.label),
            "direction": l[Label(kpi.direction)],
            "target": kpi.target.formatted(places: 12) + unit,
            "achieved": kpi.achieved.formatted(places: 12) + unit,
            "attainment": Self.percent(kpi.attainment),
            "accepted": kpi.accepted,
            "rejectedBy": kpi.rejectedBy.isEmpty ? false : kpi.rejectedBy.joined(separator: ", "),
        ]
    }

    /// Attainment as a percentage, exact when short (`75%`, `83.33…%`).
    static func percent(_ value: Rational) -> String {
        (value * Rational(100)).formatted(places: 2) + "%"
    }

    // MARK: Findings

    func finding(_ finding: Finding) -> [String: Any] {
        let mark = switch finding.severity { case .error: "✗"; case .warning: "!"; case .info: "i" }
        return [
            "severity": finding.severity.rawValue,
            "mark": mark,
            "severityText": l[Label(finding.severity)],
            "indicator": finding.indicator ?? "—",
            "message": finding.message.text(language),
        ]
    }

    // MARK: Evidence

    func evidenceRegister() -> [[String: Any]] {
        var users: [String: [String]] = [:]
        for indicator in result.areas.flatMap(\.indicators) {
            for item in indicator.evidence { users[item.id, default: []].append(indicator.id) }
        }
        return result.dossier.evidence.map { item in
            [
                "id": item.id, "title": item.title, "href": Self.optional(item.href), "sha256": item.sha256,
                "usedBy": (users[item.id] ?? []).enumerated().map { index, id -> [String: Any] in
                    ["id": id, "first": index == 0]
                },
            ]
        }
    }

    // MARK: Signature

    func signature() -> [String: Any] {
        let signer = context.signer
        let file = Self.shellWord(reportFileName)
        let commands = [
            "certify verify \(file) --pubkey KEY.pub.pem",
            "xmlsec1 --verify --pubkey-pem KEY.pub.pem \(file)",
            "openssl pkey -pubin -in KEY.pub.pem -outform DER | sha256sum",
        ]
        return [
            "keyID": signer.keyID, "name": Self.optional(signer.name),
            "generatedAt": context.generatedAt.isEmpty ? l[.unknown] : context.generatedAt,
            "commands": commands.joined(separator: "\n"),
            "authoritative": l.format(.authoritative, reportFileName),
        ]
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
}
