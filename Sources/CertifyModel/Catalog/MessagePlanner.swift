// The texts of the planner (`certify plan`) that need more than their
// values put in place; the others are lines of Message.tsv.

extension Message {
    /// The text of a message of the planner (`certify plan`) whose words
    /// depend on its values, in Korean (`ko`) or English; nil for any
    /// other message.
    func plannerText(_ ko: Bool) -> String? {
        switch self {
        case .planErrorsRemain(let errors): return ko ? "신청서를 고쳐도 다음 오류는 해소되지 않습니다: " + errors.map(\.korean).joined(separator: "; ")
                                                      : "no change to the dossier can lift these errors: " + errors.map(\.english).joined(separator: "; ")
        case .planMandatoryFixed(let id, let because): return ko ? "필수 지표 \(id)이(가) 0점이나 이 계획에서는 바꿀 수 없습니다: \(because?.text(.ko) ?? "0점을 넘는 수준이 없습니다")"
                                                                 : "mandatory \(id) scores 0 and cannot be changed here: \(because?.text(.en) ?? "no level scores above 0")"
        case .planMaximumBelow(let total, let threshold): return ko ? "바꿀 수 있는 지표를 모두 최고 수준으로 올려도 총점이 \(total.pointsColumnText)점으로 기준 \(threshold)점에 못 미칩니다"
                                                                    : "with every changeable indicator at its maximum the total is \(total.pointsColumnText), below \(threshold)"
        case .planMean(let mean): return ko ? "평균 " + mean.formatted() : "mean " + mean.formatted()
        default:
            return nil
        }
    }
}

// MARK: - Argument types

extension Message {
    /// Why the planner may not change an indicator.
    public enum PlanFixed: TabledMessage, Hashable {
        case notActionable
        case kpiFacts
        /// Judgments are the panel's (`selfAssessed`: `--judgments` would
        /// let the self-assessed scores rise).
        case judgmentsPanel(selfAssessed: Bool)

        public static let messageTable = MessageTable<PlanFixed>(Message.tableLines, section: "PlanFixed")

        /// The judgments' text, with the hint when it applies.
        public var computedWords: (ko: String, en: String)? {
            guard case .judgmentsPanel(let selfAssessed) = self else { return nil }
            return selfAssessed
                ? ("정성 평가 점수는 심사위원단이 매깁니다(자체 평가 점수를 올려 계획하려면 --judgments를 쓰십시오)",
                   "judgments are the panel's (use --judgments to plan self-assessed scores)")
                : ("정성 평가 점수는 심사위원단이 매깁니다", "judgments are the panel's")
        }
    }
}
