// The texts of a finding, a rule text or an input in words, in English and in Korean.

extension Message {
    /// The text of a message of a finding, a rule text or an input in words, in Korean (`ko`) or
    /// English; nil for any other message.
    func findingText(_ ko: Bool) -> String? {
        switch self {
        case .prerequisiteNotMet(let id, let label): return ko ? "필수 요건 미충족: \(id)(\(label.text(.ko))) 지표는 필수 지표이나 0점입니다. 이 지표가 0점을 넘어야 인증받을 수 있습니다"
                                                               : "prerequisite not met: \(id) (\(label.text(.en))) is mandatory and scored 0; the applicant cannot be certified until it scores above 0"
        case .belowPassMark(let total, let mark): return ko ? "총점 \(total)점이 합격 기준 \(mark)점에 미달하여 인증되지 않았습니다"
                                                            : "total \(total) is below the pass mark \(mark): not certified"
        case .belowGrade(let total, let grade, let minimum): return ko ? "총점 \(total)점이 \(grade)등급 기준(\(minimum)점)에 미달하여 인증되지 않았습니다"
                                                                       : "total \(total) is below grade \(grade) (\(minimum)): not certified"
        case .noInput(let missing): return ko ? "\(missing.korean) 0점으로 처리했습니다" : "\(missing.english); scored 0"
        case .panelNoReview(let used, let minimum):
            if ko {
                let usedText = used ? "심사위원 평가가 없어 신청서의 자가평가 점수를 적용했습니다" : "심사위원 평가가 없습니다"
                return "심사위원 수 부족: \(usedText). 공식 심사에는 심사위원이 \(minimum)명 이상 필요합니다"
            }
            let usedText = used ? "; the self-assessed score from the dossier is used" : ""
            return "panel too small: no panel review\(usedText); official scoring needs at least \(minimum) reviewers"
        case .panelTooSmall(let count, let minimum): return ko ? "심사위원 수 부족: 심사위원 점수가 \(count)건입니다. 공식 심사에는 \(minimum)명 이상이 필요합니다"
                                                               : ("panel too small: \(count) reviewer score\(count == 1 ? "" : "s"); official scoring needs at least \(minimum)")
        case .electivesChosen(let group, let choose, let chosen): return ko ? "'\(group)' 선택 지표를 신고하지 않아 점수가 높은 \(choose)개(\(chosen.joined(separator: ", ")))를 선택했습니다. 제출 전에 <elective indicator=\"…\"/>로 신고하십시오"
                                                                            : "no electives declared in '\(group)': the best \(choose) were chosen (\(chosen.joined(separator: ", "))); declare them with <elective indicator=\"…\"/> before you submit"
        case .electivesTooFew(let group, let declared, let choose):
            if ko {
                let missing = choose - declared
                return "'\(group)' 선택 지표를 \(choose)개 중 \(declared)개만 신고했습니다. 나머지 \(missing)개는 0점으로 처리되므로 \(missing)개를 더 신고하십시오"
            }
            let missing = choose - declared
            return "only \(declared) of \(choose) electives declared in '\(group)'; \(missing) slot\(missing == 1 ? "" : "s") score\(missing == 1 ? "s" : "") 0 — declare \(missing) more"
        case .electiveWithoutValue: return ko ? "선택 지표로 선택되었으나 값이 없어 0점으로 처리했습니다"
                                              : "elective chosen but no value given; scored 0"
        case .electiveNotDeclared(let id): return ko ? "\(id) 지표는 값이 있으나 선택 지표로 신고하지 않아 점수에 반영되지 않습니다. 다른 지표보다 점수가 높다면 그 지표 대신 신고하십시오"
                                                     : "a value is given but \(id) is not declared as an elective, so it scores nothing; declare it instead of another if it scores more"
        case .kpiRejected(let kpi, let by, let reviews): return ko ? "성과지표 \(kpi): 심사위원 \(reviews)명 중 \(by.count)명(\(by.joined(separator: ", ")))이 불인정하여 점수에 반영하지 않습니다"
                                                                   : "KPI \(kpi) rejected by \(by.count) of \(reviews) reviewers (\(by.joined(separator: ", "))); it does not count"
        case .noAcceptedKPI: return ko ? "인정된 성과지표가 없어 0점으로 처리했습니다. 심사위원이 인정할 수 있는 성과지표를 제안하십시오"
                                       : "no accepted KPI; scored 0 — propose KPIs the panel can accept"
        case .notRecognised(let unknown, let known): return ko ? "인정 목록에 없어 계산하지 않았습니다: \(unknown.joined(separator: ", ")). 인정되는 항목은 \(known.joined(separator: ", "))입니다"
                                                               : "not recognised, not counted: \(unknown.joined(separator: ", ")); recognised ids are \(known.joined(separator: ", "))"
        case .listedTwice(let repeated): return ko ? "중복 기재되어 한 번만 계산했습니다: \(repeated.joined(separator: ", "))"
                                                   : "listed more than once, counted once: \(repeated.joined(separator: ", "))"
        case .ruleNoInput(let missing): return ko ? "\(missing.koreanRule): 0" : "\(missing.english): 0"
        case .ruleBand(let band): return ko ? band.korean : band.english
        case .ruleBelowFirstBand(let value): return ko ? "\(value)(첫 구간 미만): 0" : "\(value) is below the first band: 0"
        case .ruleLinear(let max, let value, let lo, let hi, let points): return ko ? "선형 \(max) × clamp((\(value) − \(lo)) / (\(hi) − \(lo)), 0, 1) = \(points)"
                                                                                    : "linear \(max) × clamp((\(value) − \(lo)) / (\(hi) − \(lo)), 0, 1) = \(points)"
        case .ruleChoice(let value, let points): return ko ? "\(value) → \(points)" : "\(value) → \(points)"
        case .ruleYesNo(let value, let points): return ko ? ("\(value ? "예" : "아니오") → \(points)")
                                                          : "\(value) → \(points)"
        case .ruleRecognisedCount(let ids, let band):
            if ko {
                let listed = ids.isEmpty ? "" : "(\(ids.joined(separator: ", ")))"
                return "인정 \(ids.count)건\(listed): " + (band?.korean ?? "첫 구간 미만: 0")
            }
            let listed = ids.isEmpty ? "" : " (\(ids.joined(separator: ", ")))"
            return "\(ids.count) recognised\(listed): " + (band?.english ?? "below the first band: 0")
        case .ruleRecognisedEach(let ids, let each, let raw, let capped):
            if ko {
                let listed = ids.isEmpty ? "" : "(\(ids.joined(separator: ", ")))"
                return "인정 \(ids.count)건\(listed) × \(each) = \(raw)" + (capped.map { ", 상한 \($0) 적용" } ?? "")
            }
            let listed = ids.isEmpty ? "" : " (\(ids.joined(separator: ", ")))"
            return "\(ids.count) recognised\(listed) × \(each) = \(raw)" + (capped.map { ", capped at \($0)" } ?? "")
        case .ruleKPIAttainment(let mean, let attainments, let max, let zeroAt, let fullAt, let points):
            if ko {
                let m = mean.formatted(places: 4)
                let parts = attainments.map { "\($0.id) \($0.attainment.formatted(places: 4))" }.joined(separator: ", ")
                return "인정 성과지표 \(attainments.count)개의 평균 달성률 \(m)(\(parts)): \(max) × clamp((\(m) − \(zeroAt)) / (\(fullAt) − \(zeroAt)), 0, 1) = \(points.formatted(places: 4))"
            }
            let m = mean.formatted(places: 4)
            let parts = attainments.map { "\($0.id) \($0.attainment.formatted(places: 4))" }.joined(separator: ", ")
            return "mean attainment \(m) over \(attainments.count) accepted KPI\(attainments.count == 1 ? "" : "s") (\(parts)): \(max) × clamp((\(m) − \(zeroAt)) / (\(fullAt) − \(zeroAt)), 0, 1) = \(points.formatted(places: 4))"
        case .ruleNoAcceptedKPI: return ko ? "인정된 성과지표 없음: 0" : "no accepted KPI: 0"
        case .ruleJudgment(let selfAssessed, let scores, let dropped, let mean, let max, let low, let span, let points):
            if ko {
                let trimmed = dropped.count == 2 ? ", 최고 \(dropped[0])점·최저 \(dropped[1])점 제외" : ""
                let m = mean.formatted(places: 3)
                return "\(selfAssessed ? "자가평가" : "심사위원 점수") {\(Message.list(scores))}\(trimmed): 평균 \(m) → \(max) × (\(m) − \(low)) / \(span) = \(points.formatted(places: 3))"
            }
            let trimmed = dropped.count == 2 ? ", highest \(dropped[0]) and lowest \(dropped[1]) dropped" : ""
            let m = mean.formatted(places: 3)
            return "\(selfAssessed ? "self-assessed" : "panel") {\(Message.list(scores))}\(trimmed): mean \(m) → \(max) × (\(m) − \(low)) / \(span) = \(points.formatted(places: 3))"
        case .ruleMismatch(let method): return ko ? "입력값이 산출 방식(\(method))에 맞지 않음: 0"
                                                  : "input does not fit method \(method): 0"
        case .ruleElectiveNotSelected: return ko ? "선택 지표 미선택: 0" : "elective not selected: 0"
        case .ruleRounded(let rule, let points): return ko ? "\(rule.korean) → \(points)"
                                                           : "\(rule.english) → \(points)"
        case .kpiInputs(let kpis):
            if ko {
                return kpis.map { kpi in
                    let unit = kpi.unit.map { " " + $0 } ?? ""
                    let direction = kpi.direction == .higher ? "높을수록 우수" : "낮을수록 우수"
                    return "\(kpi.id)(\(direction)): 목표 \(kpi.target)\(unit) 대비 실적 \(kpi.achieved)\(unit)"
                }.joined(separator: "; ")
            }
            return kpis.map { kpi in
                let unit = kpi.unit.map { " " + $0 } ?? ""
                return "\(kpi.id) \(kpi.direction.rawValue): \(kpi.achieved)\(unit) of \(kpi.target)\(unit)"
            }.joined(separator: "; ")
        default:
            return nil
        }
    }

    static func list(_ values: [Int]) -> String {
        values.map(String.init).joined(separator: ", ")
    }
}

// MARK: - Argument types

extension Message {
    /// What is missing when an indicator has no input.
    public enum MissingInput: String, Sendable, Hashable, CaseIterable {
        /// No `<value>`.
        case value
        /// No `<kpi>`.
        case kpis
        /// A judgment with neither a self-assessment nor a review.
        case selfAssessment
        /// A judgment no reviewer scored.
        case reviewerScore
    }

    /// One band reached: `[min, upper)` → points (`upper` nil: open-ended).
    public struct BandStep: Sendable, Hashable {
        public var min: Rational
        public var upper: Rational?
        public var points: Rational
        public init(min: Rational, upper: Rational?, points: Rational) {
            self.min = min
            self.upper = upper
            self.points = points
        }
    }

    /// One accepted KPI's attainment in the KPI rule.
    public struct KPIAttainment: Sendable, Hashable {
        public var id: String
        public var attainment: Rational
        public init(id: String, attainment: Rational) {
            self.id = id
            self.attainment = attainment
        }
    }

    /// A KPI as the applicant wrote it (numbers with all their decimals).
    public struct GivenKPI: Sendable, Hashable {
        public var id: String
        public var direction: KPI.Direction
        public var achieved: String
        public var target: String
        public var unit: String?
        public init(id: String, direction: KPI.Direction, achieved: String, target: String, unit: String?) {
            self.id = id
            self.direction = direction
            self.achieved = achieved
            self.target = target
            self.unit = unit
        }
    }
}

extension Message.MissingInput {
    /// Finding and rule start: "no value given".
    var english: String {
        switch self {
        case .value: "no value given"
        case .kpis: "no KPI proposed"
        case .selfAssessment: "no self-assessed score and no panel review"
        case .reviewerScore: "no reviewer scored it"
        }
    }

    /// The finding's reason, ending so that "0점으로 처리했습니다" follows.
    var korean: String {
        switch self {
        case .value: "값이 없어"
        case .kpis: "제안된 성과지표가 없어"
        case .selfAssessment: "자가평가 점수와 심사위원 평가가 모두 없어"
        case .reviewerScore: "채점한 심사위원이 없어"
        }
    }

    /// The rule's short form.
    var koreanRule: String {
        switch self {
        case .value: "값 없음"
        case .kpis: "성과지표 미제안"
        case .selfAssessment: "자가평가·심사위원 평가 없음"
        case .reviewerScore: "심사위원 채점 없음"
        }
    }
}

extension Message.BandStep {
    var english: String {
        "band [\(min), \(upper.map { $0.description } ?? "…")) → \(points)"
    }

    var korean: String {
        "구간 [\(min), \(upper.map { $0.description } ?? "…")) → \(points)"
    }
}
