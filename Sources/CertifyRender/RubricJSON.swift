import CertifyEngine
import CertifyModel

/// The parts of a score record that depend only on the rubric (ids, maxima,
/// labels, roles), encoded once per rubric instead of once per dossier.
final class RubricJSON: Sendable {
    /// By area, then by indicator within the area, as results are grouped.
    let areas: [AreaJSON]
    /// The texts of the findings the rubric determines.
    let findings: MessageTexts

    final class AreaJSON: Sendable {
        let id: String
        let max: Rational
        let label: LocalizedText
        /// `"id": …`
        let head: [UInt8]
        /// `"max": …, "label": …`
        let tail: [UInt8]
        let indicators: [IndicatorJSON]

        init(id: String, max: Rational, label: LocalizedText, indicators: [Indicator]) {
            self.id = id
            self.max = max
            self.label = label
            head = JSONWriter.encodeMembers { json in json.key("id"); json.string(id) }
            tail = JSONWriter.encodeMembers { json in
                json.key("max"); json.number(max)
                json.key("label"); json.localized(label)
            }
            self.indicators = indicators.map(IndicatorJSON.init)
        }
    }

    final class IndicatorJSON: Sendable {
        let indicator: Indicator
        /// `"id": …`
        let head: [UInt8]
        /// `"max": …`
        let max: [UInt8]
        /// `"label": …` and, when they apply, `"mandatory"` and `"elective"`.
        let tail: [UInt8]
        /// The rule texts of its method's fixed outcomes.
        let rules: MessageTexts

        init(_ indicator: Indicator) {
            self.indicator = indicator
            head = JSONWriter.encodeMembers { json in json.key("id"); json.string(indicator.id) }
            max = JSONWriter.encodeMembers { json in json.key("max"); json.number(indicator.max) }
            tail = JSONWriter.encodeMembers { json in
                json.key("label"); json.localized(indicator.label)
                if indicator.mandatory { json.key("mandatory"); json.bool(true) }
                if let group = indicator.electiveGroup { json.key("elective"); json.string(group) }
            }
            rules = MessageTexts.rules(of: indicator)
        }
    }

    private init(_ rubric: Rubric) {
        areas = rubric.areas.map { AreaJSON(id: $0.id, max: $0.max, label: $0.label, indicators: $0.indicators) }
        findings = MessageTexts.findings(of: rubric)
    }

    /// The encoding of `rubric`, made on first use and kept with it.
    static func of(_ rubric: Rubric) -> RubricJSON {
        rubric.derived(RubricJSON.self, make: RubricJSON.init)
    }

    /// The encoding for the result of area `index`: the cached one when the
    /// result shows exactly the rubric's area (results the scorer made always
    /// do); otherwise one made for the occasion from the result's own values.
    func area(_ index: Int, for result: AreaResult) -> AreaJSON {
        if areas.indices.contains(index), areas[index].id == result.id,
           areas[index].max == result.max, areas[index].label == result.label,
           areas[index].indicators.count == result.indicators.count,
           zip(areas[index].indicators, result.indicators).allSatisfy({ $0.indicator === $1.indicator }) {
            return areas[index]
        }
        return AreaJSON(id: result.id, max: result.max, label: result.label, indicators: result.indicators.map(\.indicator))
    }
}
