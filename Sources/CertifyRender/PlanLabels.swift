import CertifyModel

/// The words of `certify plan`, in Korean and English. A label is a case,
/// so a misspelt key does not compile.
public enum PlanLabel: LocalizedWord {
    case current, goal, unreachable, reached, option, changed, steps, declare, undeclare, add, margin, above, risks,
         noRisks, missing, certified, notCertified, noneGiven, best

    public var words: (ko: String, en: String) {
        switch self {
        case .current: ("현재 결과", "Current result")
        case .goal: ("목표", "Goal")
        case .unreachable: ("도달 불가", "cannot be reached")
        case .reached: ("이미 도달", "already reached")
        case .option: ("방안", "Plan")
        case .changed: ("변경 지표 수", "indicators changed")
        case .steps: ("단계 수", "steps")
        case .declare: ("선택 지표로 신청", "declare as elective")
        case .undeclare: ("선택 지표 신청 취소", "withdraw the elective")
        case .add: ("추가", "add")
        case .margin: ("여유 점수", "Margin")
        case .above: ("기준점 초과", "above")
        case .risks: ("한 단계만 낮아져도 결과가 나빠지는 지표", "Single drops that would lose the result")
        case .noRisks: Label.none.words
        case .missing: ("누락 항목", "Missing")
        case .certified: ("인증", "certified")
        case .notCertified: ("미인증", "not certified")
        case .noneGiven: ("(없음)", "(none)")
        case .best: ("최고 결과에 도달했습니다", "already at the best outcome")
        }
    }
}

/// `PlanLabel` words in one language.
public typealias PlanLabels = Words<PlanLabel>
