extension Rubric {
    /// Reads a rubric from its (schema-valid) root element and checks what a
    /// schema cannot: unique ids, ordered bands, points within maxima, areas
    /// that can reach their maximum, methods that fit their input kinds.
    /// `sha256` is the hash of the file it was read from.
    public static func decode(_ root: some ElementNode, sha256: String = "") throws(CertifyError) -> Rubric {
        var reader = ElementReader()
        guard root.name == "rubric", root.namespace == CertifyNamespace.rubric else {
            throw CertifyError(.invalidInput, [Diagnostic(
                "expected <rubric xmlns=\"\(CertifyNamespace.rubric)\">", at: root.location)])
        }
        let id = reader.required(root, "id")
        let version = reader.required(root, "version")
        let applicants = root.element(named: "applicants")
        let kinds = applicants?.elements(named: "kind").map { $0.text.trimmingWhitespace } ?? []
        let roles = applicants?.elements(named: "role").map { $0.text.trimmingWhitespace } ?? []
        let joint = applicants.map { reader.boolean($0, "joint", default: false) } ?? false

        var bandTables: [String: [Band]] = [:]
        for table in root.elements(named: "band-table") {
            bandTables[reader.required(table, "id")] = readBands(table, &reader, context: "band table")
        }
        let groups = root.elements(named: "elective-group").map { element in
            ElectiveGroup(
                id: reader.required(element, "id"),
                choose: reader.integer(element, "choose", context: "elective group"),
                label: reader.localized(element.elements(named: "label")))
        }
        let panel = root.element(named: "panel").map { element in
            PanelRule(
                minScore: reader.integer(element, "min-score", context: "panel"),
                maxScore: reader.integer(element, "max-score", context: "panel"),
                trimFrom: element.attribute("trim-from").flatMap(Int.init),
                officialMinimum: element.attribute("official-minimum").flatMap(Int.init) ?? 0)
        }
        let decision: DecisionRule
        if let grades = root.element(named: "grades") {
            let list = grades.elements(named: "grade").map { grade in
                Grade(id: reader.required(grade, "id"), min: reader.number(grade, "min", context: "grade"))
            }
            decision = .grades(list, certifiedFrom: reader.required(grades, "certified-from"))
        } else if let pass = root.element(named: "pass") {
            decision = .pass(threshold: reader.number(pass, "threshold", context: "pass"))
        } else {
            reader.fail("a rubric needs <grades> or <pass>", at: root.location)
            decision = .pass(threshold: .zero)
        }
        let years = root.element(named: "validity").map { reader.integer($0, "years", context: "validity") } ?? 0

        let areas = root.elements(named: "area").map { element in
            Area(
                id: reader.required(element, "id"),
                label: reader.localized(element.elements(named: "label")),
                max: reader.number(element, "max", context: "area"),
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
        guard reader.diagnostics.isEmpty else { throw CertifyError(.invalidInput, reader.diagnostics) }
        return rubric
    }

    private static func readBands(_ element: some ElementNode, _ reader: inout ElementReader, context: String) -> [Band] {
        element.elements(named: "band").map { band in
            Band(min: reader.number(band, "min", context: context),
                 points: reader.number(band, "points", context: context))
        }
    }

    private static func readIndicator(
        _ element: some ElementNode, bandTables: [String: [Band]], _ reader: inout ElementReader
    ) -> Indicator {
        let id = reader.required(element, "id")
        let context = "indicator \(id)"
        let inputText = reader.required(element, "input")
        let input = InputKind(rawValue: inputText) ?? {
            reader.fail("\(context): unknown input kind '\(inputText)'", at: element.location)
            return .count
        }()
        let methodElement = element.elements.last { !["label", "description"].contains($0.name) }
        var method = ScoringMethod.judgment
        func bands(_ element: some ElementNode) -> [Band] {
            if let ref = element.attribute("ref") {
                guard let table = bandTables[ref] else {
                    reader.fail("\(context): no <band-table id=\"\(ref)\">", at: element.location)
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
                Choice(value: reader.required(choice, "value"), points: reader.number(choice, "points", context: context))
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
        default: reader.fail("\(context): no scoring method", at: element.location)
        }
        return Indicator(
            id: id, label: reader.localized(element.elements(named: "label")),
            description: reader.localized(element.elements(named: "description")),
            input: input, max: reader.number(element, "max", context: context),
            mandatory: reader.boolean(element, "mandatory", default: false),
            electiveGroup: element.attribute("elective"), method: method,
            location: element.location)
    }
}

extension Rubric {
    /// Consistency checks a schema cannot express.
    fileprivate func check(_ root: some ElementNode, _ reader: inout ElementReader) {
        var seen = Set<String>()
        for area in areas where !seen.insert("area " + area.id).inserted {
            reader.fail("area id '\(area.id)' is used twice", at: root.location)
        }
        if applicantKinds.isEmpty { reader.fail("a rubric must admit at least one applicant kind", at: root.location) }
        if !(1...100).contains(validityYears) { reader.fail("validity must be 1 to 100 years", at: root.location) }
        for group in electiveGroups {
            let members = indicators.filter { $0.electiveGroup == group.id }
            if group.choose < 1 || group.choose > members.count {
                reader.fail("elective group '\(group.id)' chooses \(group.choose) of \(members.count) indicators", at: root.location)
            }
        }
        switch decision {
        case .grades(let grades, let certifiedFrom):
            if !grades.contains(where: { $0.id == certifiedFrom }) {
                reader.fail("certified-from names no grade: '\(certifiedFrom)'", at: root.location)
            }
            if zip(grades, grades.dropFirst()).contains(where: { $0.min <= $1.min }) {
                reader.fail("grades must be listed best first, with strictly decreasing minimums", at: root.location)
            }
            if let last = grades.last, last.min > .zero {
                reader.fail("the last grade must start at 0 so that every total has a grade", at: root.location)
            }
        case .pass(let threshold):
            if threshold > maxTotal { reader.fail("pass threshold \(threshold) exceeds the maximum \(maxTotal)", at: root.location) }
        }
        if let panel, panel.minScore >= panel.maxScore {
            reader.fail("panel min-score must be below max-score", at: root.location)
        }
        if let trimFrom = panel?.trimFrom, trimFrom < 3 {
            reader.fail("panel trim-from must be at least 3, so that a score is left after dropping the highest and lowest", at: root.location)
        }
        for area in areas {
            for indicator in area.indicators {
                let context = "indicator \(indicator.id)"
                let at = indicator.location
                if !seen.insert(indicator.id).inserted { reader.fail("\(context) is defined twice", at: at) }
                if indicator.max <= .zero { reader.fail("\(context): max must be positive", at: at) }
                if let group = indicator.electiveGroup, electiveGroup(group) == nil {
                    reader.fail("\(context): no <elective-group id=\"\(group)\">", at: at)
                }
                if indicator.mandatory && indicator.electiveGroup != nil {
                    reader.fail("\(context) cannot be both mandatory and elective", at: at)
                }
                checkMethod(indicator, context: context, at: at, &reader)
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
                reader.fail("area \(area.id): its indicators reach \(reachable), less than its max \(area.max)", at: root.location)
            }
        }
    }

    private func checkMethod(_ indicator: Indicator, context: String, at: SourcePosition, _ reader: inout ElementReader) {
        let numeric: Set<InputKind> = [.count, .decimal, .percent]
        func checkBands(_ bands: [Band]) {
            if bands.isEmpty { reader.fail("\(context): bands are empty", at: at) }
            if zip(bands, bands.dropFirst()).contains(where: { $0.min >= $1.min }) {
                reader.fail("\(context): band minimums must increase strictly", at: at)
            }
            for band in bands where band.points < .zero || band.points > indicator.max {
                reader.fail("\(context): band points \(band.points) outside 0–\(indicator.max)", at: at)
            }
        }
        func expect(_ kinds: Set<InputKind>) {
            if !kinds.contains(indicator.input) {
                reader.fail("\(context): method '\(indicator.method.name)' cannot score input '\(indicator.input.rawValue)'", at: at)
            }
        }
        switch indicator.method {
        case .bands(let bands): expect(numeric); checkBands(bands)
        case .linear(let lo, let hi):
            expect(numeric)
            if lo >= hi { reader.fail("\(context): linear needs lo < hi", at: at) }
        case .choices(let choices):
            expect([.enum])
            if Set(choices.map(\.value)).count != choices.count { reader.fail("\(context): choice values repeat", at: at) }
            for choice in choices where choice.points < .zero || choice.points > indicator.max {
                reader.fail("\(context): choice points \(choice.points) outside 0–\(indicator.max)", at: at)
            }
        case .yesNo(let yes, let no):
            expect([.boolean])
            for points in [yes, no] where points < .zero || points > indicator.max {
                reader.fail("\(context): points \(points) outside 0–\(indicator.max)", at: at)
            }
        case .recognisedCount(let ids, let bands): expect([.set]); checkBands(bands)
            if ids.isEmpty { reader.fail("\(context): no recognised ids", at: at) }
        case .recognisedEach(let ids, let points): expect([.set])
            if ids.isEmpty || points <= .zero { reader.fail("\(context): needs recognised ids and positive points", at: at) }
        case .kpiAttainment(let zeroAt, let fullAt): expect([.kpis])
            if !(zeroAt < fullAt) { reader.fail("\(context): kpi-attainment needs zero-at < full-at", at: at) }
        case .judgment: expect([.judgment])
            if panel == nil { reader.fail("\(context): judgment indicators need a <panel> rule", at: at) }
        }
    }
}
