import CertifyModel
import CertifyRender

/// Every word the cohort and compare outputs show a person, in Korean and
/// English. A label is a case, so a misspelt key does not compile (like
/// `Label` for the single-dossier outputs).
public enum CohortLabel: LocalizedWord {
    case cohort, compare, date, dossiers, count, certified, certifiedShare, notCertified, blockedCard,
        certifiedMark, blocked, grades, grade, total, totals, mean, median, q1, q3, min, max, maxPoints,
        atMax, atZero, missing, notSelected, areas, area, indicators, indicator, kinds, kind, invalid,
        invalidNone, file, error, id, applicant, yes, no, pass, fail, histogram, histogramPass, gradesByKind, outcomesByKind, indicatorDist, indicatorDistNote,
        partial, from, to, transitions, transitionsNote, changes, changesNone, movedBy, meanChange, change,
        onlyIn, onlyFrom, onlyTo, unscored, dossiersCompared, unknownRubric

    /// The Korean and English text; `%1` stands for a value (`Words.format`).
    public var words: (ko: String, en: String) {
        switch self {
        case .cohort: ("인증 대상 집단 통계", "Cohort statistics")
        case .compare: ("인증기준 개정 영향 비교", "Effect of a revised rubric")
        case .date: Label.date.words
        case .dossiers: ("신청서", "Dossiers")
        case .count: ("신청서 수", "Dossiers scored")
        case .certified: Label.certified.words
        case .certifiedShare: ("인증 비율", "Certified")
        case .notCertified: PlanLabel.notCertified.words
        case .blockedCard: ("기준점 이상 미인증", "Total enough, not certified")
        case .certifiedMark: PlanLabel.certified.words
        case .blocked: ("기준점 이상이나 미인증 %1 (필수 지표 미충족 등)", "%1 reach the threshold but are not certified (unmet mandatory indicator)")
        case .grades: ("등급 분포", "Grades")
        case .grade: Label.grade.words
        case .total: Label.total.words
        case .totals: ("총점 분포", "Totals")
        case .mean: Label.mean.words
        case .median: ("중앙값", "Median")
        case .q1: ("1사분위", "Q1")
        case .q3: ("3사분위", "Q3")
        case .min: ("최저", "Min")
        case .max: ("최고", "Max")
        case .maxPoints: Label.max.words
        case .atMax: ("만점", "At max")
        case .atZero: ("0점", "At zero")
        case .missing: ("누락", "Missing")
        case .notSelected: ("미선택", "Not selected")
        case .areas: ("영역별", "By area")
        case .area: ("영역", "Area")
        case .indicators: ("지표별", "By indicator")
        case .indicator: Label.indicator.words
        case .kinds: ("신청자 유형별", "By applicant kind")
        case .kind: ("유형", "Kind")
        case .invalid: ("검증 실패 신청서", "Invalid dossiers")
        case .invalidNone: Label.none.words
        case .file: Label.file.words
        case .error: ("첫 번째 오류", "First error")
        case .id: ("신청서 ID", "Dossier")
        case .applicant: Label.applicant.words
        case .yes: Label.yes.words
        case .no: Label.no.words
        case .pass: ("합격", "pass")
        case .fail: ("불합격", "fail")
        case .histogram: ("총점 분포 (등급 기준선 표시)", "Totals, with the grade thresholds")
        case .histogramPass: ("총점 분포 (합격 기준선 표시)", "Totals, with the pass mark")
        case .gradesByKind: ("유형별 등급", "Grades by applicant kind")
        case .outcomesByKind: ("유형별 합격·불합격", "Pass and fail by applicant kind")
        case .indicatorDist: ("지표별 점수 분포", "Points by indicator")
        case .indicatorDistNote: ("막대: 신청서 비율 (누락 · 미선택 · 0점 · 부분 점수 · 만점), 오른쪽: 평균 점수 / 배점", "Bars: share of dossiers missing, not selected, at zero, partial, at max; right: mean points / max")
        case .partial: ("부분 점수", "Partial")
        case .from: ("현행", "From")
        case .to: ("개정안", "To")
        case .transitions: ("등급 이동표", "Transitions")
        case .transitionsNote: ("행: 현행 결과, 열: 개정안 결과", "Rows: outcome now; columns: outcome under the revision")
        case .changes: ("결과가 바뀌는 신청서", "Dossiers whose outcome changes")
        case .changesNone: Label.none.words
        case .movedBy: ("주요 변동 지표", "Moved most by")
        case .meanChange: ("지표별 평균 점수 변화", "Mean points by indicator")
        case .change: ("변화", "Change")
        case .onlyIn: ("한쪽에만 있는 지표", "Indicators in one version only")
        case .onlyFrom: ("현행에만", "only in the current rubric")
        case .onlyTo: ("개정안에만", "only in the revision")
        case .unscored: ("비교 불가 신청서", "Dossiers not compared")
        case .dossiersCompared: ("비교한 신청서", "Dossiers compared")
        case .unknownRubric: ("인증기준을 알 수 없음", "rubric unknown")
        }
    }

    /// The label of an outcome a rubric names (`pass`, `fail`), when
    /// Certify knows it. Applicant kinds use `Label(applicantKind:)`, the
    /// words every other output shows.
    public init?(named name: String) {
        switch name {
        case "pass": self = .pass
        case "fail": self = .fail
        default: return nil
        }
    }
}

/// The cohort and compare labels in one language.
public typealias CohortLabels = Words<CohortLabel>

extension Words where Entry == CohortLabel {
    /// An outcome or kind named by the rubric or dossier: translated when
    /// Certify knows the word (`pass`, `city`), else as written (`A`).
    public func word(_ name: String) -> String {
        if let label = CohortLabel(named: name) { return self[label] }
        if let kind = Label(applicantKind: name) { return Labels(language)[kind] }
        return name
    }
}
