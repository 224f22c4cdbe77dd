import CertifyModel

/// "Choose k of n": declared electives count; undeclared ones score nothing.
/// With none declared, the best k are chosen (ties by rubric order).
enum Electives {
    static func select(
        _ group: ElectiveGroup, rubric: Rubric, declared: [String], results: inout [String: IndicatorResult]
    ) -> [Finding] {
        let members = rubric.indicators.filter { $0.electiveGroup == group.id }.map(\.id)
        var findings: [Finding] = []
        let chosen: [String]
        if declared.isEmpty {
            // By the points that count (rounded); equal points keep rubric order.
            chosen = Array(members.enumerated().sorted { a, b in
                let pa = results[a.element]!.points, pb = results[b.element]!.points
                return pa != pb ? pa > pb : a.offset < b.offset
            }.prefix(group.choose).map(\.element))
            findings.append(Finding(
                .info, indicator: nil,
                message: "no electives declared in '\(group.id)': the best \(group.choose) were chosen (\(chosen.joined(separator: ", "))); declare them with <elective indicator=\"…\"/> before you submit"))
        } else {
            chosen = declared
            if declared.count < group.choose {
                let missing = group.choose - declared.count
                findings.append(Finding(
                    .warning, indicator: nil,
                    message: "only \(declared.count) of \(group.choose) electives declared in '\(group.id)'; \(missing) slot\(missing == 1 ? "" : "s") score\(missing == 1 ? "s" : "") 0 — declare \(missing) more"))
            }
        }
        for id in members {
            if chosen.contains(id) {
                if results[id]!.status == .missing {
                    findings.append(Finding(.warning, indicator: id, message: "elective chosen but no value given; scored 0"))
                }
                continue
            }
            var result = results[id]!
            if result.status != .missing && !declared.isEmpty {
                findings.append(Finding(
                    .info, indicator: id,
                    message: "a value is given but \(id) is not declared as an elective, so it scores nothing; declare it instead of another if it scores more"))
            }
            result.status = .notSelected
            result.rule = "elective not selected: 0"
            result.points = .zero
            result.exactPoints = .zero
            results[id] = result
        }
        return findings
    }
}
