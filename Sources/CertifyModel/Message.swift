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
/// insists), and the catalog tests then check both of its texts.
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
    case ruleLinear(max: Rational, value: Rational, lo: Rational, hi: Rational, points: Rational)
    case ruleChoice(value: String, points: Rational)
    case ruleYesNo(value: Bool, points: Rational)
    /// Recognised ids counted, then scored by a band (nil: below the first).
    case ruleRecognisedCount(ids: [String], band: BandStep?)
    /// Points for each recognised id, capped at the maximum (when `capped`).
    case ruleRecognisedEach(ids: [String], each: Rational, raw: Rational, capped: Rational?)
    case ruleKPIAttainment(
        mean: Rational, attainments: [KPIAttainment], max: Rational, zeroAt: Rational, fullAt: Rational,
        points: Rational)
    case ruleNoAcceptedKPI
    case ruleJudgment(
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
    case notASingleValue(indicator: String, kind: String)
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
    case xmlError(XMLIssue, XMLError)
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
    case tlog(TlogMessage)

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
    case verifyIndicator(indicator: String, recordedPoints: String, recordedStatus: String, points: String, status: String)
    case verifyIndicatorCount(report: Int, rubric: Int)
    /// Re-scoring the inputs failed: its located errors in both languages.
    case verifyRescoreFailed(english: String, korean: String)
    /// Inputs given, and they confirm the report.
    case verifyConfirmed
    /// A verification policy refused the report's signature.
    case signatureRefused(ReportRefusal)
    /// Authentic, but not a valid audit report (or not XML at all).
    case reportRefused(ReportRefusal)

    // MARK: The command line's quick reference (`certify guide`)

    /// Every command in one line or two, and how the language is chosen.
    case quickReference
    /// The heading of the exit codes.
    case exitCodesHeading
    /// What an exit status means.
    case exitStatus(Int32)
}

// MARK: - Argument types

extension Message {
    /// What is missing when an indicator has no input.
    public enum MissingInput: String, Sendable, Hashable, CaseIterable {
        /// No `<value>`.
        case value
        /// No `<kpi>`.
        case kpis
        /// A judgment with neither a self-assessment nor a review.
        case selfAssessment
        /// A judgment no reviewer scored.
        case reviewerScore
    }

    /// One band reached: `[min, upper)` → points (`upper` nil: open-ended).
    public struct BandStep: Sendable, Hashable {
        public var min: Rational
        public var upper: Rational?
        public var points: Rational
        public init(min: Rational, upper: Rational?, points: Rational) {
            self.min = min
            self.upper = upper
            self.points = points
        }
    }

    /// One accepted KPI's attainment in the KPI rule.
    public struct KPIAttainment: Sendable, Hashable {
        public var id: String
        public var attainment: Rational
        public init(id: String, attainment: Rational) {
            self.id = id
            self.attainment = attainment
        }
    }

    /// A KPI as the applicant wrote it (numbers with all their decimals).
    public struct GivenKPI: Sendable, Hashable {
        public var id: String
        public var direction: KPI.Direction
        public var achieved: String
        public var target: String
        public var unit: String?
        public init(id: String, direction: KPI.Direction, achieved: String, target: String, unit: String?) {
            self.id = id
            self.direction = direction
            self.achieved = achieved
            self.target = target
            self.unit = unit
        }
    }

    /// Why a file could not be read.
    public enum ReadFailure: Sendable, Hashable {
        case noSuchFile, permissionDenied, isDirectory
        /// The system's own words (`strerror`), English.
        case system(String)
    }

    /// The kinds of Certify documents, as a message names them.
    public enum DocumentWord: String, Sendable, Hashable, CaseIterable {
        case dossier, review, rubric, report
    }

    /// The kind of problem an XML parser or schema validator found.
    public enum XMLIssue: String, Sendable, Hashable, CaseIterable {
        /// Not well-formed XML, or not decodable.
        case malformed
        /// Something Certify refuses: DOCTYPE, entities, limits.
        case refused
        /// Against the document's XML Schema.
        case schema
    }

    /// What is wrong with a key file or an output file.
    public enum KeyProblem: Sendable, Hashable {
        /// `strerror`'s English words.
        case unreadable(String)
        case notSmallRegularFile, unreadableKey
        case readableByOthers(mode: Int, path: String)
        case ownedByAnotherUser
        case notPrivateKey, notPublicKey
        case keyExists
        /// The signer's display name holds characters XML cannot hold.
        case signerNameBad
        /// Cannot write (`strerror`'s words, or nil: it already exists).
        case cannotWrite(String?)

        var english: String {
            switch self {
            case .unreadable(let reason): "cannot read key: \(reason)"
            case .notSmallRegularFile: "cannot read key: not a small regular file"
            case .unreadableKey: "cannot read key"
            case .readableByOthers(let mode, let path):
                "private key is readable by group or others (mode \(Message.octal(mode))); run: chmod 600 \(path)"
            case .ownedByAnotherUser: "private key belongs to another user"
            case .notPrivateKey: "not a P-256 private key in PEM (PKCS#8 or SEC1)"
            case .notPublicKey: "not a P-256 public key in PEM (SubjectPublicKeyInfo)"
            case .keyExists: "already exists; refusing to overwrite a key"
            case .signerNameBad:
                "the signer's name must not contain characters XML cannot hold (control characters other than tab and newlines, U+FFFE, U+FFFF)"
            case .cannotWrite(let reason): "cannot write: \(reason ?? "already exists")"
            }
        }

        var korean: String {
            switch self {
            case .unreadable(let reason): "키 파일을 읽을 수 없습니다: 시스템 오류(\(reason))"
            case .notSmallRegularFile: "키 파일을 읽을 수 없습니다: 크기가 작은 일반 파일이 아닙니다"
            case .unreadableKey: "키 파일을 읽을 수 없습니다"
            case .readableByOthers(let mode, let path):
                "개인키 파일을 그룹이나 다른 사용자가 읽을 수 있습니다(권한 \(Message.octal(mode))). chmod 600 \(path) 명령으로 바로잡으십시오"
            case .ownedByAnotherUser: "개인키 파일의 소유자가 다른 사용자입니다"
            case .notPrivateKey: "PEM 형식(PKCS#8 또는 SEC1)의 P-256 개인키가 아닙니다"
            case .notPublicKey: "PEM 형식(SubjectPublicKeyInfo)의 P-256 공개키가 아닙니다"
            case .keyExists: "파일이 이미 있습니다. 키를 덮어쓰지 않습니다"
            case .signerNameBad: "서명자 이름에 XML에 쓸 수 없는 문자(탭과 줄바꿈을 제외한 제어 문자, U+FFFE, U+FFFF)가 있습니다"
            case .cannotWrite(let reason): reason.map { "파일을 쓸 수 없습니다: 시스템 오류(\($0))" } ?? "파일을 쓸 수 없습니다: 이미 있습니다"
            }
        }
    }

    /// Why the planner may not change an indicator.
    public enum PlanFixed: Sendable, Hashable {
        case notActionable
        case kpiFacts
        /// Judgments are the panel's (`selfAssessed`: `--judgments` would
        /// let the self-assessed scores rise).
        case judgmentsPanel(selfAssessed: Bool)

        var english: String {
            switch self {
            case .notActionable: "the rubric marks it not actionable"
            case .kpiFacts: "achieved KPI results are facts"
            case .judgmentsPanel(let selfAssessed):
                selfAssessed
                    ? "judgments are the panel's (use --judgments to plan self-assessed scores)"
                    : "judgments are the panel's"
            }
        }

        var korean: String {
            switch self {
            case .notActionable: "평가 기준에서 신청인이 개선할 수 없는 지표로 정하고 있습니다"
            case .kpiFacts: "이미 달성한 성과지표 실적은 바꿀 수 없는 사실입니다"
            case .judgmentsPanel(let selfAssessed):
                selfAssessed
                    ? "정성 평가 점수는 심사위원단이 매깁니다(자체 평가 점수를 올려 계획하려면 --judgments를 쓰십시오)"
                    : "정성 평가 점수는 심사위원단이 매깁니다"
            }
        }
    }

    /// Why `certify verify`'s policies refuse a signed report.
    public enum ReportRefusal: Sendable, Hashable {
        /// The report is not XML, or uses what the safe parser refuses: the
        /// parser's words, and the Korean of the located error.
        case xml(english: String, korean: String)
        case cannotCanonicalize
        /// The report's schema refuses it: the validator's words in both languages.
        case notValidReport(english: String, korean: String)
        /// The report names another signer key (nil: none) than the one that signed it.
        case signerMismatch(named: String?, keyID: String)
        case notAReport(root: String, namespace: String)
        case nestedReport
        case notSigned
        case signatures(count: Int)
        case signatureNotLast
        /// `<ds:element>` must hold exactly `expected` (empty: nothing).
        case children(element: String, expected: [String], found: [String])
        case algorithm(element: String, given: String, expected: String)
        case referenceURI(given: String?)
        case strayAttribute(attribute: String, element: String)
        case digestNotSHA256
        case digestMismatch
        case signatureValueShape
        /// The key KeyInfo names is trusted, but the signature does not verify with it.
        case namedKeyFails
        /// No trusted key verifies it (`keyName`: a KeyName that looks like a key id).
        case untrustedKey(keyName: String?)

        var english: String {
            switch self {
            case .xml(let english, _): english
            case .cannotCanonicalize: "cannot canonicalize the report"
            case .notValidReport(let english, _): "not a valid audit report: \(english)"
            case .signerMismatch(let named, let keyID):
                "the report names signer key \(named ?? "(none)") but was signed by trusted key \(keyID)"
            case .notAReport(let root, let namespace): "not an audit report: root is <\(root)> in '\(namespace)'"
            case .nestedReport: "a second <audit-report> is nested in the report"
            case .notSigned: "the report is not signed"
            case .signatures(let count): "the report holds \(count) signatures; exactly one is allowed"
            case .signatureNotLast: "the signature must be the last child of <audit-report>"
            case .children(let element, let expected, let found):
                "<ds:\(element)> must hold exactly \(expected.isEmpty ? "nothing" : expected.joined(separator: ", ")); found \(found.isEmpty ? "nothing" : found.joined(separator: ", "))"
            case .algorithm(let element, let given, let expected):
                "<ds:\(element)> algorithm '\(given)' is not allowed; expected \(expected)"
            case .referenceURI(let given):
                "the Reference URI must be \"\" (the whole report), found '\(given ?? "(none)")'"
            case .strayAttribute(let attribute, let element): "attribute '\(attribute)' is not allowed on <ds:\(element)>"
            case .digestNotSHA256: "the DigestValue is not a base64 SHA-256 digest"
            case .digestMismatch: "the report's content does not match its signed digest: it was changed after signing"
            case .signatureValueShape: "the SignatureValue is not a 64-byte raw r‖s ECDSA signature"
            case .namedKeyFails:
                "the signature does not verify with the trusted key named in KeyInfo: the signed information was changed, or another key signed it"
            case .untrustedKey(let keyName):
                "the signature does not verify with any trusted key (\(keyName.map { "KeyName \($0)" } ?? "the KeyName given") is not trusted; pass its public key with --pubkey)"
            }
        }

        var korean: String {
            switch self {
            case .xml(_, let korean): korean
            case .cannotCanonicalize: "보고서를 정규화(C14N)할 수 없습니다"
            case .notValidReport(_, let korean): "올바른 심사 보고서가 아닙니다: \(korean)"
            case .signerMismatch(let named, let keyID):
                "보고서에 적힌 서명자 키는 \(named ?? "(없음)")이나 실제로는 신뢰하는 키 \(keyID)(으)로 서명되었습니다"
            case .notAReport(let root, let namespace): "심사 보고서가 아닙니다: 최상위 요소가 '\(namespace)'의 <\(root)>입니다"
            case .nestedReport: "보고서 안에 두 번째 <audit-report>가 들어 있습니다"
            case .notSigned: "보고서에 서명이 없습니다"
            case .signatures(let count): "보고서에 서명이 \(count)개 있습니다. 서명은 하나만 허용됩니다"
            case .signatureNotLast: "서명은 <audit-report>의 마지막 자식 요소여야 합니다"
            case .children(let element, let expected, let found):
                "<ds:\(element)>에는 \(expected.isEmpty ? "아무것도 없어야" : expected.joined(separator: ", ") + "만 있어야") 하나 \(found.isEmpty ? "아무것도 없습니다" : found.joined(separator: ", ") + "이(가) 있습니다")"
            case .algorithm(let element, let given, let expected):
                "<ds:\(element)>의 알고리즘 '\(given)'은(는) 허용되지 않습니다. \(expected)이어야 합니다"
            case .referenceURI(let given):
                "Reference URI는 보고서 전체를 가리키는 \"\"이어야 하나 '\(given ?? "(없음)")'입니다"
            case .strayAttribute(let attribute, let element): "<ds:\(element)>에는 '\(attribute)' 속성을 둘 수 없습니다"
            case .digestNotSHA256: "DigestValue가 base64로 쓴 SHA-256 다이제스트가 아닙니다"
            case .digestMismatch: "보고서 내용이 서명된 다이제스트와 다릅니다. 서명 후에 변경되었습니다"
            case .signatureValueShape: "SignatureValue가 64바이트 r‖s 형식의 ECDSA 서명이 아닙니다"
            case .namedKeyFails:
                "KeyInfo에 적힌 신뢰하는 키로 서명이 검증되지 않습니다. 서명된 정보가 변경되었거나 다른 키로 서명되었습니다"
            case .untrustedKey(let keyName):
                "신뢰하는 어떤 키로도 서명이 검증되지 않습니다(\(keyName.map { "KeyName \($0)" } ?? "보고서에 적힌 KeyName")은(는) 신뢰하는 키가 아닙니다. --pubkey로 해당 공개키를 지정하십시오)"
            }
        }
    }

    /// What `certify registry` refuses or cannot do.
    public enum RegistryProblem: Sendable, Hashable {
        /// A report the registry does not record: the reason in both languages.
        case notRegistered(english: String, korean: String)
        case notCertified, noValidityPeriod, noApplicant, rubricIDBad
        case applicantIDBad(String)
        case applicantNameBad(String)
        case notARegistry
        /// SQLite's words.
        case database(String)
        case originBad
        case registryExists
        case noRegistry
        /// `strerror`'s words.
        case logKeyUnreadable(String)
        case logKeyNotSmallFile
        case logKeyReadableByOthers(mode: Int, path: String)
        case notSignerKey
        case notLogKey(verifier: String)
        case notVerifierKey
        /// `strerror`'s words.
        case cannotSync(String)
        case reasonBad
        case noCertificate(String)
        case alreadyRevoked(certificate: String, day: String, reason: String)
        case noEntry(index: Int, size: Int)
        case noCheckpoint(size: Int, logSize: Int)
        case entryOutsideTree(index: Int, size: Int, logSize: Int)
        case checkpointMissing(size: Int)
        case rangeBad(logSize: Int)
        case badDate(certificate: String, column: String)
        case treeHashMissing(level: Int, index: Int)

        var english: String {
            switch self {
            case .notRegistered(let english, _): "not registered: " + english
            case .notCertified: "not registered: the report's decision is not certified"
            case .noValidityPeriod: "not registered: the report's decision has no validity period"
            case .noApplicant: "not registered: the report names no applicant"
            case .rubricIDBad: "not registered: the rubric id or version is empty or has spaces"
            case .applicantIDBad(let id): "not registered: applicant id '\(id)' is empty or has spaces or control characters"
            case .applicantNameBad(let id): "not registered: applicant \(id) has no name on one line"
            case .notARegistry: "not a Certify registry (no log origin and key)"
            case .database(let words): "database: \(words)"
            case .originBad:
                "--origin must be non-empty, without spaces, '+' or control characters (e.g. registry.example.kr/smart-city)"
            case .registryExists: "already exists; refusing to overwrite a registry or its key"
            case .noRegistry: "no registry here (create one with: certify registry init --origin NAME)"
            case .logKeyUnreadable(let words): "cannot read the log key: \(words)"
            case .logKeyNotSmallFile: "cannot read the log key: not a small regular file"
            case .logKeyReadableByOthers(let mode, let path):
                "the log key is readable by group or others (mode \(Message.octal(mode))); run: chmod 600 \(path)"
            case .notSignerKey: "not a note signer key (PRIVATE+KEY+NAME+ID+KEY)"
            case .notLogKey(let verifier): "this key is not the log's key (\(verifier))"
            case .notVerifierKey: "--vkey is not a note verifier key (NAME+ID+BASE64)"
            case .cannotSync(let words): "cannot sync: \(words)"
            case .reasonBad: "--reason must be one line of text without control characters"
            case .noCertificate(let id): "no certificate \(id) in this registry"
            case .alreadyRevoked(let id, let day, let reason): "\(id) was already revoked on \(day): \(reason)"
            case .noEntry(let index, let size): "no entry \(index): the log has \(size) entries (0 to \(max(0, size - 1)))"
            case .noCheckpoint(let size, let logSize): "no checkpoint of size \(size): the log has \(logSize) entries"
            case .entryOutsideTree(let index, let size, let logSize):
                "entry \(index) is not in a tree of size \(size) (the log has \(logSize) entries)"
            case .checkpointMissing(let size): "no checkpoint of size \(size)"
            case .rangeBad(let logSize): "need 0 < --from ≤ --to ≤ \(logSize) (the log's size)"
            case .badDate(let id, let column): "certificate \(id): bad date in \(column)"
            case .treeHashMissing(let level, let index): "tree hash level \(level) index \(index) is missing or not 32 bytes"
            }
        }

        var korean: String {
            switch self {
            case .notRegistered(_, let korean): "등록하지 않았습니다: " + korean
            case .notCertified: "등록하지 않았습니다: 보고서의 결정이 인증이 아닙니다"
            case .noValidityPeriod: "등록하지 않았습니다: 보고서의 결정에 유효기간이 없습니다"
            case .noApplicant: "등록하지 않았습니다: 보고서에 신청인이 없습니다"
            case .rubricIDBad: "등록하지 않았습니다: 평가 기준의 식별자나 버전이 비어 있거나 공백을 포함합니다"
            case .applicantIDBad(let id): "등록하지 않았습니다: 신청인 식별자 '\(id)'이(가) 비어 있거나 공백 또는 제어 문자를 포함합니다"
            case .applicantNameBad(let id): "등록하지 않았습니다: 신청인 \(id)의 이름이 한 줄로 되어 있지 않습니다"
            case .notARegistry: "Certify 등록부가 아닙니다(로그 출처와 키가 없습니다)"
            case .database(let words): "데이터베이스 오류: \(words)"
            case .originBad:
                "--origin은 비어 있지 않아야 하며 공백, '+', 제어 문자를 포함할 수 없습니다(예: registry.example.kr/smart-city)"
            case .registryExists: "이미 있습니다. 등록부나 그 키를 덮어쓰지 않습니다"
            case .noRegistry: "이곳에 등록부가 없습니다(certify registry init --origin 이름 명령으로 만드십시오)"
            case .logKeyUnreadable(let words): "로그 키를 읽을 수 없습니다: 시스템 오류(\(words))"
            case .logKeyNotSmallFile: "로그 키를 읽을 수 없습니다: 크기가 작은 일반 파일이 아닙니다"
            case .logKeyReadableByOthers(let mode, let path):
                "로그 키 파일을 그룹이나 다른 사용자가 읽을 수 있습니다(권한 \(Message.octal(mode))). chmod 600 \(path) 명령으로 바로잡으십시오"
            case .notSignerKey: "노트 서명 키(PRIVATE+KEY+이름+ID+키) 형식이 아닙니다"
            case .notLogKey(let verifier): "이 키는 이 로그의 키가 아닙니다(\(verifier))"
            case .notVerifierKey: "--vkey가 노트 검증 키(이름+ID+BASE64) 형식이 아닙니다"
            case .cannotSync(let words): "디스크에 기록(sync)할 수 없습니다: 시스템 오류(\(words))"
            case .reasonBad: "--reason은 제어 문자가 없는 한 줄의 글이어야 합니다"
            case .noCertificate(let id): "이 등록부에 인증서 \(id)이(가) 없습니다"
            case .alreadyRevoked(let id, let day, let reason): "\(id)은(는) \(day)에 이미 취소되었습니다: \(reason)"
            case .noEntry(let index, let size): "항목 \(index)이(가) 없습니다: 로그에는 항목이 \(size)개 있습니다(0부터 \(max(0, size - 1))까지)"
            case .noCheckpoint(let size, let logSize): "크기 \(size)의 체크포인트가 없습니다: 로그에는 항목이 \(logSize)개 있습니다"
            case .entryOutsideTree(let index, let size, let logSize):
                "항목 \(index)은(는) 크기 \(size)의 트리에 들어 있지 않습니다(로그에는 항목이 \(logSize)개 있습니다)"
            case .checkpointMissing(let size): "크기 \(size)의 체크포인트가 없습니다"
            case .rangeBad(let logSize): "0 < --from ≤ --to ≤ \(logSize)(로그의 크기)이어야 합니다"
            case .badDate(let id, let column): "인증서 \(id): \(column)의 날짜가 올바르지 않습니다"
            case .treeHashMissing(let level, let index): "트리 해시(수준 \(level), 위치 \(index))가 없거나 32바이트가 아닙니다"
            }
        }
    }

    /// What is wrong with Certify's own installation or signing.
    public enum InstallationProblem: Sendable, Hashable {
        case noRubricsDirectory, unreadableSchema, noSchemas, cannotCanonicalize, signingFailed

        var english: String {
            switch self {
            case .noRubricsDirectory: "cannot find the shipped Rubrics/ directory; set CERTIFY_RUBRICS or pass --rubrics"
            case .unreadableSchema: "cannot read schema"
            case .noSchemas: "cannot find Certify's schemas (Rubrics/schema)"
            case .cannotCanonicalize: "cannot canonicalize the report"
            case .signingFailed: "signing failed"
            }
        }

        var korean: String {
            switch self {
            case .noRubricsDirectory: "함께 배포된 Rubrics/ 디렉터리를 찾을 수 없습니다. CERTIFY_RUBRICS를 설정하거나 --rubrics를 지정하십시오"
            case .unreadableSchema: "스키마 파일을 읽을 수 없습니다"
            case .noSchemas: "Certify의 스키마(Rubrics/schema)를 찾을 수 없습니다"
            case .cannotCanonicalize: "보고서를 정규화(C14N)할 수 없습니다"
            case .signingFailed: "서명하지 못했습니다"
            }
        }
    }

    /// Three octal digits, as `ls -l` users read a mode (`644`).
    static func octal(_ mode: Int) -> String {
        let text = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }

    /// What the safe parser refuses or cannot do, in its own words.
    public enum ParserCheck: Sendable, Hashable {
        case doctype, xinclude, entityReference
        case tooDeep(limit: Int)
        case tooManyElements(limit: Int)
        case textTooLong(limit: Int)
        case attributeTooLong(limit: Int)
        case fileTooLarge(size: Int, limit: Int)
        case empty, notWellFormed, cannotParse, noRoot
        case schemaContext, schemaMismatch

        /// The kind of problem it is.
        public var issue: XMLIssue {
            switch self {
            case .doctype, .xinclude, .entityReference, .tooDeep, .tooManyElements, .textTooLong,
                 .attributeTooLong, .fileTooLarge: .refused
            case .empty, .notWellFormed, .cannotParse, .noRoot: .malformed
            case .schemaContext, .schemaMismatch: .schema
            }
        }

        var english: String {
            switch self {
            case .doctype: "DOCTYPE is not allowed (no DTDs, no entity declarations)"
            case .xinclude: "XInclude is not allowed"
            case .entityReference: "entity references are not allowed"
            case .tooDeep(let limit): "elements are nested more than \(limit) deep"
            case .tooManyElements(let limit): "more than \(limit) elements"
            case .textTooLong(let limit): "text longer than \(limit) bytes"
            case .attributeTooLong(let limit): "attribute value longer than \(limit) bytes"
            case .fileTooLarge(let size, let limit): "file is \(size) bytes; the limit is \(limit) bytes"
            case .empty: "file is empty"
            case .notWellFormed: "document is not well-formed"
            case .cannotParse: "cannot parse document"
            case .noRoot: "document has no root element"
            case .schemaContext: "cannot create a schema validation context"
            case .schemaMismatch: "document does not match its schema"
            }
        }

        var korean: String {
            switch self {
            case .doctype: "DOCTYPE은 쓸 수 없습니다(DTD와 엔티티 선언 금지)"
            case .xinclude: "XInclude는 쓸 수 없습니다"
            case .entityReference: "엔티티 참조는 쓸 수 없습니다"
            case .tooDeep(let limit): "요소가 \(limit)단계보다 깊이 중첩되어 있습니다"
            case .tooManyElements(let limit): "요소가 \(limit)개를 넘습니다"
            case .textTooLong(let limit): "텍스트가 \(limit)바이트를 넘습니다"
            case .attributeTooLong(let limit): "속성값이 \(limit)바이트를 넘습니다"
            case .fileTooLarge(let size, let limit): "파일 크기가 \(size)바이트로 한도 \(limit)바이트를 넘습니다"
            case .empty: "파일이 비어 있습니다"
            case .notWellFormed: "올바른 형식의 XML 문서가 아닙니다"
            case .cannotParse: "문서를 해석할 수 없습니다"
            case .noRoot: "문서에 루트 요소가 없습니다"
            case .schemaContext: "스키마 검증을 준비할 수 없습니다"
            case .schemaMismatch: "문서가 스키마에 맞지 않습니다"
            }
        }
    }

    /// A document `certify validate` found valid.
    public enum ValidDocument: Sendable, Hashable {
        case rubric(id: String, version: String)
        case dossier(id: String, rubric: String, version: String)
        case review(reviewer: String, dossier: String)
        case report
    }

    /// Which part of a document an attribute belongs to.
    public enum DecodeContext: Sendable, Hashable {
        case bandTable, electiveGroup, panel, grade, pass, validity, area
        case indicator(String)
        case kpi(String)
    }
}

// MARK: - Texts

extension Message {
    /// The message in `language`.
    public func text(_ language: Language) -> String {
        language == .ko ? korean : english
    }

    /// The English text: what Certify has always printed.
    public var english: String {
        switch self {
        // Findings
        case .prerequisiteNotMet(let id, let label):
            return "prerequisite not met: \(id) (\(label.text(.en))) is mandatory and scored 0; the applicant cannot be certified until it scores above 0"
        case .belowPassMark(let total, let mark):
            return "total \(total) is below the pass mark \(mark): not certified"
        case .belowGrade(let total, let grade, let minimum):
            return "total \(total) is below grade \(grade) (\(minimum)): not certified"
        case .noInput(let missing):
            return "\(missing.english); scored 0"
        case .panelNoReview(let used, let minimum):
            let usedText = used ? "; the self-assessed score from the dossier is used" : ""
            return "panel too small: no panel review\(usedText); official scoring needs at least \(minimum) reviewers"
        case .panelTooSmall(let count, let minimum):
            return "panel too small: \(count) reviewer score\(count == 1 ? "" : "s"); official scoring needs at least \(minimum)"
        case .electivesChosen(let group, let choose, let chosen):
            return "no electives declared in '\(group)': the best \(choose) were chosen (\(chosen.joined(separator: ", "))); declare them with <elective indicator=\"…\"/> before you submit"
        case .electivesTooFew(let group, let declared, let choose):
            let missing = choose - declared
            return "only \(declared) of \(choose) electives declared in '\(group)'; \(missing) slot\(missing == 1 ? "" : "s") score\(missing == 1 ? "s" : "") 0 — declare \(missing) more"
        case .electiveWithoutValue:
            return "elective chosen but no value given; scored 0"
        case .electiveNotDeclared(let id):
            return "a value is given but \(id) is not declared as an elective, so it scores nothing; declare it instead of another if it scores more"
        case .kpiRejected(let kpi, let by, let reviews):
            return "KPI \(kpi) rejected by \(by.count) of \(reviews) reviewers (\(by.joined(separator: ", "))); it does not count"
        case .noAcceptedKPI:
            return "no accepted KPI; scored 0 — propose KPIs the panel can accept"
        case .notRecognised(let unknown, let known):
            return "not recognised, not counted: \(unknown.joined(separator: ", ")); recognised ids are \(known.joined(separator: ", "))"
        case .listedTwice(let repeated):
            return "listed more than once, counted once: \(repeated.joined(separator: ", "))"

        // Rules
        case .ruleNoInput(let missing):
            return "\(missing.english): 0"
        case .ruleBand(let band):
            return band.english
        case .ruleBelowFirstBand(let value):
            return "\(value) is below the first band: 0"
        case .ruleLinear(let max, let value, let lo, let hi, let points):
            return "linear \(max) × clamp((\(value) − \(lo)) / (\(hi) − \(lo)), 0, 1) = \(points)"
        case .ruleChoice(let value, let points):
            return "\(value) → \(points)"
        case .ruleYesNo(let value, let points):
            return "\(value) → \(points)"
        case .ruleRecognisedCount(let ids, let band):
            let listed = ids.isEmpty ? "" : " (\(ids.joined(separator: ", ")))"
            return "\(ids.count) recognised\(listed): " + (band?.english ?? "below the first band: 0")
        case .ruleRecognisedEach(let ids, let each, let raw, let capped):
            let listed = ids.isEmpty ? "" : " (\(ids.joined(separator: ", ")))"
            return "\(ids.count) recognised\(listed) × \(each) = \(raw)" + (capped.map { ", capped at \($0)" } ?? "")
        case .ruleKPIAttainment(let mean, let attainments, let max, let zeroAt, let fullAt, let points):
            let m = mean.formatted(places: 4)
            let parts = attainments.map { "\($0.id) \($0.attainment.formatted(places: 4))" }.joined(separator: ", ")
            return "mean attainment \(m) over \(attainments.count) accepted KPI\(attainments.count == 1 ? "" : "s") (\(parts)): \(max) × clamp((\(m) − \(zeroAt)) / (\(fullAt) − \(zeroAt)), 0, 1) = \(points.formatted(places: 4))"
        case .ruleNoAcceptedKPI:
            return "no accepted KPI: 0"
        case .ruleJudgment(let selfAssessed, let scores, let dropped, let mean, let max, let low, let span, let points):
            let trimmed = dropped.count == 2 ? ", highest \(dropped[0]) and lowest \(dropped[1]) dropped" : ""
            let m = mean.formatted(places: 3)
            return "\(selfAssessed ? "self-assessed" : "panel") {\(Message.list(scores))}\(trimmed): mean \(m) → \(max) × (\(m) − \(low)) / \(span) = \(points.formatted(places: 3))"
        case .ruleMismatch(let method):
            return "input does not fit method \(method): 0"
        case .ruleElectiveNotSelected:
            return "elective not selected: 0"
        case .ruleRounded(let rule, let points):
            return "\(rule.english) → \(points)"

        // Inputs
        case .kpiInputs(let kpis):
            return kpis.map { kpi in
                let unit = kpi.unit.map { " " + $0 } ?? ""
                return "\(kpi.id) \(kpi.direction.rawValue): \(kpi.achieved)\(unit) of \(kpi.target)\(unit)"
            }.joined(separator: "; ")

        // Binding
        case .unknownIndicator(let id, let rubric, let version):
            return "unknown indicator '\(id)': rubric \(rubric) \(version) has no such indicator"
        case .singleApplicantOnly(let rubric, let count):
            return "rubric \(rubric) admits a single applicant; this dossier names \(count)"
        case .applicantTwice(let id):
            return "applicant '\(id)' is listed twice"
        case .applicantKindNotAdmitted(let id, let kind, let rubric, let admitted):
            return "applicant '\(id)': kind '\(kind)' cannot apply for \(rubric); admitted kinds: \(admitted.joined(separator: ", "))"
        case .applicantRoleNotAdmitted(let id, let role, let admitted):
            let which = admitted.isEmpty ? "this rubric takes no roles" : "admitted roles: " + admitted.joined(separator: ", ")
            return "applicant '\(id)': role '\(role)' is not admitted; \(which)"
        case .applicantNameLanguage(let id, let language):
            return "applicant '\(id)': name language '\(language)' must be ko or en"
        case .applicantNameMissing(let id):
            return "applicant '\(id)' needs a name in ko or en"
        case .submittedNotDate(let given):
            return "submitted date '\(given)' is not a calendar date YYYY-MM-DD"
        case .evidenceTwice(let id):
            return "evidence id '\(id)' is declared twice"
        case .evidenceDigestNotHex(let id, let given):
            return "evidence '\(id)': sha256 '\(given)' must be 64 hexadecimal digits (0-9 and a-f, either case)"
        case .evidenceUndeclared(let indicator, let id):
            return "\(indicator): evidence '\(id)' is not declared; add <evidence id=\"\(id)\" …> or fix the reference"
        case .valueTwice(let id):
            return "\(id): value given twice; give one <value> per indicator"
        case .notASingleValue(let id, let kind):
            return "\(id): takes a single \(kind) value, not <item> children"
        case .negativeCount(let id, let given):
            return "\(id): a count cannot be negative, got '\(given)'"
        case .notACount(let id, let given):
            return "\(id): expected a count (a whole number ≥ 0), got '\(given)'"
        case .notADecimal(let id, let given):
            return "\(id): expected a decimal number like 12.5, got '\(given)'"
        case .percentOutOfRange(let id, let given):
            return "\(id): a percentage must be between 0 and 100, got '\(given)'"
        case .notABoolean(let id, let given):
            return "\(id): expected true or false, got '\(given)'"
        case .notAChoice(let id, let given, let choices):
            return "\(id): '\(given)' is not one of \(choices.joined(separator: ", "))"
        case .setNotItems(let id, let given):
            return "\(id): give the set as <item> children, e.g. <item>\(given)</item>"
        case .emptyItem(let id):
            return "\(id): an <item> is empty"
        case .kpiNotValue(let id):
            return "\(id): KPIs are given as <kpi indicator=\"\(id)\" id=… direction=… target=… achieved=…> elements, not <value>"
        case .judgmentNotValue(let id):
            return "\(id): a judgment indicator is scored by the panel; a self-assessment is <judgment indicator=\"\(id)\" score=…/>"
        case .belowLowestBand(let id, let given, let floor):
            return "\(id): \(given) is below the lowest band (\(floor))"
        case .notElective(let id):
            return "\(id) is not an elective; only elective indicators can be declared"
        case .electiveTwice(let id):
            return "\(id): elective declared twice"
        case .tooManyElectives(let declared, let group, let choose):
            return "\(declared.count) electives declared (\(declared.joined(separator: ", "))) but \(group) allows \(choose); remove \(declared.count - choose)"
        case .notKPIIndicator(let id):
            return "\(id) is not scored by KPIs; <kpi> is only for KPI indicators"
        case .kpiIDTwice(let id, let kpi):
            return "\(id): KPI id '\(kpi)' is used twice"
        case .kpiNotDecimal(let id, let kpi):
            return "\(id): KPI \(kpi): target and achieved must be decimal numbers"
        case .kpiOutOfRange(let id, let kpi, let lower, let target, let achieved):
            let need = lower ? "both target and achieved must be > 0 for a lower-is-better KPI"
                : "target must be > 0 and achieved ≥ 0"
            return "\(id): KPI \(kpi): \(need) (target \(target), achieved \(achieved))"
        case .reviewUnknownKPI(let reviewer, let kpi, let dossier):
            return "review \(reviewer): no KPI '\(kpi)' in dossier \(dossier)"
        case .reviewKPITwice(let reviewer, let kpi):
            return "review \(reviewer): KPI '\(kpi)' decided twice"
        case .reviewWrongDossier(let reviewer, let other, let dossier):
            return "review \(reviewer) is for dossier '\(other)', not '\(dossier)'"
        case .reviewerTwice(let reviewer):
            return "reviewer '\(reviewer)' has two reviews; each reviewer scores once"
        case .judgedTwice(let id, let reviewer):
            return "\(id): reviewer \(reviewer) scored it twice"
        case .selfAssessedTwice(let id):
            return "\(id): self-assessed twice"
        case .notJudgment(let id):
            return "\(id) is not a judgment indicator; it cannot take a score"
        case .scoreOutOfRange(let id, let min, let max, let rubric, let given):
            return "\(id): score must be a whole number from \(min) to \(max)\(rubric.map { " (\($0))" } ?? ""), got '\(given)'"
        case .noJudgmentRubric(let id):
            return "\(id): no rubric has a judgment indicator with this id"

        // Rubrics, files, documents
        case .rubricDefinedTwice(let id, let version, let path):
            return "rubric \(id) \(version) is also defined in \(path)"
        case .unknownRubric(let id, let available):
            return "unknown rubric '\(id)'; available: \(available.joined(separator: ", "))"
        case .unknownRubricVersion(let id, let version, let available):
            return "rubric \(id) has no version '\(version)'; available: \(available.joined(separator: ", "))"
        case .rubricsDirectoryUnreadable:
            return "cannot read the rubrics directory"
        case .wrongRoot(let element, let namespace, let wanted):
            return "root element <\(element)> in namespace '\(namespace)' is not a \(wanted.map(\.rawValue).joined(separator: " or "))"
        case .cannotRead(let failure):
            let reason = switch failure {
            case .noSuchFile: "no such file"
            case .permissionDenied: "permission denied"
            case .isDirectory: "is a directory"
            case .system(let text): text
            }
            return "cannot read: \(reason)"
        case .fileTooLarge(let limit):
            return "file is larger than \(limit) bytes"
        case .xml(_, let detail):
            return detail
        case .parserCheck(let check):
            return check.english
        case .xmlError(_, let error):
            return error.english
        case .rubricTextLanguages(let element, let owner, let missing):
            let of = owner.map { " of \($0)" } ?? ""
            let names = missing.map { Message.languageName($0, in: .en) }.joined(separator: " and ")
            return "<\(element)>\(of) has no \(names) text, though other texts of this rubric have one: give it in every language the rubric uses"
        case .key(let problem):
            return problem.english
        case .installation(let problem):
            return problem.english
        case .valid(let document):
            return switch document {
            case .rubric(let id, let version): "valid rubric \(id) \(version)"
            case .dossier(let id, let rubric, let version): "valid dossier \(id) (\(rubric) \(version))"
            case .review(let reviewer, let dossier): "valid review by \(reviewer) of dossier \(dossier)"
            case .report: "valid audit report"
            }

        // Decoding
        case .expectedRoot(let element, let namespace):
            return "expected <\(element) xmlns=\"\(namespace)\">"
        case .missingAttribute(let element, let attribute):
            return "<\(element)> needs the attribute '\(attribute)'"
        case .notDecimalAttribute(let context, let attribute, let given):
            return "\(context.english): '\(attribute)' must be a decimal number, got '\(given)'"
        case .notIntegerAttribute(let context, let attribute, let given):
            return "\(context.english): '\(attribute)' must be an integer, got '\(given)'"
        case .notBooleanAttribute(let attribute, let given):
            return "'\(attribute)' must be true or false, got '\(given)'"
        case .notEnumAttribute(let context, let attribute, let allowed, let given):
            return "\(context.english): \(attribute) must be \(allowed.joined(separator: " or ")), got '\(given)'"
        case .unexpectedElement(let name):
            return "unexpected element <\(name)>"
        case .rubricNeedsDecision:
            return "a rubric needs <grades> or <pass>"
        case .unknownInputKind(let id, let given):
            return "indicator \(id): unknown input kind '\(given)'"
        case .noBandTable(let id, let ref):
            return "indicator \(id): no <band-table id=\"\(ref)\">"
        case .noScoringMethod(let id):
            return "indicator \(id): no scoring method"
        case .areaTwice(let area):
            return "area id '\(area)' is used twice"
        case .noApplicantKind:
            return "a rubric must admit at least one applicant kind"
        case .validityRange:
            return "validity must be 1 to 100 years"
        case .electiveGroupSize(let group, let choose, let members):
            return "elective group '\(group)' chooses \(choose) of \(members) indicators"
        case .certifiedFromUnknown(let grade):
            return "certified-from names no grade: '\(grade)'"
        case .gradesOrder:
            return "grades must be listed best first, with strictly decreasing minimums"
        case .lastGradeNotZero:
            return "the last grade must start at 0 so that every total has a grade"
        case .passAboveMax(let threshold, let max):
            return "pass threshold \(threshold) exceeds the maximum \(max)"
        case .panelRange:
            return "panel min-score must be below max-score"
        case .trimFromTooSmall:
            return "panel trim-from must be at least 3, so that a score is left after dropping the highest and lowest"
        case .indicatorTwice(let id):
            return "indicator \(id) is defined twice"
        case .maxNotPositive(let id):
            return "indicator \(id): max must be positive"
        case .noElectiveGroup(let id, let group):
            return "indicator \(id): no <elective-group id=\"\(group)\">"
        case .mandatoryAndElective(let id):
            return "indicator \(id) cannot be both mandatory and elective"
        case .areaUnreachable(let area, let reachable, let max):
            return "area \(area): its indicators reach \(reachable), less than its max \(max)"
        case .bandsEmpty(let id):
            return "indicator \(id): bands are empty"
        case .bandsNotIncreasing(let id):
            return "indicator \(id): band minimums must increase strictly"
        case .bandPointsOutside(let id, let points, let max):
            return "indicator \(id): band points \(points) outside 0–\(max)"
        case .methodCannotScore(let id, let method, let input):
            return "indicator \(id): method '\(method)' cannot score input '\(input)'"
        case .linearRange(let id):
            return "indicator \(id): linear needs lo < hi"
        case .choicesRepeat(let id):
            return "indicator \(id): choice values repeat"
        case .choicePointsOutside(let id, let points, let max):
            return "indicator \(id): choice points \(points) outside 0–\(max)"
        case .yesNoPointsOutside(let id, let points, let max):
            return "indicator \(id): points \(points) outside 0–\(max)"
        case .noRecognisedIDs(let id):
            return "indicator \(id): no recognised ids"
        case .recognisedEachNeeds(let id):
            return "indicator \(id): needs recognised ids and positive points"
        case .kpiAttainmentRange(let id):
            return "indicator \(id): kpi-attainment needs zero-at < full-at"
        case .judgmentNeedsPanel(let id):
            return "indicator \(id): judgment indicators need a <panel> rule"

        // Quick reference
        case .quickReference:
            return """
                certify — quick reference

                Commands
                  certify validate FILE... [--rubrics DIR] [--lang ko|en]
                      Check dossiers, reviews and rubrics (the kind is told by the root element);
                      a dossier is also checked against its rubric.
                  certify score DOSSIER... [--review FILE]... [--rubrics DIR] [--date YYYY-MM-DD]
                                [--official] [--lang ko|en] [--format text|json]
                      Score; a directory means every *.xml in it. Reviews go with a single dossier.
                      --official: a panel smaller than the rubric's minimum is an error.
                  certify rubrics [--rubrics DIR] [--lang ko|en]
                      List the rubrics found: id, version, title, sha256.
                  certify keygen --out NAME
                      Write a signing key pair (NAME.pem, mode 0600, and NAME.pub.pem); print its key id.
                  certify report DOSSIER [--review FILE]... --key KEY.pem [--signer NAME] [--date D]
                                 [--official] [--out FILE | --out-dir DIR] [--html FILE] [--lang ko|en]
                      Score and write the signed audit report, and optionally its HTML page.
                  certify verify REPORT... --pubkey PUB.pem... [--at D] [--dossier FILE [--review FILE]...]
                      Check the signature, the trusted key, validity on --at, and with --dossier
                      the hashes and a fresh score.
                  certify cohort DIR... [--reviews DIR] [--date D] [--format text|csv|json|html]
                                 [--out FILE] [--lang ko|en]
                      Score a cohort and report its statistics: grades, totals, areas, indicators.
                  certify compare DIR... --with RUBRIC.xml [the same options]
                      Score dossiers under their rubric and a revised one: grade transitions, who changes.
                  certify registry init|add|revoke|status|list|checkpoint|entry|prove|consistency|audit|tiles|monitor|cosign|witness|witness-key
                                   [--registry PATH]
                      The certificate registry: certificates in force, renewals, revocations, in a
                      tamper-evident log with proofs (certify registry SUBCOMMAND --help).
                  certify plan DOSSIER... [--review FILE]... [--goal GOAL]... [--plans K] [--judgments]
                               [--date D] [--official] [--format text|json] [--lang ko|en]
                      Self-check: the smallest changes that reach each better grade or the pass mark.
                  certify serve [--host 127.0.0.1] [--port 8080] [--rubrics DIR] [--registry PATH]
                                [--pin-loops] [--data DIR --public-url URL [--sendmail PATH] [--holidays FILE]]
                      Serve the self-check, review and panel pages and the JSON API (stops on SIGINT/SIGTERM);
                      with --data, the certification office too.
                  certify office init|user|backup|restore|audit|purge|sign|export|demo --data DIR
                      The certification office's data: its first account, accounts, backups, the action log,
                      signing the decisions waiting, exporting them for verify, a demo round
                      (certify office SUBCOMMAND --help).
                  certify guide [--lang ko|en]
                      Print this quick reference.
                  certify COMMAND --help
                      Every option of a command (in English).

                Language: --lang, else Korean when LC_ALL, LC_MESSAGES or LANG starts with ko.
                """
        case .planNoCombination(let goal):
            return "no combination of changes the applicant can make reaches \(goal)"
        case .planErrorsRemain(let errors):
            return "no change to the dossier can lift these errors: " + errors.map(\.english).joined(separator: "; ")
        case .planMandatoryFixed(let id, let because):
            return "mandatory \(id) scores 0 and cannot be changed here: \(because?.english ?? "no level scores above 0")"
        case .planMaximumBelow(let total, let threshold):
            return "with every changeable indicator at its maximum the total is \(total.pointsColumnText), below \(threshold)"
        case .planMean(let mean):
            return "mean " + mean.formatted()
        case .planUnknownGoal(let goal, let rubric, let goals):
            return "--goal \(goal): rubric \(rubric) has no such outcome; its goals are \(goals.joined(separator: ", "))"
        case .registry(let problem):
            return problem.english
        case .tlog(let problem):
            return problem.english
        case .compareNothingShared(let rubric, let version, let other, let otherVersion):
            return "rubric \(rubric) \(version) shares no indicator with \(other) \(otherVersion); not compared"
        case .compareUnder(let rubric, let version, let english, _):
            return "under \(rubric) \(version): " + english
        case .verifyStanding(let current, let certified, let day):
            let words = current ? "valid and current"
                : certified ? "valid signature, but not in force" : "valid signature, not certified"
            return "\(words) on \(day)"
        case .verifyDisagrees(let message):
            return "disagrees: \(message.english)"
        case .verifyDossierHash(let file, let sha256, let expected):
            return "\(file): sha256 \(sha256) is not the report's \(expected)"
        case .verifyReviewsDiffer(let count):
            return "the review files given are not the \(count) the report was scored with"
        case .verifyNoDate:
            return "the report has no decision date"
        case .verifyRubricHash(let rubric, let version, let sha256, let expected):
            return "rubric \(rubric) \(version): sha256 \(sha256) is not the report's \(expected)"
        case .verifyField(let field, let recorded, let now):
            return "\(field): the report says \(recorded.isEmpty ? "(none)" : recorded), re-scoring gives \(now.isEmpty ? "(none)" : now)"
        case .verifyIndicator(let id, let recordedPoints, let recordedStatus, let points, let status):
            return "\(id): the report says \(recordedPoints) (\(recordedStatus)), re-scoring gives \(points) (\(status))"
        case .verifyIndicatorCount(let report, let rubric):
            return "the report lists \(report) indicators, the rubric \(rubric)"
        case .verifyRescoreFailed(let english, _):
            return english
        case .verifyConfirmed:
            return "hashes match; re-scoring confirms the decision"
        case .signatureRefused(let refusal):
            return "signature invalid: \(refusal.english)"
        case .reportRefused(let refusal):
            return refusal.english
        case .exitCodesHeading:
            return "Exit codes"
        case .exitStatus(let status):
            return switch status {
            case 0: "success: all valid, scored (certified or not), listed, written or verified"
            case 1: "verify: signature invalid, report changed, refused construct, or key not trusted"
            case 3: "verify: authentic, but not in force on --at (expired, not yet valid, or not certified)"
            case 4: "verify: authentic, but a hash or the re-scoring disagrees with the report"
            case 64: "usage error (unknown option, bad --date, --review with several dossiers, …)"
            case 65: "invalid input (any file), or a key that is not a P-256 key"
            case 66: "unreadable input (missing file, unreadable directory); wins over 65"
            case 70: "broken installation (e.g. the shipped schemas not found)"
            case 73: "an output cannot be written"
            case 77: "report: the private key file is readable by group or others (chmod 600 it)"
            default: "see the README"
            }
        }
    }

    /// The Korean text, in the style of a Korean certification office.
    public var korean: String {
        switch self {
        // Findings
        case .prerequisiteNotMet(let id, let label):
            return "필수 요건 미충족: \(id)(\(label.text(.ko))) 지표는 필수 지표이나 0점입니다. 이 지표가 0점을 넘어야 인증받을 수 있습니다"
        case .belowPassMark(let total, let mark):
            return "총점 \(total)점이 합격 기준 \(mark)점에 미달하여 인증되지 않았습니다"
        case .belowGrade(let total, let grade, let minimum):
            return "총점 \(total)점이 \(grade)등급 기준(\(minimum)점)에 미달하여 인증되지 않았습니다"
        case .noInput(let missing):
            return "\(missing.korean) 0점으로 처리했습니다"
        case .panelNoReview(let used, let minimum):
            let usedText = used ? "심사위원 평가가 없어 신청서의 자가평가 점수를 적용했습니다" : "심사위원 평가가 없습니다"
            return "심사위원 수 부족: \(usedText). 공식 심사에는 심사위원이 \(minimum)명 이상 필요합니다"
        case .panelTooSmall(let count, let minimum):
            return "심사위원 수 부족: 심사위원 점수가 \(count)건입니다. 공식 심사에는 \(minimum)명 이상이 필요합니다"
        case .electivesChosen(let group, let choose, let chosen):
            return "'\(group)' 선택 지표를 신고하지 않아 점수가 높은 \(choose)개(\(chosen.joined(separator: ", ")))를 선택했습니다. 제출 전에 <elective indicator=\"…\"/>로 신고하십시오"
        case .electivesTooFew(let group, let declared, let choose):
            let missing = choose - declared
            return "'\(group)' 선택 지표를 \(choose)개 중 \(declared)개만 신고했습니다. 나머지 \(missing)개는 0점으로 처리되므로 \(missing)개를 더 신고하십시오"
        case .electiveWithoutValue:
            return "선택 지표로 선택되었으나 값이 없어 0점으로 처리했습니다"
        case .electiveNotDeclared(let id):
            return "\(id) 지표는 값이 있으나 선택 지표로 신고하지 않아 점수에 반영되지 않습니다. 다른 지표보다 점수가 높다면 그 지표 대신 신고하십시오"
        case .kpiRejected(let kpi, let by, let reviews):
            return "성과지표 \(kpi): 심사위원 \(reviews)명 중 \(by.count)명(\(by.joined(separator: ", ")))이 불인정하여 점수에 반영하지 않습니다"
        case .noAcceptedKPI:
            return "인정된 성과지표가 없어 0점으로 처리했습니다. 심사위원이 인정할 수 있는 성과지표를 제안하십시오"
        case .notRecognised(let unknown, let known):
            return "인정 목록에 없어 계산하지 않았습니다: \(unknown.joined(separator: ", ")). 인정되는 항목은 \(known.joined(separator: ", "))입니다"
        case .listedTwice(let repeated):
            return "중복 기재되어 한 번만 계산했습니다: \(repeated.joined(separator: ", "))"

        // Rules
        case .ruleNoInput(let missing):
            return "\(missing.koreanRule): 0"
        case .ruleBand(let band):
            return band.korean
        case .ruleBelowFirstBand(let value):
            return "\(value)(첫 구간 미만): 0"
        case .ruleLinear(let max, let value, let lo, let hi, let points):
            return "선형 \(max) × clamp((\(value) − \(lo)) / (\(hi) − \(lo)), 0, 1) = \(points)"
        case .ruleChoice(let value, let points):
            return "\(value) → \(points)"
        case .ruleYesNo(let value, let points):
            return "\(value ? "예" : "아니오") → \(points)"
        case .ruleRecognisedCount(let ids, let band):
            let listed = ids.isEmpty ? "" : "(\(ids.joined(separator: ", ")))"
            return "인정 \(ids.count)건\(listed): " + (band?.korean ?? "첫 구간 미만: 0")
        case .ruleRecognisedEach(let ids, let each, let raw, let capped):
            let listed = ids.isEmpty ? "" : "(\(ids.joined(separator: ", ")))"
            return "인정 \(ids.count)건\(listed) × \(each) = \(raw)" + (capped.map { ", 상한 \($0) 적용" } ?? "")
        case .ruleKPIAttainment(let mean, let attainments, let max, let zeroAt, let fullAt, let points):
            let m = mean.formatted(places: 4)
            let parts = attainments.map { "\($0.id) \($0.attainment.formatted(places: 4))" }.joined(separator: ", ")
            return "인정 성과지표 \(attainments.count)개의 평균 달성률 \(m)(\(parts)): \(max) × clamp((\(m) − \(zeroAt)) / (\(fullAt) − \(zeroAt)), 0, 1) = \(points.formatted(places: 4))"
        case .ruleNoAcceptedKPI:
            return "인정된 성과지표 없음: 0"
        case .ruleJudgment(let selfAssessed, let scores, let dropped, let mean, let max, let low, let span, let points):
            let trimmed = dropped.count == 2 ? ", 최고 \(dropped[0])점·최저 \(dropped[1])점 제외" : ""
            let m = mean.formatted(places: 3)
            return "\(selfAssessed ? "자가평가" : "심사위원 점수") {\(Message.list(scores))}\(trimmed): 평균 \(m) → \(max) × (\(m) − \(low)) / \(span) = \(points.formatted(places: 3))"
        case .ruleMismatch(let method):
            return "입력값이 산출 방식(\(method))에 맞지 않음: 0"
        case .ruleElectiveNotSelected:
            return "선택 지표 미선택: 0"
        case .ruleRounded(let rule, let points):
            return "\(rule.korean) → \(points)"

        // Inputs
        case .kpiInputs(let kpis):
            return kpis.map { kpi in
                let unit = kpi.unit.map { " " + $0 } ?? ""
                let direction = kpi.direction == .higher ? "높을수록 우수" : "낮을수록 우수"
                return "\(kpi.id)(\(direction)): 목표 \(kpi.target)\(unit) 대비 실적 \(kpi.achieved)\(unit)"
            }.joined(separator: "; ")

        // Binding
        case .unknownIndicator(let id, let rubric, let version):
            return "알 수 없는 지표 '\(id)': 인증기준 \(rubric) \(version)에 없는 지표입니다"
        case .singleApplicantOnly(let rubric, let count):
            return "인증기준 \(rubric)은(는) 단독 신청만 받습니다. 이 신청서에는 신청자가 \(count)명 기재되어 있습니다"
        case .applicantTwice(let id):
            return "신청자 '\(id)'이(가) 두 번 기재되어 있습니다"
        case .applicantKindNotAdmitted(let id, let kind, let rubric, let admitted):
            return "신청자 '\(id)': 신청자 유형 '\(kind)'은(는) \(rubric) 인증을 신청할 수 없습니다. 신청 가능 유형: \(admitted.joined(separator: ", "))"
        case .applicantRoleNotAdmitted(let id, let role, let admitted):
            let which = admitted.isEmpty ? "이 인증기준은 역할을 받지 않습니다" : "허용되는 역할: " + admitted.joined(separator: ", ")
            return "신청자 '\(id)': 역할 '\(role)'은(는) 허용되지 않습니다. \(which)"
        case .applicantNameLanguage(let id, let language):
            return "신청자 '\(id)': 명칭의 언어 '\(language)'은(는) 쓸 수 없습니다. ko 또는 en으로 적으십시오"
        case .applicantNameMissing(let id):
            return "신청자 '\(id)'의 명칭을 ko 또는 en으로 적어야 합니다"
        case .submittedNotDate(let given):
            return "제출일 '\(given)'이(가) 올바른 날짜(YYYY-MM-DD)가 아닙니다"
        case .evidenceTwice(let id):
            return "증빙 ID '\(id)'이(가) 두 번 선언되어 있습니다"
        case .evidenceDigestNotHex(let id, let given):
            return "증빙 '\(id)'의 sha256 '\(given)'은(는) 16진수 64자리(0-9, a-f, 대소문자 무관)여야 합니다"
        case .evidenceUndeclared(let indicator, let id):
            return "\(indicator): 증빙 '\(id)'이(가) 선언되지 않았습니다. <evidence id=\"\(id)\" …>를 추가하거나 참조를 바로잡으십시오"
        case .valueTwice(let id):
            return "\(id): 값이 두 번 기재되어 있습니다. 지표마다 <value>는 하나만 적으십시오"
        case .notASingleValue(let id, let kind):
            return "\(id): 이 지표는 \(InputKindWord.korean(kind)) 값 하나를 받습니다. <item> 하위 요소는 쓸 수 없습니다"
        case .negativeCount(let id, let given):
            return "\(id): 개수는 음수일 수 없습니다. 입력값: '\(given)'"
        case .notACount(let id, let given):
            return "\(id): 개수(0 이상의 정수)를 적어야 합니다. 입력값: '\(given)'"
        case .notADecimal(let id, let given):
            return "\(id): 12.5와 같은 십진수를 적어야 합니다. 입력값: '\(given)'"
        case .percentOutOfRange(let id, let given):
            return "\(id): 백분율은 0에서 100 사이여야 합니다. 입력값: '\(given)'"
        case .notABoolean(let id, let given):
            return "\(id): true 또는 false로 적어야 합니다. 입력값: '\(given)'"
        case .notAChoice(let id, let given, let choices):
            return "\(id): '\(given)'은(는) 허용되는 값(\(choices.joined(separator: ", ")))이 아닙니다"
        case .setNotItems(let id, let given):
            return "\(id): 목록은 <item> 하위 요소로 적으십시오. 예: <item>\(given)</item>"
        case .emptyItem(let id):
            return "\(id): 비어 있는 <item>이 있습니다"
        case .kpiNotValue(let id):
            return "\(id): 성과지표는 <value>가 아니라 <kpi indicator=\"\(id)\" id=… direction=… target=… achieved=…> 요소로 적습니다"
        case .judgmentNotValue(let id):
            return "\(id): 정성평가 지표는 심사위원이 채점합니다. 자가평가는 <judgment indicator=\"\(id)\" score=…/>로 적습니다"
        case .belowLowestBand(let id, let given, let floor):
            return "\(id): \(given)은(는) 최저 구간(\(floor)) 미만입니다"
        case .notElective(let id):
            return "\(id) 지표는 선택 지표가 아닙니다. 선택 지표만 신고할 수 있습니다"
        case .electiveTwice(let id):
            return "\(id): 선택 지표를 두 번 신고했습니다"
        case .tooManyElectives(let declared, let group, let choose):
            return "선택 지표를 \(declared.count)개(\(declared.joined(separator: ", "))) 신고했으나 \(group)에서는 \(choose)개까지 선택할 수 있습니다. \(declared.count - choose)개를 빼십시오"
        case .notKPIIndicator(let id):
            return "\(id) 지표는 성과지표로 채점하지 않습니다. <kpi>는 성과지표 지표에만 씁니다"
        case .kpiIDTwice(let id, let kpi):
            return "\(id): 성과지표 ID '\(kpi)'이(가) 두 번 쓰였습니다"
        case .kpiNotDecimal(let id, let kpi):
            return "\(id): 성과지표 \(kpi): 목표와 실적은 십진수여야 합니다"
        case .kpiOutOfRange(let id, let kpi, let lower, let target, let achieved):
            let need = lower ? "낮을수록 우수한 성과지표는 목표와 실적이 모두 0보다 커야 합니다"
                : "목표는 0보다 크고 실적은 0 이상이어야 합니다"
            return "\(id): 성과지표 \(kpi): \(need) (목표 \(target), 실적 \(achieved))"
        case .reviewUnknownKPI(let reviewer, let kpi, let dossier):
            return "심사표 \(reviewer): 신청서 \(dossier)에 성과지표 '\(kpi)'이(가) 없습니다"
        case .reviewKPITwice(let reviewer, let kpi):
            return "심사표 \(reviewer): 성과지표 '\(kpi)'을(를) 두 번 판정했습니다"
        case .reviewWrongDossier(let reviewer, let other, let dossier):
            return "심사표 \(reviewer)은(는) 신청서 '\(other)'에 대한 것입니다(이번 신청서: '\(dossier)')"
        case .reviewerTwice(let reviewer):
            return "심사위원 '\(reviewer)'의 심사표가 두 개입니다. 심사위원은 한 번만 채점합니다"
        case .judgedTwice(let id, let reviewer):
            return "\(id): 심사위원 \(reviewer)이(가) 두 번 채점했습니다"
        case .selfAssessedTwice(let id):
            return "\(id): 자가평가가 두 번 기재되어 있습니다"
        case .notJudgment(let id):
            return "\(id) 지표는 정성평가 지표가 아니어서 점수를 받을 수 없습니다"
        case .scoreOutOfRange(let id, let min, let max, let rubric, let given):
            return "\(id): 점수는 \(min)에서 \(max) 사이의 정수여야 합니다\(rubric.map { "(\($0))" } ?? ""). 입력값: '\(given)'"
        case .noJudgmentRubric(let id):
            return "\(id): 이 ID의 정성평가 지표가 있는 인증기준이 없습니다"

        // Rubrics, files, documents
        case .rubricDefinedTwice(let id, let version, let path):
            return "인증기준 \(id) \(version)이(가) \(path)에도 정의되어 있습니다"
        case .unknownRubric(let id, let available):
            return "알 수 없는 인증기준 '\(id)'. 사용할 수 있는 인증기준: \(available.joined(separator: ", "))"
        case .unknownRubricVersion(let id, let version, let available):
            return "인증기준 \(id)에 버전 '\(version)'이(가) 없습니다. 사용할 수 있는 버전: \(available.joined(separator: ", "))"
        case .rubricsDirectoryUnreadable:
            return "인증기준 디렉터리를 읽을 수 없습니다"
        case .wrongRoot(let element, let namespace, let wanted):
            let kinds = wanted.map(\.korean)
            let which = kinds.count == 1 ? "\(kinds[0]) 문서가 아닙니다" : "\(kinds.joined(separator: "·")) 중 어느 문서도 아닙니다"
            return "루트 요소 <\(element)>(네임스페이스 '\(namespace)')은(는) \(which)"
        case .cannotRead(let failure):
            let reason = switch failure {
            case .noSuchFile: "파일이 없습니다"
            case .permissionDenied: "읽기 권한이 없습니다"
            case .isDirectory: "디렉터리입니다"
            case .system(let text): "시스템 오류(\(text))"
            }
            return "파일을 읽을 수 없습니다: \(reason)"
        case .fileTooLarge(let limit):
            return "파일이 \(limit)바이트를 넘습니다"
        case .xml(let issue, let detail):
            return "\(issue.korean): \(detail)"
        case .parserCheck(let check):
            return "\(check.issue.korean): \(check.korean)"
        case .xmlError(let issue, let error):
            return "\(issue.korean): \(error.korean)"
        case .rubricTextLanguages(let element, let owner, let missing):
            let of = owner.map { "\($0)의 " } ?? ""
            let names = missing.map { Message.languageName($0, in: .ko) }.joined(separator: "·")
            return "\(of)<\(element)>에 \(names) 텍스트가 없습니다. 이 인증기준의 다른 텍스트에는 있으니, 인증기준이 쓰는 모든 언어로 적으십시오"
        case .key(let problem):
            return problem.korean
        case .installation(let problem):
            return problem.korean
        case .valid(let document):
            return switch document {
            case .rubric(let id, let version): "유효함: 인증기준 \(id) \(version)"
            case .dossier(let id, let rubric, let version): "유효함: 신청서 \(id) (\(rubric) \(version))"
            case .review(let reviewer, let dossier): "유효함: 심사위원 \(reviewer)의 신청서 \(dossier) 심사표"
            case .report: "유효함: 심사 결과 보고서"
            }

        // Decoding
        case .expectedRoot(let element, let namespace):
            return "루트 요소는 <\(element) xmlns=\"\(namespace)\">여야 합니다"
        case .missingAttribute(let element, let attribute):
            return "<\(element)>에 '\(attribute)' 속성이 필요합니다"
        case .notDecimalAttribute(let context, let attribute, let given):
            return "\(context.korean): '\(attribute)'은(는) 십진수여야 합니다. 입력값: '\(given)'"
        case .notIntegerAttribute(let context, let attribute, let given):
            return "\(context.korean): '\(attribute)'은(는) 정수여야 합니다. 입력값: '\(given)'"
        case .notBooleanAttribute(let attribute, let given):
            return "'\(attribute)'은(는) true 또는 false여야 합니다. 입력값: '\(given)'"
        case .notEnumAttribute(let context, let attribute, let allowed, let given):
            return "\(context.korean): \(attribute)은(는) \(allowed.joined(separator: " 또는 ")) 중 하나여야 합니다. 입력값: '\(given)'"
        case .unexpectedElement(let name):
            return "예상하지 못한 요소 <\(name)>"
        case .rubricNeedsDecision:
            return "인증기준에는 <grades> 또는 <pass>가 있어야 합니다"
        case .unknownInputKind(let id, let given):
            return "지표 \(id): 알 수 없는 입력 유형 '\(given)'"
        case .noBandTable(let id, let ref):
            return "지표 \(id): <band-table id=\"\(ref)\">이(가) 없습니다"
        case .noScoringMethod(let id):
            return "지표 \(id): 산출 방식이 없습니다"
        case .areaTwice(let area):
            return "영역 ID '\(area)'이(가) 두 번 쓰였습니다"
        case .noApplicantKind:
            return "인증기준은 신청자 유형을 하나 이상 허용해야 합니다"
        case .validityRange:
            return "유효기간은 1년에서 100년 사이여야 합니다"
        case .electiveGroupSize(let group, let choose, let members):
            return "선택 지표 그룹 '\(group)'이(가) 지표 \(members)개 중 \(choose)개를 선택하도록 되어 있습니다"
        case .certifiedFromUnknown(let grade):
            return "certified-from에 적힌 등급 '\(grade)'이(가) 없습니다"
        case .gradesOrder:
            return "등급은 높은 등급부터, 최저 점수가 엄격히 줄어드는 순서로 적어야 합니다"
        case .lastGradeNotZero:
            return "모든 총점에 등급이 매겨지도록 마지막 등급은 0점부터 시작해야 합니다"
        case .passAboveMax(let threshold, let max):
            return "합격 기준 \(threshold)점이 만점 \(max)점을 넘습니다"
        case .panelRange:
            return "심사 점수의 min-score는 max-score보다 작아야 합니다"
        case .trimFromTooSmall:
            return "최고·최저 점수를 빼고도 점수가 남도록 trim-from은 3 이상이어야 합니다"
        case .indicatorTwice(let id):
            return "지표 \(id)이(가) 두 번 정의되어 있습니다"
        case .maxNotPositive(let id):
            return "지표 \(id): 배점은 0보다 커야 합니다"
        case .noElectiveGroup(let id, let group):
            return "지표 \(id): <elective-group id=\"\(group)\">이(가) 없습니다"
        case .mandatoryAndElective(let id):
            return "지표 \(id)은(는) 필수 지표이면서 선택 지표일 수 없습니다"
        case .areaUnreachable(let area, let reachable, let max):
            return "영역 \(area): 지표 배점의 합 \(reachable)점이 영역 배점 \(max)점에 못 미칩니다"
        case .bandsEmpty(let id):
            return "지표 \(id): 구간이 비어 있습니다"
        case .bandsNotIncreasing(let id):
            return "지표 \(id): 구간의 최솟값은 엄격히 증가해야 합니다"
        case .bandPointsOutside(let id, let points, let max):
            return "지표 \(id): 구간 점수 \(points)점이 0–\(max)점 범위를 벗어납니다"
        case .methodCannotScore(let id, let method, let input):
            return "지표 \(id): 산출 방식 '\(method)'(으)로는 입력 유형 '\(input)'을(를) 채점할 수 없습니다"
        case .linearRange(let id):
            return "지표 \(id): 선형 산출에는 lo < hi가 필요합니다"
        case .choicesRepeat(let id):
            return "지표 \(id): 선택지 값이 중복됩니다"
        case .choicePointsOutside(let id, let points, let max):
            return "지표 \(id): 선택지 점수 \(points)점이 0–\(max)점 범위를 벗어납니다"
        case .yesNoPointsOutside(let id, let points, let max):
            return "지표 \(id): 점수 \(points)점이 0–\(max)점 범위를 벗어납니다"
        case .noRecognisedIDs(let id):
            return "지표 \(id): 인정 항목이 없습니다"
        case .recognisedEachNeeds(let id):
            return "지표 \(id): 인정 항목과 0보다 큰 항목당 점수가 필요합니다"
        case .kpiAttainmentRange(let id):
            return "지표 \(id): kpi-attainment에는 zero-at < full-at이 필요합니다"
        case .judgmentNeedsPanel(let id):
            return "지표 \(id): 정성평가 지표에는 <panel> 규칙이 필요합니다"

        // Quick reference
        case .quickReference:
            return """
                certify 빠른 참조

                명령
                  certify validate 파일... [--rubrics 디렉터리] [--lang ko|en]
                      신청서·심사표·인증기준 파일을 검사합니다(종류는 루트 요소로 판단합니다).
                      신청서는 해당 인증기준에 맞는지도 확인합니다.
                  certify score 신청서... [--review 파일]... [--rubrics 디렉터리] [--date YYYY-MM-DD]
                                [--official] [--lang ko|en] [--format text|json]
                      채점합니다. 디렉터리를 주면 그 안의 *.xml을 모두 채점합니다. 심사표는 신청서 하나와 함께 씁니다.
                      --official: 심사위원 수가 인증기준의 최소 인원보다 적으면 오류로 처리합니다.
                  certify rubrics [--rubrics 디렉터리] [--lang ko|en]
                      사용할 수 있는 인증기준의 ID, 버전, 명칭, SHA-256을 보여 줍니다.
                  certify keygen --out 이름
                      서명 키 쌍(권한 0600인 이름.pem과 이름.pub.pem)을 만들고 키 ID를 출력합니다.
                  certify report 신청서 [--review 파일]... --key 키.pem [--signer 이름] [--date 날짜]
                                 [--official] [--out 파일 | --out-dir 디렉터리] [--html 파일] [--lang ko|en]
                      채점하여 서명된 심사 결과 보고서(XML)를 쓰고, 원하면 HTML 문서도 씁니다.
                  certify verify 보고서... --pubkey 공개키.pem... [--at 날짜] [--dossier 파일 [--review 파일]...]
                      서명과 신뢰하는 키, --at 날짜의 유효 여부를 확인하고, --dossier를 주면
                      입력 파일의 해시와 재채점 결과가 보고서와 같은지도 확인합니다.
                  certify cohort 디렉터리... [--reviews 디렉터리] [--date 날짜] [--format text|csv|json|html]
                                 [--out 파일] [--lang ko|en]
                      여러 신청서를 채점하여 등급·총점·영역·지표별 집단 통계를 보여 줍니다.
                  certify compare 디렉터리... --with 인증기준.xml [cohort와 같은 옵션]
                      현행 인증기준과 개정안으로 각각 채점하여 등급 변동과 변동 대상을 보여 줍니다.
                  certify registry init|add|revoke|status|list|checkpoint|entry|prove|consistency|audit|tiles|monitor|cosign|witness|witness-key
                                   [--registry 경로]
                      인증서 등록부: 유효한 인증서, 갱신, 취소를 변조 확인이 가능한 로그와 증명으로
                      관리합니다(자세한 내용은 certify registry 하위명령 --help).
                  certify plan 신청서... [--review 파일]... [--goal 목표]... [--plans K] [--judgments]
                               [--date 날짜] [--official] [--format text|json] [--lang ko|en]
                      자가 점검: 더 나은 등급이나 합격 기준에 이르는 가장 작은 변경을 찾습니다.
                  certify serve [--host 127.0.0.1] [--port 8080] [--rubrics 디렉터리] [--registry 경로]
                                [--pin-loops] [--data 디렉터리 --public-url 주소 [--sendmail 경로] [--holidays 파일]]
                      자가진단·심사표·심사 결과 종합 페이지와 JSON API를 제공합니다(SIGINT/SIGTERM으로 종료).
                      --data를 주면 인증 사무국도 함께 운영합니다.
                  certify office init|user|backup|restore|audit|purge|sign|export|demo --data 디렉터리
                      인증 사무국 데이터: 첫 계정, 계정 관리, 백업, 활동 기록 검사,
                      대기 중인 결정 서명, 검증용 내보내기, 데모 심사 회차
                      (자세한 내용은 certify office 하위명령 --help).
                  certify guide [--lang ko|en]
                      이 빠른 참조를 출력합니다.
                  certify 명령 --help
                      명령의 모든 옵션을 보여 줍니다(영어).

                언어: --lang으로 정하며, 없으면 LC_ALL, LC_MESSAGES, LANG이 ko로 시작할 때 한국어로 출력합니다.
                """
        case .planNoCombination(let goal):
            return "신청인이 바꿀 수 있는 항목을 어떻게 조합해도 \(goal)에 이를 수 없습니다"
        case .planErrorsRemain(let errors):
            return "신청서를 고쳐도 다음 오류는 해소되지 않습니다: " + errors.map(\.korean).joined(separator: "; ")
        case .planMandatoryFixed(let id, let because):
            return "필수 지표 \(id)이(가) 0점이나 이 계획에서는 바꿀 수 없습니다: \(because?.korean ?? "0점을 넘는 수준이 없습니다")"
        case .planMaximumBelow(let total, let threshold):
            return "바꿀 수 있는 지표를 모두 최고 수준으로 올려도 총점이 \(total.pointsColumnText)점으로 기준 \(threshold)점에 못 미칩니다"
        case .planMean(let mean):
            return "평균 " + mean.formatted()
        case .planUnknownGoal(let goal, let rubric, let goals):
            return "--goal \(goal): 평가 기준 \(rubric)에는 이 목표가 없습니다. 정할 수 있는 목표는 \(goals.joined(separator: ", "))입니다"
        case .registry(let problem):
            return problem.korean
        case .tlog(let problem):
            return problem.korean
        case .compareNothingShared(let rubric, let version, let other, let otherVersion):
            return "평가 기준 \(rubric) \(version)에는 \(other) \(otherVersion)과(와) 공통된 지표가 없어 비교하지 않았습니다"
        case .compareUnder(let rubric, let version, _, let korean):
            return "\(rubric) \(version) 기준으로 채점할 때: " + korean
        case .verifyStanding(let current, let certified, let day):
            return current ? "\(day) 기준 서명이 유효하고 인증의 효력이 있습니다"
                : certified ? "서명은 유효하나 \(day) 기준 인증의 효력이 없습니다" : "서명은 유효하나 인증되지 않은 결정입니다(\(day) 기준)"
        case .verifyDisagrees(let message):
            return "보고서와 일치하지 않습니다: \(message.korean)"
        case .verifyDossierHash(let file, let sha256, let expected):
            return "\(file): SHA-256 값 \(sha256)이(가) 보고서에 기록된 값 \(expected)과(와) 다릅니다"
        case .verifyReviewsDiffer(let count):
            return "제출한 심사표 파일이 보고서 채점에 쓰인 심사표 \(count)건과 다릅니다"
        case .verifyNoDate:
            return "보고서에 결정일이 없습니다"
        case .verifyRubricHash(let rubric, let version, let sha256, let expected):
            return "평가 기준 \(rubric) \(version): SHA-256 값 \(sha256)이(가) 보고서에 기록된 값 \(expected)과(와) 다릅니다"
        case .verifyField(let field, let recorded, let now):
            let name = Message.verifyFieldKorean[field] ?? field
            func shown(_ value: String) -> String {
                value.isEmpty ? "없음" : field == "certified" ? (value == "true" ? "인증" : "미인증") : value
            }
            return "\(name): 보고서에는 \(shown(recorded))(으)로 기록되어 있으나 다시 채점하면 \(shown(now))입니다"
        case .verifyIndicator(let id, let recordedPoints, let recordedStatus, let points, let status):
            let was = Message.statusKorean[recordedStatus] ?? recordedStatus, now = Message.statusKorean[status] ?? status
            return "\(id): 보고서에는 \(recordedPoints)점(\(was))으로 기록되어 있으나 다시 채점하면 \(points)점(\(now))입니다"
        case .verifyIndicatorCount(let report, let rubric):
            return "보고서에는 지표가 \(report)개, 평가 기준에는 \(rubric)개 있습니다"
        case .verifyRescoreFailed(_, let korean):
            return korean
        case .verifyConfirmed:
            return "입력 파일의 해시가 일치하고 다시 채점한 결과도 보고서의 결정과 같습니다"
        case .signatureRefused(let refusal):
            return "서명이 유효하지 않습니다: \(refusal.korean)"
        case .reportRefused(let refusal):
            return refusal.korean
        case .exitCodesHeading:
            return "종료 코드"
        case .exitStatus(let status):
            return switch status {
            case 0: "성공: 모두 유효함, 채점 완료(인증 여부와 무관), 목록 출력, 파일 작성 또는 검증 완료"
            case 1: "verify: 서명이 유효하지 않거나 보고서가 변경되었거나 허용되지 않는 구성이 있거나 신뢰하지 않는 키입니다"
            case 3: "verify: 진본이지만 --at 날짜에 효력이 없습니다(만료, 효력 발생 전 또는 미인증)"
            case 4: "verify: 진본이지만 입력 파일의 해시나 재채점 결과가 보고서와 다릅니다"
            case 64: "사용법 오류(알 수 없는 옵션, 잘못된 --date, 신청서 여러 개와 --review를 함께 쓴 경우 등)"
            case 65: "잘못된 입력(어느 파일이든), 또는 P-256 키가 아닌 키 파일"
            case 66: "읽을 수 없는 입력(파일 없음, 읽을 수 없는 디렉터리). 65와 함께 생기면 66이 우선합니다"
            case 70: "설치 오류(예: 함께 배포된 스키마를 찾을 수 없음)"
            case 73: "출력 파일을 쓸 수 없습니다"
            case 77: "report: 개인키 파일을 그룹이나 다른 사용자가 읽을 수 있습니다(chmod 600으로 바로잡으십시오)"
            default: "README를 참고하십시오"
            }
        }
    }

    static func list(_ values: [Int]) -> String {
        values.map(String.init).joined(separator: ", ")
    }
}

extension Message.MissingInput {
    /// Finding and rule start: "no value given".
    var english: String {
        switch self {
        case .value: "no value given"
        case .kpis: "no KPI proposed"
        case .selfAssessment: "no self-assessed score and no panel review"
        case .reviewerScore: "no reviewer scored it"
        }
    }

    /// The finding's reason, ending so that "0점으로 처리했습니다" follows.
    var korean: String {
        switch self {
        case .value: "값이 없어"
        case .kpis: "제안된 성과지표가 없어"
        case .selfAssessment: "자가평가 점수와 심사위원 평가가 모두 없어"
        case .reviewerScore: "채점한 심사위원이 없어"
        }
    }

    /// The rule's short form.
    var koreanRule: String {
        switch self {
        case .value: "값 없음"
        case .kpis: "성과지표 미제안"
        case .selfAssessment: "자가평가·심사위원 평가 없음"
        case .reviewerScore: "심사위원 채점 없음"
        }
    }
}

extension Message.BandStep {
    var english: String {
        "band [\(min), \(upper.map { $0.description } ?? "…")) → \(points)"
    }

    var korean: String {
        "구간 [\(min), \(upper.map { $0.description } ?? "…")) → \(points)"
    }
}

extension Message.DocumentWord {
    var korean: String {
        switch self {
        case .dossier: "신청서"
        case .review: "심사표"
        case .rubric: "인증기준"
        case .report: "심사 결과 보고서"
        }
    }
}

extension Message.XMLIssue {
    /// The kind of problem, before libxml2's own (English) words.
    var korean: String {
        switch self {
        case .malformed: "XML 형식 오류"
        case .refused: "허용되지 않는 XML 구성"
        case .schema: "스키마 위반"
        }
    }
}

extension Message.DecodeContext {
    var english: String {
        switch self {
        case .bandTable: "band table"
        case .electiveGroup: "elective group"
        case .panel: "panel"
        case .grade: "grade"
        case .pass: "pass"
        case .validity: "validity"
        case .area: "area"
        case .indicator(let id): "indicator \(id)"
        case .kpi(let id): "KPI \(id)"
        }
    }

    var korean: String {
        switch self {
        case .bandTable: "구간표"
        case .electiveGroup: "선택 지표 그룹"
        case .panel: "심사 점수 규칙"
        case .grade: "등급"
        case .pass: "합격 기준"
        case .validity: "유효기간"
        case .area: "영역"
        case .indicator(let id): "지표 \(id)"
        case .kpi(let id): "성과지표 \(id)"
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

extension Message: CustomStringConvertible {
    /// The English text (what logs and the signed report carry).
    public var description: String { english }
}

extension Message {
    /// The decision fields `certify verify` compares, in Korean.
    static let verifyFieldKorean: [String: String] = [
        "total": "총점", "grade": "등급", "certified": "인증 여부", "valid-from": "유효기간 시작일",
        "valid-until": "유효기간 종료일",
    ]

    /// An indicator's status as a report records it, in Korean.
    static let statusKorean: [String: String] = [
        "scored": "채점됨", "missing": "값 없음", "not-selected": "선택되지 않음", "self-assessed": "자체 평가",
    ]
}
