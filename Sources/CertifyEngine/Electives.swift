import CertifyModel

/// "Choose k of n": declared electives count; undeclared ones score nothing.
/// With none declared, the best k are chosen (ties by rubric order).
public enum Electives {
    /// The positions (in `rubric.indicators`) of the members of `group`, in rubric order.
    public static func members(of group: ElectiveGroup, in rubric: Rubric) -> [Int] {
        rubric.indicators.indices.filter { rubric.indicators[$0].electiveGroup == group.id }
    }

    /// The electives of `group` that count: the declared ones, or with none
    /// declared the best `group.choose` by their rounded `points` (given by
    /// position), equal points in rubric order.
    public static func chosen(
        _ group: ElectiveGroup, rubric: Rubric, declared: [String], points: (Int) -> Rational
    ) -> [String] {
        guard declared.isEmpty else { return declared }
        return members(of: group, in: rubric).sorted { a, b in
            let pa = points(a), pb = points(b)
            return pa != pb ? pa > pb : a < b
        }.prefix(group.choose).map { rubric.indicators[$0].id }
    }

    static func select(
        _ group: ElectiveGroup, rubric: Rubric, declared: [String], results: inout ResultTable
    ) -> [Finding] {
        let members = members(of: group, in: rubric)
        let chosen = chosen(group, rubric: rubric, declared: declared) { results[$0].points }
        var findings: [Finding] = []
        if declared.isEmpty {
            findings.append(Finding(
                .info, indicator: nil,
                message: .electivesChosen(group: group.id, choose: group.choose, chosen: chosen)))
        } else {
            if declared.count < group.choose {
                findings.append(Finding(
                    .warning, indicator: nil,
                    message: .electivesTooFew(group: group.id, declared: declared.count, choose: group.choose)))
            }
        }
        for index in members {
            let id = rubric.indicators[index].id
            if chosen.contains(id) {
                if results[index].status == .missing {
                    findings.append(Finding(.warning, indicator: id, message: .electiveWithoutValue))
                }
                continue
            }
            if results[index].status != .missing && !declared.isEmpty {
                findings.append(Finding(
                    .info, indicator: id,
                    message: .electiveNotDeclared(indicator: id)))
            }
            results[index] = results[index].notSelected()
        }
        return findings
    }
}
