// The texts of binding a dossier and its reviews to a rubric, in English and in Korean.

extension Message {
    /// The text of a message of binding a dossier and its reviews to a rubric, in Korean (`ko`) or
    /// English; nil for any other message.
    func bindingText(_ ko: Bool) -> String? {
        switch self {
        case .unknownIndicator(let id, let rubric, let version): return ko ? "알 수 없는 지표 '\(id)': 인증기준 \(rubric) \(version)에 없는 지표입니다"
                                                                           : "unknown indicator '\(id)': rubric \(rubric) \(version) has no such indicator"
        case .singleApplicantOnly(let rubric, let count): return ko ? "인증기준 \(rubric)은(는) 단독 신청만 받습니다. 이 신청서에는 신청자가 \(count)명 기재되어 있습니다"
                                                                    : "rubric \(rubric) admits a single applicant; this dossier names \(count)"
        case .applicantTwice(let id): return ko ? "신청자 '\(id)'이(가) 두 번 기재되어 있습니다" : "applicant '\(id)' is listed twice"
        case .applicantKindNotAdmitted(let id, let kind, let rubric, let admitted): return ko ? "신청자 '\(id)': 신청자 유형 '\(kind)'은(는) \(rubric) 인증을 신청할 수 없습니다. 신청 가능 유형: \(admitted.joined(separator: ", "))"
                                                                                              : "applicant '\(id)': kind '\(kind)' cannot apply for \(rubric); admitted kinds: \(admitted.joined(separator: ", "))"
        case .applicantRoleNotAdmitted(let id, let role, let admitted):
            if ko {
                let which = admitted.isEmpty ? "이 인증기준은 역할을 받지 않습니다" : "허용되는 역할: " + admitted.joined(separator: ", ")
                return "신청자 '\(id)': 역할 '\(role)'은(는) 허용되지 않습니다. \(which)"
            }
            let which = admitted.isEmpty ? "this rubric takes no roles" : "admitted roles: " + admitted.joined(separator: ", ")
            return "applicant '\(id)': role '\(role)' is not admitted; \(which)"
        case .applicantNameLanguage(let id, let language): return ko ? "신청자 '\(id)': 명칭의 언어 '\(language)'은(는) 쓸 수 없습니다. ko 또는 en으로 적으십시오"
                                                                     : "applicant '\(id)': name language '\(language)' must be ko or en"
        case .applicantNameMissing(let id): return ko ? "신청자 '\(id)'의 명칭을 ko 또는 en으로 적어야 합니다"
                                                      : "applicant '\(id)' needs a name in ko or en"
        case .submittedNotDate(let given): return ko ? "제출일 '\(given)'이(가) 올바른 날짜(YYYY-MM-DD)가 아닙니다"
                                                     : "submitted date '\(given)' is not a calendar date YYYY-MM-DD"
        case .evidenceTwice(let id): return ko ? "증빙 ID '\(id)'이(가) 두 번 선언되어 있습니다"
                                               : "evidence id '\(id)' is declared twice"
        case .evidenceDigestNotHex(let id, let given): return ko ? "증빙 '\(id)'의 sha256 '\(given)'은(는) 16진수 64자리(0-9, a-f, 대소문자 무관)여야 합니다"
                                                                 : "evidence '\(id)': sha256 '\(given)' must be 64 hexadecimal digits (0-9 and a-f, either case)"
        case .evidenceUndeclared(let indicator, let id): return ko ? "\(indicator): 증빙 '\(id)'이(가) 선언되지 않았습니다. <evidence id=\"\(id)\" …>를 추가하거나 참조를 바로잡으십시오"
                                                                   : "\(indicator): evidence '\(id)' is not declared; add <evidence id=\"\(id)\" …> or fix the reference"
        case .valueTwice(let id): return ko ? "\(id): 값이 두 번 기재되어 있습니다. 지표마다 <value>는 하나만 적으십시오"
                                            : "\(id): value given twice; give one <value> per indicator"
        case .notASingleValue(let id, let kind): return ko ? "\(id): 이 지표는 \(InputKindWord.korean(kind)) 값 하나를 받습니다. <item> 하위 요소는 쓸 수 없습니다"
                                                           : "\(id): takes a single \(kind) value, not <item> children"
        case .negativeCount(let id, let given): return ko ? "\(id): 개수는 음수일 수 없습니다. 입력값: '\(given)'"
                                                          : "\(id): a count cannot be negative, got '\(given)'"
        case .notACount(let id, let given): return ko ? "\(id): 개수(0 이상의 정수)를 적어야 합니다. 입력값: '\(given)'"
                                                      : "\(id): expected a count (a whole number ≥ 0), got '\(given)'"
        case .notADecimal(let id, let given): return ko ? "\(id): 12.5와 같은 십진수를 적어야 합니다. 입력값: '\(given)'"
                                                        : "\(id): expected a decimal number like 12.5, got '\(given)'"
        case .percentOutOfRange(let id, let given): return ko ? "\(id): 백분율은 0에서 100 사이여야 합니다. 입력값: '\(given)'"
                                                              : "\(id): a percentage must be between 0 and 100, got '\(given)'"
        case .notABoolean(let id, let given): return ko ? "\(id): true 또는 false로 적어야 합니다. 입력값: '\(given)'"
                                                        : "\(id): expected true or false, got '\(given)'"
        case .notAChoice(let id, let given, let choices): return ko ? "\(id): '\(given)'은(는) 허용되는 값(\(choices.joined(separator: ", ")))이 아닙니다"
                                                                    : "\(id): '\(given)' is not one of \(choices.joined(separator: ", "))"
        case .setNotItems(let id, let given): return ko ? "\(id): 목록은 <item> 하위 요소로 적으십시오. 예: <item>\(given)</item>"
                                                        : "\(id): give the set as <item> children, e.g. <item>\(given)</item>"
        case .emptyItem(let id): return ko ? "\(id): 비어 있는 <item>이 있습니다" : "\(id): an <item> is empty"
        case .kpiNotValue(let id): return ko ? "\(id): 성과지표는 <value>가 아니라 <kpi indicator=\"\(id)\" id=… direction=… target=… achieved=…> 요소로 적습니다"
                                             : "\(id): KPIs are given as <kpi indicator=\"\(id)\" id=… direction=… target=… achieved=…> elements, not <value>"
        case .judgmentNotValue(let id): return ko ? "\(id): 정성평가 지표는 심사위원이 채점합니다. 자가평가는 <judgment indicator=\"\(id)\" score=…/>로 적습니다"
                                                  : "\(id): a judgment indicator is scored by the panel; a self-assessment is <judgment indicator=\"\(id)\" score=…/>"
        case .belowLowestBand(let id, let given, let floor): return ko ? "\(id): \(given)은(는) 최저 구간(\(floor)) 미만입니다"
                                                                       : "\(id): \(given) is below the lowest band (\(floor))"
        case .notElective(let id): return ko ? "\(id) 지표는 선택 지표가 아닙니다. 선택 지표만 신고할 수 있습니다"
                                             : "\(id) is not an elective; only elective indicators can be declared"
        case .electiveTwice(let id): return ko ? "\(id): 선택 지표를 두 번 신고했습니다" : "\(id): elective declared twice"
        case .tooManyElectives(let declared, let group, let choose): return ko ? "선택 지표를 \(declared.count)개(\(declared.joined(separator: ", "))) 신고했으나 \(group)에서는 \(choose)개까지 선택할 수 있습니다. \(declared.count - choose)개를 빼십시오"
                                                                               : "\(declared.count) electives declared (\(declared.joined(separator: ", "))) but \(group) allows \(choose); remove \(declared.count - choose)"
        case .notKPIIndicator(let id): return ko ? "\(id) 지표는 성과지표로 채점하지 않습니다. <kpi>는 성과지표 지표에만 씁니다"
                                                 : "\(id) is not scored by KPIs; <kpi> is only for KPI indicators"
        case .kpiIDTwice(let id, let kpi): return ko ? "\(id): 성과지표 ID '\(kpi)'이(가) 두 번 쓰였습니다"
                                                     : "\(id): KPI id '\(kpi)' is used twice"
        case .kpiNotDecimal(let id, let kpi): return ko ? "\(id): 성과지표 \(kpi): 목표와 실적은 십진수여야 합니다"
                                                        : "\(id): KPI \(kpi): target and achieved must be decimal numbers"
        case .kpiOutOfRange(let id, let kpi, let lower, let target, let achieved):
            if ko {
                let need = lower ? "낮을수록 우수한 성과지표는 목표와 실적이 모두 0보다 커야 합니다"
                    : "목표는 0보다 크고 실적은 0 이상이어야 합니다"
                return "\(id): 성과지표 \(kpi): \(need) (목표 \(target), 실적 \(achieved))"
            }
            let need = lower ? "both target and achieved must be > 0 for a lower-is-better KPI"
                : "target must be > 0 and achieved ≥ 0"
            return "\(id): KPI \(kpi): \(need) (target \(target), achieved \(achieved))"
        case .reviewUnknownKPI(let reviewer, let kpi, let dossier): return ko ? "심사표 \(reviewer): 신청서 \(dossier)에 성과지표 '\(kpi)'이(가) 없습니다"
                                                                              : "review \(reviewer): no KPI '\(kpi)' in dossier \(dossier)"
        case .reviewKPITwice(let reviewer, let kpi): return ko ? "심사표 \(reviewer): 성과지표 '\(kpi)'을(를) 두 번 판정했습니다"
                                                               : "review \(reviewer): KPI '\(kpi)' decided twice"
        case .reviewWrongDossier(let reviewer, let other, let dossier): return ko ? "심사표 \(reviewer)은(는) 신청서 '\(other)'에 대한 것입니다(이번 신청서: '\(dossier)')"
                                                                                  : "review \(reviewer) is for dossier '\(other)', not '\(dossier)'"
        case .reviewerTwice(let reviewer): return ko ? "심사위원 '\(reviewer)'의 심사표가 두 개입니다. 심사위원은 한 번만 채점합니다"
                                                     : "reviewer '\(reviewer)' has two reviews; each reviewer scores once"
        case .judgedTwice(let id, let reviewer): return ko ? "\(id): 심사위원 \(reviewer)이(가) 두 번 채점했습니다"
                                                           : "\(id): reviewer \(reviewer) scored it twice"
        case .selfAssessedTwice(let id): return ko ? "\(id): 자가평가가 두 번 기재되어 있습니다" : "\(id): self-assessed twice"
        case .notJudgment(let id): return ko ? "\(id) 지표는 정성평가 지표가 아니어서 점수를 받을 수 없습니다"
                                             : "\(id) is not a judgment indicator; it cannot take a score"
        case .scoreOutOfRange(let id, let min, let max, let rubric, let given): return ko ? "\(id): 점수는 \(min)에서 \(max) 사이의 정수여야 합니다\(rubric.map { "(\($0))" } ?? ""). 입력값: '\(given)'" : "\(id): score must be a whole number from \(min) to \(max)\(rubric.map { " (\($0))" } ?? ""), got '\(given)'"
        case .noJudgmentRubric(let id): return ko ? "\(id): 이 ID의 정성평가 지표가 있는 인증기준이 없습니다"
                                                  : "\(id): no rubric has a judgment indicator with this id"
        default:
            return nil
        }
    }
}

/// Input kinds in Korean words (`InputKind` raw values).
enum InputKindWord {
    static func korean(_ kind: String) -> String {
        switch kind {
        case "count": "개수"
        case "decimal": "십진수"
        case "percent": "백분율"
        case "boolean": "예/아니오"
        case "enum": "선택지"
        case "set": "목록"
        case "kpis": "성과지표"
        case "judgment": "정성평가"
        default: kind
        }
    }
}
