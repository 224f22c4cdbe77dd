import CertifyModel

/// The office pages' words in Korean and English. Templates read them as
/// `w.KEY` (the raw value); code uses the cases, so a word that does not
/// exist does not compile, and both languages of every word are one line
/// of `OfficeWord.tsv`.
public enum OfficeWord: String, LocalizedWord {
    case office, signIn = "sign-in", signOut = "sign-out", email, password, passwordAgain = "password-again"
    case passwordHint = "password-hint", setPassword = "set-password", setPasswordIntro = "set-password-intro"
    case name, organisation, organisationID = "organisation-id", organisationHint = "organisation-hint"
    case dashboard, rounds, round, newRound = "new-round", roundName = "round-name", rubric
    case opens, closes, reviewDeadline = "review-deadline", responseDays = "response-days"
    case appealDays = "appeal-days", reviewerCount = "reviewer-count", dateHint = "date-hint", daysHint = "days-hint"
    case create, save, submit, withdraw, accept, returnForChanges = "return", send
    case applications, application, newApplication = "new-application", state, due, overdue, updated, version
    case myApplications = "my-applications", waitingForYou = "waiting-for-you", nothingWaiting = "nothing-waiting"
    case requests, request, indicator, requestHint = "request-hint", answerBy = "answer-by"
    case evidenceFiles = "evidence-files", upload, file, digest, size
    case accounts, role, disabled, active, confirmOrganisation = "confirm-organisation", confirmed, unconfirmed
    case secondFactor = "second-factor", secondFactorIntro = "second-factor-intro", code, secret, recoveryCodes = "recovery-codes"
    case recoveryCodesHint = "recovery-codes-hint", logHead = "log-head", actions, history, versions
    case privacyTitle = "privacy-title", privacyText = "privacy-text", saved, submitted, returned, accepted
    case applicant, secretariat, reviewer, chair
    case stateDraft = "state-draft", stateSubmitted = "state-submitted", stateReturned = "state-returned"
    case stateInReview = "state-in-review", stateDecided = "state-decided", stateAppealed = "state-appealed"
    case stateWithdrawn = "state-withdrawn", stateLapsed = "state-lapsed"
    case draftRevision = "draft-revision", dossier, download, selfCheckForm = "selfcheck-form"
    case withdrawConfirm = "withdraw-confirm", none, open, closed, closeRound = "close-round", register, checkYourMail = "check-your-mail", notices, registerClosed = "register-closed", startFromFile = "start-from-file", startFromFileHint = "start-from-file-hint", changes, before, after, joint, jointHint = "joint-hint", confirmJoint = "confirm-joint", showingRecent = "showing-recent", newAccount = "new-account"
    case panel, invite, inviteHint = "invite-hint", members, roundCode = "round-code", proposal, proposalHint = "proposal-hint", assignAll = "assign-all", nothingToAssign = "nothing-to-assign", assign, unassign, assignments, reviews, writeReview = "write-review", saveReview = "save-review", submitReview = "submit-review", reviewSubmitted = "review-submitted", reviewSaved = "review-saved", reviewBlindHint = "review-blind-hint", waitingFor = "waiting-for", declareConflict = "declare-conflict", conflictHint = "conflict-hint", reason, panelResult = "panel-result", panelResultHint = "panel-result-hint", confirmDecision = "confirm-decision", sendBack = "send-back", note, decisionCodeHint = "decision-code-hint", decisions, decisionDate = "decision-date", certified, notCertified = "not-certified", awaitingSignature = "awaiting-signature", reportXML = "report-xml", reportHTML = "report-html", certificate, validUntil = "valid-until", planToNext = "plan-to-next", appeal, appealHint = "appeal-hint", appealBy = "appeal-by", appeals, reopen, profile, affiliations, affiliationsHint = "affiliations-hint", renew, renewHint = "renew-hint", taskReview = "task-review", taskDecide = "task-decide", taskAssign = "task-assign", taskReopen = "task-reopen", taskSign = "task-sign", taskAppeal = "task-appeal", taskRenew = "task-renew", taskCheck = "task-check", taskAnswer = "task-answer", taskDraft = "task-draft", task, registryPending = "registry-pending", roleInRound = "role-in-round", decided

    /// The texts, from Catalog/OfficeWord.tsv.
    public static let wordTable = WordTable<OfficeWord>(PackageResources.OfficeWord_tsv)
}
