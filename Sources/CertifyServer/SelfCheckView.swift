import CertifyEngine
import CertifyModel
import CertifyPlanner
import CertifyRender

/// The view of a self-check form (for the mustache templates), built from
/// the rubric alone: every control, label and mark comes from its data.
struct SelfCheckView {
    let rubric: Rubric
    let values: FormValues
    let language: Language
    /// Field id → the error messages located on it.
    let fieldErrors: [String: [String]]
    let result: ScoreResult?
    /// The plan for `result` (the self-check page only).
    var plan: PlanReport? = nil

    func t(_ word: PageWord, _ values: String...) -> String {
        word.text(language, values: values)
    }

    static func points(_ value: Rational) -> String { value.rounded(places: 2).formatted() }

    /// The judgment scores a rubric's panel allows (1–5 when it names none).
    static func scoreRange(_ rubric: Rubric) -> ClosedRange<Int> {
        guard let panel = rubric.panel else { return 1...5 }
        return panel.minScore...max(panel.minScore, panel.maxScore)
    }

    /// A text field's view: name, value, error and the ids it is described by.
    func field(_ name: String, hint: Bool = false) -> [String: Any] {
        let errors = fieldErrors[name] ?? []
        var describedBy: [String] = []
        if hint { describedBy.append("\(name)-hint") }
        if !errors.isEmpty { describedBy.append("\(name)-error") }
        return [
            "name": name, "value": values.one(name), "error": errors.joined(separator: " "),
            "hasError": !errors.isEmpty, "describedBy": describedBy.joined(separator: " "),
            "hasDescribedBy": !describedBy.isEmpty, "hasValue": !values.one(name).isEmpty,
        ]
    }

    func options(_ name: String, _ choices: [(value: String, label: String)], multiple: Bool = false) -> [[String: Any]] {
        let chosen = multiple ? values.many(name) : [values.one(name)]
        return choices.enumerated().map { index, choice in
            ["value": choice.value, "label": choice.label, "checked": chosen.contains(choice.value),
             "id": "\(name)-\(index)", "name": name]
        }
    }

    func build() -> [String: Any] {
        var view: [String: Any] = [:]
        view["dossierId"] = field("dossier-id", hint: true)
        view["submitted"] = field("submitted", hint: true)
        // Kinds and roles are rubric data: a known word gets its label, another shows as written.
        let labels = Labels(language)
        let kinds = rubric.applicantKinds.map { (value: $0, label: labels.applicantKind($0)) }
        let roles = [(value: "", label: t(.notGiven))] + rubric.applicantRoles.map { (value: $0, label: labels.applicantRole($0)) }
        view["applicants"] = (0..<values.rows("applicant", minimum: 1)).map { row -> [String: Any] in
            let prefix = "applicant-\(row)"
            var kind = field("\(prefix)-kind")
            kind["options"] = options("\(prefix)-kind", kinds).map { option -> [String: Any] in
                var option = option
                if values.one("\(prefix)-kind").isEmpty, option["value"] as? String == rubric.applicantKinds.first {
                    option["checked"] = true
                }
                return option
            }
            var role = field("\(prefix)-role")
            role["options"] = options("\(prefix)-role", roles)
            // The first applicant's id and name are what a downloaded dossier needs.
            var id = field("\(prefix)-id")
            id["required"] = row == 0
            var nameKo = field("\(prefix)-name_ko")
            nameKo["required"] = row == 0 && language == .ko
            var nameEn = field("\(prefix)-name_en")
            nameEn["required"] = row == 0 && language == .en
            return [
                "legend": t(.applicant, String(row + 1)), "id": id, "kind": kind,
                "hasRoles": !rubric.applicantRoles.isEmpty, "role": role, "nameKo": nameKo, "nameEn": nameEn,
            ]
        }
        view["joint"] = rubric.jointApplicants
        view["evidence"] = (0..<values.rows("evidence", minimum: 1)).map { row -> [String: Any] in
            let prefix = "evidence-\(row)"
            return [
                "legend": t(.evidenceRow, String(row + 1)), "id": field("\(prefix)-id"),
                "file": ["name": "\(prefix)-file", "target": "\(prefix)-sha256"],
                "href": field("\(prefix)-href"), "sha256": field("\(prefix)-sha256"), "title": field("\(prefix)-title"),
            ]
        }
        var firstOfGroup: Set<String> = []
        view["areas"] = rubric.areas.map { area -> [String: Any] in
            [
                "id": area.id, "label": area.label.text(language), "max": t(.pointsMax, Self.points(area.max)),
                "indicators": area.indicators.map { indicator -> [String: Any] in
                    var item = self.indicator(indicator)
                    if let group = indicator.electiveGroup.flatMap(rubric.electiveGroup), !firstOfGroup.contains(group.id) {
                        firstOfGroup.insert(group.id)
                        let members = rubric.indicators.filter { $0.electiveGroup == group.id }.count
                        let declared = rubric.indicators.filter {
                            $0.electiveGroup == group.id && values.one("elective-\($0.id)") == "yes"
                        }.count
                        item["groupIntro"] = [
                            "id": group.id, "label": group.label.text(language), "k": String(group.choose),
                            "members": String(members),
                            "count": t(.chosenCount, String(group.choose), String(declared)),
                            "choose": t(.choose, String(group.choose), String(members)),
                            "note": t(.chooseNote, String(group.choose)),
                            "full": t(.chooseFull, String(group.choose)),
                        ]
                    }
                    return item
                },
            ]
        }
        view["results"] = ResultsView(result: result, language: language, plan: plan).build()
        return view
    }

    func indicator(_ indicator: Indicator) -> [String: Any] {
        let name = "value-\(indicator.id)"
        let label = indicator.label.text(language)
        var item: [String: Any] = field(name, hint: true)
        item["id"] = indicator.id
        item["label"] = label
        // Only a text in the page's language: a Korean page shows no English.
        let description = indicator.description[language] ?? ""
        item["description"] = description
        item["hasDescription"] = !description.isEmpty
        item["maxText"] = t(.pointsMax, Self.points(indicator.max))
        item["scale"] = RuleWords(language: language).scale(indicator) ?? ""
        item["hasScale"] = RuleWords(language: language).scale(indicator) != nil
        item["mandatory"] = indicator.mandatory
        item["elective"] = indicator.electiveGroup != nil
        item["electiveField"] = field("elective-\(indicator.id)")
        item["group"] = indicator.electiveGroup ?? ""
        item["electiveChecked"] = values.one("elective-\(indicator.id)") == "yes"
        item["evidenceOf"] = field("evidence-of-\(indicator.id)")
        item["takesEvidence"] = ![.kpis, .judgment].contains(indicator.input)
        switch indicator.input {
        case .count:
            item["isText"] = true
            item["inputmode"] = "numeric"
            item["kindHint"] = t(.wholeNumber)
        case .decimal:
            item["isText"] = true
            item["inputmode"] = "decimal"
            item["kindHint"] = t(.decimal)
        case .percent:
            item["isText"] = true
            item["inputmode"] = "decimal"
            item["kindHint"] = t(.percent)
            item["suffix"] = "%"
        case .boolean:
            item["isChoice"] = true
            item["options"] = options(name, [("", t(.notGiven)), ("true", t(.yes)), ("false", t(.no))])
        case .enum:
            item["isChoice"] = true
            var choices: [(value: String, label: String)] = [("", t(.notGiven))]
            if case .choices(let listed) = indicator.method {
                choices += listed.map { ($0.value, "\(UIText.choice($0.value, language)) — \(t(.pointsEach, Self.points($0.points)))") }
            }
            item["options"] = options(name, choices)
        case .set:
            item["isSet"] = true
            item["options"] = options(name, FormValues.recognised(indicator).map { ($0, $0) }, multiple: true)
            item["other"] = field("\(name)-other", hint: true)
        case .kpis:
            item["isKPIs"] = true
            item["kpis"] = (0..<values.rows("kpi-\(indicator.id)", minimum: 2)).map { row -> [String: Any] in
                let prefix = "kpi-\(indicator.id)-\(row)"
                var direction = field("\(prefix)-direction")
                direction["options"] = options("\(prefix)-direction", [("higher", t(.higher)), ("lower", t(.lower))])
                return [
                    "legend": t(.kpi, String(row + 1)), "id": field("\(prefix)-id"), "direction": direction,
                    "target": field("\(prefix)-target"), "achieved": field("\(prefix)-achieved"),
                    "unit": field("\(prefix)-unit"), "label": field("\(prefix)-label"),
                ]
            }
            item["addKPI"] = "add-kpi-\(indicator.id)"
        case .judgment:
            item["isChoice"] = false
            item["isSelect"] = true
            let scores = Self.scoreRange(rubric)
            item["kindHint"] = t(.judgmentHint, String(scores.lowerBound), String(scores.upperBound))
            var choices: [(value: String, label: String)] = [("", t(.notGiven))]
            for score in scores { choices.append((String(score), String(score))) }
            item["options"] = options(name, choices)
        }
        if let result = result?.areas.lazy.flatMap(\.indicators).first(where: { $0.indicator === indicator }) {
            item["result"] = Self.line(result, language: language)
        }
        return item
    }

    /// An indicator's line under its field: points of the maximum and why,
    /// in words. The live panel's fragment carries the same lines, so the
    /// field and the panel always show one result.
    static func line(_ result: IndicatorResult, language: Language) -> [String: Any] {
        let why = RuleWords(language: language).explain(result.rule, indicator: result.indicator) { UIText.choice($0, language) }
        return [
            "id": result.indicator.id,
            "text": PageWord.line.text(language, Self.points(result.points), Self.points(result.max),
                                PageWord(result.status).text(language), why),
        ]
    }
}

/// The result panel: total, grade, decision, findings and (on the
/// self-check page) the plan. The same view serves the whole page and the
/// fragment the script fetches as the form changes.
struct ResultsView {
    let result: ScoreResult?
    let language: Language
    var plan: PlanReport? = nil

    func build() -> [String: Any] {
        guard let result else { return ["has": false] }
        var view: [String: Any] = [
            "has": true,
            "total": SelfCheckView.points(result.total), "max": SelfCheckView.points(result.max),
            "hasGrade": result.grade != nil, "grade": result.grade ?? "",
            "certified": result.certified,
            "threshold": PageWord.threshold.text(language, SelfCheckView.points(result.threshold)),
            "date": result.decisionDate.description,
        ]
        if let from = result.validFrom, let until = result.validUntil {
            view["validity"] = PageWord.valid.text(language, from.description, until.description)
        }
        let findings = result.findings.compactMap { finding -> [String: Any]? in
            guard let message = Self.finding(finding.message, result: result, language: language) else { return nil }
            return [
                "severity": finding.severity.rawValue,
                "severityText": PageWord(finding.severity).text(language),
                "indicator": finding.indicator ?? "", "hasIndicator": finding.indicator != nil,
                "message": message,
            ]
        }
        view["findings"] = findings
        view["hasFindings"] = !findings.isEmpty
        view["lines"] = result.areas.flatMap(\.indicators).map { SelfCheckView.line($0, language: language) }
        if let plan { view["plan"] = PlanView(report: plan, language: language).build() }
        view["areas"] = result.areas.map { area -> [String: Any] in
            [
                "id": area.id, "label": area.label.text(language),
                "points": SelfCheckView.points(area.points), "max": SelfCheckView.points(area.max),
                "indicators": area.indicators.map { indicator -> [String: Any] in
                    [
                        "id": indicator.id, "label": indicator.label.text(language),
                        "points": SelfCheckView.points(indicator.points), "max": SelfCheckView.points(indicator.max),
                        "status": PageWord(indicator.status).text(language),
                        "rule": RuleWords(language: language).explain(indicator.rule, indicator: indicator.indicator) {
                            UIText.choice($0, language)
                        },
                    ]
                },
            ]
        }
        return view
    }

    /// A finding in the page's words. The elective findings name the group
    /// by its label and say what to tick, not the XML to write; the "best
    /// ones were chosen" note is left out while no elective has a value
    /// (nothing was chosen from).
    static func finding(_ message: Message, result: ScoreResult, language: Language) -> String? {
        let rubric = result.rubric
        func group(_ id: String) -> String { rubric.electiveGroup(id)?.label.text(language) ?? id }
        switch message {
        case .electivesChosen(let id, let choose, let chosen):
            let given = result.areas.flatMap(\.indicators).contains { $0.indicator.electiveGroup == id && $0.input != nil }
            guard given else { return nil }
            return PageWord.findingElectivesChosen.text(language, group(id), String(choose), chosen.joined(separator: ", "))
        case .electivesTooFew(let id, let declared, let choose):
            return PageWord.findingElectivesFew.text(language, group(id), String(declared), String(choose),
                               String(choose - declared))
        case .electiveNotDeclared(let indicator):
            return PageWord.findingElectiveUndeclared.text(language, indicator)
        default:
            return message.text(language)
        }
    }
}
