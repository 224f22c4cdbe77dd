import CertifyEngine
import CertifyModel
import CertifyRender

/// The pages' words in Korean and English. Templates read them as `t.KEY`
/// (the raw value, `PageWord.table`); code names the cases, so a word that
/// does not exist does not compile. `%1`, `%2`, … stand for values. A word
/// the reports also use is theirs (`Label`), borrowed in the table
/// (`@Label.total`), so it is written once.
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

    /// The texts, from Catalog/PageWord.tsv.
    public static let wordTable = WordTable<PageWord>(PackageResources.PageWord_tsv, borrowing: [Label.self])
}

extension PageWord {
    /// Every word by its key, per language: what the layout gives templates as `t`.

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
