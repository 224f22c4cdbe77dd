import CertifyEngine
import CertifyModel

/// The audit report (`urn:certify:report:1`, `Rubrics/schema/report.xsd`),
/// before signing: everything reports.md lists, in a fixed order.
public enum ReportXML {
    public static let namespace = CertifyNamespace.report

    static func unsigned(_ result: ScoreResult, context: ReportContext) -> XMLText {
        var xml = XMLText(depth: 1)
        xml.raw(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        xml.raw("\n<audit-report xmlns=\"\(namespace)\" format=\"1\">")
        xml.empty("engine", [("name", "certify"), ("version", context.engineVersion)])
        xml.text("generated-at", [], context.generatedAt)
        xml.element("rubric", [("id", result.rubric.id), ("version", result.rubric.version), ("sha256", result.rubric.sha256)]) { xml in
            localized(&xml, "title", result.rubric.title)
        }
        xml.empty("dossier", [("id", result.dossier.id), ("sha256", result.dossier.sha256)])
        for review in result.reviews {
            xml.empty("review", [("reviewer", review.reviewer), ("sha256", review.sha256)])
        }
        for applicant in result.dossier.applicants {
            xml.element("applicant", [("id", applicant.id), ("kind", applicant.kind), ("role", applicant.role)]) { xml in
                localized(&xml, "name", applicant.name)
            }
        }
        xml.empty("decision", [
            ("date", result.decisionDate.description), ("official", String(result.official)),
            ("total", number(result.total)), ("max", number(result.max)), ("threshold", number(result.threshold)),
            ("grade", result.grade), ("certified", String(result.certified)),
            ("valid-from", result.validFrom?.description), ("valid-until", result.validUntil?.description),
        ])
        for area in result.areas {
            xml.element("area", [("id", area.id), ("points", number(area.points)), ("max", number(area.max))]) { xml in
                localized(&xml, "label", area.label)
                for indicator in area.indicators { self.indicator(&xml, indicator) }
            }
        }
        for finding in result.findings {
            xml.text("finding", [("severity", finding.severity.rawValue), ("indicator", finding.indicator)], finding.message.english)
        }
        if let name = context.signer.name {
            xml.element("signer", [("key-id", context.signer.keyID)]) { xml in xml.text("name", [], name) }
        } else {
            xml.empty("signer", [("key-id", context.signer.keyID)])
        }
        return xml
    }

    private static func indicator(_ xml: inout XMLText, _ result: IndicatorResult) {
        xml.element("indicator", [
            ("id", result.id), ("points", number(result.points)), ("max", number(result.max)),
            ("status", result.status.rawValue), ("mandatory", result.mandatory ? "true" : nil),
            ("elective", result.electiveGroup),
        ]) { xml in
            localized(&xml, "label", result.label)
            if let input = result.input { xml.text("input", [], input.text(.en)) }
            xml.text("rule", [], result.rule.english)
            for evidence in result.evidence {
                xml.empty("evidence", [("id", evidence.id), ("sha256", evidence.sha256), ("href", evidence.href)])
            }
            if let panel = result.panel {
                xml.element("panel", [
                    ("mean", panel.mean.rounded(places: 6).formatted()),
                    ("dropped", panel.dropped.isEmpty ? nil : panel.dropped.map(String.init).joined(separator: " ")),
                    ("self-assessed", panel.selfAssessed ? "true" : nil),
                ]) { xml in
                    for score in panel.scores {
                        xml.empty("score", [("reviewer", score.reviewer), ("value", String(score.score))])
                    }
                }
            }
            for kpi in result.kpis {
                xml.text("kpi", [
                    ("id", kpi.id), ("direction", kpi.direction.rawValue), ("target", exact(kpi.target)),
                    ("achieved", exact(kpi.achieved)), ("unit", kpi.unit),
                    ("attainment", kpi.attainment.rounded(places: 6).formatted()),
                    ("accepted", String(kpi.accepted)),
                    ("rejected-by", kpi.rejectedBy.isEmpty ? nil : kpi.rejectedBy.joined(separator: " ")),
                ], kpi.label)
            }
        }
    }

    private static func localized(_ xml: inout XMLText, _ name: String, _ text: LocalizedText) {
        for language in Language.allCases {
            if let value = text[language] { xml.text(name, [("xml:lang", language.rawValue)], value) }
        }
    }

    static func number(_ value: Rational) -> String { value.pointsText }

    /// A dossier's decimal (at most 10 places by its schema) in full; the
    /// report's decimals take up to 12.
    static func exact(_ value: Rational) -> String { value.formatted(places: 12) }
}
