extension Rubric {
    /// Reads a rubric from its (schema-valid) root element and checks what a
    /// schema cannot: unique ids, ordered bands, points within maxima, areas
    /// that can reach their maximum, methods that fit their input kinds.
    /// `sha256` is the hash of the file it was read from.
    public static func decode(_ root: some ElementNode, sha256: String = "") throws(CertifyError) -> Rubric {
        var reader = try ElementReader(root: root, "rubric", in: CertifyNamespace.rubric)
        let id = reader.required(root, "id")
        let version = reader.required(root, "version")
        let applicants = root.element(named: "applicants")
        let kinds = applicants?.elements(named: "kind").map { $0.text.trimmingWhitespace } ?? []
        let roles = applicants?.elements(named: "role").map { $0.text.trimmingWhitespace } ?? []
        let joint = applicants.map { reader.boolean($0, "joint", default: false) } ?? false

        var bandTables: [String: [Band]] = [:]
        for table in root.elements(named: "band-table") {
            bandTables[reader.required(table, "id")] = readBands(table, &reader, context: .bandTable)
        }
        let groups = root.elements(named: "elective-group").map { element in
            ElectiveGroup(
                id: reader.required(element, "id"),
                choose: reader.integer(element, "choose", context: .electiveGroup),
                label: reader.localized(element.elements(named: "label")))
        }
        let panel = root.element(named: "panel").map { element in
            PanelRule(
                minScore: reader.integer(element, "min-score", context: .panel),
                maxScore: reader.integer(element, "max-score", context: .panel),
                trimFrom: element.attribute("trim-from").flatMap(Int.init),
                officialMinimum: element.attribute("official-minimum").flatMap(Int.init) ?? 0)
        }
        let decision: DecisionRule
        if let grades = root.element(named: "grades") {
            let list = grades.elements(named: "grade").map { grade in
                Grade(id: reader.required(grade, "id"), min: reader.number(grade, "min", context: .grade))
            }
            decision = .grades(list, certifiedFrom: reader.required(grades, "certified-from"))
        } else if let pass = root.element(named: "pass") {
            decision = .pass(threshold: reader.number(pass, "threshold", context: .pass))
        } else {
            reader.fail(.rubricNeedsDecision, at: root.location)
            decision = .pass(threshold: .zero)
        }
        let years = root.element(named: "validity").map { reader.integer($0, "years", context: .validity) } ?? 0

        let areas = root.elements(named: "area").map { element in
            Area(
                id: reader.required(element, "id"),
                label: reader.localized(element.elements(named: "label")),
                max: reader.number(element, "max", context: .area),
                indicators: element.elements(named: "indicator").map {
                    readIndicator($0, bandTables: bandTables, &reader)
                })
        }
        let rubric = Rubric(
            id: id, version: version, title: reader.localized(root.elements(named: "title")),
            applicantKinds: kinds, applicantRoles: roles, jointApplicants: joint,
            decision: decision, validityYears: years, panel: panel,
            electiveGroups: groups, areas: areas, sha256: sha256)
        rubric.check(root, &reader)
        return try reader.result(rubric)
    }

    private static func readBands(_ element: some ElementNode, _ reader: inout ElementReader, context: Message.DecodeContext) -> [Band] {
        element.elements(named: "band").map { band in
            Band(min: reader.number(band, "min", context: context),
                 points: reader.number(band, "points", context: context))
        }
    }

    private static func readIndicator(
        _ element: some ElementNode, bandTables: [String: [Band]], _ reader: inout ElementReader
    ) -> Indicator {
        let id = reader.required(element, "id")
        let context = Message.DecodeContext.indicator(id)
        let inputText = reader.required(element, "input")
        let input = InputKind(rawValue: inputText) ?? {
            reader.fail(.unknownInputKind(indicator: id, given: inputText), at: element.location)
            return .count
        }()
        let methodElement = element.elements.last { !["label", "description"].contains($0.name) }
        var method = ScoringMethod.judgment
        func bands(_ element: some ElementNode) -> [Band] {
            if let ref = element.attribute("ref") {
                guard let table = bandTables[ref] else {
                    reader.fail(.noBandTable(indicator: id, ref: ref), at: element.location)
                    return []
                }
                return table
            }
            return readBands(element, &reader, context: context)
        }
        func recognised(_ element: some ElementNode) -> [String] {
            element.elements(named: "recognised").map { $0.text.trimmingWhitespace }
        }
        switch methodElement?.name {
        case "bands": method = .bands(bands(methodElement!))
        case "linear":
            method = .linear(lo: reader.number(methodElement!, "lo", context: context),
                             hi: reader.number(methodElement!, "hi", context: context))
        case "choices":
            method = .choices(methodElement!.elements(named: "choice").map { choice in
                Choice(value: reader.required(choice, "value"), points: reader.number(choice, "points", context: context),
                       label: reader.localized(choice.elements(named: "label")))
            })
        case "yes-no":
            method = .yesNo(yes: reader.number(methodElement!, "yes", context: context),
                            no: reader.number(methodElement!, "no", context: context))
        case "recognised-count":
            method = .recognisedCount(
                recognised: recognised(methodElement!),
                bands: methodElement!.element(named: "bands").map(bands) ?? [])
        case "recognised-each":
            method = .recognisedEach(recognised: recognised(methodElement!),
                                     points: reader.number(methodElement!, "points", context: context))
        case "kpi-attainment":
            method = .kpiAttainment(zeroAt: reader.number(methodElement!, "zero-at", context: context),
                                    fullAt: reader.number(methodElement!, "full-at", context: context))
        case "judgment": method = .judgment
        default: reader.fail(.noScoringMethod(indicator: id), at: element.location)
        }
        return Indicator(
            id: id, label: reader.localized(element.elements(named: "label")),
            description: reader.localized(element.elements(named: "description")),
            input: input, max: reader.number(element, "max", context: context),
            mandatory: reader.boolean(element, "mandatory", default: false),
            electiveGroup: element.attribute("elective"), method: method,
            actionable: reader.boolean(element, "actionable", default: true),
            location: element.location)
    }
}

extension Rubric {
    /// Consistency checks a schema cannot express.
    fileprivate func check(_ root: some ElementNode, _ reader: inout ElementReader) {
        var seen = Set<String>()
        for area in areas where !seen.insert("area " + area.id).inserted {
            reader.fail(.areaTwice(area: area.id), at: root.location)
        }
        if applicantKinds.isEmpty { reader.fail(.noApplicantKind, at: root.location) }
        if !(1...100).contains(validityYears) { reader.fail(.validityRange, at: root.location) }
        for group in electiveGroups {
            let members = indicators.filter { $0.electiveGroup == group.id }
            if group.choose < 1 || group.choose > members.count {
                reader.fail(.electiveGroupSize(group: group.id, choose: group.choose, members: members.count), at: root.location)
            }
        }
        switch decision {
        case .grades(let grades, let certifiedFrom):
            if !grades.contains(where: { $0.id == certifiedFrom }) {
                reader.fail(.certifiedFromUnknown(grade: certifiedFrom), at: root.location)
            }
            if zip(grades, grades.dropFirst()).contains(where: { $0.min <= $1.min }) {
                reader.fail(.gradesOrder, at: root.location)
            }
            if let last = grades.last, last.min > .zero {
                reader.fail(.lastGradeNotZero, at: root.location)
            }
        case .pass(let threshold):
            if threshold > maxTotal { reader.fail(.passAboveMax(threshold: threshold, max: maxTotal), at: root.location) }
        }
        if let panel, panel.minScore >= panel.maxScore {
            reader.fail(.panelRange, at: root.location)
        }
        if let trimFrom = panel?.trimFrom, trimFrom < 3 {
            reader.fail(.trimFromTooSmall, at: root.location)
        }
        for area in areas {
            for indicator in area.indicators {
                let id = indicator.id
                let at = indicator.location
                if !seen.insert(id).inserted { reader.fail(.indicatorTwice(indicator: id), at: at) }
                if indicator.max <= .zero { reader.fail(.maxNotPositive(indicator: id), at: at) }
                if let group = indicator.electiveGroup, electiveGroup(group) == nil {
                    reader.fail(.noElectiveGroup(indicator: id, group: group), at: at)
                }
                if indicator.mandatory && indicator.electiveGroup != nil {
                    reader.fail(.mandatoryAndElective(indicator: id), at: at)
                }
                checkMethod(indicator, at: at, &reader)
            }
            // An area may hold electives beyond its maximum, but it must be
            // able to reach the maximum with the chosen ones.
            let fixed = area.indicators.filter { $0.electiveGroup == nil }.reduce(Rational.zero) { $0 + $1.max }
            var reachable = fixed
            for group in electiveGroups {
                let members = area.indicators.filter { $0.electiveGroup == group.id }.map(\.max).sorted(by: >)
                reachable += members.prefix(group.choose).reduce(.zero, +)
            }
            if reachable < area.max {
                reader.fail(.areaUnreachable(area: area.id, reachable: reachable, max: area.max), at: root.location)
            }
        }
    }

    private func checkMethod(_ indicator: Indicator, at: SourcePosition, _ reader: inout ElementReader) {
        let id = indicator.id
        let numeric: Set<InputKind> = [.count, .decimal, .percent]
        func checkBands(_ bands: [Band]) {
            if bands.isEmpty { reader.fail(.bandsEmpty(indicator: id), at: at) }
            if zip(bands, bands.dropFirst()).contains(where: { $0.min >= $1.min }) {
                reader.fail(.bandsNotIncreasing(indicator: id), at: at)
            }
            for band in bands where band.points < .zero || band.points > indicator.max {
                reader.fail(.bandPointsOutside(indicator: id, points: band.points, max: indicator.max), at: at)
            }
        }
        func expect(_ kinds: Set<InputKind>) {
            if !kinds.contains(indicator.input) {
                reader.fail(.methodCannotScore(indicator: id, method: indicator.method.name, input: indicator.input.rawValue), at: at)
            }
        }
        switch indicator.method {
        case .bands(let bands): expect(numeric); checkBands(bands)
        case .linear(let lo, let hi):
            expect(numeric)
            if lo >= hi { reader.fail(.linearRange(indicator: id), at: at) }
        case .choices(let choices):
            expect([.enum])
            if Set(choices.map(\.value)).count != choices.count { reader.fail(.choicesRepeat(indicator: id), at: at) }
            for choice in choices where choice.points < .zero || choice.points > indicator.max {
                reader.fail(.choicePointsOutside(indicator: id, points: choice.points, max: indicator.max), at: at)
            }
        case .yesNo(let yes, let no):
            expect([.boolean])
            for points in [yes, no] where points < .zero || points > indicator.max {
                reader.fail(.yesNoPointsOutside(indicator: id, points: points, max: indicator.max), at: at)
            }
        case .recognisedCount(let ids, let bands): expect([.set]); checkBands(bands)
            if ids.isEmpty { reader.fail(.noRecognisedIDs(indicator: id), at: at) }
        case .recognisedEach(let ids, let points): expect([.set])
            if ids.isEmpty || points <= .zero { reader.fail(.recognisedEachNeeds(indicator: id), at: at) }
        case .kpiAttainment(let zeroAt, let fullAt): expect([.kpis])
            if !(zeroAt < fullAt) { reader.fail(.kpiAttainmentRange(indicator: id), at: at) }
        case .judgment: expect([.judgment])
            if panel == nil { reader.fail(.judgmentNeedsPanel(indicator: id), at: at) }
        }
    }
}
