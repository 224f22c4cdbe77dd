import CertifyEngine
import CertifyModel

/// `certify score --format json`: the keys of formats.md, in its order, plus
/// a few extra keys (labels, evidence, panel and KPI traces, the date).
/// Findings come in both languages whatever `--lang` says: `message` in
/// English as formats.md has it, `messageKo` in Korean, and `code`, the
/// stable name of the message in the catalog. Rule texts are `rule` in
/// English; with Korean chosen (`language: .ko`) each indicator also has
/// `ruleKo` (and `inputKo` for inputs put in words, i.e. KPIs). They are
/// left out otherwise: a batch of thousands of records would grow by a
/// third for texts an English reader does not read.
public enum JSONRenderer {
    /// One JSON Lines record: the object and a newline, as UTF-8.
    public static func render(_ result: ScoreResult, language: Language = .en) -> [UInt8] {
        var json = JSONWriter()
        let encoded = RubricJSON.of(result.rubric)
        json.object { json in
            json.key("rubric"); json.value(encoded: encoded.reference)
            json.key("dossier"); json.reference(result.dossier)
            json.key("applicants")
            json.objects(result.dossier.applicants) { json, applicant in
                json.key("id"); json.string(applicant.id)
                json.key("kind"); json.string(applicant.kind)
                if let role = applicant.role { json.key("role"); json.string(role) }
                json.key("name"); json.localized(applicant.name)
            }
            json.key("total"); json.number(result.total)
            json.key("max"); json.number(result.max)
            json.key("grade"); json.string(result.grade)
            json.key("certified"); json.bool(result.certified)
            json.key("validFrom"); json.string(result.validFrom?.description)
            json.key("validUntil"); json.string(result.validUntil?.description)
            json.key("date"); json.string(result.decisionDate.description)
            json.key("official"); json.bool(result.official)
            json.key("threshold"); json.number(result.threshold)
            json.key("reviews")
            json.objects(result.reviews) { json, review in
                json.key("reviewer"); json.string(review.reviewer)
                json.key("sha256"); json.string(review.sha256)
            }
            json.key("areas")
            json.array { json in
                // By index: the results are read in place, not copied out.
                for index in result.areas.indices {
                    encoded.withArea(index, for: result.areas[index]) { area in
                        json.object { json in
                            json.members(area.head)
                            json.key("points"); json.number(result.areas[index].points)
                            json.members(area.tail)
                            json.key("indicators")
                            json.array { json in
                                for position in result.areas[index].indicators.indices {
                                    area.withIndicator(position) { encoded in
                                        indicator(&json, result.areas[index].indicators[position], encoded,
                                                  korean: language == .ko)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            json.key("findings")
            json.objects(result.findings) { json, finding in
                json.key("severity"); json.string(finding.severity.rawValue)
                json.key("indicator"); json.string(finding.indicator)
                json.key("code"); json.string(finding.message.code.rawValue)
                encoded.findings.write(finding.message, english: "message", korean: "messageKo", to: &json)
            }
        }
        json.newline()
        return json.bytes()
    }

    static func indicator(
        _ json: inout JSONWriter, _ result: IndicatorResult, _ encoded: RubricJSON.IndicatorJSON, korean: Bool
    ) {
        json.object { json in
            json.members(encoded.head)
            json.key("points"); json.number(result.points)
            json.members(encoded.max)
            json.members(statusMembers(result.status))
            json.key("input")
            switch result.input {
            case nil: json.null()
            case .text(let text)?: json.string(text)
            case .words(let words)?:
                if !RuleText.writeEnglish(words, to: &json) { json.string(words.english) }
                if korean { json.key("inputKo"); json.string(words.korean) }
            }
            json.key("rule"); encoded.rules.write(result.rule, listed: result.fixedRule, korean: false, to: &json)
            if korean {
                json.key("ruleKo"); encoded.rules.write(result.rule, listed: result.fixedRule, korean: true, to: &json)
            }
            json.members(encoded.tail)
            if !result.evidence.isEmpty {
                json.key("evidence")
                json.objects(result.evidence) { json, evidence in
                    json.key("id"); json.string(evidence.id)
                    json.key("href"); json.string(evidence.href)
                    json.key("sha256"); json.string(evidence.sha256)
                }
            }
            if let panel = result.panel {
                json.key("panel")
                json.object { json in
                    json.key("scores")
                    json.objects(panel.scores) { json, score in
                        json.key("reviewer"); json.string(score.reviewer)
                        json.key("score"); json.number(Rational(score.score))
                    }
                    json.key("dropped")
                    json.array { json in for value in panel.dropped { json.number(Rational(value)) } }
                    json.key("mean"); json.number(panel.mean.rounded(places: 4))
                }
            }
            if !result.kpis.isEmpty {
                json.key("kpis")
                json.objects(result.kpis) { json, kpi in
                    json.key("id"); json.string(kpi.id)
                    json.key("label"); json.string(kpi.label)
                    json.key("direction"); json.string(kpi.direction.rawValue)
                    json.key("target"); json.number(kpi.target)
                    json.key("achieved"); json.number(kpi.achieved)
                    json.key("attainment"); json.number(kpi.attainment.rounded(places: 4))
                    json.key("accepted"); json.bool(kpi.accepted)
                    json.key("rejectedBy")
                    json.array { json in for reviewer in kpi.rejectedBy { json.string(reviewer) } }
                }
            }
        }
    }
}

/// `"status": "…"` of each status, encoded once.
private func statusMembers(_ status: IndicatorResult.Status) -> EncodedJSON {
    switch status {
    case .scored: EncodedStatus.scored
    case .missing: EncodedStatus.missing
    case .notSelected: EncodedStatus.notSelected
    case .selfAssessed: EncodedStatus.selfAssessed
    }
}

private enum EncodedStatus {
    static let storage = EncodedJSONStorage()
    static let scored = members(.scored)
    static let missing = members(.missing)
    static let notSelected = members(.notSelected)
    static let selfAssessed = members(.selfAssessed)

    static func members(_ status: IndicatorResult.Status) -> EncodedJSON {
        storage.members { json in json.key("status"); json.string(status.rawValue) }
    }
}

extension JSONWriter {
    /// `{"ko": …, "en": …}` with the languages the text has: a label or a
    /// title in every JSON Certify writes (score records, the server's API).
    public mutating func localized(_ text: LocalizedText) {
        object { json in
            if let ko = text.ko { json.key("ko"); json.string(ko) }
            if let en = text.en { json.key("en"); json.string(en) }
        }
    }

    /// The rubric a result or a plan is of: its id, version and SHA-256.
    mutating func reference(_ rubric: Rubric) {
        object { json in
            json.key("id"); json.string(rubric.id)
            json.key("version"); json.string(rubric.version)
            json.key("sha256"); json.string(rubric.sha256)
        }
    }

    /// The dossier a result or a plan is of: its id and SHA-256.
    mutating func reference(_ dossier: Dossier) {
        object { json in
            json.key("id"); json.string(dossier.id)
            json.key("sha256"); json.string(dossier.sha256)
        }
    }
}
