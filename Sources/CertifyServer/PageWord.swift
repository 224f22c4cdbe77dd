import CertifyEngine
import CertifyModel
import CertifyRender

/// The pages' words in Korean and English. Templates read them as `t.KEY`
/// (the raw value, `PageWord.table`); code names the cases, so a word that
/// does not exist does not compile. `%1`, `%2`, … stand for values. A word
/// the reports also use is theirs (`Label`), so it is written once.
public enum PageWord: String, LocalizedWord {
    case app, home, skip, language, rubrics, intro, selfcheck, selfcheckOf = "selfcheck-of", review, panel, api
    case version, errorSummary = "error-summary", errorPrefix = "error-prefix", prefill
    case prefillHint = "prefill-hint", dossierFile = "dossier-file", dossierFileMissing = "dossier-file-missing"
    case searchTooLong = "search-too-long", upload, about, dossierID = "dossier-id"
    case dossierIDHint = "dossier-id-hint", submitted, submittedHint = "submitted-hint", applicant
    case applicantID = "applicant-id", applicantKind = "applicant-kind", applicantRole = "applicant-role"
    case nameKo = "name-ko", nameEn = "name-en", addApplicant = "add-applicant", evidence
    case evidenceHint = "evidence-hint", evidenceRow = "evidence-row", evidenceID = "evidence-id"
    case evidenceHref = "evidence-href", evidenceSHA256 = "evidence-sha256", evidenceTitle = "evidence-title"
    case addEvidence = "add-evidence", evidenceOf = "evidence-of", mandatory, elective, choose
    case submitElective = "submit-elective", pointsMax = "points-max", wholeNumber = "whole-number", decimal
    case percent, notGiven = "not-given", yes, no, pointsEach = "points-each", recognised
    case otherItems = "other-items", otherItemsHint = "other-items-hint", kpi, kpiID = "kpi-id"
    case kpiDirection = "kpi-direction", higher, lower, kpiTarget = "kpi-target", kpiAchieved = "kpi-achieved"
    case kpiUnit = "kpi-unit", kpiLabel = "kpi-label", addKPI = "add-kpi", judgmentHint = "judgment-hint", check
    case download, result, panelResult = "panel-result", resultHint = "result-hint", noResult = "no-result", total
    case grade, decision, certified, notCertified = "not-certified", threshold, valid, findings
    case noFindings = "no-findings", plan, change, office, registry, registryIntro = "registry-intro"
    case registrySearch = "registry-search", search, registryStatusOn = "registry-status-on", certificate
    case applicantCol = "applicant-col", rubricCol = "rubric-col", validity, registryNone = "registry-none"
    case registryEmpty = "registry-empty", checkpoint, area, indicator, points, rule, status, date
    case reviewIntro = "review-intro", makeSheet = "make-sheet", reviewOf = "review-of", reviewerID = "reviewer-id"
    case reviewerIDHint = "reviewer-id-hint", fieldRequired = "field-required", fieldFormat = "field-format"
    case typedUnreadable = "typed-unreadable", expectDate = "expect-date", expectSHA256 = "expect-sha256"
    case expectID = "expect-id", expectText = "expect-text", required, requiredNote = "required-note"
    case evidenceFile = "evidence-file", evidenceFileHint = "evidence-file-hint", chosenCount = "chosen-count"
    case chooseNote = "choose-note", chooseFull = "choose-full", line, bandFrom = "band-from"
    case bandBetween = "band-between", recognisedCountScale = "recognised-count-scale", linearScale = "linear-scale"
    case eachScale = "each-scale", kpiScale = "kpi-scale", whyNoValue = "why-no-value", whyNoScore = "why-no-score"
    case whyBand = "why-band", whyBelow = "why-below", whyLinear = "why-linear", whyChoice = "why-choice"
    case whyRecognised = "why-recognised", whyKPI = "why-kpi", whyNoKPI = "why-no-kpi", whySelf = "why-self"
    case whyPanel = "why-panel", whyNotSelected = "why-not-selected", otherPlans = "other-plans"
    case findingElectivesChosen = "finding-electives-chosen", findingElectivesFew = "finding-electives-few"
    case findingElectiveUndeclared = "finding-elective-undeclared", choiceNone = "choice.none"
    case choiceDrafting = "choice.drafting", choiceApproved = "choice.approved", choicePartial = "choice.partial"
    case choiceFull = "choice.full", scoreScale = "score-1-5", comment, kpiDecision = "kpi-decision", accept, reject
    case reason, reasonHint = "reason-hint", wrongFileDossier = "wrong-file-dossier"
    case wrongFileReview = "wrong-file-review", tooManyElectives = "too-many-electives", keptFiles = "kept-files"
    case staleNote = "stale-note", givenSelf = "given-self", givenNone = "given-none", givenKPI = "given-kpi"
    case applicantGave = "applicant-gave", chooseScore = "choose-score", anchor1 = "anchor-1", anchor2 = "anchor-2"
    case anchor3 = "anchor-3", anchor4 = "anchor-4", anchor5 = "anchor-5", reviewEmpty = "review-empty"
    case expectReason = "expect-reason", reviewRequiredNote = "review-required-note"
    case reviewDownloaded = "review-downloaded", meanOfScores = "mean-of-scores", nextStep = "next-step"
    case nextStepCertified = "next-step-certified", nextStepNotCertified = "next-step-not-certified"
    case downloadReview = "download-review", noJudgments = "no-judgments", panelIntro = "panel-intro"
    case reviewFiles = "review-files", showPanel = "show-panel", panelOf = "panel-of", reviewer, dropped, mean
    case trimmedMean = "trimmed-mean", kpis, accepted, rejected, rejectedBy = "rejected-by", attainment
    case reportCommand = "report-command", reportCommandHint = "report-command-hint", official
    case decisionDate = "decision-date", decisionDateHint = "decision-date-hint", notFound = "not-found"
    case problemsSeeErrors = "problems-see-errors", error400 = "error-400", error405 = "error-405"
    case error408 = "error-408", error413 = "error-413", error415 = "error-415", error500 = "error-500", print
    case scored, missing, notSelected = "not-selected", selfAssessed = "self-assessed", error, warning, info
    // The certificate page (/certificates/{id}) and its check in the browser.
    case registryIntroPages = "registry-intro-pages", certTitle = "cert-title", certBack = "cert-back"
    case certStatusOn = "cert-status-on", certAt = "cert-at", certShow = "cert-show", certHolder = "cert-holder"
    case certRubric = "cert-rubric", certOutcome = "cert-outcome", certGrade = "cert-grade"
    case certScore = "cert-score", certOutcomeUnknown = "cert-outcome-unknown", certRenewal = "cert-renewal"
    case certIssued = "cert-issued", certPredecessor = "cert-predecessor", certSuccessor = "cert-successor"
    case certFrom = "cert-from", certRevoked = "cert-revoked", certReport = "cert-report"
    case certReportDownload = "cert-report-download", certReportSHA256 = "cert-report-sha256"
    case certPrint = "cert-print", certVerify = "cert-verify", certVerifyIntro = "cert-verify-intro"
    case certVerifyChecking = "cert-verify-checking", certVerifyNoscript = "cert-verify-noscript"
    case certVerified = "cert-verified", certNotVerified = "cert-not-verified", certWhyFetch = "cert-why-fetch"
    case certWhyUnsupported = "cert-why-unsupported", certWhyKey = "cert-why-key"
    case certWhySignature = "cert-why-signature", certWhyCheckpoint = "cert-why-checkpoint"
    case certWhyProof = "cert-why-proof", certWhyEntry = "cert-why-entry", certWhyReport = "cert-why-report"
    case certLogKey = "cert-log-key", certEntries = "cert-entries", certSheetIssuer = "cert-sheet-issuer"
    case certSheetTitle = "cert-sheet-title", certNumber = "cert-number", certSheetLine = "cert-sheet-line"
    case certSheetVerify = "cert-sheet-verify", certNotFound = "cert-not-found", certIDBad = "cert-id-bad"
    case certAtBad = "cert-at-bad"

    public var words: (ko: String, en: String) {
        switch self {
        case .app: ("Certify 인증 자가진단", "Certify")
        case .home: ("처음으로", "Home")
        case .skip: ("본문 바로가기", "Skip to main content")
        case .language: ("언어", "Language")
        case .rubrics: ("인증기준", "Rubrics")
        case .intro: ("신청서를 XML로 직접 작성하지 않고도 점수를 확인하고, 심사표를 작성하고, 심사 결과를 모을 수 있습니다. 입력한 내용은 서버에 저장되지 않습니다.",
                "Check a dossier's score, fill in a review sheet or gather a panel's result without writing XML by hand. Nothing you send is stored.")
        case .selfcheck: ("자가진단", "Self-check")
        case .selfcheckOf: ("자가진단: %1", "Self-check: %1")
        case .review: ("심사표", "Review sheet")
        case .panel: ("심사 결과 종합", "Panel result")
        case .api: ("JSON API (OpenAPI 3.1)", "JSON API (OpenAPI 3.1)")
        case .version: ("버전", "version")
        case .errorSummary: ("문제가 있습니다", "There is a problem")
        case .errorPrefix: ("오류:", "Error:")
        case .prefill: ("기존 신청서 불러오기", "Start from an existing dossier")
        case .prefillHint: ("신청서 XML 파일을 올리면 아래 양식이 채워집니다.", "Upload a dossier XML file to fill in the form below.")
        case .dossierFile: ("신청서 파일 (XML)", "Dossier file (XML)")
        case .dossierFileMissing: ("신청서 파일(XML)을 고르십시오", "Choose the dossier file (XML)")
        case .searchTooLong: ("검색어는 %1자까지 적을 수 있습니다", "The search text can be at most %1 characters")
        case .upload: ("불러오기", "Upload")
        case .about: ("신청 정보", "About the application")
        case .dossierID: ("신청서 ID", "Dossier id")
        case .dossierIDHint: ("영문·숫자로 된 식별자 (예: HANBIT-2026)", "Letters and digits, e.g. HANBIT-2026")
        case .submitted: ("제출일", "Date submitted")
        case .submittedHint: ("예: 2026-03-02 또는 2026.03.02 (선택)", "e.g. 2026-03-02 or 2026.03.02 (optional)")
        case .applicant: ("신청자 %1", "Applicant %1")
        case .applicantID: ("신청자 ID", "Applicant id")
        case .applicantKind: ("신청자 유형", "Kind of applicant")
        case .applicantRole: ("역할", "Role")
        case .nameKo: ("이름 (한국어)", "Name (Korean)")
        case .nameEn: ("이름 (영어)", "Name (English)")
        case .addApplicant: ("신청자 추가", "Add another applicant")
        case .evidence: Label.evidenceRegister.words
        case .evidenceHint: ("증빙 문서의 ID, 위치, SHA-256과 설명. 지표에서 ID로 참조합니다.", "Each document's id, location, SHA-256 and description; indicators refer to it by id.")
        case .evidenceRow: ("증빙 %1", "Evidence %1")
        case .evidenceID: ("ID", "Id")
        case .evidenceHref: ("위치 (선택)", "Location (optional)")
        case .evidenceSHA256: Label.sha256.words
        case .evidenceTitle: ("설명", "Description")
        case .addEvidence: ("증빙 추가", "Add evidence")
        case .evidenceOf: ("증빙 ID (공백으로 구분, 선택)", "Evidence ids (space separated, optional)")
        case .mandatory: Label.mandatory.words
        case .elective: Label.elective.words
        case .choose: ("%2개 중 %1개를 골라 제출합니다", "choose %1 of %2")
        case .submitElective: ("이 지표를 선택 지표로 제출", "Submit this indicator as one of the electives")
        case .pointsMax: ("배점 %1점", "up to %1 points")
        case .wholeNumber: ("0 이상의 정수 (예: 12, 1,200)", "a whole number, 0 or more (e.g. 12, 1,200)")
        case .decimal: ("숫자 (소수점은 ., 예: 3.5)", "a number (decimal point ., e.g. 3.5)")
        case .percent: ("0–100 사이의 백분율 (예: 87.5)", "a percentage from 0 to 100 (e.g. 87.5)")
        case .notGiven: ("입력 안 함", "not given")
        case .yes: ("예", "Yes")
        case .no: ("아니오", "No")
        case .pointsEach: ("%1점", "%1 points")
        case .recognised: ("인정되는 항목", "Recognised items")
        case .otherItems: ("기타 항목 (한 줄에 하나)", "Other items (one per line)")
        case .otherItemsHint: ("인정 목록에 없는 항목은 점수에 반영되지 않습니다.", "Items not in the recognised list do not count.")
        case .kpi: ("KPI %1", "KPI %1")
        case .kpiID: ("KPI ID", "KPI id")
        case .kpiDirection: Label.direction.words
        case .higher: ("높을수록 좋음", "higher is better")
        case .lower: ("낮을수록 좋음", "lower is better")
        case .kpiTarget: Label.target.words
        case .kpiAchieved: ("달성", "Achieved")
        case .kpiUnit: ("단위", "Unit")
        case .kpiLabel: PageWord.evidenceTitle.words
        case .addKPI: ("KPI 추가", "Add a KPI")
        case .judgmentHint: ("자가평가 점수 (%1–%2). 심사위원 심사표가 있으면 그 점수가 쓰입니다.", "Self-assessed score (%1–%2). Panel reviews replace it.")
        case .check: ("점수 확인", "Check the score")
        case .download: ("신청서 XML 내려받기", "Download the dossier XML")
        case .result: ("예상 결과", "Expected result")
        case .panelResult: ("심사 결과", "Result")
        case .resultHint: ("입력을 바꾸면 결과가 바로 갱신됩니다.", "The result updates as you change the form.")
        case .noResult: ("양식을 고치면 결과가 표시됩니다.", "Fix the form to see the result.")
        case .total: Label.total.words
        case .grade: Label.grade.words
        case .decision: Label.decision.words
        case .certified: Label.certified.words
        case .notCertified: Label.certifiedNo.words
        case .threshold: ("기준점 %1", "threshold %1")
        case .valid: ("유효기간 %1 – %2", "valid %1 to %2")
        case .findings: Label.findings.words
        case .noFindings: ("없음", "None")
        case .plan: ("더 나은 결과를 위한 계획", "What it would take")
        case .change: ("변경", "Change")
        case .office: ("인증 사무국", "Certification office")
        case .registry: ("인증서 등록부", "Certificate registry")
        case .registryIntro: ("발급된 인증서와 오늘의 상태입니다. 신청자 ID나 이름으로 찾으십시오. 각 인증서의 JSON에는 공개 로그의 포함 증명이 있습니다.",
                "Certificates issued and their status today. Search by applicant id or name; each certificate's JSON carries its inclusion proof in the public log.")
        case .registrySearch: ("신청자 ID 또는 이름", "Applicant id or name")
        case .search: ("찾기", "Search")
        case .registryStatusOn: ("상태 기준일", "Status on")
        case .certificate: ("인증서", "Certificate")
        case .applicantCol: Label.applicant.words
        case .rubricCol: ("평가 기준", "Rubric")
        case .validity: ("유효기간", "Validity")
        case .registryNone: ("찾는 신청자의 인증서가 없습니다.", "No certificate for that applicant.")
        case .registryEmpty: ("등록된 인증서가 없습니다.", "No certificate has been registered yet.")
        case .checkpoint: ("로그 체크포인트", "Log checkpoint")
        case .area: ("영역", "Area")
        case .indicator: Label.indicator.words
        case .points: Label.points.words
        case .rule: Label.rule.words
        case .status: Label.status.words
        case .date: Label.date.words
        case .reviewIntro: ("심사할 신청서를 올리면 판단 지표별 점수(1–5)와 의견, KPI별 인정 여부를 입력하는 심사표가 만들어집니다.",
                "Upload the dossier to review: the sheet asks for a 1–5 score and a comment per judgment indicator, and accept or reject with a reason per KPI.")
        case .makeSheet: ("심사표 만들기", "Make the review sheet")
        case .reviewOf: ("심사표: %1", "Review sheet: %1")
        case .reviewerID: ("심사위원 ID", "Reviewer id")
        case .reviewerIDHint: ("예: R-01", "For example R-01")
        case .fieldRequired: ("%1: 이 칸을 채우십시오 — %2", "%1: fill in this field — %2")
        case .fieldFormat: ("%1: '%2'은(는) 맞는 형식이 아닙니다 — %3", "%1: '%2' is not in the form this field takes — %3")
        case .typedUnreadable: ("%1: '%2'을(를) 읽을 수 없습니다 — %3 (예: %4)", "%1: '%2' cannot be read — %3 (for example %4)")
        case .expectDate: ("날짜 (예: 2026-03-02 또는 2026.03.02)", "a date such as 2026-03-02 or 2026.03.02")
        case .expectSHA256: ("64자리 16진수. 위에서 파일을 고르면 자동으로 채워집니다", "64 hexadecimal digits; choose the file above and it is filled in")
        case .expectID: ("영문·숫자와 - _ . 로 64자까지 (예: HANBIT-2026)", "letters, digits and - _ . up to 64 (e.g. HANBIT-2026)")
        case .expectText: ("알맞은 값", "a suitable value")
        case .required: ("필수 입력", "required")
        case .requiredNote: ("'필수 입력' 칸은 신청서를 내려받을 때 꼭 채워야 합니다. 점수 확인에는 필요하지 않습니다.",
                "Fields marked 'required' must be filled in to download the dossier; checking the score needs none of them.")
        case .evidenceFile: ("파일 고르기 (SHA-256 계산)", "Choose the file (computes its SHA-256)")
        case .evidenceFileHint: ("파일을 고르면 SHA-256이 자동으로 채워집니다. 파일은 저장되지 않습니다.", "Choosing the file fills in its SHA-256. The file is not kept.")
        case .chosenCount: ("%1개 중 %2개 선택", "%2 of %1 chosen")
        case .chooseNote: ("%1개보다 적게 선택하면 빈 자리는 0점으로 계산되어 총점이 낮아집니다. 하나도 선택하지 않으면 점수가 가장 높은 %1개가 자동으로 골라집니다.",
                "Choose fewer than %1 and each empty place scores 0, which lowers the total. Choose none and the best %1 are picked for you.")
        case .chooseFull: ("이미 %1개를 선택했습니다. 다른 지표를 선택하려면 먼저 하나를 해제하십시오.", "%1 are already chosen: untick one before choosing another.")
        case .line: ("점수 %1 / %2점 · %3 · %4", "%1 of %2 points · %3 · %4")
        case .bandFrom: ("%1 이상", "%1 or more")
        case .bandBetween: ("%1 이상 %2 미만", "%1 to under %2")
        case .recognisedCountScale: ("인정 항목 수: %1", "recognised items: %1")
        case .linearScale: ("%1 이하 0점, %2 이상 %3점(만점), 그 사이는 값에 비례", "%1 or less: 0 points; %2 or more: %3 points; in between in proportion")
        case .eachScale: ("인정 항목마다 %1점, 최대 %2점", "%1 points per recognised item, at most %2")
        case .kpiScale: ("KPI 평균 달성률 %1% 이하 0점, %2% 이상 %3점(만점), 그 사이는 비례", "mean KPI attainment %1% or less: 0 points; %2% or more: %3 points; in between in proportion")
        case .whyNoValue: ("값을 입력하지 않아 0점", "no value given: 0 points")
        case .whyNoScore: ("점수가 없어 0점", "no score given: 0 points")
        case .whyBand: ("%1 구간 → %2점", "band %1 → %2 points")
        case .whyBelow: ("가장 낮은 구간보다 작아 0점", "below the lowest band: 0 points")
        case .whyLinear: ("%1 (%2 이하 0점, %3 이상 만점, 그 사이 비례) → %4점", "%1 (0 points at %2 or less, full at %3 or more, in proportion between) → %4 points")
        case .whyChoice: ("'%1' 선택 → %2점", "'%1' → %2 points")
        case .whyRecognised: ("인정 항목 %1개 → %2점", "%1 recognised items → %2 points")
        case .whyKPI: ("KPI 평균 달성률 %1% → %2점", "mean KPI attainment %1% → %2 points")
        case .whyNoKPI: ("인정된 KPI가 없어 0점", "no accepted KPI: 0 points")
        case .whySelf: ("자가평가 %1점 → %2점 (심사위원 점수가 있으면 그 점수로 바뀝니다)", "self-assessed %1 → %2 points (the panel's scores replace it)")
        case .whyPanel: ("심사위원 평균 %1점 → %2점", "panel mean %1 → %2 points")
        case .whyNotSelected: ("선택하지 않은 선택 지표라 0점", "elective not chosen: 0 points")
        case .otherPlans: ("다른 방법 %1가지 보기", "Show %1 other ways")
        case .findingElectivesChosen: ("%1: 선택 지표를 표시하지 않아 점수가 가장 높은 %2개(%3)로 계산했습니다. 제출하기 전에 '선택 지표로 제출'을 표시하십시오.",
                "%1: no elective was chosen, so the best %2 (%3) were counted; tick 'submit as an elective' before you submit.")
        case .findingElectivesFew: ("%1: %3개 중 %2개만 선택하여 빈 %4자리는 0점입니다. %4개를 더 선택하십시오.",
                "%1: only %2 of %3 electives chosen, so %4 empty places score 0; choose %4 more.")
        case .findingElectiveUndeclared: ("%1에 값이 있지만 선택 지표로 표시하지 않아 점수에 들어가지 않습니다. 점수가 더 높다면 다른 지표 대신 표시하십시오.",
                "%1 has a value but is not chosen as an elective, so it scores nothing; choose it instead of another if it scores more.")
        case .choiceNone: Label.none.words
        case .choiceDrafting: ("수립 중", "drafting")
        case .choiceApproved: ("승인 완료", "approved")
        case .choicePartial: ("일부 제공", "partial")
        case .choiceFull: ("전면 제공", "full")
        case .scoreScale: ("점수 (%1–%2)", "Score (%1–%2)")
        case .comment: ("의견", "Comment")
        case .kpiDecision: ("인정 여부", "Decision")
        case .accept: ("인정", "Accept")
        case .reject: ("불인정", "Reject")
        case .reason: ("사유", "Reason")
        case .reasonHint: ("불인정이면 사유를 꼭 적어야 합니다.", "A reason is required when you reject it.")
        case .wrongFileDossier: ("%1은(는) 심사표 파일입니다. 여기에는 신청서 파일을 올리십시오.", "%1 is a review; upload the dossier file here.")
        case .wrongFileReview: ("%1은(는) 신청서 파일입니다. 여기에는 심사표 파일을 올리십시오.", "%1 is a dossier; upload review files here.")
        case .tooManyElectives: ("%1: 선택 지표는 %2개까지 고를 수 있는데 %3개를 선택했습니다. %4개를 해제하십시오.",
                "%1: at most %2 electives can be chosen, and %3 are; untick %4.")
        case .keptFiles: ("올린 파일 %1개는 그대로 있습니다. 판정일만 고친 뒤 다시 보내십시오 (다른 파일을 고르면 그 파일로 바뀝니다).",
                "The %1 files you sent are kept: fix the date and send again (choosing other files replaces them).")
        case .staleNote: ("양식에 고칠 곳이 있어 결과를 흐리게 보여 줍니다. 고치면 다시 계산됩니다.", "The form has fields to fix, so the result is shown greyed; it is computed again once they are fixed.")
        case .givenSelf: ("자가평가 %1점", "self-assessed %1")
        case .givenNone: ("자가평가 없음", "no self-assessment")
        case .givenKPI: ("목표 %1 · 달성 %2 (%3)", "target %1 · achieved %2 (%3)")
        case .applicantGave: ("신청자 제출 값:", "The applicant gave:")
        case .chooseScore: ("점수 선택", "choose a score")
        case .anchor1: ("매우 미흡", "very poor")
        case .anchor2: ("미흡", "poor")
        case .anchor3: ("보통", "adequate")
        case .anchor4: ("우수", "good")
        case .anchor5: ("매우 우수", "excellent")
        case .reviewEmpty: ("심사표가 비어 있습니다. 점수나 KPI 인정 여부를 하나 이상 입력하십시오.", "The sheet is empty: give at least one score or KPI decision.")
        case .expectReason: ("불인정한 까닭을 적으십시오", "say why it is rejected")
        case .reviewRequiredNote: ("심사위원 ID와, 점수 또는 KPI 인정 여부를 하나 이상 입력해야 내려받을 수 있습니다. 불인정에는 사유가 필요합니다. 비워 둔 항목은 의견 없음으로 처리됩니다.", "The sheet downloads with your reviewer id and at least one score or KPI decision; a rejection needs a reason. What you leave blank is no opinion.")
        case .reviewDownloaded: ("심사표 XML을 내려받았습니다. 이 파일을 인증기관에 보내십시오.", "The review XML has been downloaded; send this file to the certification office.")
        case .meanOfScores: ("심사위원 점수 평균", "Mean of the panel's scores")
        case .nextStep: ("다음 단계", "What happens next")
        case .nextStepCertified: ("이 결과는 확인용이며 아직 공식 인증이 아닙니다. 신청서와 심사표 파일을 인증기관에 보내면, 인증기관이 같은 방식으로 다시 계산하고 서명한 인증 보고서를 발급합니다.",
                "This result is for checking and not yet an official certification. Send the dossier and review files to the certification office: it scores them the same way and issues the signed certification report.")
        case .nextStepNotCertified: ("이 결과로는 인증되지 않습니다. 자가진단 페이지의 계획을 참고해 신청서를 보완한 뒤 다시 심사를 받으십시오. 이 결과를 공식 기록으로 남기려면 파일들을 인증기관에 보내십시오.",
                "This result does not certify. Use the plan on the self-check page to improve the dossier, then have it reviewed again; to keep this result on record, send the files to the certification office.")
        case .downloadReview: ("심사표 XML 내려받기", "Download the review XML")
        case .noJudgments: ("이 신청서에는 심사할 판단 지표나 KPI가 없습니다.", "This dossier has no judgment indicator or KPI to review.")
        case .panelIntro: ("신청서와 심사위원들의 심사표를 함께 올리면 심사위원별 점수와 평균, 불인정 KPI, 그리고 다음 단계를 보여줍니다.",
                "Upload a dossier with its reviews to see each reviewer's scores, the trimmed mean, rejected KPIs and the command that signs the report.")
        case .reviewFiles: ("심사표 파일 (XML, 여러 개)", "Review files (XML, several)")
        case .showPanel: ("결과 보기", "Show the result")
        case .panelOf: ("심사 결과: %1", "Panel result: %1")
        case .reviewer: Label.reviewer.words
        case .dropped: ("제외", "dropped")
        case .mean: Label.mean.words
        case .trimmedMean: ("절사평균", "Trimmed mean")
        case .kpis: ("KPI", "KPIs")
        case .accepted: Label.accepted.words
        case .rejected: Label.rejected.words
        case .rejectedBy: ("불인정: %1", "rejected by %1")
        case .attainment: ("달성도", "Attainment")
        case .reportCommand: ("기술 담당자용: 서명 명령", "For technical staff: the signing command")
        case .reportCommandHint: ("인증기관의 서명 키를 가진 담당자가 파일을 같은 이름으로 저장한 뒤 실행합니다.", "Run by whoever holds the office's signing key, with the files saved under these names:")
        case .official: ("공식 심사 (심사위원 수 확인)", "Official scoring (panel size enforced)")
        case .decisionDate: Label.date.words
        case .decisionDateHint: ("예: 2026-03-02 또는 2026.03.02. 비워 두면 오늘", "e.g. 2026-03-02 or 2026.03.02; empty means today")
        case .notFound: ("찾을 수 없습니다", "Page not found")
        case .problemsSeeErrors: ("문제가 %1건 있습니다. errors를 보십시오", "%1 problems; see errors")
        case .error400: ("요청을 읽을 수 없습니다", "The request could not be read")
        case .error405: ("이 주소는 그런 요청을 받지 않습니다", "This page does not take that kind of request")
        case .error408: ("보낸 내용이 제때 도착하지 않았습니다. 다시 보내 주십시오", "What you sent did not arrive in time; please send it again")
        case .error413: ("보낸 파일이 너무 큽니다 (모두 8 MiB까지)", "What you sent is too large (8 MiB in all at most)")
        case .error415: ("이 형식으로 보낸 내용은 받을 수 없습니다. 양식으로 보내 주십시오", "This page cannot take what was sent in that form; use the page's form")
        case .error500: ("서버에 문제가 생겼습니다. 잠시 뒤에 다시 해 주십시오", "Something went wrong on the server; please try again later")
        case .print: ("인쇄", "Print")
        case .scored: Label.scored.words
        case .missing: Label.missing.words
        case .notSelected: Label.notSelected.words
        case .selfAssessed: Label.selfAssessed.words
        case .error: Label.error.words
        case .warning: Label.warning.words
        case .info: Label.info.words
        case .registryIntroPages: ("발급된 인증서와 오늘의 상태입니다. 신청자 ID나 이름으로 찾으십시오. 인증서 번호를 누르면 그 인증서의 페이지가 열리고, 브라우저가 공개 로그로 직접 확인합니다.",
                "Certificates issued and their status today. Search by applicant id or name; each certificate's page is checked against the public log in your browser.")
        case .certTitle: ("인증서 %1", "Certificate %1")
        case .certBack: ("인증서 등록부로", "Back to the registry")
        case .certStatusOn: ("%1 기준", "on %1")
        case .certAt: ("기준일", "Status on")
        case .certShow: ("이 날짜로 보기", "Show for this date")
        case .certHolder: ("인증 보유자", "Holder")
        case .certRubric: ("인증 기준", "Certified under")
        case .certOutcome: ("등급·점수", "Grade or score")
        case .certGrade: ("%1등급 (%2 / %3점)", "Grade %1 (%2 of %3 points)")
        case .certScore: ("%1 / %2점", "%1 of %2 points")
        case .certOutcomeUnknown: ("이 등록부에는 보고서가 보관되어 있지 않습니다", "The report is not kept in this registry")
        case .certRenewal: ("갱신 신청 기간", "Renewal window")
        case .certIssued: ("등록 시각 (UTC)", "Registered (UTC)")
        case .certPredecessor: ("갱신 전 인증서", "Renews")
        case .certSuccessor: ("갱신된 인증서", "Renewed by")
        case .certFrom: ("(%1부터)", "(from %1)")
        case .certRevoked: ("인증 취소", "Revoked")
        case .certReport: ("서명된 인증 보고서", "Signed report")
        case .certReportDownload: ("내려받기 (XML)", "Download (XML)")
        case .certReportSHA256: ("보고서 SHA-256", "Report SHA-256")
        case .certPrint: ("인증서 인쇄 (A4)", "Print the certificate (A4)")
        case .certVerify: ("공개 로그로 확인", "Checked against the public log")
        case .certVerifyIntro: ("이 브라우저가 이 인증서의 로그 기록과 포함 증명, 서명된 체크포인트를 받아 직접 확인합니다. 아래 로그 공개키가 인증기관이 공표한 키와 같은지 확인하십시오.",
                "This browser fetches the certificate's log entries, their inclusion proofs and the signed checkpoint, and checks them itself. Compare the log key below with the one the certification body publishes.")
        case .certVerifyChecking: ("확인하는 중입니다…", "Checking…")
        case .certVerifyNoscript: ("브라우저에서 확인하려면 JavaScript가 필요합니다. certify registry prove 명령이나 /log/의 타일로도 확인할 수 있습니다.",
                "Checking in the browser needs JavaScript; certify registry prove or the tiles under /log/ check it too.")
        case .certVerified: ("확인됨: 이 인증서의 기록이 공개 로그(크기 %1)에 있으며, 체크포인트의 서명이 로그 공개키로 확인되었습니다.",
                "Verified: this certificate's entries are in the public log (size %1), and the checkpoint's signature verifies with the log key.")
        case .certNotVerified: ("확인되지 않음: %1", "Not verified: %1")
        case .certWhyFetch: ("로그의 증명을 받아 오지 못했습니다", "the log's proof could not be fetched")
        case .certWhyUnsupported: ("이 브라우저에서는 Ed25519 서명을 확인할 수 없습니다 (HTTPS 주소가 필요할 수 있습니다)",
                "this browser cannot check Ed25519 signatures here (it may need the page's HTTPS address)")
        case .certWhyKey: ("로그 공개키를 읽을 수 없습니다", "the log key cannot be read")
        case .certWhySignature: ("체크포인트에 로그 공개키로 확인되는 서명이 없습니다", "the checkpoint carries no signature that verifies with the log key")
        case .certWhyCheckpoint: ("체크포인트가 이 로그의 형식에 맞지 않습니다", "the checkpoint is not this log's")
        case .certWhyProof: ("포함 증명이 체크포인트의 루트 해시에 이르지 않습니다", "an inclusion proof does not lead to the checkpoint's root hash")
        case .certWhyEntry: ("로그의 기록이 이 페이지의 내용과 다릅니다", "the log's entries do not say what this page says")
        case .certWhyReport: ("내려받을 보고서가 로그에 기록된 SHA-256과 맞지 않습니다", "the report to download does not hash to the SHA-256 the log records")
        case .certLogKey: ("로그 공개키", "Log key")
        case .certEntries: ("로그 항목 번호", "Log entries")
        case .certSheetIssuer: ("스마트도시·스마트서비스 인증", "Smart city and smart service certification")
        case .certSheetTitle: PageWord.certificate.words
        case .certNumber: ("인증번호", "No.")
        case .certSheetLine: ("위 보유자는 아래 인증 기준에 따라 인증되었음을 증명합니다.", "This certifies that the holder named above is certified under the rubric below.")
        case .certSheetVerify: ("이 인증서의 상태와 진위는 아래 주소에서 확인할 수 있습니다.", "The status and authenticity of this certificate can be checked at:")
        case .certNotFound: ("등록부에 인증서 %1이(가) 없습니다", "There is no certificate %1 in the registry")
        case .certIDBad: ("'%1'은(는) 인증번호의 형식이 아닙니다 (예: KR-SC-2026-0001)", "'%1' is not a certificate number (they look like KR-SC-2026-0001)")
        case .certAtBad: ("기준일 '%1'을(를) 읽을 수 없습니다. 2026-03-02처럼 적으십시오. 오늘 기준으로 보여 줍니다",
                "The date '%1' cannot be read; write it as 2026-03-02. The status shown is today's")
        }
    }
}

extension PageWord {
    /// Every word by its key, per language: what the layout gives templates as `t`.
    static let tables: [Language: [String: String]] = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, table($0)) })

    /// An indicator's status in words.
    init(_ status: IndicatorResult.Status) {
        switch status {
        case .scored: self = .scored
        case .missing: self = .missing
        case .notSelected: self = .notSelected
        case .selfAssessed: self = .selfAssessed
        }
    }

    /// A finding's severity in words.
    init(_ severity: Finding.Severity) {
        switch severity {
        case .error: self = .error
        case .warning: self = .warning
        case .info: self = .info
        }
    }

    /// A KPI's direction in words.
    init(_ direction: KPI.Direction) {
        switch direction {
        case .higher: self = .higher
        case .lower: self = .lower
        }
    }

    /// The message of an error page for an HTTP status (other 4xx: 400's, 5xx: 500's).
    init(errorStatus status: Int) {
        switch status {
        case 405: self = .error405
        case 408: self = .error408
        case 413: self = .error413
        case 415: self = .error415
        case 500...: self = .error500
        default: self = .error400
        }
    }

    /// The words of score `n` (1 to 5) of the usual five-point scale; the
    /// nearest end outside it.
    static func anchor(_ n: Int) -> PageWord {
        switch n {
        case ...1: .anchor1
        case 2: .anchor2
        case 3: .anchor3
        case 4: .anchor4
        default: .anchor5
        }
    }
}
