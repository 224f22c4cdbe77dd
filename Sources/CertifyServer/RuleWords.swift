import CertifyEngine
import CertifyModel

/// How an indicator scores, in words a person reads on the pages: the bands
/// as ranges with points ("3–5 → 7점"), a linear rule as "0 → 0점, 50 이상
/// → 10점, 그 사이는 비례". The CLI's rule texts (the catalog's `rule…`
/// messages) are exact formulas for auditors; the pages say the same in
/// words, from the same rubric data.
struct RuleWords {
    let language: Language

    private func t(_ key: String, _ values: String...) -> String {
        var text = UIText.text(key, language)
        for (index, value) in values.enumerated() { text = text.replacingOccurrences(of: "%\(index + 1)", with: value) }
        return text
    }

    private static func n(_ value: Rational) -> String { SelfCheckView.points(value) }

    /// A band `[min, upper)` as a range of whole counts ("3–5") or of
    /// numbers ("3 이상 6 미만").
    private func range(_ min: Rational, _ upper: Rational?, whole: Bool) -> String {
        guard let upper else { return t("band-from", Self.n(min)) }
        if whole, min.isInteger, upper.isInteger {
            let last = upper - Rational(1)
            return last == min ? Self.n(min) : "\(Self.n(min))–\(Self.n(last))"
        }
        return t("band-between", Self.n(min), Self.n(upper))
    }

    private func bands(_ bands: [Band], whole: Bool) -> String {
        bands.enumerated().map { index, band in
            let upper = index + 1 < bands.count ? bands[index + 1].min : nil
            return "\(range(band.min, upper, whole: whole)) → \(t("points-each", Self.n(band.points)))"
        }.joined(separator: ", ")
    }

    /// The scale of an indicator, for its hint: every band, or the ends of
    /// a linear rule; nil for methods whose choices the form lists.
    func scale(_ indicator: Indicator) -> String? {
        let whole = indicator.input == .count || indicator.input == .set
        switch indicator.method {
        case .bands(let list): return bands(list, whole: whole)
        case .recognisedCount(_, let list): return t("recognised-count-scale", bands(list, whole: true))
        case .linear(let lo, let hi):
            return t("linear-scale", Self.n(lo), Self.n(hi), Self.n(indicator.max))
        case .recognisedEach(_, let points): return t("each-scale", Self.n(points), Self.n(indicator.max))
        case .kpiAttainment(let zeroAt, let fullAt):
            return t("kpi-scale", Self.n(zeroAt * Rational(100)), Self.n(fullAt * Rational(100)), Self.n(indicator.max))
        case .choices, .yesNo, .judgment: return nil
        }
    }

    /// Why an indicator got its points, in words.
    func explain(_ rule: Message, indicator: Indicator, choice: (String) -> String) -> String {
        let whole = indicator.input == .count || indicator.input == .set
        switch rule {
        case .ruleNoInput(let missing):
            return missing == .value || missing == .kpis ? t("why-no-value") : t("why-no-score")
        case .ruleBand(let band):
            return t("why-band", range(band.min, band.upper, whole: whole), Self.n(band.points))
        case .ruleBelowFirstBand: return t("why-below")
        case .ruleLinear(_, let value, let lo, let hi, let points):
            return t("why-linear", Self.n(value), Self.n(lo), Self.n(hi), Self.n(points))
        case .ruleChoice(let value, let points): return t("why-choice", choice(value), Self.n(points))
        case .ruleYesNo(let value, let points): return t("why-choice", t(value ? "yes" : "no"), Self.n(points))
        case .ruleRecognisedCount(let ids, let band):
            return t("why-recognised", String(ids.count), band.map { Self.n($0.points) } ?? "0")
        case .ruleRecognisedEach(let ids, _, _, let capped):
            return t("why-recognised", String(ids.count), Self.n(capped ?? Rational(ids.count) * Self.each(indicator)))
        case .ruleKPIAttainment(let mean, _, _, _, _, let points):
            return t("why-kpi", Self.n(mean * Rational(100)), Self.n(points))
        case .ruleNoAcceptedKPI: return t("why-no-kpi")
        case .ruleJudgment(let selfAssessed, _, _, let mean, _, _, _, let points):
            return t(selfAssessed ? "why-self" : "why-panel", mean.rounded(places: 2).formatted(), Self.n(points))
        case .ruleElectiveNotSelected: return t("why-not-selected")
        case .ruleRounded(let inner, _): return explain(inner, indicator: indicator, choice: choice)
        default: return rule.text(language)
        }
    }

    private static func each(_ indicator: Indicator) -> Rational {
        if case .recognisedEach(_, let points) = indicator.method { return points }
        return Rational(0)
    }
}
