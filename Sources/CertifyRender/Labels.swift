import CertifyModel

/// User-facing words, in Korean and English.
public struct Labels: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    private static let table: [String: (ko: String, en: String)] = [
        "dossier": ("신청서", "Dossier"),
        "applicant": ("신청자", "Applicant"),
        "applicants": ("신청자", "Applicants"),
        "rubric": ("인증기준", "Rubric"),
        "date": ("판정일", "Decision date"),
        "area": ("영역 / 지표", "Area / indicator"),
        "points": ("점수", "Points"),
        "max": ("배점", "Max"),
        "status": ("상태", "Status"),
        "rule": ("산출 근거", "Rule"),
        "input": ("입력", "input"),
        "total": ("총점", "Total"),
        "grade": ("등급", "Grade"),
        "certified": ("인증", "Certified"),
        "yes": ("예", "yes"),
        "no": ("아니오", "no"),
        "validity": ("유효기간", "Valid"),
        "none": ("없음", "none"),
        "findings": ("검토 의견", "Findings"),
        "threshold": ("인증 기준점", "certified from"),
        "pass": ("합격 기준", "pass mark"),
        "official": ("공식 심사", "official scoring"),
        "self-check": ("비공식 채점", "not official"),
        "scored": ("채점", "scored"),
        "missing": ("누락", "missing"),
        "not-selected": ("미선택", "not selected"),
        "self-assessed": ("자가평가", "self-assessed"),
        "error": ("오류", "error"),
        "warning": ("경고", "warning"),
        "info": ("안내", "info"),
        "mandatory": ("필수", "mandatory"),
        "elective": ("선택", "elective"),
        "evidence": ("증빙", "evidence"),
        "reviews": ("심사위원", "Reviewers"),
    ]

    public subscript(_ key: String) -> String {
        guard let entry = Labels.table[key] else { return key }
        return language == .ko ? entry.ko : entry.en
    }
}

/// Terminal width of text: Hangul and other wide characters take 2 columns.
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
        return width + (wide ? 2 : 1)
    }
}

func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - displayWidth(text)))
    return right ? fill + text : text + fill
}
