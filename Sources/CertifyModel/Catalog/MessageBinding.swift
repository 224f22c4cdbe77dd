// The texts of binding a dossier and its reviews to a rubric that need
// more than their values put in place; the others are lines of Message.tsv.

extension Message {
    /// The text of a message of binding a dossier and its reviews to a
    /// rubric whose words depend on its values, in Korean (`ko`) or
    /// English; nil for any other message.
    func bindingText(_ ko: Bool) -> String? {
        switch self {
        case .applicantRoleNotAdmitted(let id, let role, let admitted):
            if ko {
                let which = admitted.isEmpty ? "이 인증기준은 역할을 받지 않습니다" : "허용되는 역할: " + admitted.joined(separator: ", ")
                return "신청자 '\(id)': 역할 '\(role)'은(는) 허용되지 않습니다. \(which)"
            }
            let which = admitted.isEmpty ? "this rubric takes no roles" : "admitted roles: " + admitted.joined(separator: ", ")
            return "applicant '\(id)': role '\(role)' is not admitted; \(which)"
        case .tooManyElectives(let declared, let group, let choose): return ko ? "선택 지표를 \(declared.count)개(\(declared.joined(separator: ", "))) 신고했으나 \(group)에서는 \(choose)개까지 선택할 수 있습니다. \(declared.count - choose)개를 빼십시오"
                                                                               : "\(declared.count) electives declared (\(declared.joined(separator: ", "))) but \(group) allows \(choose); remove \(declared.count - choose)"
        case .kpiOutOfRange(let id, let kpi, let lower, let target, let achieved):
            if ko {
                let need = lower ? "낮을수록 우수한 성과지표는 목표와 실적이 모두 0보다 커야 합니다"
                    : "목표는 0보다 크고 실적은 0 이상이어야 합니다"
                return "\(id): 성과지표 \(kpi): \(need) (목표 \(target), 실적 \(achieved))"
            }
            let need = lower ? "both target and achieved must be > 0 for a lower-is-better KPI"
                : "target must be > 0 and achieved ≥ 0"
            return "\(id): KPI \(kpi): \(need) (target \(target), achieved \(achieved))"
        case .scoreOutOfRange(let id, let min, let max, let rubric, let given): return ko ? "\(id): 점수는 \(min)에서 \(max) 사이의 정수여야 합니다\(rubric.map { "(\($0))" } ?? ""). 입력값: '\(given)'" : "\(id): score must be a whole number from \(min) to \(max)\(rubric.map { " (\($0))" } ?? ""), got '\(given)'"
        default:
            return nil
        }
    }
}

// MARK: - Argument types

/// An input kind as a message names it: a word in Korean, the XML's own
/// name (`count`, `kpis`, …) in English.
extension InputKind: TabledMessage {
    public static let messageTable = MessageTable<InputKind>(Message.tableLines, section: "InputKind")
}
