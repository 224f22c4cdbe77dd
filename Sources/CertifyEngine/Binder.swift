import CertifyModel

/// Checks a dossier and its reviews against a rubric — everything an XSD
/// cannot: indicator ids, value types and ranges, duplicates, references,
/// elective counts, applicant kinds, review/dossier ids — and types the
/// values. Every problem is reported, located, naming the indicator.
public enum Binder {
    /// Checks `dossier` and its `reviews` against `rubric` and types every
    /// value; the only way to make a `Submission`.
    /// - Throws: `.invalidInput` with every problem found, each located in
    ///   the dossier or review it is about (the file name is added by the
    ///   caller, which knows it).
    public static func bind(
        _ dossier: consuming Dossier, reviews: [Review], to rubric: Rubric
    ) throws(CertifyError) -> Submission {
        // The binder reads the dossier where it is, and the submission takes
        // it from here (a binder holding it would copy it into the submission).
        var binder = BinderState(rubric: rubric, indicators: rubric.indicators.count)
        binder.checkApplicants(dossier)
        binder.checkEvidence(dossier)
        binder.bindValues(dossier)
        binder.bindElectives(dossier)
        binder.bindKPIs(dossier, reviews)
        binder.bindJudgments(dossier, reviews)
        guard binder.diagnostics.isEmpty else { throw CertifyError(.invalidInput, binder.diagnostics) }
        return Submission(
            dossier: dossier, reviews: reviews, inputs: binder.inputs, declaredElectives: binder.declaredElectives)
    }
}

private struct BinderState {
    let rubric: Rubric
    var diagnostics: [Diagnostic] = []
    /// By indicator position in the rubric.
    var inputs: [BoundInput?]
    /// Where the next indicator looked up probably is (see `Rubric.position`).
    var hint = 0
    var declaredElectives: [String: [String]] = [:]
    var evidence: [String: Evidence] = [:]

    init(rubric: Rubric, indicators count: Int) {
        self.rubric = rubric
        // Each slot set to nil in place (`Array(repeating:count:)` copies
        // its value into every slot through the enum's value witness).
        inputs = Array(unsafeUninitializedCapacity: count) { slots, initialized in
            for index in 0..<count { (slots.baseAddress! + index).initialize(to: nil) }
            initialized = count
        }
    }

    mutating func fail(_ message: Message, at position: SourcePosition, file: String? = nil) {
        diagnostics.append(Diagnostic(message, at: position, file: file))
    }

    /// The indicator a dossier element names, or a located error.
    mutating func indicator(_ id: String, at position: SourcePosition, file: String? = nil) -> Indicator? {
        indexed(id, at: position, file: file)?.indicator
    }

    /// The indicator a dossier element names and its position, or a located error.
    mutating func indexed(
        _ id: String, at position: SourcePosition, file: String? = nil
    ) -> (indicator: Indicator, position: Int)? {
        // Only an id can name one: the schema gives a reference no pattern
        // (dossier.xsd's Ref), and String's == would find `K1` for `\u{212A}1`.
        if Self.isIdent(id), let found = rubric.position(of: id, hint: &hint) { return (rubric.indicators[found], found) }
        fail(.unknownIndicator(id: id, rubric: rubric.id, version: rubric.version), at: position, file: file)
        return nil
    }

    mutating func checkApplicants(_ dossier: Dossier) {
        if dossier.applicants.count > 1 && !rubric.jointApplicants {
            fail(.singleApplicantOnly(rubric: rubric.id, count: dossier.applicants.count),
                 at: dossier.applicants[1].location)
        }
        // No set to build for the usual single applicant (the schema bounds
        // no joint application: a set, not a scan of the earlier ones).
        var ids = Set<String>()
        for applicant in dossier.applicants {
            if dossier.applicants.count > 1 && !ids.insert(applicant.id).inserted {
                fail(.applicantTwice(applicant: applicant.id), at: applicant.location)
            }
            if !rubric.applicantKinds.contains(applicant.kind) {
                fail(.applicantKindNotAdmitted(
                    applicant: applicant.id, kind: applicant.kind, rubric: rubric.id, admitted: rubric.applicantKinds),
                     at: applicant.location)
            }
            if let role = applicant.role, !rubric.applicantRoles.contains(role) {
                fail(.applicantRoleNotAdmitted(applicant: applicant.id, role: role, admitted: rubric.applicantRoles),
                     at: applicant.location)
            }
            for language in applicant.name.others.keys.sorted() {
                fail(.applicantNameLanguage(applicant: applicant.id, language: language), at: applicant.location)
            }
            if applicant.name.isBlank {
                fail(.applicantNameMissing(applicant: applicant.id), at: applicant.location)
            }
        }
        if let submitted = dossier.submitted, CalendarDate(iso: submitted) == nil {
            fail(.submittedNotDate(submitted), at: dossier.location)
        }
    }

    mutating func checkEvidence(_ dossier: Dossier) {
        evidence.reserveCapacity(dossier.evidence.count)
        for item in dossier.evidence {
            if evidence[item.id] != nil {
                fail(.evidenceTwice(evidence: item.id), at: item.location)
            }
            // The schema checks the length only (see dossier.xsd's Sha256).
            if !Self.isSHA256(item.sha256) {
                fail(.evidenceDigestNotHex(evidence: item.id, given: item.sha256), at: item.location)
            }
            evidence[item.id] = item
        }
    }

    /// An id as the schemas' `Ident` has it: 1-64 of A-Z a-z 0-9 _ . -
    static func isIdent(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            (1...64).contains(bytes.count) && bytes.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"):
                    true
                default:
                    false
                }
            }
        }
    }

    /// 64 hexadecimal digits, either case.
    static func isSHA256(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.count == 64 && bytes.allSatisfy(Hex.isDigit) }
    }

    mutating func evidence(for ids: [String], indicator: String, at position: SourcePosition) -> [Evidence] {
        var result: [Evidence] = []
        for id in ids {
            if Self.isIdent(id), let item = evidence[id] { result.append(item) } else {
                fail(.evidenceUndeclared(indicator: indicator, evidence: id), at: position)
            }
        }
        return result
    }

    mutating func bindValues(_ dossier: Dossier) {
        for value in dossier.values {
            guard let (indicator, position) = indexed(value.indicator, at: value.location) else { continue }
            let id = indicator.id
            if inputs[position] != nil {
                fail(.valueTwice(indicator: id), at: value.location)
                continue
            }
            let attached = evidence(for: value.evidence, indicator: id, at: value.location)
            guard let typed = typedValue(value, indicator) else { continue }
            inputs[position] = BoundInput(value: typed.0, asGiven: typed.1, evidence: attached)
        }
    }

    private mutating func typedValue(_ value: IndicatorValue, _ indicator: Indicator) -> (IndicatorInput, GivenInput)? {
        let id = indicator.id
        let text = value.text
        let at = value.location
        if value.hasItems && indicator.input != .set {
            fail(.notASingleValue(indicator: id, kind: indicator.input), at: at)
            return nil
        }
        switch indicator.input {
        case .count:
            if text.hasPrefix("-"), Rational(decimal: text) != nil {
                fail(.negativeCount(indicator: id, given: text), at: at); return nil
            }
            guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), text.utf8.count <= 12,
                  let number = Rational(decimal: text) else {
                fail(.notACount(indicator: id, given: text), at: at); return nil
            }
            return checkedNumber(number, text, indicator, at: at)
        case .decimal, .percent:
            guard text.utf8.count <= 30, let number = Rational(decimal: text) else {
                fail(.notADecimal(indicator: id, given: text), at: at); return nil
            }
            if indicator.input == .percent, number < .zero || number > Rational(100) {
                fail(.percentOutOfRange(indicator: id, given: text), at: at); return nil
            }
            return checkedNumber(number, text, indicator, at: at)
        case .boolean:
            guard text == "true" || text == "false" else {
                fail(.notABoolean(indicator: id, given: text), at: at); return nil
            }
            return (.boolean(text == "true"), .text(text))
        case .enum:
            guard case .choices(let choices) = indicator.method else { return nil }
            guard choices.contains(where: { $0.value == text }) else {
                fail(.notAChoice(indicator: id, given: text, choices: choices.map(\.value)), at: at)
                return nil
            }
            return (.choice(text), .text(text))
        case .set:
            if !text.isEmpty {
                fail(.setNotItems(indicator: id, given: text), at: at); return nil
            }
            if value.items.contains(where: \.isEmpty) {
                fail(.emptyItem(indicator: id), at: at); return nil
            }
            return (.set(value.items), .text(value.items.joined(separator: ", ")))
        case .kpis:
            fail(.kpiNotValue(indicator: id), at: at)
            return nil
        case .judgment:
            fail(.judgmentNotValue(indicator: id), at: at)
            return nil
        }
    }

    /// Values below the first band (or negative, for linear) are invalid.
    private mutating func checkedNumber(
        _ number: Rational, _ text: String, _ indicator: Indicator, at: SourcePosition
    ) -> (IndicatorInput, GivenInput)? {
        var floor: Rational?
        switch indicator.method {
        case .bands(let bands): floor = bands.first?.min
        case .linear: floor = indicator.input == .decimal ? nil : .zero
        default: break
        }
        if let floor, number < floor {
            fail(.belowLowestBand(indicator: indicator.id, given: text, floor: floor), at: at)
            return nil
        }
        return (.number(number), .text(text))
    }

    mutating func bindElectives(_ dossier: Dossier) {
        var seen = Set<String>()
        for declaration in dossier.electives {
            guard let indicator = indicator(declaration.indicator, at: declaration.location) else { continue }
            guard let group = indicator.electiveGroup else {
                fail(.notElective(indicator: indicator.id), at: declaration.location)
                continue
            }
            if !seen.insert(indicator.id).inserted {
                fail(.electiveTwice(indicator: indicator.id), at: declaration.location)
                continue
            }
            declaredElectives[group, default: []].append(indicator.id)
        }
        for group in rubric.electiveGroups {
            let declared = declaredElectives[group.id] ?? []
            if declared.count > group.choose {
                let at = dossier.electives.first { $0.indicator == declared[group.choose] }?.location ?? dossier.location
                fail(.tooManyElectives(declared: declared, group: group.id, choose: group.choose), at: at)
            }
        }
    }

    mutating func bindKPIs(_ dossier: Dossier, _ reviews: [Review]) {
        // By indicator position: the KPIs, and each as the applicant wrote it.
        var kpis: [Int: (list: [KPIInput], given: [Message.GivenKPI])] = [:]
        var ids = Set<String>(minimumCapacity: dossier.kpis.count)
        for kpi in dossier.kpis {
            guard let (indicator, position) = indexed(kpi.indicator, at: kpi.location) else { continue }
            let id = indicator.id
            guard indicator.input == .kpis else {
                fail(.notKPIIndicator(indicator: id), at: kpi.location); continue
            }
            if !ids.insert(kpi.id).inserted {
                fail(.kpiIDTwice(indicator: id, kpi: kpi.id), at: kpi.location); continue
            }
            let direction = kpi.direction
            guard let target = Rational(decimal: kpi.target), let achieved = Rational(decimal: kpi.achieved) else {
                fail(.kpiNotDecimal(indicator: id, kpi: kpi.id), at: kpi.location); continue
            }
            if target <= .zero || achieved < .zero || (direction == .lower && achieved <= .zero) {
                fail(.kpiOutOfRange(
                    indicator: id, kpi: kpi.id, lowerIsBetter: direction == .lower, target: kpi.target,
                    achieved: kpi.achieved), at: kpi.location)
                continue
            }
            let rejectedBy = reviews.filter { review in
                review.kpiDecisions.contains { $0.kpi == kpi.id && !$0.accepted }
            }.map(\.reviewer)
            kpis[position, default: ([], [])].list.append(KPIInput(
                id: kpi.id, label: kpi.label, unit: kpi.unit, direction: direction, target: target,
                achieved: achieved, rejectedBy: rejectedBy, reviewCount: reviews.count))
            // The numbers as the applicant wrote them (all their decimals).
            kpis[position, default: ([], [])].given.append(Message.GivenKPI(
                id: kpi.id, direction: direction, achieved: kpi.achieved, target: kpi.target, unit: kpi.unit))
        }
        for (position, kpi) in kpis {
            inputs[position] = BoundInput(value: .kpis(kpi.list), asGiven: .words(.kpiInputs(kpi.given)), evidence: [])
        }
        for review in reviews {
            var decided = Set<String>()
            for decision in review.kpiDecisions {
                if !ids.contains(decision.kpi) {
                    fail(.reviewUnknownKPI(reviewer: review.reviewer, kpi: decision.kpi, dossier: dossier.id),
                         at: decision.location, file: review.file)
                } else if !decided.insert(decision.kpi).inserted {
                    fail(.reviewKPITwice(reviewer: review.reviewer, kpi: decision.kpi), at: decision.location, file: review.file)
                }
            }
        }
    }

    mutating func bindJudgments(_ dossier: Dossier, _ reviews: [Review]) {
        // By indicator position.
        var scores: [Int: [ReviewerScore]] = [:]
        var reviewers = Set<String>()
        for review in reviews {
            if review.dossierID != dossier.id {
                fail(.reviewWrongDossier(reviewer: review.reviewer, reviewDossier: review.dossierID, dossier: dossier.id),
                     at: review.location, file: review.file)
            }
            if !reviewers.insert(review.reviewer).inserted {
                fail(.reviewerTwice(reviewer: review.reviewer), at: review.location, file: review.file)
                continue
            }
            var seen = Set<Int>()
            for judgment in review.judgments {
                guard let (score, position) = checkedJudgment(judgment, file: review.file) else { continue }
                if !seen.insert(position).inserted {
                    fail(.judgedTwice(indicator: judgment.indicator, reviewer: review.reviewer), at: judgment.location, file: review.file)
                    continue
                }
                scores[position, default: []].append(ReviewerScore(reviewer: review.reviewer, score: score))
            }
        }
        // Self-assessed judgments are checked always, used only without reviews.
        var selfScores: [Int: [ReviewerScore]] = .init(minimumCapacity: dossier.judgments.count)
        for judgment in dossier.judgments {
            guard let (score, position) = checkedJudgment(judgment, file: nil) else { continue }
            if selfScores[position] != nil {
                fail(.selfAssessedTwice(indicator: judgment.indicator), at: judgment.location); continue
            }
            selfScores[position] = [ReviewerScore(reviewer: nil, score: score)]
        }
        for (position, list) in (reviews.isEmpty ? selfScores : scores) {
            let asGiven = list.map { String($0.score) }.joined(separator: ", ")
            inputs[position] = BoundInput(value: .judgments(list), asGiven: .text(asGiven), evidence: [])
        }
    }

    /// The score and the indicator's position, or nil after a located error.
    private mutating func checkedJudgment(_ judgment: Judgment, file: String?) -> (score: Int, position: Int)? {
        guard let (indicator, position) = indexed(judgment.indicator, at: judgment.location, file: file) else { return nil }
        guard indicator.input == .judgment, let panel = rubric.panel else {
            fail(.notJudgment(indicator: indicator.id), at: judgment.location, file: file)
            return nil
        }
        guard let score = panel.admits(judgment.score) else {
            fail(.scoreOutOfRange(
                indicator: indicator.id, min: panel.minScore, max: panel.maxScore, rubric: nil, given: judgment.score),
                 at: judgment.location, file: file)
            return nil
        }
        return (score, position)
    }
}
