import CertifyEngine
import CertifyModel

/// `certify score --format json`: the keys of formats.md, in its order, plus
/// a few extra keys (labels, evidence, panel and KPI traces, the date).
public enum JSONRenderer {
    public static func render(_ result: ScoreResult) -> String {
        JSONWriter.render(value(result))
    }

    static func value(_ result: ScoreResult) -> JSONWriter.Value {
        typealias V = JSONWriter.Value
        let applicants: [V] = result.dossier.applicants.map { applicant in
            var members: [(String, V)] = [("id", .string(applicant.id)), ("kind", .string(applicant.kind))]
            if let role = applicant.role { members.append(("role", .string(role))) }
            members.append(("name", localized(applicant.name)))
            return .object(members)
        }
        let areas: [V] = result.areas.map { area in
            .object([
                ("id", .string(area.id)), ("points", .number(area.points)), ("max", .number(area.max)),
                ("label", localized(area.label)),
                ("indicators", .array(area.indicators.map(indicator))),
            ])
        }
        let findings: [V] = result.findings.map { finding in
            .object([
                ("severity", .string(finding.severity.rawValue)), ("indicator", .string(finding.indicator)),
                ("message", .string(finding.message)),
            ])
        }
        return .object([
            ("rubric", .object([
                ("id", .string(result.rubric.id)), ("version", .string(result.rubric.version)),
                ("sha256", .string(result.rubric.sha256)),
            ])),
            ("dossier", .object([("id", .string(result.dossier.id)), ("sha256", .string(result.dossier.sha256))])),
            ("applicants", .array(applicants)),
            ("total", .number(result.total)), ("max", .number(result.max)),
            ("grade", .string(result.grade)), ("certified", .bool(result.certified)),
            ("validFrom", .string(result.validFrom?.description)),
            ("validUntil", .string(result.validUntil?.description)),
            ("date", .string(result.decisionDate.description)),
            ("official", .bool(result.official)),
            ("threshold", .number(result.threshold)),
            ("reviews", .array(result.reviews.map {
                .object([("reviewer", .string($0.reviewer)), ("sha256", .string($0.sha256))])
            })),
            ("areas", .array(areas)),
            ("findings", .array(findings)),
        ])
    }

    static func indicator(_ result: IndicatorResult) -> JSONWriter.Value {
        typealias V = JSONWriter.Value
        var members: [(String, V)] = [
            ("id", .string(result.id)), ("points", .number(result.points)), ("max", .number(result.max)),
            ("status", .string(result.status.rawValue)), ("input", .string(result.input)),
            ("rule", .string(result.rule)), ("label", localized(result.label)),
        ]
        if result.mandatory { members.append(("mandatory", .bool(true))) }
        if let group = result.electiveGroup { members.append(("elective", .string(group))) }
        if !result.evidence.isEmpty {
            members.append(("evidence", .array(result.evidence.map {
                .object([("id", .string($0.id)), ("href", .string($0.href)), ("sha256", .string($0.sha256))])
            })))
        }
        if let panel = result.panel {
            members.append(("panel", .object([
                ("scores", .array(panel.scores.map {
                    .object([("reviewer", .string($0.reviewer)), ("score", .number(Rational($0.score)))])
                })),
                ("dropped", .array(panel.dropped.map { .number(Rational($0)) })),
                ("mean", .number(panel.mean.rounded(places: 4))),
            ])))
        }
        if !result.kpis.isEmpty {
            members.append(("kpis", .array(result.kpis.map { kpi in
                .object([
                    ("id", .string(kpi.id)), ("label", .string(kpi.label)), ("direction", .string(kpi.direction)),
                    ("target", .number(kpi.target)), ("achieved", .number(kpi.achieved)),
                    ("attainment", .number(kpi.attainment.rounded(places: 4))),
                    ("accepted", .bool(kpi.accepted)),
                    ("rejectedBy", .array(kpi.rejectedBy.map { .string($0) })),
                ])
            })))
        }
        return .object(members)
    }

    static func localized(_ text: LocalizedText) -> JSONWriter.Value {
        .object(Language.allCases.compactMap { language in
            text[language].map { (language.rawValue, .string($0)) }
        })
    }
}

extension JSONRenderer {
    /// The 2-decimal values the contract promises: exact, so `8.33`, never `8.329999`.
    static func points(_ value: Rational) -> String { value.rounded(places: 2).formatted() }
}
