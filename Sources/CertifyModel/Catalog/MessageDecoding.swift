// The texts of decoding a rubric, dossier or review, in English and in Korean.

extension Message {
    /// The text of a message of decoding a rubric, dossier or review, in Korean (`ko`) or
    /// English; nil for any other message.
    func decodingText(_ ko: Bool) -> String? {
        switch self {
        case .expectedRoot(let element, let namespace): return ko ? "루트 요소는 <\(element) xmlns=\"\(namespace)\">여야 합니다"
                                                                  : "expected <\(element) xmlns=\"\(namespace)\">"
        case .missingAttribute(let element, let attribute): return ko ? "<\(element)>에 '\(attribute)' 속성이 필요합니다"
                                                                      : "<\(element)> needs the attribute '\(attribute)'"
        case .notDecimalAttribute(let context, let attribute, let given): return ko ? "\(context.korean): '\(attribute)'은(는) 십진수여야 합니다. 입력값: '\(given)'"
                                                                                    : "\(context.english): '\(attribute)' must be a decimal number, got '\(given)'"
        case .notIntegerAttribute(let context, let attribute, let given): return ko ? "\(context.korean): '\(attribute)'은(는) 정수여야 합니다. 입력값: '\(given)'"
                                                                                    : "\(context.english): '\(attribute)' must be an integer, got '\(given)'"
        case .notBooleanAttribute(let attribute, let given): return ko ? "'\(attribute)'은(는) true 또는 false여야 합니다. 입력값: '\(given)'"
                                                                       : "'\(attribute)' must be true or false, got '\(given)'"
        case .notEnumAttribute(let context, let attribute, let allowed, let given): return ko ? "\(context.korean): \(attribute)은(는) \(allowed.joined(separator: " 또는 ")) 중 하나여야 합니다. 입력값: '\(given)'"
                                                                                              : "\(context.english): \(attribute) must be \(allowed.joined(separator: " or ")), got '\(given)'"
        case .unexpectedElement(let name): return ko ? "예상하지 못한 요소 <\(name)>" : "unexpected element <\(name)>"
        case .rubricNeedsDecision: return ko ? "인증기준에는 <grades> 또는 <pass>가 있어야 합니다"
                                             : "a rubric needs <grades> or <pass>"
        case .unknownInputKind(let id, let given): return ko ? "지표 \(id): 알 수 없는 입력 유형 '\(given)'"
                                                             : "indicator \(id): unknown input kind '\(given)'"
        case .noBandTable(let id, let ref): return ko ? "지표 \(id): <band-table id=\"\(ref)\">이(가) 없습니다"
                                                      : "indicator \(id): no <band-table id=\"\(ref)\">"
        case .noScoringMethod(let id): return ko ? "지표 \(id): 산출 방식이 없습니다" : "indicator \(id): no scoring method"
        case .areaTwice(let area): return ko ? "영역 ID '\(area)'이(가) 두 번 쓰였습니다" : "area id '\(area)' is used twice"
        case .noApplicantKind: return ko ? "인증기준은 신청자 유형을 하나 이상 허용해야 합니다"
                                         : "a rubric must admit at least one applicant kind"
        case .validityRange: return ko ? "유효기간은 1년에서 100년 사이여야 합니다" : "validity must be 1 to 100 years"
        case .electiveGroupSize(let group, let choose, let members): return ko ? "선택 지표 그룹 '\(group)'이(가) 지표 \(members)개 중 \(choose)개를 선택하도록 되어 있습니다"
                                                                               : "elective group '\(group)' chooses \(choose) of \(members) indicators"
        case .certifiedFromUnknown(let grade): return ko ? "certified-from에 적힌 등급 '\(grade)'이(가) 없습니다"
                                                         : "certified-from names no grade: '\(grade)'"
        case .gradesOrder: return ko ? "등급은 높은 등급부터, 최저 점수가 엄격히 줄어드는 순서로 적어야 합니다"
                                     : "grades must be listed best first, with strictly decreasing minimums"
        case .lastGradeNotZero: return ko ? "모든 총점에 등급이 매겨지도록 마지막 등급은 0점부터 시작해야 합니다"
                                          : "the last grade must start at 0 so that every total has a grade"
        case .passAboveMax(let threshold, let max): return ko ? "합격 기준 \(threshold)점이 만점 \(max)점을 넘습니다"
                                                              : "pass threshold \(threshold) exceeds the maximum \(max)"
        case .panelRange: return ko ? "심사 점수의 min-score는 max-score보다 작아야 합니다"
                                    : "panel min-score must be below max-score"
        case .trimFromTooSmall: return ko ? "최고·최저 점수를 빼고도 점수가 남도록 trim-from은 3 이상이어야 합니다"
                                          : "panel trim-from must be at least 3, so that a score is left after dropping the highest and lowest"
        case .indicatorTwice(let id): return ko ? "지표 \(id)이(가) 두 번 정의되어 있습니다" : "indicator \(id) is defined twice"
        case .maxNotPositive(let id): return ko ? "지표 \(id): 배점은 0보다 커야 합니다" : "indicator \(id): max must be positive"
        case .noElectiveGroup(let id, let group): return ko ? "지표 \(id): <elective-group id=\"\(group)\">이(가) 없습니다"
                                                            : "indicator \(id): no <elective-group id=\"\(group)\">"
        case .mandatoryAndElective(let id): return ko ? "지표 \(id)은(는) 필수 지표이면서 선택 지표일 수 없습니다"
                                                      : "indicator \(id) cannot be both mandatory and elective"
        case .areaUnreachable(let area, let reachable, let max): return ko ? "영역 \(area): 지표 배점의 합 \(reachable)점이 영역 배점 \(max)점에 못 미칩니다"
                                                                           : "area \(area): its indicators reach \(reachable), less than its max \(max)"
        case .bandsEmpty(let id): return ko ? "지표 \(id): 구간이 비어 있습니다" : "indicator \(id): bands are empty"
        case .bandsNotIncreasing(let id): return ko ? "지표 \(id): 구간의 최솟값은 엄격히 증가해야 합니다"
                                                    : "indicator \(id): band minimums must increase strictly"
        case .bandPointsOutside(let id, let points, let max): return ko ? "지표 \(id): 구간 점수 \(points)점이 0–\(max)점 범위를 벗어납니다"
                                                                        : "indicator \(id): band points \(points) outside 0–\(max)"
        case .methodCannotScore(let id, let method, let input): return ko ? "지표 \(id): 산출 방식 '\(method)'(으)로는 입력 유형 '\(input)'을(를) 채점할 수 없습니다"
                                                                          : "indicator \(id): method '\(method)' cannot score input '\(input)'"
        case .linearRange(let id): return ko ? "지표 \(id): 선형 산출에는 lo < hi가 필요합니다"
                                             : "indicator \(id): linear needs lo < hi"
        case .choicesRepeat(let id): return ko ? "지표 \(id): 선택지 값이 중복됩니다" : "indicator \(id): choice values repeat"
        case .choicePointsOutside(let id, let points, let max): return ko ? "지표 \(id): 선택지 점수 \(points)점이 0–\(max)점 범위를 벗어납니다"
                                                                          : "indicator \(id): choice points \(points) outside 0–\(max)"
        case .yesNoPointsOutside(let id, let points, let max): return ko ? "지표 \(id): 점수 \(points)점이 0–\(max)점 범위를 벗어납니다"
                                                                         : "indicator \(id): points \(points) outside 0–\(max)"
        case .noRecognisedIDs(let id): return ko ? "지표 \(id): 인정 항목이 없습니다" : "indicator \(id): no recognised ids"
        case .recognisedEachNeeds(let id): return ko ? "지표 \(id): 인정 항목과 0보다 큰 항목당 점수가 필요합니다"
                                                     : "indicator \(id): needs recognised ids and positive points"
        case .kpiAttainmentRange(let id): return ko ? "지표 \(id): kpi-attainment에는 zero-at < full-at이 필요합니다"
                                                    : "indicator \(id): kpi-attainment needs zero-at < full-at"
        case .judgmentNeedsPanel(let id): return ko ? "지표 \(id): 정성평가 지표에는 <panel> 규칙이 필요합니다"
                                                    : "indicator \(id): judgment indicators need a <panel> rule"
        default:
            return nil
        }
    }
}

// MARK: - Argument types

extension Message {
    /// Which part of a document an attribute belongs to.
    public enum DecodeContext: MessagePart, Sendable, Hashable {
        case bandTable, electiveGroup, panel, grade, pass, validity, area
        case indicator(String)
        case kpi(String)
    }
}

extension Message.DecodeContext {
    /// The text in Korean (`ko`) or English.
    func text(ko: Bool) -> String {
        switch self {
        case .bandTable: ko ? "구간표" : "band table"
        case .electiveGroup: ko ? "선택 지표 그룹" : "elective group"
        case .panel: ko ? "심사 점수 규칙" : "panel"
        case .grade: ko ? "등급" : "grade"
        case .pass: ko ? "합격 기준" : "pass"
        case .validity: ko ? "유효기간" : "validity"
        case .area: ko ? "영역" : "area"
        case .indicator(let id): ko ? "지표 \(id)" : "indicator \(id)"
        case .kpi(let id): ko ? "성과지표 \(id)" : "KPI \(id)"
        }
    }
}
