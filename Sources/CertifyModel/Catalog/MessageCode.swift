/// The stable code of each message (JSON `findings[].code`), one per case.
extension Message {
    public enum Code: String, Sendable, CaseIterable {
        case prerequisiteNotMet = "prerequisite-not-met"
        case belowPassMark = "below-pass-mark"
        case belowGrade = "below-grade"
        case noInput = "no-input"
        case panelNoReview = "panel-no-review"
        case panelTooSmall = "panel-too-small"
        case electivesChosen = "electives-chosen"
        case electivesTooFew = "electives-too-few"
        case electiveWithoutValue = "elective-without-value"
        case electiveNotDeclared = "elective-not-declared"
        case kpiRejected = "kpi-rejected"
        case noAcceptedKPI = "no-accepted-kpi"
        case notRecognised = "not-recognised"
        case listedTwice = "listed-twice"
        case ruleNoInput = "rule-no-input"
        case ruleBand = "rule-band"
        case ruleBelowFirstBand = "rule-below-first-band"
        case ruleLinear = "rule-linear"
        case ruleChoice = "rule-choice"
        case ruleYesNo = "rule-yes-no"
        case ruleRecognisedCount = "rule-recognised-count"
        case ruleRecognisedEach = "rule-recognised-each"
        case ruleKPIAttainment = "rule-kpi-attainment"
        case ruleNoAcceptedKPI = "rule-no-accepted-kpi"
        case ruleJudgment = "rule-judgment"
        case ruleMismatch = "rule-mismatch"
        case ruleElectiveNotSelected = "rule-elective-not-selected"
        case ruleRounded = "rule-rounded"
        case kpiInputs = "kpi-inputs"
        case unknownIndicator = "unknown-indicator"
        case singleApplicantOnly = "single-applicant-only"
        case applicantTwice = "applicant-twice"
        case applicantKindNotAdmitted = "applicant-kind-not-admitted"
        case applicantRoleNotAdmitted = "applicant-role-not-admitted"
        case applicantNameLanguage = "applicant-name-language"
        case applicantNameMissing = "applicant-name-missing"
        case submittedNotDate = "submitted-not-date"
        case evidenceTwice = "evidence-twice"
        case evidenceDigestNotHex = "evidence-digest-not-hex"
        case evidenceUndeclared = "evidence-undeclared"
        case valueTwice = "value-twice"
        case notASingleValue = "not-a-single-value"
        case negativeCount = "negative-count"
        case notACount = "not-a-count"
        case notADecimal = "not-a-decimal"
        case percentOutOfRange = "percent-out-of-range"
        case notABoolean = "not-a-boolean"
        case notAChoice = "not-a-choice"
        case setNotItems = "set-not-items"
        case emptyItem = "empty-item"
        case kpiNotValue = "kpi-not-value"
        case judgmentNotValue = "judgment-not-value"
        case belowLowestBand = "below-lowest-band"
        case notElective = "not-elective"
        case electiveTwice = "elective-twice"
        case tooManyElectives = "too-many-electives"
        case notKPIIndicator = "not-kpi-indicator"
        case kpiIDTwice = "kpi-id-twice"
        case kpiNotDecimal = "kpi-not-decimal"
        case kpiOutOfRange = "kpi-out-of-range"
        case reviewUnknownKPI = "review-unknown-kpi"
        case reviewKPITwice = "review-kpi-twice"
        case reviewWrongDossier = "review-wrong-dossier"
        case reviewerTwice = "reviewer-twice"
        case judgedTwice = "judged-twice"
        case selfAssessedTwice = "self-assessed-twice"
        case notJudgment = "not-judgment"
        case scoreOutOfRange = "score-out-of-range"
        case noJudgmentRubric = "no-judgment-rubric"
        case rubricDefinedTwice = "rubric-defined-twice"
        case unknownRubric = "unknown-rubric"
        case unknownRubricVersion = "unknown-rubric-version"
        case rubricsDirectoryUnreadable = "rubrics-directory-unreadable"
        case wrongRoot = "wrong-root"
        case cannotRead = "cannot-read"
        case fileTooLarge = "file-too-large"
        case xml = "xml"
        case parserCheck = "parser-check"
        case rubricTextLanguages = "rubric-text-languages"
        case key = "key"
        case installation = "installation"
        case valid = "valid"
        case expectedRoot = "expected-root"
        case missingAttribute = "missing-attribute"
        case notDecimalAttribute = "not-decimal-attribute"
        case notIntegerAttribute = "not-integer-attribute"
        case notBooleanAttribute = "not-boolean-attribute"
        case notEnumAttribute = "not-enum-attribute"
        case unexpectedElement = "unexpected-element"
        case rubricNeedsDecision = "rubric-needs-decision"
        case unknownInputKind = "unknown-input-kind"
        case noBandTable = "no-band-table"
        case noScoringMethod = "no-scoring-method"
        case areaTwice = "area-twice"
        case noApplicantKind = "no-applicant-kind"
        case validityRange = "validity-range"
        case electiveGroupSize = "elective-group-size"
        case certifiedFromUnknown = "certified-from-unknown"
        case gradesOrder = "grades-order"
        case lastGradeNotZero = "last-grade-not-zero"
        case passAboveMax = "pass-above-max"
        case panelRange = "panel-range"
        case trimFromTooSmall = "trim-from-too-small"
        case indicatorTwice = "indicator-twice"
        case maxNotPositive = "max-not-positive"
        case noElectiveGroup = "no-elective-group"
        case mandatoryAndElective = "mandatory-and-elective"
        case areaUnreachable = "area-unreachable"
        case bandsEmpty = "bands-empty"
        case bandsNotIncreasing = "bands-not-increasing"
        case bandPointsOutside = "band-points-outside"
        case methodCannotScore = "method-cannot-score"
        case linearRange = "linear-range"
        case choicesRepeat = "choices-repeat"
        case choicePointsOutside = "choice-points-outside"
        case yesNoPointsOutside = "yes-no-points-outside"
        case noRecognisedIDs = "no-recognised-ids"
        case recognisedEachNeeds = "recognised-each-needs"
        case kpiAttainmentRange = "kpi-attainment-range"
        case judgmentNeedsPanel = "judgment-needs-panel"
        case planNoCombination = "plan-no-combination"
        case planErrorsRemain = "plan-errors-remain"
        case planMandatoryFixed = "plan-mandatory-fixed"
        case planMaximumBelow = "plan-maximum-below"
        case planMean = "plan-mean"
        case planUnknownGoal = "plan-unknown-goal"
        case verifyStanding = "verify-standing"
        case verifyDisagrees = "verify-disagrees"
        case verifyDossierHash = "verify-dossier-hash"
        case verifyReviewsDiffer = "verify-reviews-differ"
        case verifyNoDate = "verify-no-date"
        case verifyRubricHash = "verify-rubric-hash"
        case verifyField = "verify-field"
        case verifyIndicator = "verify-indicator"
        case verifyIndicatorCount = "verify-indicator-count"
        case verifyRescoreFailed = "verify-rescore-failed"
        case verifyConfirmed = "verify-confirmed"
        case signatureRefused = "signature-refused"
        case reportRefused = "report-refused"
        case compareNothingShared = "compare-nothing-shared"
        case compareUnder = "compare-under"
        case registry = "registry"
        case tlog = "tlog"
    }

    /// This message's code.
    public var code: Code {
        switch self {
        case .prerequisiteNotMet: .prerequisiteNotMet
        case .belowPassMark: .belowPassMark
        case .belowGrade: .belowGrade
        case .noInput: .noInput
        case .panelNoReview: .panelNoReview
        case .panelTooSmall: .panelTooSmall
        case .electivesChosen: .electivesChosen
        case .electivesTooFew: .electivesTooFew
        case .electiveWithoutValue: .electiveWithoutValue
        case .electiveNotDeclared: .electiveNotDeclared
        case .kpiRejected: .kpiRejected
        case .noAcceptedKPI: .noAcceptedKPI
        case .notRecognised: .notRecognised
        case .listedTwice: .listedTwice
        case .ruleNoInput: .ruleNoInput
        case .ruleBand: .ruleBand
        case .ruleBelowFirstBand: .ruleBelowFirstBand
        case .ruleLinear: .ruleLinear
        case .ruleChoice: .ruleChoice
        case .ruleYesNo: .ruleYesNo
        case .ruleRecognisedCount: .ruleRecognisedCount
        case .ruleRecognisedEach: .ruleRecognisedEach
        case .ruleKPIAttainment: .ruleKPIAttainment
        case .ruleNoAcceptedKPI: .ruleNoAcceptedKPI
        case .ruleJudgment: .ruleJudgment
        case .ruleMismatch: .ruleMismatch
        case .ruleElectiveNotSelected: .ruleElectiveNotSelected
        case .ruleRounded: .ruleRounded
        case .kpiInputs: .kpiInputs
        case .unknownIndicator: .unknownIndicator
        case .singleApplicantOnly: .singleApplicantOnly
        case .applicantTwice: .applicantTwice
        case .applicantKindNotAdmitted: .applicantKindNotAdmitted
        case .applicantRoleNotAdmitted: .applicantRoleNotAdmitted
        case .applicantNameLanguage: .applicantNameLanguage
        case .applicantNameMissing: .applicantNameMissing
        case .submittedNotDate: .submittedNotDate
        case .evidenceTwice: .evidenceTwice
        case .evidenceDigestNotHex: .evidenceDigestNotHex
        case .evidenceUndeclared: .evidenceUndeclared
        case .valueTwice: .valueTwice
        case .notASingleValue: .notASingleValue
        case .negativeCount: .negativeCount
        case .notACount: .notACount
        case .notADecimal: .notADecimal
        case .percentOutOfRange: .percentOutOfRange
        case .notABoolean: .notABoolean
        case .notAChoice: .notAChoice
        case .setNotItems: .setNotItems
        case .emptyItem: .emptyItem
        case .kpiNotValue: .kpiNotValue
        case .judgmentNotValue: .judgmentNotValue
        case .belowLowestBand: .belowLowestBand
        case .notElective: .notElective
        case .electiveTwice: .electiveTwice
        case .tooManyElectives: .tooManyElectives
        case .notKPIIndicator: .notKPIIndicator
        case .kpiIDTwice: .kpiIDTwice
        case .kpiNotDecimal: .kpiNotDecimal
        case .kpiOutOfRange: .kpiOutOfRange
        case .reviewUnknownKPI: .reviewUnknownKPI
        case .reviewKPITwice: .reviewKPITwice
        case .reviewWrongDossier: .reviewWrongDossier
        case .reviewerTwice: .reviewerTwice
        case .judgedTwice: .judgedTwice
        case .selfAssessedTwice: .selfAssessedTwice
        case .notJudgment: .notJudgment
        case .scoreOutOfRange: .scoreOutOfRange
        case .noJudgmentRubric: .noJudgmentRubric
        case .rubricDefinedTwice: .rubricDefinedTwice
        case .unknownRubric: .unknownRubric
        case .unknownRubricVersion: .unknownRubricVersion
        case .rubricsDirectoryUnreadable: .rubricsDirectoryUnreadable
        case .wrongRoot: .wrongRoot
        case .cannotRead: .cannotRead
        case .fileTooLarge: .fileTooLarge
        case .xml: .xml
        case .parserCheck: .parserCheck
        // The same code as `.xml`: the message is the same, better said.
        case .xmlError: .xml
        case .rubricTextLanguages: .rubricTextLanguages
        case .key: .key
        case .installation: .installation
        case .valid: .valid
        case .expectedRoot: .expectedRoot
        case .missingAttribute: .missingAttribute
        case .notDecimalAttribute: .notDecimalAttribute
        case .notIntegerAttribute: .notIntegerAttribute
        case .notBooleanAttribute: .notBooleanAttribute
        case .notEnumAttribute: .notEnumAttribute
        case .unexpectedElement: .unexpectedElement
        case .rubricNeedsDecision: .rubricNeedsDecision
        case .unknownInputKind: .unknownInputKind
        case .noBandTable: .noBandTable
        case .noScoringMethod: .noScoringMethod
        case .areaTwice: .areaTwice
        case .noApplicantKind: .noApplicantKind
        case .validityRange: .validityRange
        case .electiveGroupSize: .electiveGroupSize
        case .certifiedFromUnknown: .certifiedFromUnknown
        case .gradesOrder: .gradesOrder
        case .lastGradeNotZero: .lastGradeNotZero
        case .passAboveMax: .passAboveMax
        case .panelRange: .panelRange
        case .trimFromTooSmall: .trimFromTooSmall
        case .indicatorTwice: .indicatorTwice
        case .maxNotPositive: .maxNotPositive
        case .noElectiveGroup: .noElectiveGroup
        case .mandatoryAndElective: .mandatoryAndElective
        case .areaUnreachable: .areaUnreachable
        case .bandsEmpty: .bandsEmpty
        case .bandsNotIncreasing: .bandsNotIncreasing
        case .bandPointsOutside: .bandPointsOutside
        case .methodCannotScore: .methodCannotScore
        case .linearRange: .linearRange
        case .choicesRepeat: .choicesRepeat
        case .choicePointsOutside: .choicePointsOutside
        case .yesNoPointsOutside: .yesNoPointsOutside
        case .noRecognisedIDs: .noRecognisedIDs
        case .recognisedEachNeeds: .recognisedEachNeeds
        case .kpiAttainmentRange: .kpiAttainmentRange
        case .judgmentNeedsPanel: .judgmentNeedsPanel
        case .planNoCombination: .planNoCombination
        case .planErrorsRemain: .planErrorsRemain
        case .planMandatoryFixed: .planMandatoryFixed
        case .planMaximumBelow: .planMaximumBelow
        case .planMean: .planMean
        case .planUnknownGoal: .planUnknownGoal
        case .verifyStanding: .verifyStanding
        case .verifyDisagrees: .verifyDisagrees
        case .verifyDossierHash: .verifyDossierHash
        case .verifyReviewsDiffer: .verifyReviewsDiffer
        case .verifyNoDate: .verifyNoDate
        case .verifyRubricHash: .verifyRubricHash
        case .verifyField: .verifyField
        case .verifyIndicator: .verifyIndicator
        case .verifyIndicatorCount: .verifyIndicatorCount
        case .verifyRescoreFailed: .verifyRescoreFailed
        case .verifyConfirmed: .verifyConfirmed
        case .signatureRefused: .signatureRefused
        case .reportRefused: .reportRefused
        case .compareNothingShared: .compareNothingShared
        case .compareUnder: .compareUnder
        case .registry: .registry
        case .tlog: .tlog
        }
    }
}
extension Message {
    /// A message of each code with typical arguments, for the catalog's
    /// tests (every code, both languages) and for documentation. The switch
    /// is exhaustive: a new code does not compile without its sample.
    public static func sample(_ code: Code) -> Message {
        let id = "S-SAF"
        let r = { (text: String) in Rational(decimal: text)! }
        let band = BandStep(min: r("2"), upper: r("4"), points: r("6"))
        switch code {
        case .prerequisiteNotMet: return .prerequisiteNotMet(indicator: id, label: LocalizedText(ko: "안전", en: "Safety"))
        case .belowPassMark: return .belowPassMark(total: r("59.54"), mark: r("60"))
        case .belowGrade: return .belowGrade(total: r("50.6"), grade: "C", minimum: r("60"))
        case .noInput: return .noInput(.value)
        case .panelNoReview: return .panelNoReview(selfScoreUsed: true, minimum: 3)
        case .panelTooSmall: return .panelTooSmall(count: 2, minimum: 3)
        case .electivesChosen: return .electivesChosen(group: "services", choose: 3, chosen: ["S-ENE", "S-ENV", "S-WEL"])
        case .electivesTooFew: return .electivesTooFew(group: "services", declared: 2, choose: 3)
        case .electiveWithoutValue: return .electiveWithoutValue
        case .electiveNotDeclared: return .electiveNotDeclared(indicator: "S-CUL")
        case .kpiRejected: return .kpiRejected(kpi: "K3", rejectedBy: ["R-01", "R-03"], reviews: 3)
        case .noAcceptedKPI: return .noAcceptedKPI
        case .notRecognised: return .notRecognised(unknown: ["X-9"], recognised: ["ISMS-P", "ISO-27001"])
        case .listedTwice: return .listedTwice(["ISMS-P"])
        case .ruleNoInput: return .ruleNoInput(.kpis)
        case .ruleBand: return .ruleBand(band)
        case .ruleBelowFirstBand: return .ruleBelowFirstBand(value: r("1"))
        case .ruleLinear:
            return .ruleLinear(max: r("10"), value: r("42"), lo: r("0"), hi: r("50"), points: r("8.4"))
        case .ruleChoice: return .ruleChoice(value: "approved", points: r("10"))
        case .ruleYesNo: return .ruleYesNo(value: true, points: r("5"))
        case .ruleRecognisedCount: return .ruleRecognisedCount(ids: ["ISMS-P", "ISO-27001"], band: band)
        case .ruleRecognisedEach:
            return .ruleRecognisedEach(ids: ["A", "B", "C"], each: r("2"), raw: r("6"), capped: r("5"))
        case .ruleKPIAttainment:
            return .ruleKPIAttainment(
                mean: r("0.875"), attainments: [KPIAttainment(id: "K1", attainment: .one), KPIAttainment(id: "K2", attainment: r("0.75"))],
                max: r("15"), zeroAt: r("0.5"), fullAt: .one, points: r("11.25"))
        case .ruleNoAcceptedKPI: return .ruleNoAcceptedKPI
        case .ruleJudgment:
            return .ruleJudgment(
                selfAssessed: false, scores: [4, 4, 5, 3, 5], dropped: [5, 3], mean: r("13") / r("3"), max: r("10"),
                low: .one, span: r("4"), points: r("25") / r("3"))
        case .ruleMismatch: return .ruleMismatch(method: "bands")
        case .ruleElectiveNotSelected: return .ruleElectiveNotSelected
        case .ruleRounded: return .ruleRounded(.ruleChoice(value: "approved", points: r("8.333")), points: r("8.33"))
        case .kpiInputs:
            return .kpiInputs([
                GivenKPI(id: "K1", direction: .higher, achieved: "97", target: "95", unit: "%"),
                GivenKPI(id: "K2", direction: .lower, achieved: "4", target: "3", unit: nil),
            ])
        case .unknownIndicator: return .unknownIndicator(id: "S-LOG", rubric: "kr-smart-city", version: "1.0")
        case .singleApplicantOnly: return .singleApplicantOnly(rubric: "kr-smart-city", count: 2)
        case .applicantTwice: return .applicantTwice(applicant: "KR-HANSOL")
        case .applicantKindNotAdmitted:
            return .applicantKindNotAdmitted(applicant: "KR-BRN-1", kind: "company", rubric: "kr-smart-city", admitted: ["city", "county"])
        case .applicantRoleNotAdmitted: return .applicantRoleNotAdmitted(applicant: "KR-BRN-1", role: "maintainer", admitted: [])
        case .applicantNameLanguage: return .applicantNameLanguage(applicant: "KR-HANSOL", language: "ja")
        case .applicantNameMissing: return .applicantNameMissing(applicant: "KR-HANSOL")
        case .submittedNotDate: return .submittedNotDate("2026.03.02.")
        case .evidenceTwice: return .evidenceTwice(evidence: "E1")
        case .evidenceDigestNotHex: return .evidenceDigestNotHex(evidence: "E1", given: String(repeating: "g", count: 64))
        case .evidenceUndeclared: return .evidenceUndeclared(indicator: "I-2", evidence: "E3")
        case .valueTwice: return .valueTwice(indicator: "I-3")
        case .notASingleValue: return .notASingleValue(indicator: "I-1", kind: .count)
        case .negativeCount: return .negativeCount(indicator: "I-2", given: "-2")
        case .notACount: return .notACount(indicator: "I-1", given: "3.5")
        case .notADecimal: return .notADecimal(indicator: "O-2", given: "99,4")
        case .percentOutOfRange: return .percentOutOfRange(indicator: "O-3", given: "104.2")
        case .notABoolean: return .notABoolean(indicator: "G-4", given: "yes")
        case .notAChoice: return .notAChoice(indicator: "G-2", given: "done", choices: ["none", "drafting", "approved"])
        case .setNotItems: return .setNotItems(indicator: "P-2", given: "ISMS-P")
        case .emptyItem: return .emptyItem(indicator: "P-2")
        case .kpiNotValue: return .kpiNotValue(indicator: "P-3")
        case .judgmentNotValue: return .judgmentNotValue(indicator: "C-1")
        case .belowLowestBand: return .belowLowestBand(indicator: "I-2", given: "0.5", floor: .one)
        case .notElective: return .notElective(indicator: "I-1")
        case .electiveTwice: return .electiveTwice(indicator: "S-ENE")
        case .tooManyElectives:
            return .tooManyElectives(declared: ["S-ADM", "S-ENE", "S-ENV", "S-WEL"], group: "services", choose: 3)
        case .notKPIIndicator: return .notKPIIndicator(indicator: "I-1")
        case .kpiIDTwice: return .kpiIDTwice(indicator: "P-3", kpi: "K1")
        case .kpiNotDecimal: return .kpiNotDecimal(indicator: "P-3", kpi: "K1")
        case .kpiOutOfRange:
            return .kpiOutOfRange(indicator: "P-3", kpi: "K2", lowerIsBetter: true, target: "2", achieved: "0")
        case .reviewUnknownKPI: return .reviewUnknownKPI(reviewer: "R-01", kpi: "K9", dossier: "PARKING-GUIDE-2026")
        case .reviewKPITwice: return .reviewKPITwice(reviewer: "R-01", kpi: "K1")
        case .reviewWrongDossier:
            return .reviewWrongDossier(reviewer: "R-03", reviewDossier: "SMART-FARM-2025", dossier: "SMART-FARM-2026")
        case .reviewerTwice: return .reviewerTwice(reviewer: "R-02")
        case .judgedTwice: return .judgedTwice(indicator: "C-1", reviewer: "R-01")
        case .selfAssessedTwice: return .selfAssessedTwice(indicator: "C-1")
        case .notJudgment: return .notJudgment(indicator: "I-1")
        case .scoreOutOfRange: return .scoreOutOfRange(indicator: "C-1", min: 1, max: 5, rubric: "kr-smart-service", given: "6")
        case .noJudgmentRubric: return .noJudgmentRubric(indicator: "XYZ-1")
        case .rubricDefinedTwice: return .rubricDefinedTwice(id: "kr-smart-city", version: "1.0", path: "Rubrics/city.xml")
        case .unknownRubric: return .unknownRubric(id: "kr-smart-farm", available: ["kr-smart-city 1.0", "kr-smart-service 1.0"])
        case .unknownRubricVersion: return .unknownRubricVersion(id: "kr-smart-city", version: "2.0", available: ["1.0"])
        case .rubricsDirectoryUnreadable: return .rubricsDirectoryUnreadable
        case .wrongRoot:
            return .wrongRoot(element: "dossier", namespace: "urn:certify:dossier:1.0", wanted: [.dossier, .review, .rubric])
        case .cannotRead: return .cannotRead(.noSuchFile)
        case .fileTooLarge: return .fileTooLarge(limit: 8 << 20)
        case .xml: return .xml(.schema, detail: "Element '{urn:certify:dossier:1}evidence': This element is not expected.")
        case .parserCheck: return .parserCheck(.doctype)
        case .rubricTextLanguages: return .rubricTextLanguages(element: "description", owner: "I-1", missing: ["ko"])
        case .key: return .key(.readableByOthers(mode: 0o644, path: "reviewer.pem"))
        case .installation: return .installation(.noSchemas)
        case .valid: return .valid(.dossier(id: "HANSOL-2026", rubric: "kr-smart-city", version: "1.0"))
        case .expectedRoot: return .expectedRoot(element: "dossier", namespace: "urn:certify:dossier:1")
        case .missingAttribute: return .missingAttribute(element: "grade", attribute: "min")
        case .notDecimalAttribute: return .notDecimalAttribute(.indicator("I-1"), attribute: "max", given: "ten")
        case .notIntegerAttribute: return .notIntegerAttribute(.panel, attribute: "min-score", given: "1.5")
        case .notBooleanAttribute: return .notBooleanAttribute(attribute: "mandatory", given: "yes")
        case .notEnumAttribute:
            return .notEnumAttribute(.kpi("K1"), attribute: "direction", allowed: ["higher", "lower"], given: "up")
        case .unexpectedElement: return .unexpectedElement("note")
        case .rubricNeedsDecision: return .rubricNeedsDecision
        case .unknownInputKind: return .unknownInputKind(indicator: "I-1", given: "integer")
        case .noBandTable: return .noBandTable(indicator: "I-1", ref: "services")
        case .noScoringMethod: return .noScoringMethod(indicator: "I-1")
        case .areaTwice: return .areaTwice(area: "INN")
        case .noApplicantKind: return .noApplicantKind
        case .validityRange: return .validityRange
        case .electiveGroupSize: return .electiveGroupSize(group: "services", choose: 9, members: 8)
        case .certifiedFromUnknown: return .certifiedFromUnknown(grade: "F")
        case .gradesOrder: return .gradesOrder
        case .lastGradeNotZero: return .lastGradeNotZero
        case .passAboveMax: return .passAboveMax(threshold: r("120"), max: r("100"))
        case .panelRange: return .panelRange
        case .trimFromTooSmall: return .trimFromTooSmall
        case .indicatorTwice: return .indicatorTwice(indicator: "I-1")
        case .maxNotPositive: return .maxNotPositive(indicator: "I-1")
        case .noElectiveGroup: return .noElectiveGroup(indicator: "S-ENE", group: "extras")
        case .mandatoryAndElective: return .mandatoryAndElective(indicator: "S-ENE")
        case .areaUnreachable: return .areaUnreachable(area: "SVC", reachable: r("32"), max: r("40"))
        case .bandsEmpty: return .bandsEmpty(indicator: "I-2")
        case .bandsNotIncreasing: return .bandsNotIncreasing(indicator: "I-2")
        case .bandPointsOutside: return .bandPointsOutside(indicator: "I-2", points: r("12"), max: r("10"))
        case .methodCannotScore: return .methodCannotScore(indicator: "I-2", method: "yes-no", input: "count")
        case .linearRange: return .linearRange(indicator: "I-3")
        case .choicesRepeat: return .choicesRepeat(indicator: "G-2")
        case .choicePointsOutside: return .choicePointsOutside(indicator: "G-2", points: r("12"), max: r("10"))
        case .yesNoPointsOutside: return .yesNoPointsOutside(indicator: "G-4", points: r("-1"), max: r("5"))
        case .noRecognisedIDs: return .noRecognisedIDs(indicator: "P-2")
        case .recognisedEachNeeds: return .recognisedEachNeeds(indicator: "P-4")
        case .kpiAttainmentRange: return .kpiAttainmentRange(indicator: "P-3")
        case .judgmentNeedsPanel: return .judgmentNeedsPanel(indicator: "C-1")
        case .planNoCombination: return .planNoCombination(goal: "A")
        case .planErrorsRemain:
            return .planErrorsRemain([.prerequisiteNotMet(indicator: id, label: LocalizedText(ko: "안전", en: "Safety"))])
        case .planMandatoryFixed: return .planMandatoryFixed(indicator: id, because: .judgmentsPanel(selfAssessed: true))
        case .planMaximumBelow: return .planMaximumBelow(total: r("26"), threshold: r("30"))
        case .planMean: return .planMean(r("2.5"))
        case .planUnknownGoal: return .planUnknownGoal(goal: "pass", rubric: "kr-smart-city", goals: ["A", "B", "C", "D", "E"])
        case .verifyStanding: return .verifyStanding(current: false, certified: true, day: "2029-03-02")
        case .verifyDisagrees: return .verifyDisagrees(.verifyField(field: "total", recorded: "86.28", now: "80.10"))
        case .verifyDossierHash: return .verifyDossierHash(file: "dossier.xml", sha256: String(repeating: "a", count: 64), expected: String(repeating: "b", count: 64))
        case .verifyReviewsDiffer: return .verifyReviewsDiffer(count: 3)
        case .verifyNoDate: return .verifyNoDate
        case .verifyRubricHash: return .verifyRubricHash(rubric: "kr-smart-city", version: "1.0", sha256: String(repeating: "c", count: 64), expected: String(repeating: "d", count: 64))
        case .verifyField: return .verifyField(field: "certified", recorded: "true", now: "false")
        case .verifyIndicator: return .verifyIndicator(indicator: id, recordedPoints: "10.00", recordedStatus: "scored", points: "0.00", status: "missing")
        case .verifyIndicatorCount: return .verifyIndicatorCount(report: 24, rubric: 25)
        case .verifyRescoreFailed: return .verifyRescoreFailed(english: "dossier.xml:3:5: error: value given twice", korean: "dossier.xml:3:5: error: 값이 두 번 주어졌습니다")
        case .verifyConfirmed: return .verifyConfirmed
        case .signatureRefused: return .signatureRefused(.untrustedKey(keyName: String(repeating: "e", count: 64)))
        case .reportRefused: return .reportRefused(.notAReport(root: "dossier", namespace: "urn:certify:dossier:1"))
        case .compareNothingShared: return .compareNothingShared(rubric: "kr-smart-city", version: "1.0", other: "kr-smart-service", otherVersion: "1.0")
        case .compareUnder: return .compareUnder(rubric: "kr-smart-city", version: "2.0", english: "unknown indicator", korean: "알 수 없는 지표")
        case .registry: return .registry(.alreadyRevoked(certificate: "C-2026-0001", day: "2026-05-01", reason: "dossier withdrawn"))
        case .tlog: return .tlog(.fork(size: 7, seenRoot: "AAAA", root: "BBBB"))
        }
    }
}
