/// Everything Certify says to a person about an input or a score, in one
/// catalog: findings, rule texts, the words of a KPI's input, and the
/// located errors of the decoders, the binder and the engine's own checks.
///
/// A message is a case with typed arguments; `text(_:)` writes it in Korean
/// or English, so whoever shows it (text, JSON, HTML, the command line)
/// chooses the language. The English texts are the ones Certify has always
/// printed (the signed report and the JSON `message` keep them); the Korean
/// texts are written as a Korean certification office would write them, not
/// translated word by word. Numbers, ids and formulas are the same in both.
///
/// `code` is stable: it names the case in JSON (`findings[].code`) and in
/// tests. Adding a case means adding its `Code` and a `sample` (the compiler
/// insists) and its line in `Message.tsv` (the catalog tests insist, and
/// check both of its texts). The findings and rule texts, and the few
/// errors whose words depend on their values, are written in code
/// (`computedWords`).
///
/// A case whose arguments take more than 72 bytes is boxed (`indirect`):
/// a message is as large as its largest unboxed case, and results,
/// findings and rules copy messages for every indicator of every dossier.
/// Those cases (rule traces of many numbers, errors quoting a whole
/// record) are built a few times a dossier at most; a band's rule, built
/// for most indicators, stays unboxed (boxing it measured slower).
public enum Message: Sendable, Hashable {
    // MARK: Findings

    /// A mandatory indicator scored 0 or is missing.
    case prerequisiteNotMet(indicator: String, label: LocalizedText)
    /// A pass/fail total below the pass mark.
    case belowPassMark(total: Rational, mark: Rational)
    /// A graded total below the certifying grade's minimum.
    case belowGrade(total: Rational, grade: String, minimum: Rational)
    /// An indicator with no input at all.
    case noInput(MissingInput)
    /// Judgments self-assessed (no review given).
    case panelNoReview(selfScoreUsed: Bool, minimum: Int)
    /// Fewer reviewer scores than official scoring needs.
    case panelTooSmall(count: Int, minimum: Int)
    /// No elective declared: the best ones were chosen.
    case electivesChosen(group: String, choose: Int, chosen: [String])
    /// Fewer electives declared than the group chooses.
    case electivesTooFew(group: String, declared: Int, choose: Int)
    /// A declared (or chosen) elective without a value.
    case electiveWithoutValue
    /// A value given for an elective that was not declared.
    case electiveNotDeclared(indicator: String)
    /// A KPI rejected by more than half of the reviews.
    case kpiRejected(kpi: String, rejectedBy: [String], reviews: Int)
    /// No KPI left to score.
    case noAcceptedKPI
    /// Set items that are not recognised ids.
    case notRecognised(unknown: [String], recognised: [String])
    /// Set items given more than once.
    case listedTwice([String])

    // MARK: Rule texts

    /// The rule of an indicator with no input.
    case ruleNoInput(MissingInput)
    /// A band `[min, upper)` gave `points`.
    case ruleBand(BandStep)
    /// A value below the first band.
    case ruleBelowFirstBand(value: Rational)
    indirect case ruleLinear(max: Rational, value: Rational, lo: Rational, hi: Rational, points: Rational)
    case ruleChoice(value: String, points: Rational)
    case ruleYesNo(value: Bool, points: Rational)
    /// Recognised ids counted, then scored by a band (nil: below the first).
    indirect case ruleRecognisedCount(ids: [String], band: BandStep?)
    /// Points for each recognised id, capped at the maximum (when `capped`).
    indirect case ruleRecognisedEach(ids: [String], each: Rational, raw: Rational, capped: Rational?)
    indirect case ruleKPIAttainment(
        mean: Rational, attainments: [KPIAttainment], max: Rational, zeroAt: Rational, fullAt: Rational,
        points: Rational)
    case ruleNoAcceptedKPI
    indirect case ruleJudgment(
        selfAssessed: Bool, scores: [Int], dropped: [Int], mean: Rational, max: Rational, low: Rational,
        span: Rational, points: Rational)
    /// An input that does not fit the method (unreachable for bound input).
    case ruleMismatch(method: String)
    case ruleElectiveNotSelected
    /// A rule whose exact points were rounded to `points`.
    indirect case ruleRounded(Message, points: Rational)

    // MARK: Inputs in words

    /// The KPIs as the applicant wrote them: id, direction, achieved of target.
    case kpiInputs([GivenKPI])

    // MARK: Binding a dossier and its reviews to a rubric

    case unknownIndicator(id: String, rubric: String, version: String)
    case singleApplicantOnly(rubric: String, count: Int)
    case applicantTwice(applicant: String)
    case applicantKindNotAdmitted(applicant: String, kind: String, rubric: String, admitted: [String])
    case applicantRoleNotAdmitted(applicant: String, role: String, admitted: [String])
    case applicantNameLanguage(applicant: String, language: String)
    case applicantNameMissing(applicant: String)
    case submittedNotDate(String)
    case evidenceTwice(evidence: String)
    case evidenceDigestNotHex(evidence: String, given: String)
    case evidenceUndeclared(indicator: String, evidence: String)
    case valueTwice(indicator: String)
    case notASingleValue(indicator: String, kind: InputKind)
    case negativeCount(indicator: String, given: String)
    case notACount(indicator: String, given: String)
    case notADecimal(indicator: String, given: String)
    case percentOutOfRange(indicator: String, given: String)
    case notABoolean(indicator: String, given: String)
    case notAChoice(indicator: String, given: String, choices: [String])
    case setNotItems(indicator: String, given: String)
    case emptyItem(indicator: String)
    case kpiNotValue(indicator: String)
    case judgmentNotValue(indicator: String)
    case belowLowestBand(indicator: String, given: String, floor: Rational)
    case notElective(indicator: String)
    case electiveTwice(indicator: String)
    case tooManyElectives(declared: [String], group: String, choose: Int)
    case notKPIIndicator(indicator: String)
    case kpiIDTwice(indicator: String, kpi: String)
    case kpiNotDecimal(indicator: String, kpi: String)
    case kpiOutOfRange(indicator: String, kpi: String, lowerIsBetter: Bool, target: String, achieved: String)
    case reviewUnknownKPI(reviewer: String, kpi: String, dossier: String)
    case reviewKPITwice(reviewer: String, kpi: String)
    case reviewWrongDossier(reviewer: String, reviewDossier: String, dossier: String)
    case reviewerTwice(reviewer: String)
    case judgedTwice(indicator: String, reviewer: String)
    case selfAssessedTwice(indicator: String)
    case notJudgment(indicator: String)
    /// A judgment score outside the panel's scale (`rubric`: named when a
    /// review is checked on its own, without its dossier).
    case scoreOutOfRange(indicator: String, min: Int, max: Int, rubric: String?, given: String)
    case noJudgmentRubric(indicator: String)

    // MARK: Rubrics, files and documents

    case rubricDefinedTwice(id: String, version: String, path: String)
    case unknownRubric(id: String, available: [String])
    case unknownRubricVersion(id: String, version: String, available: [String])
    case rubricsDirectoryUnreadable
    case wrongRoot(element: String, namespace: String, wanted: [DocumentWord])
    case cannotRead(ReadFailure)
    case fileTooLarge(limit: Int)
    /// A problem found by the XML parser or the schema validator: its text
    /// (libxml2's, or the safe parser's) stays as it is, after a summary of
    /// the kind of problem in Korean.
    case xml(XMLIssue, detail: String)
    /// A check of Certify's own safe parser or schema validation (its
    /// words, unlike libxml2's, are in the catalog).
    case parserCheck(ParserCheck)
    /// A problem found by the XML parser or the schema validator, with
    /// what libxml2 reports in structure (code, element, attribute,
    /// values): libxml2's words in English, the catalog's in Korean.
    indirect case xmlError(XMLIssue, XMLError)
    /// A rubric text (title, label, description) in fewer languages than
    /// the rubric's other texts (`missing`: the `xml:lang` tags it lacks).
    case rubricTextLanguages(element: String, owner: String?, missing: [String])
    /// What `certify validate` says of a valid document.
    case valid(ValidDocument)
    /// A key file or an output that cannot be used.
    case key(KeyProblem)
    /// Certify's own installation is broken.
    case installation(InstallationProblem)

    // MARK: Decoding documents

    case expectedRoot(element: String, namespace: String)
    case missingAttribute(element: String, attribute: String)
    case notDecimalAttribute(DecodeContext, attribute: String, given: String)
    case notIntegerAttribute(DecodeContext, attribute: String, given: String)
    case notBooleanAttribute(attribute: String, given: String)
    case notEnumAttribute(DecodeContext, attribute: String, allowed: [String], given: String)
    case unexpectedElement(String)
    case rubricNeedsDecision
    case unknownInputKind(indicator: String, given: String)
    case noBandTable(indicator: String, ref: String)
    case noScoringMethod(indicator: String)
    case areaTwice(area: String)
    case noApplicantKind
    case validityRange
    case electiveGroupSize(group: String, choose: Int, members: Int)
    case certifiedFromUnknown(grade: String)
    case gradesOrder
    case lastGradeNotZero
    case passAboveMax(threshold: Rational, max: Rational)
    case panelRange
    case trimFromTooSmall
    case indicatorTwice(indicator: String)
    case maxNotPositive(indicator: String)
    case noElectiveGroup(indicator: String, group: String)
    case mandatoryAndElective(indicator: String)
    case areaUnreachable(area: String, reachable: Rational, max: Rational)
    case bandsEmpty(indicator: String)
    case bandsNotIncreasing(indicator: String)
    case bandPointsOutside(indicator: String, points: Rational, max: Rational)
    case methodCannotScore(indicator: String, method: String, input: String)
    case linearRange(indicator: String)
    case choicesRepeat(indicator: String)
    case choicePointsOutside(indicator: String, points: Rational, max: Rational)
    case yesNoPointsOutside(indicator: String, points: Rational, max: Rational)
    case noRecognisedIDs(indicator: String)
    case recognisedEachNeeds(indicator: String)
    case kpiAttainmentRange(indicator: String)
    case judgmentNeedsPanel(indicator: String)

    // MARK: The planner (`certify plan`)

    /// No set of changes the applicant can make reaches the goal.
    case planNoCombination(goal: String)
    /// Errors in the current result that no change to the dossier lifts.
    indirect case planErrorsRemain([Message])
    /// A mandatory indicator at 0 that the plan may not raise (`because`
    /// nil: no level scores above 0).
    case planMandatoryFixed(indicator: String, because: PlanFixed?)
    /// Even with every changeable indicator at its maximum the total stays
    /// below the goal's threshold.
    case planMaximumBelow(total: Rational, threshold: Rational)
    /// A panel's mean score (rounded to 2 places), as a risk's dropped input.
    case planMean(Rational)
    /// `--goal` names no outcome of the rubric (`goals`: those it has).
    case planUnknownGoal(goal: String, rubric: String, goals: [String])

    // MARK: The registry (`certify registry`)

    case registry(RegistryProblem)
    /// The log's public copy (tiles) and its monitor (`TlogMessage.swift`).
    indirect case tlog(TlogMessage)

    // MARK: Comparing rubric versions (`certify compare`)

    /// A dossier's rubric has no indicator in common with the revision.
    case compareNothingShared(rubric: String, version: String, other: String, otherVersion: String)
    /// A dossier that cannot be scored under the revision: the located
    /// error's text in both languages.
    case compareUnder(rubric: String, version: String, english: String, korean: String)

    // MARK: Verifying a signed report (`certify verify`)

    /// A report's standing on `day`: current (certified and in force),
    /// certified but not in force, or not certified.
    case verifyStanding(current: Bool, certified: Bool, day: String)
    /// Where the given inputs disagree with the report (one located error).
    indirect case verifyDisagrees(Message)
    /// The dossier given is not the one the report was scored from.
    case verifyDossierHash(file: String, sha256: String, expected: String)
    /// The reviews given are not the `count` the report was scored with.
    case verifyReviewsDiffer(count: Int)
    case verifyNoDate
    case verifyRubricHash(rubric: String, version: String, sha256: String, expected: String)
    /// A field of the decision (`total`, `grade`, `certified`,
    /// `valid-from`, `valid-until`) differs ("": none).
    case verifyField(field: String, recorded: String, now: String)
    /// An indicator's points or status (`scored`, `missing`, …) differ.
    indirect case verifyIndicator(indicator: String, recordedPoints: String, recordedStatus: String, points: String, status: String)
    case verifyIndicatorCount(report: Int, rubric: Int)
    /// Re-scoring the inputs failed: its located errors in both languages.
    case verifyRescoreFailed(english: String, korean: String)
    /// Inputs given, and they confirm the report.
    case verifyConfirmed
    /// A verification policy refused the report's signature.
    case signatureRefused(ReportRefusal)
    /// Authentic, but not a valid audit report (or not XML at all).
    case reportRefused(ReportRefusal)
}

// MARK: - Texts

extension Message: TabledMessage {
    /// The texts of the error messages (binding, documents, decoding, the
    /// planner, the registry, verifying), one line each, and the words of
    /// their argument types (`KeyProblem.notPublicKey`, …).
    /// `Message.tsv`, read once for the messages and their argument types' sections.
    static let tableLines = TableLines(PackageResources.Message_tsv)

    public static let messageTable = MessageTable<Message>(tableLines)

    /// The case's name is its code's (`description` is the English text).
    public var caseName: String { String(describing: code) }

    /// The findings and rule texts, and the few error messages whose words
    /// depend on their values; nil for every other message (the table's).
    public var computedWords: (ko: String, en: String)? { bothLanguages(computedText) }

    /// The message in `language`. The findings and rule texts come first
    /// and in code: every scored dossier writes them, and the table reads a
    /// message's values by reflection.
    public func text(_ language: Language) -> String {
        computedText(language == .ko) ?? Self.messageTable.text(self, language)
    }

    /// The English text: what Certify has always printed.
    public var english: String { text(.en) }

    /// The Korean text, in the style of a Korean certification office.
    public var korean: String { text(.ko) }

    /// The texts written in code, each domain's in its own file
    /// (`MessageFindings.swift`, …), both languages side by side.
    private func computedText(_ ko: Bool) -> String? {
        findingText(ko) ?? bindingText(ko) ?? documentText(ko) ?? decodingText(ko) ?? plannerText(ko) ?? verifyText(ko)
    }
}

/// The Korean and English text that `text` writes for `ko` true and false;
/// nil when it writes none (the table's text, then).
func bothLanguages(_ text: (_ ko: Bool) -> String?) -> (ko: String, en: String)? {
    guard let ko = text(true), let en = text(false) else { return nil }
    return (ko, en)
}

/// A value a message names that has words of its own, written in code (the
/// log's messages, libxml2's errors): one switch writes it in Korean (`ko`)
/// or English, as the message's own texts are written.
protocol MessagePart {
    func text(ko: Bool) -> String
}

extension MessagePart {
    var english: String { text(ko: false) }

    var korean: String { text(ko: true) }
}

extension Message: CustomStringConvertible {
    /// The English text (what logs and the signed report carry).
    public var description: String { english }
}
