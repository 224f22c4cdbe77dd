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
        let head: EncodedJSON
        /// `"max": …, "label": …`
        let tail: EncodedJSON
        let indicators: [IndicatorJSON]
        /// `indicators` again, to be read without a reference count: the
        /// threads of a batch read the same ones at once (see `EncodedJSON`).
        private let unretained: [Unmanaged<IndicatorJSON>]
        private let storage = EncodedJSONStorage()

        init(id: String, max: Rational, label: LocalizedText, indicators: [Indicator]) {
            self.id = id
            self.max = max
            self.label = label
            head = storage.members { json in json.key("id"); json.string(id) }
            tail = storage.members { json in
                json.key("max"); json.number(max)
                json.key("label"); json.localized(label)
            }
            self.indicators = indicators.map(IndicatorJSON.init)
            unretained = self.indicators.map { Unmanaged.passUnretained($0) }
        }

        /// Calls `body` with the encoding of the indicator at `position`
        /// (valid while this area's encoding lives, as `body` runs).
        func withIndicator<Result>(_ position: Int, _ body: (IndicatorJSON) -> Result) -> Result {
            unretained[position]._withUnsafeGuaranteedRef(body)
        }
    }

    final class IndicatorJSON: Sendable {
        let indicator: Indicator
        /// `"id": …`
        let head: EncodedJSON
        /// `"max": …`
        let max: EncodedJSON
        /// `"label": …` and, when they apply, `"mandatory"` and `"elective"`.
        let tail: EncodedJSON
        /// The rule texts of its method's fixed outcomes.
        let rules: MessageTexts
        private let storage = EncodedJSONStorage()

        init(_ indicator: Indicator) {
            self.indicator = indicator
            head = storage.members { json in json.key("id"); json.string(indicator.id) }
            max = storage.members { json in json.key("max"); json.number(indicator.max) }
            tail = storage.members { json in
                json.key("label"); json.localized(indicator.label)
                if indicator.mandatory { json.key("mandatory"); json.bool(true) }
                if let group = indicator.electiveGroup { json.key("elective"); json.string(group) }
            }
            rules = MessageTexts.rules(of: indicator)
        }
    }

    /// `areas` again, to be read without a reference count (see `AreaJSON`).
    private let unretainedAreas: [Unmanaged<AreaJSON>]
    /// The rubric's id, version and SHA-256, as a record's `rubric`.
    let reference: EncodedJSON
    private let storage = EncodedJSONStorage()

    private init(_ rubric: Rubric) {
        reference = storage.value { json in json.reference(rubric) }
        areas = rubric.areas.map { AreaJSON(id: $0.id, max: $0.max, label: $0.label, indicators: $0.indicators) }
        unretainedAreas = areas.map { Unmanaged.passUnretained($0) }
        findings = MessageTexts.findings(of: rubric)
    }

    /// The encoding of `rubric`, made on first use and kept with it.
    static func of(_ rubric: Rubric) -> RubricJSON {
        rubric.derived(RubricJSON.self, make: RubricJSON.init)
    }

    /// Calls `body` with the encoding for the result of area `index`: the
    /// cached one when the result shows exactly the rubric's area (results
    /// the scorer made always do); otherwise one made for the occasion from
    /// the result's own values.
    func withArea<Result>(_ index: Int, for result: AreaResult, _ body: (AreaJSON) -> Result) -> Result {
        if unretainedAreas.indices.contains(index),
           unretainedAreas[index]._withUnsafeGuaranteedRef({ $0.shows(result) }) {
            return unretainedAreas[index]._withUnsafeGuaranteedRef(body)
        }
        return body(AreaJSON(
            id: result.id, max: result.max, label: result.label, indicators: result.indicators.map(\.indicator)))
    }
}

extension RubricJSON.AreaJSON {
    /// Whether `result` is of this area as encoded: the same id, maximum,
    /// label and indicators (the same objects, in the same order).
    func shows(_ result: AreaResult) -> Bool {
        guard id == result.id, max == result.max, label == result.label,
              indicators.count == result.indicators.count else { return false }
        for position in result.indicators.indices
        where !withIndicator(position, { $0.indicator === result.indicators[position].indicator }) {
            return false
        }
        return true
    }
}
