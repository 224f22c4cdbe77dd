import CertifyEngine
import CertifyModel

/// How an indicator scores, in words a person reads on the pages: the bands
/// as ranges with points ("3–5 → 7점"), a linear rule as "0 → 0점, 50 이상
/// → 10점, 그 사이는 비례". The CLI's rule texts (the catalog's `rule…`
/// messages) are exact formulas for auditors; the pages say the same in
/// words, from the same rubric data.
struct RuleWords {
    let language: Language

    private func t(_ word: PageWord, _ values: String...) -> String {
        word.text(language, values: values)
    }

    private static func n(_ value: Rational) -> String { SelfCheckView.points(value) }

    /// A band `[min, upper)` as a range of whole counts ("3–5") or of
    /// numbers ("3 이상 6 미만").
    private func range(_ min: Rational, _ upper: Rational?, whole: Bool) -> String {
        guard let upper else { return t(.bandFrom, Self.n(min)) }
        if whole, min.isInteger, upper.isInteger {
            let last = upper - Rational(1)
            return last == min ? Self.n(min) : "\(Self.n(min))–\(Self.n(last))"
        }
        return t(.bandBetween, Self.n(min), Self.n(upper))
    }

    private func bands(_ bands: [Band], whole: Bool) -> String {
        bands.enumerated().map { index, band in
            let upper = index + 1 < bands.count ? bands[index + 1].min : nil
            return "\(range(band.min, upper, whole: whole)) → \(t(.pointsEach, Self.n(band.points)))"
        }.joined(separator: ", ")
    }

    /// The scale of an indicator, for its hint: every band, or the ends of
    /// a linear rule; nil for methods whose choices the form lists.
    func scale(_ indicator: Indicator) -> String? {
        let whole = indicator.input == .count || indicator.input == .set
        switch indicator.method {
        case .bands(let list): return bands(list, whole: whole)
        case .recognisedCount(_, let list): return t(.recognisedCountScale, bands(list, whole: true))
        case .linear(let lo, let hi):
            return t(.linearScale, Self.n(lo), Self.n(hi), Self.n(indicator.max))
        case .recognisedEach(_, let points): return t(.eachScale, Self.n(points), Self.n(indicator.max))
        case .kpiAttainment(let zeroAt, let fullAt):
            return t(.kpiScale, Self.n(zeroAt * Rational(100)), Self.n(fullAt * Rational(100)), Self.n(indicator.max))
        case .choices, .yesNo, .judgment: return nil
        }
    }

    /// Why an indicator got its points, in words.
    func explain(_ rule: Message, indicator: Indicator, choice: (String) -> String) -> String {
        let whole = indicator.input == .count || indicator.input == .set
        switch rule {
        case .ruleNoInput(let missing):
            return missing == .value || missing == .kpis ? t(.whyNoValue) : t(.whyNoScore)
        case .ruleBand(let band):
            return t(.whyBand, range(band.min, band.upper, whole: whole), Self.n(band.points))
        case .ruleBelowFirstBand: return t(.whyBelow)
        case .ruleLinear(_, let value, let lo, let hi, let points):
            return t(.whyLinear, Self.n(value), Self.n(lo), Self.n(hi), Self.n(points))
        case .ruleChoice(let value, let points): return t(.whyChoice, choice(value), Self.n(points))
        case .ruleYesNo(let value, let points): return t(.whyChoice, t(value ? .yes : .no), Self.n(points))
        case .ruleRecognisedCount(let ids, let band):
            return t(.whyRecognised, String(ids.count), band.map { Self.n($0.points) } ?? "0")
        case .ruleRecognisedEach(let ids, _, _, let capped):
            return t(.whyRecognised, String(ids.count), Self.n(capped ?? Rational(ids.count) * Self.each(indicator)))
        case .ruleKPIAttainment(let mean, _, _, _, _, let points):
            return t(.whyKPI, Self.n(mean * Rational(100)), Self.n(points))
        case .ruleNoAcceptedKPI: return t(.whyNoKPI)
        case .ruleJudgment(let selfAssessed, _, _, let mean, _, _, _, let points):
            return t(selfAssessed ? .whySelf : .whyPanel, mean.rounded(places: 2).formatted(), Self.n(points))
        case .ruleElectiveNotSelected: return t(.whyNotSelected)
        case .ruleRounded(let inner, _): return explain(inner, indicator: indicator, choice: choice)
        default: return rule.text(language)
        }
    }

    private static func each(_ indicator: Indicator) -> Rational {
        if case .recognisedEach(_, let points) = indicator.method { return points }
        return Rational(0)
    }
}
