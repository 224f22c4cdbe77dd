import CertifyEngine
import CertifyModel
import Foundation

/// Every word the renderers show a person, in Korean and English. A
/// label is a case, so a misspelt key does not compile.
public enum Label: LocalizedWord {
    case dossier, applicant, applicants, rubric, date, area, points, max, status, rule, input, total, grade, certified, yes, no, validity, none, findings, threshold, pass, official, selfCheck, scored, missing, notSelected, selfAssessed, error, warning, info, mandatory, elective, evidence, reviews, report, decision, certifiedYes, certifiedNo, passVerdict, failVerdict, result, noGrade, grades, noValidity, reasons, belowThreshold, chart, chartDesc, indicators, id, indicator, inputAsGiven, pointsMax, reviewer, score, mean, panel, selfScore, droppedNote, kpi, target, achieved, attainment, direction, higher, lower, accepted, rejected, rejectedBy, kpiDecision, severity, message, noFindings, evidenceRegister, evidenceK, evidenceTitle, file, usedBy, sha256, signature, keyId, signerName, generatedAt, engine, verifyHow, verifyNote, authoritative, submitted, decisionDate, unknown, of,
        kindCity, kindCounty, kindCompany, kindLocalGovernment, kindAssociation, roleDeveloper, roleProvider, roleOperator

    /// The Korean and English text.
    public var words: (ko: String, en: String) {
        switch self {
        case .dossier: ("신청서", "Dossier")
        case .applicant: ("신청자", "Applicant")
        case .applicants: ("신청자", "Applicants")
        case .rubric: ("인증기준", "Rubric")
        case .date: ("판정일", "Decision date")
        case .area: ("영역 / 지표", "Area / indicator")
        case .points: ("점수", "Points")
        case .max: ("배점", "Max")
        case .status: ("상태", "Status")
        case .rule: ("산출 근거", "Rule")
        case .input: ("입력", "input")
        case .total: ("총점", "Total")
        case .grade: ("등급", "Grade")
        case .certified: ("인증", "Certified")
        case .yes: ("예", "yes")
        case .no: ("아니오", "no")
        case .validity: ("유효기간", "Valid")
        case .none: ("없음", "none")
        case .findings: ("검토 의견", "Findings")
        case .threshold: ("인증 기준점", "certified from")
        case .pass: ("합격 기준", "pass mark")
        case .official: ("공식 심사", "official scoring")
        case .selfCheck: ("비공식 채점", "not official")
        case .scored: ("채점", "scored")
        case .missing: ("누락", "missing")
        case .notSelected: ("미선택", "not selected")
        case .selfAssessed: ("자가평가", "self-assessed")
        case .error: ("오류", "error")
        case .warning: ("경고", "warning")
        case .info: ("안내", "info")
        case .mandatory: ("필수", "mandatory")
        case .elective: ("선택", "elective")
        case .evidence: ("증빙", "evidence")
        case .reviews: ("심사위원", "Reviewers")
        case .report: ("인증 심사 결과", "Certification scoring report")
        case .decision: ("판정", "Decision")
        case .certifiedYes: Label.certified.words
        case .certifiedNo: ("미인증", "Not certified")
        case .passVerdict: ("합격", "PASS")
        case .failVerdict: ("불합격", "FAIL")
        case .result: ("결과", "Result")
        case .noGrade: ("등급 없음", "no grade")
        case .grades: ("등급 기준", "Grades")
        case .noValidity: ("없음 — 미인증", "none — not certified")
        case .reasons: ("미인증 사유", "Why not certified")
        case .belowThreshold: ("총점 %1 — %2 미달", "total %1 is below the threshold (%2)")
        case .chart: ("영역별 점수", "Points by area")
        case .chartDesc: ("영역별 득점 대비 배점", "Each area's points against its maximum")
        case .indicators: ("지표별 점수", "Indicators")
        case .id: ("ID", "ID")
        case .indicator: ("지표", "Indicator")
        case .inputAsGiven: ("입력값", "Input as given")
        case .pointsMax: ("점수 / 배점", "Points / max")
        case .reviewer: ("심사위원", "Reviewer")
        case .score: ("점수", "Score")
        case .mean: ("평균", "Mean")
        case .panel: ("심사위원 평가", "Panel")
        case .selfScore: ("신청자 자가평가", "self-assessed")
        case .droppedNote: ("취소선: 절사평균에서 제외된 최고·최저 점수", "struck through: highest and lowest score dropped by the trimmed mean")
        case .kpi: ("성과지표", "KPI")
        case .target: ("목표", "Target")
        case .achieved: ("실적", "Achieved")
        case .attainment: ("달성률", "Attainment")
        case .direction: ("방향", "Direction")
        case .higher: ("높을수록 우수", "higher is better")
        case .lower: ("낮을수록 우수", "lower is better")
        case .accepted: ("인정", "accepted")
        case .rejected: ("불인정", "rejected")
        case .rejectedBy: ("불인정 심사위원", "rejected by")
        case .kpiDecision: Label.decision.words
        case .severity: ("구분", "Severity")
        case .message: ("내용", "Message")
        case .noFindings: ("검토 의견 없음", "No findings")
        case .evidenceRegister: ("증빙 자료", "Evidence")
        case .evidenceK: ("증빙", "Evidence")
        case .evidenceTitle: ("제목", "Title")
        case .file: ("파일", "File")
        case .usedBy: ("관련 지표", "Used by")
        case .sha256: ("SHA-256", "SHA-256")
        case .signature: ("서명 및 검증", "Signature and verification")
        case .keyId: ("서명 키 ID", "Signing key id")
        case .signerName: ("서명자", "Signer")
        case .generatedAt: ("생성 시각 (UTC)", "Generated at (UTC)")
        case .engine: ("엔진 버전", "Engine version")
        case .verifyHow: ("서명된 XML 보고서 검증 명령", "Commands that verify the signed XML report")
        case .verifyNote: ("KEY.pub.pem 자리에 서명자의 공개키 파일을 넣으십시오. 마지막 명령이 출력하는 값(공개키 DER의 SHA-256)이 위 서명 키 ID와 같아야 합니다.", "Put the signer's public key file in place of KEY.pub.pem. The last command prints the SHA-256 of the key's DER form, which must equal the signing key id above.")
        case .authoritative: ("이 HTML 문서는 열람·인쇄용 사본이며 서명되어 있지 않습니다. 효력은 서명된 XML 보고서 %1에 있습니다.", "This HTML page is a rendering for reading and printing and is not signed; the signed XML report %1 is authoritative.")
        case .submitted: ("제출일", "Submitted")
        case .decisionDate: Label.date.words
        case .unknown: ("—", "—")
        case .of: ("/", "/")
        case .kindCity: ("시", "city")
        case .kindCounty: ("군", "county")
        case .kindCompany: ("기업", "company")
        case .kindLocalGovernment: ("지방자치단체", "local government")
        case .kindAssociation: ("협회·단체", "association")
        case .roleDeveloper: ("개발 주체", "developer")
        case .roleProvider: ("제공 주체", "provider")
        case .roleOperator: ("운영 주체", "operator")
        }
    }

    /// The label of an indicator's status.
    public init(_ status: IndicatorResult.Status) {
        switch status {
        case .scored: self = .scored
        case .missing: self = .missing
        case .notSelected: self = .notSelected
        case .selfAssessed: self = .selfAssessed
        }
    }

    /// The label of a finding's severity.
    public init(_ severity: Finding.Severity) {
        switch severity {
        case .error: self = .error
        case .warning: self = .warning
        case .info: self = .info
        }
    }

    /// The label of an applicant kind a rubric admits (`city`,
    /// `local-government`), when Certify knows the word: kinds are rubric
    /// data, so a rubric may name others.
    public init?(applicantKind kind: String) {
        switch kind {
        case "city": self = .kindCity
        case "county": self = .kindCounty
        case "company": self = .kindCompany
        case "local-government": self = .kindLocalGovernment
        case "association": self = .kindAssociation
        default: return nil
        }
    }

    /// The label of an applicant role (`developer`), when Certify knows it.
    public init?(applicantRole role: String) {
        switch role {
        case "developer": self = .roleDeveloper
        case "provider": self = .roleProvider
        case "operator": self = .roleOperator
        default: return nil
        }
    }

    /// The label of a KPI's direction.
    public init(_ direction: KPI.Direction) {
        switch direction {
        case .higher: self = .higher
        case .lower: self = .lower
        }
    }
}

/// The labels in one language.
public typealias Labels = Words<Label>

extension Words where Entry == Label {
    /// What the total is compared with: "pass mark 60", or "certified from
    /// C ≥ 60" for a graded rubric, numbers written by `number`.
    public func threshold(of result: ScoreResult, number: (Rational) -> String) -> String {
        switch result.rubric.decision {
        case .pass: "\(self[.pass]) \(number(result.threshold))"
        case .grades(_, let from): "\(self[.threshold]) \(from) ≥ \(number(result.threshold))"
        }
    }

    /// An applicant kind in this language: its label when Certify knows
    /// the word, else the rubric's token as written.
    public func applicantKind(_ kind: String) -> String {
        Label(applicantKind: kind).map { self[$0] } ?? kind
    }

    /// An applicant role in this language, likewise.
    public func applicantRole(_ role: String) -> String {
        Label(applicantRole: role).map { self[$0] } ?? role
    }
}
