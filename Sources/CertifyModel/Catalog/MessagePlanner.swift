// The texts of the planner (`certify plan`), in English and in Korean.

extension Message {
    /// The text of a message of the planner (`certify plan`), in Korean (`ko`) or
    /// English; nil for any other message.
    func plannerText(_ ko: Bool) -> String? {
        switch self {
        case .planNoCombination(let goal): return ko ? "신청인이 바꿀 수 있는 항목을 어떻게 조합해도 \(goal)에 이를 수 없습니다"
                                                     : "no combination of changes the applicant can make reaches \(goal)"
        case .planErrorsRemain(let errors): return ko ? "신청서를 고쳐도 다음 오류는 해소되지 않습니다: " + errors.map(\.korean).joined(separator: "; ")
                                                      : "no change to the dossier can lift these errors: " + errors.map(\.english).joined(separator: "; ")
        case .planMandatoryFixed(let id, let because): return ko ? "필수 지표 \(id)이(가) 0점이나 이 계획에서는 바꿀 수 없습니다: \(because?.korean ?? "0점을 넘는 수준이 없습니다")"
                                                                 : "mandatory \(id) scores 0 and cannot be changed here: \(because?.english ?? "no level scores above 0")"
        case .planMaximumBelow(let total, let threshold): return ko ? "바꿀 수 있는 지표를 모두 최고 수준으로 올려도 총점이 \(total.pointsColumnText)점으로 기준 \(threshold)점에 못 미칩니다"
                                                                    : "with every changeable indicator at its maximum the total is \(total.pointsColumnText), below \(threshold)"
        case .planMean(let mean): return ko ? "평균 " + mean.formatted() : "mean " + mean.formatted()
        case .planUnknownGoal(let goal, let rubric, let goals): return ko ? "--goal \(goal): 평가 기준 \(rubric)에는 이 목표가 없습니다. 정할 수 있는 목표는 \(goals.joined(separator: ", "))입니다"
                                                                          : "--goal \(goal): rubric \(rubric) has no such outcome; its goals are \(goals.joined(separator: ", "))"
        default:
            return nil
        }
    }
}

// MARK: - Argument types

extension Message {
    /// Why the planner may not change an indicator.
    public enum PlanFixed: MessagePart, Sendable, Hashable {
        case notActionable
        case kpiFacts
        /// Judgments are the panel's (`selfAssessed`: `--judgments` would
        /// let the self-assessed scores rise).
        case judgmentsPanel(selfAssessed: Bool)

        /// The text in Korean (`ko`) or English.
        func text(ko: Bool) -> String {
            switch self {
            case .notActionable: ko ? "평가 기준에서 신청인이 개선할 수 없는 지표로 정하고 있습니다" : "the rubric marks it not actionable"
            case .kpiFacts: ko ? "이미 달성한 성과지표 실적은 바꿀 수 없는 사실입니다" : "achieved KPI results are facts"
            case .judgmentsPanel(let selfAssessed): ko ? (selfAssessed ? "정성 평가 점수는 심사위원단이 매깁니다(자체 평가 점수를 올려 계획하려면 --judgments를 쓰십시오)" : "정성 평가 점수는 심사위원단이 매깁니다")
                                                       : (selfAssessed ? "judgments are the panel's (use --judgments to plan self-assessed scores)" : "judgments are the panel's")
            }
        }
    }
}
