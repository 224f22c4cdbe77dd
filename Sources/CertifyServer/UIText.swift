import CertifyModel
import Foundation
import CertifyRuntime
import HTTPTypes
import Hummingbird

/// The pages' words in Korean and English. Templates read them as `t.KEY`.
enum UIText {
    static let table: [String: (ko: String, en: String)] = [
        "app": ("Certify 인증 자가진단", "Certify"),
        "home": ("처음으로", "Home"),
        "skip": ("본문 바로가기", "Skip to main content"),
        "language": ("언어", "Language"),
        "rubrics": ("인증기준", "Rubrics"),
        "intro": ("신청서를 XML로 직접 작성하지 않고도 점수를 확인하고, 심사표를 작성하고, 심사 결과를 모을 수 있습니다. 입력한 내용은 서버에 저장되지 않습니다.",
                  "Check a dossier's score, fill in a review sheet or gather a panel's result without writing XML by hand. Nothing you send is stored."),
        "selfcheck": ("자가진단", "Self-check"),
        "selfcheck-of": ("자가진단: %1", "Self-check: %1"),
        "review": ("심사표", "Review sheet"),
        "panel": ("심사 결과 종합", "Panel result"),
        "api": ("JSON API (OpenAPI 3.1)", "JSON API (OpenAPI 3.1)"),
        "version": ("버전", "version"),
        "error-summary": ("문제가 있습니다", "There is a problem"),
        "error-prefix": ("오류:", "Error:"),
        "prefill": ("기존 신청서 불러오기", "Start from an existing dossier"),
        "prefill-hint": ("신청서 XML 파일을 올리면 아래 양식이 채워집니다.", "Upload a dossier XML file to fill in the form below."),
        "dossier-file": ("신청서 파일 (XML)", "Dossier file (XML)"),
        "dossier-file-missing": ("신청서 파일(XML)을 고르십시오", "Choose the dossier file (XML)"),
        "search-too-long": ("검색어는 %1자까지 적을 수 있습니다", "The search text can be at most %1 characters"),
        "upload": ("불러오기", "Upload"),
        "about": ("신청 정보", "About the application"),
        "dossier-id": ("신청서 ID", "Dossier id"),
        "dossier-id-hint": ("영문·숫자로 된 식별자 (예: HANBIT-2026). 비워 두면 SELF-CHECK.", "Letters and digits, e.g. HANBIT-2026. Left empty: SELF-CHECK."),
        "submitted": ("제출일", "Date submitted"),
        "submitted-hint": ("YYYY-MM-DD 형식 (선택)", "YYYY-MM-DD (optional)"),
        "applicant": ("신청자 %1", "Applicant %1"),
        "applicant-id": ("신청자 ID", "Applicant id"),
        "applicant-kind": ("신청자 유형", "Kind of applicant"),
        "applicant-role": ("역할", "Role"),
        "name-ko": ("이름 (한국어)", "Name (Korean)"),
        "name-en": ("이름 (영어)", "Name (English)"),
        "add-applicant": ("신청자 추가", "Add another applicant"),
        "evidence": ("증빙 자료", "Evidence"),
        "evidence-hint": ("증빙 문서의 ID, 위치, SHA-256과 설명. 지표에서 ID로 참조합니다.", "Each document's id, location, SHA-256 and description; indicators refer to it by id."),
        "evidence-row": ("증빙 %1", "Evidence %1"),
        "evidence-id": ("ID", "Id"),
        "evidence-href": ("위치 (선택)", "Location (optional)"),
        "evidence-sha256": ("SHA-256", "SHA-256"),
        "evidence-title": ("설명", "Description"),
        "add-evidence": ("증빙 추가", "Add evidence"),
        "evidence-of": ("증빙 ID (공백으로 구분, 선택)", "Evidence ids (space separated, optional)"),
        "mandatory": ("필수", "mandatory"),
        "elective": ("선택", "elective"),
        "choose": ("%2개 중 %1개 선택", "choose %1 of %2"),
        "choose-hint": ("제출할 선택 지표를 표시하세요. 하나도 표시하지 않으면 점수가 가장 높은 지표가 선택됩니다.",
                        "Tick the electives you submit. Tick none and the best ones are picked for you."),
        "submit-elective": ("이 선택 지표 제출", "Submit this elective"),
        "points-max": ("배점 %1점", "up to %1 points"),
        "whole-number": ("0 이상의 정수", "a whole number, 0 or more"),
        "decimal": ("소수 (소수점은 .)", "a decimal number (point as .)"),
        "percent": ("0–100 사이의 백분율", "a percentage from 0 to 100"),
        "not-given": ("입력 안 함", "not given"),
        "yes": ("예", "Yes"),
        "no": ("아니오", "No"),
        "points-each": ("%1점", "%1 points"),
        "recognised": ("인정되는 항목", "Recognised items"),
        "other-items": ("기타 항목 (한 줄에 하나)", "Other items (one per line)"),
        "other-items-hint": ("인정 목록에 없는 항목은 점수에 반영되지 않습니다.", "Items not in the recognised list do not count."),
        "kpi": ("KPI %1", "KPI %1"),
        "kpi-id": ("KPI ID", "KPI id"),
        "kpi-direction": ("방향", "Direction"),
        "higher": ("높을수록 좋음", "higher is better"),
        "lower": ("낮을수록 좋음", "lower is better"),
        "kpi-target": ("목표", "Target"),
        "kpi-achieved": ("달성", "Achieved"),
        "kpi-unit": ("단위", "Unit"),
        "kpi-label": ("설명", "Description"),
        "add-kpi": ("KPI 추가", "Add a KPI"),
        "judgment-hint": ("자가평가 점수 (%1–%2). 심사위원 심사표가 있으면 그 점수가 쓰입니다.", "Self-assessed score (%1–%2). Panel reviews replace it."),
        "check": ("점수 확인", "Check the score"),
        "download": ("신청서 XML 내려받기", "Download the dossier XML"),
        "result": ("예상 결과", "Expected result"),
        "panel-result": ("심사 결과", "Result"),
        "result-hint": ("입력을 바꾸면 결과가 바로 갱신됩니다.", "The result updates as you change the form."),
        "no-result": ("양식을 고치면 결과가 표시됩니다.", "Fix the form to see the result."),
        "total": ("총점", "Total"),
        "grade": ("등급", "Grade"),
        "decision": ("판정", "Decision"),
        "certified": ("인증", "Certified"),
        "not-certified": ("미인증", "Not certified"),
        "threshold": ("기준점 %1", "threshold %1"),
        "valid": ("유효기간 %1 – %2", "valid %1 to %2"),
        "findings": ("검토 의견", "Findings"),
        "no-findings": ("없음", "None"),
        "plan": ("더 나은 결과를 위한 계획", "What it would take"),
        "change": ("변경", "Change"),
        "registry": ("인증서 등록부", "Certificate registry"),
        "registry-intro": ("발급된 인증서와 오늘의 상태입니다. 신청자 ID나 이름으로 찾으십시오. 각 인증서의 JSON에는 공개 로그의 포함 증명이 있습니다.",
                           "Certificates issued and their status today. Search by applicant id or name; each certificate's JSON carries its inclusion proof in the public log."),
        "registry-search": ("신청자 ID 또는 이름", "Applicant id or name"),
        "search": ("찾기", "Search"),
        "registry-status-on": ("상태 기준일", "Status on"),
        "certificate": ("인증서", "Certificate"),
        "applicant-col": ("신청자", "Applicant"),
        "rubric-col": ("평가 기준", "Rubric"),
        "validity": ("유효기간", "Validity"),
        "registry-none": ("찾는 신청자의 인증서가 없습니다.", "No certificate for that applicant."),
        "registry-empty": ("등록된 인증서가 없습니다.", "No certificate has been registered yet."),
        "checkpoint": ("로그 체크포인트", "Log checkpoint"),
        "area": ("영역", "Area"),
        "indicator": ("지표", "Indicator"),
        "points": ("점수", "Points"),
        "rule": ("산출 근거", "Rule"),
        "status": ("상태", "Status"),
        "date": ("판정일", "Decision date"),
        "review-intro": ("심사할 신청서를 올리면 판단 지표별 점수(1–5)와 의견, KPI별 인정 여부를 입력하는 심사표가 만들어집니다.",
                         "Upload the dossier to review: the sheet asks for a 1–5 score and a comment per judgment indicator, and accept or reject with a reason per KPI."),
        "make-sheet": ("심사표 만들기", "Make the review sheet"),
        "review-of": ("심사표: %1", "Review sheet: %1"),
        "reviewer-id": ("심사위원 ID", "Reviewer id"),
        "reviewer-id-hint": ("예: R-01", "For example R-01"),
        "field-required": ("이 칸을 채우십시오", "Fill in this field"),
        "field-format": ("'%1'은(는) 이 칸에 맞는 형식이 아닙니다", "'%1' is not in the format this field takes"),
        "score-1-5": ("점수 (%1–%2)", "Score (%1–%2)"),
        "comment": ("의견", "Comment"),
        "kpi-decision": ("인정 여부", "Decision"),
        "accept": ("인정", "Accept"),
        "reject": ("불인정", "Reject"),
        "reason": ("사유", "Reason"),
        "reason-hint": ("불인정이면 사유를 적어 주세요.", "Give a reason when you reject it."),
        "download-review": ("심사표 XML 내려받기", "Download the review XML"),
        "no-judgments": ("이 신청서에는 심사할 판단 지표나 KPI가 없습니다.", "This dossier has no judgment indicator or KPI to review."),
        "panel-intro": ("신청서와 심사위원들의 심사표를 함께 올리면 심사위원별 점수, 절사평균, 불인정 KPI와 서명할 보고서 명령을 보여줍니다.",
                        "Upload a dossier with its reviews to see each reviewer's scores, the trimmed mean, rejected KPIs and the command that signs the report."),
        "review-files": ("심사표 파일 (XML, 여러 개)", "Review files (XML, several)"),
        "show-panel": ("결과 보기", "Show the result"),
        "panel-of": ("심사 결과: %1", "Panel result: %1"),
        "reviewer": ("심사위원", "Reviewer"),
        "dropped": ("제외", "dropped"),
        "mean": ("평균", "Mean"),
        "trimmed-mean": ("절사평균", "Trimmed mean"),
        "kpis": ("KPI", "KPIs"),
        "accepted": ("인정", "accepted"),
        "rejected": ("불인정", "rejected"),
        "rejected-by": ("불인정: %1", "rejected by %1"),
        "attainment": ("달성도", "Attainment"),
        "report-command": ("서명된 보고서 만들기", "Sign the report"),
        "report-command-hint": ("받은 파일과 같은 이름으로 저장한 뒤 실행하세요.", "Save the files under these names, then run:"),
        "official": ("공식 심사 (심사위원 수 확인)", "Official scoring (panel size enforced)"),
        "decision-date": ("판정일", "Decision date"),
        "decision-date-hint": ("YYYY-MM-DD, 비워 두면 오늘", "YYYY-MM-DD; empty means today"),
        "not-found": ("찾을 수 없습니다", "Page not found"),
        "problems-see-errors": ("문제가 %1건 있습니다. errors를 보십시오", "%1 problems; see errors"),
        "error-400": ("요청을 읽을 수 없습니다", "The request could not be read"),
        "error-405": ("이 주소는 그런 요청을 받지 않습니다", "This page does not take that kind of request"),
        "error-408": ("보낸 내용이 제때 도착하지 않았습니다. 다시 보내 주십시오", "What you sent did not arrive in time; please send it again"),
        "error-413": ("보낸 파일이 너무 큽니다 (모두 8 MiB까지)", "What you sent is too large (8 MiB in all at most)"),
        "error-415": ("이 형식으로 보낸 내용은 받을 수 없습니다. 양식으로 보내 주십시오", "This page cannot take what was sent in that form; use the page's form"),
        "error-500": ("서버에 문제가 생겼습니다. 잠시 뒤에 다시 해 주십시오", "Something went wrong on the server; please try again later"),
        "print": ("인쇄", "Print"),
        "scored": ("채점", "scored"),
        "missing": ("누락", "missing"),
        "not-selected": ("미선택", "not selected"),
        "self-assessed": ("자가평가", "self-assessed"),
        "error": ("오류", "error"),
        "warning": ("경고", "warning"),
        "info": ("안내", "info"),
    ]

    /// The table in one language, for templates.
    static func strings(_ language: Language) -> [String: String] {
        var out: [String: String] = [:]
        for (key, value) in table { out[key] = language == .ko ? value.ko : value.en }
        return out
    }

    static func text(_ key: String, _ language: Language, _ values: String...) -> String {
        text(key, language, values: values)
    }

    static func text(_ key: String, _ language: Language, values: [String]) -> String {
        guard let entry = table[key] else { return key }
        var text = language == .ko ? entry.ko : entry.en
        for (index, value) in values.enumerated() { text = text.replacingOccurrences(of: "%\(index + 1)", with: value) }
        return text
    }

    /// `?lang=`, else the first of ko/en in Accept-Language, else English.
    static func language(_ request: Request) -> Language {
        if let text = request.uri.queryParameters["lang"].map(String.init), let language = Language(rawValue: text) {
            return language
        }
        let accept = (request.headers[.acceptLanguage] ?? "").lowercased()
        var best: (Language, Double)?
        for entry in accept.split(separator: ",") {
            let pieces = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? ""
            guard let language = Language(rawValue: primary) else { continue }
            var quality = 1.0
            for piece in pieces.dropFirst() where piece.hasPrefix("q=") { quality = Double(piece.dropFirst(2)) ?? 0 }
            if quality > (best?.1 ?? 0) { best = (language, quality) }
        }
        return best?.0 ?? .en
    }
}
