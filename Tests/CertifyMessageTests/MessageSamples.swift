import CertifyModel

/// Messages of the engine's catalog for its table tests: every code's
/// sample (`Message.sample`), and more values for the cases whose text
/// depends on them (lists of 0, 1 and 2 items, optionals nil and not, both
/// values of a Bool, every case of an argument type).
enum MessageSamples {
    static let all: [Message] = Message.Code.allCases.map(Message.sample) + binding + documents + decoding + planner
        + verify + registry

    static let binding: [Message] = [
        .applicantKindNotAdmitted(applicant: "A", kind: "company", rubric: "r", admitted: []),
        .applicantKindNotAdmitted(applicant: "A", kind: "company", rubric: "r", admitted: ["city"]),
        .applicantRoleNotAdmitted(applicant: "A", role: "r", admitted: ["operator"]),
        .applicantRoleNotAdmitted(applicant: "A", role: "r", admitted: ["operator", "builder"]),
        .notAChoice(indicator: "G-2", given: "", choices: []),
        .notAChoice(indicator: "G-2", given: "x", choices: ["none"]),
        .tooManyElectives(declared: ["S-ADM"], group: "g", choose: 0),
        .tooManyElectives(declared: ["S-ADM", "S-ENE"], group: "g", choose: 1),
        .kpiOutOfRange(indicator: "P", kpi: "K", lowerIsBetter: false, target: "1", achieved: "-1"),
        .scoreOutOfRange(indicator: "C-1", min: 1, max: 5, rubric: nil, given: "9"),
        .belowLowestBand(indicator: "I-2", given: "0.5", floor: Rational(decimal: "0.75")!),
        .submittedNotDate(""),
    ] + InputKind.allCases.map { .notASingleValue(indicator: "I-1", kind: $0) }

    static let documents: [Message] = [
        .unknownRubric(id: "x", available: []), .unknownRubric(id: "x", available: ["a 1.0"]),
        .unknownRubricVersion(id: "x", version: "2", available: ["1.0", "1.1"]),
        .wrongRoot(element: "x", namespace: "", wanted: []), .wrongRoot(element: "x", namespace: "urn:x", wanted: [.report]),
        .wrongRoot(element: "x", namespace: "", wanted: Message.DocumentWord.allCases),
        .rubricTextLanguages(element: "title", owner: nil, missing: []),
        .rubricTextLanguages(element: "title", owner: nil, missing: ["en"]),
        .rubricTextLanguages(element: "label", owner: "I-1", missing: ["ko", "en"]),
        .rubricTextLanguages(element: "label", owner: "I-1", missing: ["fr", "ko", "de"]),
        .fileTooLarge(limit: 0),
    ] + readFailures.map { .cannotRead($0) }
        + Message.XMLIssue.allCases.flatMap { issue in
            [.xml(issue, detail: "detail"), .xml(issue, detail: ""),
             .xmlError(issue, Message.XMLError(.notOfType(value: "x"), element: "e", attribute: "a", english: "libxml2 words")),
             .xmlError(issue, Message.XMLError(.documentEmpty, english: "Document is empty"))]
        }
        + parserChecks.map { .parserCheck($0) } + keys.map { .key($0) }
        + installation.map { .installation($0) } + validDocuments.map { .valid($0) }

    static let readFailures: [Message.ReadFailure] = [.noSuchFile, .permissionDenied, .isDirectory, .system("I/O error")]

    static let installation: [Message.InstallationProblem] = [
        .noRubricsDirectory, .unreadableSchema, .noSchemas, .cannotCanonicalize, .signingFailed,
    ]

    static let validDocuments: [Message.ValidDocument] = [
        .rubric(id: "r", version: "1"), .dossier(id: "d", rubric: "r", version: "1"), .review(reviewer: "R-01", dossier: "d"), .report,
    ]

    static let parserChecks: [Message.ParserCheck] = [
        .doctype, .xinclude, .entityReference, .tooDeep(limit: 32), .tooManyElements(limit: 100_000),
        .textTooLong(limit: 65536), .attributeTooLong(limit: 65536), .fileTooLarge(size: 9, limit: 8), .empty,
        .notWellFormed, .cannotParse, .noRoot, .schemaContext, .schemaMismatch,
    ]

    static let keys: [Message.KeyProblem] = [
        .unreadable("Permission denied"), .notSmallRegularFile, .unreadableKey, .readableByOthers(mode: 0o644, path: "k.pem"),
        .readableByOthers(mode: 0o7, path: "a b.pem"), .ownedByAnotherUser, .notPrivateKey, .notPublicKey, .keyExists,
        .signerNameBad, .cannotWrite(nil), .cannotWrite("No space left on device"),
    ]

    static let contexts: [Message.DecodeContext] = [
        .bandTable, .electiveGroup, .panel, .grade, .pass, .validity, .area, .indicator("I-1"), .kpi("K1"),
    ]

    static let decoding: [Message] = contexts.flatMap { context -> [Message] in
        [.notDecimalAttribute(context, attribute: "a", given: "x"), .notIntegerAttribute(context, attribute: "b", given: ""),
         .notEnumAttribute(context, attribute: "direction", allowed: [], given: "up"),
         .notEnumAttribute(context, attribute: "direction", allowed: ["higher"], given: "up"),
         .notEnumAttribute(context, attribute: "direction", allowed: ["higher", "lower", "same"], given: "up")]
    } + [
        .passAboveMax(threshold: Rational(decimal: "60.5")!, max: Rational(decimal: "60.25")!),
        .areaUnreachable(area: "A", reachable: Rational(1) / Rational(3), max: Rational(2)),
    ]

    static let planner: [Message] = [
        .planErrorsRemain([]),
        .planErrorsRemain([.valueTwice(indicator: "I-1"), .unknownIndicator(id: "X", rubric: "r", version: "1")]),
        .planMaximumBelow(total: Rational(decimal: "26.125")!, threshold: Rational(decimal: "30.5")!),
        .planMaximumBelow(total: Rational(1) / Rational(3), threshold: Rational(60)),
        .planMean(Rational(13) / Rational(3)), .planMean(Rational(4)),
        .planUnknownGoal(goal: "x", rubric: "r", goals: []), .planUnknownGoal(goal: "x", rubric: "r", goals: ["pass"]),
        .planNoCombination(goal: ""),
    ] + ([nil] + planFixed).map { .planMandatoryFixed(indicator: "I-1", because: $0) }

    static let planFixed: [Message.PlanFixed] = [.notActionable, .kpiFacts, .judgmentsPanel(selfAssessed: true), .judgmentsPanel(selfAssessed: false)]

    static let refusals: [Message.ReportRefusal] = [
        .xml(english: "not XML", korean: "XML 문서가 아닙니다"), .cannotCanonicalize,
        .notValidReport(english: "Element 'x': not expected.", korean: "스키마 오류: Element 'x': not expected."),
        .signerMismatch(named: nil, keyID: "ab"), .signerMismatch(named: "cd", keyID: "ab"),
        .notAReport(root: "dossier", namespace: "urn:x"), .nestedReport, .notSigned, .signatures(count: 2), .signatureNotLast,
        .children(element: "SignedInfo", expected: ["Reference"], found: []), .children(element: "KeyInfo", expected: [], found: ["X509Data"]),
        .children(element: "SignedInfo", expected: ["A", "B"], found: ["C", "D"]), .children(element: "X", expected: [], found: []),
        .algorithm(element: "SignatureMethod", given: "rsa", expected: "ecdsa"), .referenceURI(given: nil), .referenceURI(given: "#x"),
        .referenceURI(given: ""), .strayAttribute(attribute: "foo", element: "Reference"), .digestNotSHA256, .digestMismatch,
        .signatureValueShape, .namedKeyFails, .untrustedKey(keyName: nil), .untrustedKey(keyName: "ab"),
    ]

    static let verify: [Message] = [
        .verifyStanding(current: true, certified: true, day: "2026-03-02"),
        .verifyStanding(current: true, certified: false, day: "2026-03-02"),
        .verifyStanding(current: false, certified: false, day: "2026-03-02"),
        .verifyDisagrees(.verifyIndicatorCount(report: 1, rubric: 2)),
        .verifyDisagrees(.verifyDisagrees(.verifyNoDate)),
        .verifyIndicator(indicator: "I", recordedPoints: "1", recordedStatus: "not-selected", points: "2", status: "self-assessed"),
        .verifyIndicator(indicator: "I", recordedPoints: "", recordedStatus: "odd", points: "", status: ""),
        .verifyRescoreFailed(english: "", korean: "오류"),
        .compareUnder(rubric: "r", version: "1", english: "a\nb", korean: "가\n나"),
    ] + ["total", "grade", "certified", "valid-from", "valid-until", "other"].flatMap { field -> [Message] in
        [.verifyField(field: field, recorded: "", now: "B"), .verifyField(field: field, recorded: "true", now: ""),
         .verifyField(field: field, recorded: "false", now: "true")]
    } + refusals.flatMap { [.signatureRefused($0), .reportRefused($0)] }

    static let registry: [Message] = registryProblems.map { .registry($0) } + [
        .tlog(.logShrank(seen: 9, now: 3)), .tlog(.monitorUnchanged(size: 9)), .tlog(.witnessKeyNotSmallFile),
        .tlog(.witnessKeyReadableByOthers(mode: 0o600, path: "w.key")),
    ]

    static let registryProblems: [Message.RegistryProblem] = [
        .notRegistered(english: "signature invalid", korean: "서명이 유효하지 않습니다"), .notCertified, .noValidityPeriod,
        .noApplicant, .rubricIDBad, .applicantIDBad("A 1"), .applicantIDBad(""), .applicantNameBad("A-1"), .notARegistry,
        .database("disk I/O error"), .originBad, .registryExists, .noRegistry, .logKeyUnreadable("Permission denied"),
        .logKeyNotSmallFile, .logKeyReadableByOthers(mode: 0o644, path: "registry.sqlite.key"), .notSignerKey,
        .notLogKey(verifier: "log+1+AA"), .notVerifierKey, .cannotSync("I/O error"), .reasonBad, .noCertificate("C-1"),
        .alreadyRevoked(certificate: "C-1", day: "2026-05-01", reason: "withdrawn"), .noEntry(index: 9, size: 3),
        .noEntry(index: 0, size: 0), .noCheckpoint(size: 9, logSize: 3), .entryOutsideTree(index: 9, size: 3, logSize: 3),
        .checkpointMissing(size: 3), .rangeBad(logSize: 3), .badDate(certificate: "C-1", column: "valid_from"),
        .treeHashMissing(level: 1, index: 2),
    ]
}
