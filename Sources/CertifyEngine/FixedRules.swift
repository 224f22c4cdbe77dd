import CertifyModel

/// The rules an indicator's results can only take a few ways: each band,
/// choice and yes/no answer of its method, its missing inputs and, for an
/// elective, "not selected". They are listed once per indicator, in this
/// order, and a result that ends in one of them says which
/// (`IndicatorResult.fixedRule`), so that a renderer with the texts
/// encoded per rubric finds them by position instead of comparing rules.
public enum FixedRules {
    /// The fixed rules of `indicator`, in the order `fixedRule` counts.
    public static func of(_ indicator: Indicator) -> [Message] {
        var rules: [Message] = []
        switch indicator.method {
        case .bands(let bands):
            for (index, band) in bands.enumerated() {
                rules.append(.ruleBand(step(band, upper: index + 1 < bands.count ? bands[index + 1].min : nil)))
            }
        case .choices(let choices):
            rules += choices.map { .ruleChoice(value: $0.value, points: $0.points) }
        case .yesNo(let yes, let no):
            rules += [.ruleYesNo(value: true, points: yes), .ruleYesNo(value: false, points: no)]
        case .linear, .recognisedCount, .recognisedEach, .kpiAttainment, .judgment:
            break
        }
        rules += Message.MissingInput.allCases.map { .ruleNoInput($0) }
        if indicator.electiveGroup != nil { rules.append(.ruleElectiveNotSelected) }
        return rules
    }

    /// How many of the rules are the method's own outcomes.
    static func methodCount(_ indicator: Indicator) -> Int {
        switch indicator.method {
        case .bands(let bands): bands.count
        case .choices(let choices): choices.count
        case .yesNo: 2
        case .linear, .recognisedCount, .recognisedEach, .kpiAttainment, .judgment: 0
        }
    }

    /// The position of `.ruleNoInput(what)`.
    static func missing(_ what: Message.MissingInput, of indicator: Indicator) -> Int {
        methodCount(indicator) + Message.MissingInput.allCases.firstIndex(of: what)!
    }

    /// The position of `.ruleElectiveNotSelected`, for an elective.
    static func notSelected(of indicator: Indicator) -> Int? {
        indicator.electiveGroup == nil ? nil : methodCount(indicator) + Message.MissingInput.allCases.count
    }
}
