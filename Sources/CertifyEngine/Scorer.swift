import CertifyModel

public struct ScoringOptions: Sendable {
    /// The decision date: the start of validity.
    public var date: CalendarDate
    /// Official scoring: a panel too small is an error, not a warning.
    public var official: Bool

    public init(date: CalendarDate, official: Bool = false) {
        self.date = date
        self.official = official
    }
}

/// The engine: a pure, deterministic function of (rubric, submission,
/// options). No I/O, no clock, no floating point.
public enum Scorer {
    /// Scores `submission` against `rubric`: every indicator by its method
    /// (`points(of:for:in:)`), electives (`Electives.chosen`), prerequisites,
    /// areas and total (`Aggregation`), then the decision (`Decision`) and
    /// validity. Findings are sorted by severity, then in the order found.
    public static func score(_ submission: Submission, rubric: Rubric, options: ScoringOptions) -> ScoreResult {
        let context = EvaluationContext(rubric: rubric, official: options.official, selfAssessed: submission.selfAssessed)
        var findings: [Finding] = []
        findings.reserveCapacity(rubric.indicators.count)

        // 1. Every indicator with an input, by its method.
        var results = ResultTable(rubric)
        for (position, indicator) in rubric.indicators.enumerated() {
            let (result, indicatorFindings) = evaluate(indicator, submission.inputs, position, context)
            if !indicatorFindings.isEmpty { findings += indicatorFindings }
            if indicator.input == .judgment {
                findings += panelFindings(indicator, result, submission, rubric, options)
            }
            results.place(result, at: position)
        }

        // 2. Electives: keep the declared (or, with none declared, the best k).
        for group in rubric.electiveGroups {
            findings += Electives.select(group, rubric: rubric, declared: submission.declaredElectives[group.id] ?? [],
                                         results: &results)
        }

        // 3. Mandatory prerequisites.
        for (position, indicator) in rubric.indicators.enumerated() where indicator.mandatory {
            guard !Aggregation.prerequisiteMet(
                points: results[position].points, missing: results[position].status == .missing) else { continue }
            findings.append(prerequisiteFinding(indicator))
        }

        // 4. Areas and total, on rounded indicator points.
        let areas = rubric.areas.indices.map { index in
            let area = rubric.areas[index], indicators = results.byArea[index]
            return AreaResult(
                id: area.id, label: area.label, points: Aggregation.areaPoints(indicators.lazy.map(\.points), max: area.max),
                max: area.max, indicators: indicators)
        }
        let total = Aggregation.total(areas.lazy.map(\.points))

        // 5. Decision and validity.
        let (grade, passes) = Decision.decide(total, rubric.decision)
        let certified = Decision.certified(passes: passes, findings: findings)
        if !passes {
            let message: Message = switch rubric.decision {
            case .pass(let mark): .belowPassMark(total: total.rounded(places: 2), mark: mark)
            case .grades(_, let from):
                .belowGrade(total: total.rounded(places: 2), grade: from, minimum: rubric.decision.certifyingThreshold)
            }
            findings.append(Finding(.info, indicator: nil, message: message))
        }
        // Stable by severity: errors, then warnings, then information, each
        // in the order found.
        var sorted: [Finding] = []
        sorted.reserveCapacity(findings.count)
        for severity in Finding.Severity.ranked {
            for finding in findings where finding.severity == severity { sorted.append(finding) }
        }
        return ScoreResult(
            rubric: rubric, dossier: submission.dossier,
            reviews: submission.reviews.map { ReviewReference(reviewer: $0.reviewer, sha256: $0.sha256) },
            decisionDate: options.date, official: options.official,
            total: total, max: rubric.maxTotal, grade: grade, certified: certified,
            validFrom: certified ? options.date : nil,
            validUntil: certified ? Validity.until(from: options.date, years: rubric.validityYears) : nil,
            areas: areas, findings: sorted)
    }

    /// The error finding of a mandatory indicator that scored 0 or is missing.
    public static func prerequisiteFinding(_ indicator: Indicator) -> Finding {
        Finding(
            .error, indicator: indicator.id,
            message: .prerequisiteNotMet(indicator: indicator.id, label: indicator.label))
    }

    /// Scores `inputs[position]`, read where it is: passing the element
    /// itself would copy it, retaining each of its parts.
    private static func evaluate(
        _ indicator: Indicator, _ inputs: [BoundInput?], _ position: Int, _ context: EvaluationContext
    ) -> (IndicatorResult, [Finding]) {
        guard inputs[position] != nil else {
            let what: Message.MissingInput = switch indicator.input {
            case .judgment: context.selfAssessed ? .selfAssessment : .reviewerScore
            case .kpis: .kpis
            default: .value
            }
            // Electives without a value are reported by `Electives` if selected.
            let findings = indicator.electiveGroup == nil
                ? [Finding(.warning, indicator: indicator.id, message: .noInput(what))] : []
            return (IndicatorResult(
                indicator: indicator, points: .zero, exactPoints: .zero, status: .missing, input: nil,
                rule: .ruleNoInput(what), fixedRule: FixedRules.missing(what, of: indicator),
                evidence: [], panel: nil, kpis: []), findings)
        }
        let evaluation = CertifyEngine.evaluate(inputs[position]!.value, for: indicator, in: context)
        let scored = IndicatorPoints(exact: clampedPoints(evaluation, indicator))
        let (exact, points) = (scored.exact, scored.rounded)
        var rule = evaluation.rule
        var fixedRule = evaluation.fixedRule
        if exact != points { rule = .ruleRounded(rule, points: points); fixedRule = nil }
        return (IndicatorResult(
            indicator: indicator, points: points, exactPoints: exact,
            status: indicator.input == .judgment && context.selfAssessed ? .selfAssessed : .scored, input: inputs[position]!.asGiven,
            rule: rule, fixedRule: fixedRule, evidence: inputs[position]!.evidence, panel: evaluation.panel, kpis: evaluation.kpis),
            evaluation.findings)
    }

    private static func panelFindings(
        _ indicator: Indicator, _ result: IndicatorResult, _ submission: Submission,
        _ rubric: Rubric, _ options: ScoringOptions
    ) -> [Finding] {
        guard let panel = rubric.panel else { return [] }
        if submission.selfAssessed {
            return [Finding(
                options.official ? .error : .warning, indicator: indicator.id,
                message: .panelNoReview(selfScoreUsed: result.status != .missing, minimum: panel.officialMinimum))]
        }
        let count = result.panel?.scores.count ?? 0
        guard count < panel.officialMinimum else { return [] }
        return [Finding(
            options.official ? .error : .warning, indicator: indicator.id,
            message: .panelTooSmall(count: count, minimum: panel.officialMinimum))]
    }
}

/// Indicator results grouped by area, as the score result shows them, and
/// addressed by the indicator's position in `rubric.indicators` (so that
/// electives and prerequisites can find them without copying them out).
struct ResultTable {
    private(set) var byArea: [[IndicatorResult]]
    private let areas: [Area]

    init(_ rubric: Rubric) {
        areas = rubric.areas
        byArea = rubric.areas.map { area in
            var results: [IndicatorResult] = []
            results.reserveCapacity(area.indicators.count)
            return results
        }
    }

    /// The area and place in it of the indicator at `position` (areas hold
    /// consecutive runs of `rubric.indicators`; there are only a few).
    private func place(of position: Int) -> (area: Int, index: Int) {
        var index = position
        for area in areas.indices {
            let count = areas[area].indicators.count
            if index < count { return (area, index) }
            index -= count
        }
        preconditionFailure("indicator position \(position) is outside the rubric")
    }

    /// Places the result of the indicator at `position`; indicators are
    /// placed in rubric order.
    mutating func place(_ result: IndicatorResult, at position: Int) {
        let (area, index) = place(of: position)
        precondition(byArea[area].count == index, "results placed out of order")
        byArea[area].append(result)
    }

    subscript(position: Int) -> IndicatorResult {
        get {
            let (area, index) = place(of: position)
            return byArea[area][index]
        }
        set {
            let (area, index) = place(of: position)
            byArea[area][index] = newValue
        }
    }
}
