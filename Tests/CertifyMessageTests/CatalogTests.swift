import CertifyEngine
import CertifyModel
import CertifyRender
import CertifyTestSupport
import Testing

/// Every message of the catalog, in both languages. The codes are iterated
/// (`Message.Code.allCases`), and each code's sample comes from an
/// exhaustive switch, so no case can be left out.
@Suite struct CatalogTests {
    static func hasHangul(_ text: String) -> Bool { CertifyTestSupport.hasHangul(text) }

    @Test(arguments: Message.Code.allCases)
    func everyMessageHasBothLanguages(code: Message.Code) {
        let message = Message.sample(code)
        #expect(message.code == code, "the sample of \(code) has code \(message.code)")
        // The case name is the code's name: two cases cannot share a code.
        if let label = Mirror(reflecting: message).children.first?.label {
            #expect(label == String(describing: code))
        }
        let english = message.text(.en), korean = message.text(.ko)
        #expect(!english.trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(!korean.trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(english == message.english && korean == message.korean)
        #expect(!Self.hasHangul(english), "English text of \(code) has Korean: \(english)")
        // Rule texts made only of numbers and values (`approved → 10`) are
        // the same in both languages; every other message has Korean words.
        if ![.ruleChoice, .ruleRounded].contains(code) {
            #expect(Self.hasHangul(korean), "Korean text of \(code) has no Korean: \(korean)")
        }
        #expect(!code.rawValue.isEmpty && code.rawValue == code.rawValue.lowercased())
    }

    /// Every indicator of every dossier copies its rule and its input as
    /// given: large cases are boxed (`indirect`) so that a message stays
    /// the size of its largest common case, and an input the size of a
    /// string. A new case with many arguments is to be boxed too.
    @Test func messagesAndInputsStaySmall() {
        #expect(MemoryLayout<Message>.size <= 80, "Message is \(MemoryLayout<Message>.size) bytes")
        #expect(MemoryLayout<GivenInput>.size <= 24, "GivenInput is \(MemoryLayout<GivenInput>.size) bytes")
    }

    @Test func codesAreUnique() {
        let codes = Message.Code.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
    }

    /// The variants inside a case's arguments have their words too.
    @Test func argumentVariantsHaveBothLanguages() {
        var messages: [Message] = Message.MissingInput.allCases.flatMap { [.noInput($0), .ruleNoInput($0)] }
        messages += Message.XMLIssue.allCases.map { .xml($0, detail: "detail") }
        let checks: [Message.ParserCheck] = [
            .doctype, .xinclude, .entityReference, .tooDeep(limit: 32), .tooManyElements(limit: 100_000),
            .textTooLong(limit: 65536), .attributeTooLong(limit: 65536), .fileTooLarge(size: 9, limit: 8), .empty,
            .notWellFormed, .cannotParse, .noRoot, .schemaContext, .schemaMismatch,
        ]
        messages += checks.map { .parserCheck($0) }
        let keys: [Message.KeyProblem] = [
            .unreadable("Permission denied"), .notSmallRegularFile, .unreadableKey, .readableByOthers(mode: 0o644, path: "k.pem"),
            .ownedByAnotherUser, .notPrivateKey, .notPublicKey, .keyExists, .signerNameBad, .cannotWrite(nil), .cannotWrite("No space left on device"),
        ]
        messages += keys.map { .key($0) }
        let installation: [Message.InstallationProblem] = [.noRubricsDirectory, .unreadableSchema, .noSchemas, .cannotCanonicalize, .signingFailed]
        messages += installation.map { .installation($0) }
        messages += [Message.ReadFailure.noSuchFile, .permissionDenied, .isDirectory, .system("I/O error")].map { .cannotRead($0) }
        messages += [Message.wrongRoot(element: "x", namespace: "", wanted: Message.DocumentWord.allCases)]
        messages += [Message.ValidDocument.rubric(id: "r", version: "1"), .dossier(id: "d", rubric: "r", version: "1"),
                     .review(reviewer: "R-01", dossier: "d"), .report].map { .valid($0) }
        let contexts: [Message.DecodeContext] = [.bandTable, .electiveGroup, .panel, .grade, .pass, .validity, .area, .indicator("I-1"), .kpi("K1")]
        messages += contexts.map { .notDecimalAttribute($0, attribute: "a", given: "x") }
        messages += [.panelNoReview(selfScoreUsed: false, minimum: 3), .ruleYesNo(value: false, points: .zero),
                     .ruleRecognisedCount(ids: [], band: nil), .ruleRecognisedEach(ids: ["A"], each: .one, raw: .one, capped: nil),
                     .kpiOutOfRange(indicator: "P", kpi: "K", lowerIsBetter: false, target: "1", achieved: "-1"),
                     .applicantRoleNotAdmitted(applicant: "A", role: "r", admitted: ["operator"]),
                     .ruleJudgment(selfAssessed: true, scores: [4], dropped: [], mean: Rational(4), max: Rational(10), low: .one, span: Rational(4), points: Rational(15) / Rational(2))]
        let fixed: [Message.PlanFixed?] = [nil, .notActionable, .kpiFacts, .judgmentsPanel(selfAssessed: true), .judgmentsPanel(selfAssessed: false)]
        messages += fixed.map { .planMandatoryFixed(indicator: "I-1", because: $0) }
        let refusals: [Message.ReportRefusal] = [
            .xml(english: "not XML", korean: "XML 문서가 아닙니다"), .cannotCanonicalize,
            .notValidReport(english: "Element 'x': not expected.", korean: "스키마 오류: Element 'x': not expected."),
            .signerMismatch(named: nil, keyID: "ab"), .signerMismatch(named: "cd", keyID: "ab"),
            .notAReport(root: "dossier", namespace: "urn:x"), .nestedReport, .notSigned, .signatures(count: 2), .signatureNotLast,
            .children(element: "SignedInfo", expected: ["Reference"], found: []), .children(element: "KeyInfo", expected: [], found: ["X509Data"]),
            .algorithm(element: "SignatureMethod", given: "rsa", expected: "ecdsa"), .referenceURI(given: nil), .referenceURI(given: "#x"),
            .strayAttribute(attribute: "foo", element: "Reference"), .digestNotSHA256, .digestMismatch, .signatureValueShape,
            .namedKeyFails, .untrustedKey(keyName: nil), .untrustedKey(keyName: "ab"),
        ]
        messages += refusals.flatMap { [.signatureRefused($0), .reportRefused($0)] }
        let registry: [Message.RegistryProblem] = [
            .notRegistered(english: "signature invalid", korean: "서명이 유효하지 않습니다"), .notCertified, .noValidityPeriod,
            .noApplicant, .rubricIDBad, .applicantIDBad("A 1"), .applicantNameBad("A-1"), .notARegistry, .database("disk I/O error"),
            .originBad, .registryExists, .noRegistry, .logKeyUnreadable("Permission denied"), .logKeyNotSmallFile,
            .logKeyReadableByOthers(mode: 0o644, path: "registry.sqlite.key"), .notSignerKey,
            .notLogKey(verifier: "log+1+AA"), .notVerifierKey, .cannotSync("I/O error"), .reasonBad, .noCertificate("C-1"),
            .alreadyRevoked(certificate: "C-1", day: "2026-05-01", reason: "withdrawn"), .noEntry(index: 9, size: 3),
            .noCheckpoint(size: 9, logSize: 3), .entryOutsideTree(index: 9, size: 3, logSize: 3), .checkpointMissing(size: 3),
            .rangeBad(logSize: 3), .badDate(certificate: "C-1", column: "valid_from"), .treeHashMissing(level: 1, index: 2),
        ]
        messages += registry.map { .registry($0) }
        let tlog: [Message.TlogMessage] = [
            .entryTooLong(index: 3, bytes: 70000), .tileDiffers(path: "out/tile/0/000"), .logKeyBad,
            .fetchFailed(path: "checkpoint", reason: "HTTP 404"), .checkpointNotSigned(key: "log+1+AA"), .checkpointMalformed,
            .originDiffers(expected: "a.example/log", found: "b.example/log"), .logShrank(seen: 9, now: 3),
            .fork(size: 3, seenRoot: "AA", root: "BB"), .notConsistent(seen: 3, now: 9),
            .tileLength(path: "tile/0/000", bytes: 31, expected: 32), .tilesNotRoot(size: 9), .tileNotParent(path: "tile/0/000"),
            .bundleMalformed(path: "tile/entries/000"), .entryNotLeaf(index: 2), .entryNotEvent(index: 2, reason: "bad type"),
            .eventOutOfPlace(index: 2, certificate: "C-1"), .stateUnreadable(path: "state"), .monitorNew(from: 3, last: 8, size: 9),
            .tilesWritten(directory: "www/log", size: 9, written: 3, kept: 2),
            .monitorUnchanged(size: 9),
            .monitorIssued(index: 3, certificate: "C-1", applicant: "KR-A", validFrom: "2026-03-02", validUntil: "2028-03-01"),
            .monitorRenewed(index: 4, certificate: "C-2", predecessor: "C-1", validFrom: "2028-03-02", validUntil: "2030-03-01"),
            .monitorRevoked(index: 5, certificate: "C-2", reason: "withdrawn"),
            .witnessRequestMalformed, .witnessUnknownLog(origin: "b.example/log"), .witnessNotSignedByLog(origin: "a.example/log"),
            .witnessOldAbove(old: 9, size: 3), .witnessOldDiffers(old: 2, latest: 3), .witnessEmptyTreeRoot,
            .witnessProofBad(old: 3, size: 9), .witnessFork(size: 3), .witnessCannotSave(reason: "disk full"),
            .witnessStateUnreadable(path: "w.state"), .witnessKeyBad(value: "w+1+AA"), .witnessNameBad, .witnessKeyFileBad,
            .witnessKeyUnreadable("Permission denied"), .witnessKeyReadableByOthers(mode: 0o644, path: "w1.key"), .witnessKeyNotSmallFile,
            .witnessLogBad(value: "a=b"), .witnessTargetBad(value: "w"), .quorumNotMet(size: 3, valid: 1, quorum: 2),
            .cosignatureInvalid(size: 3), .notInCosignedTree(certificate: "C-1", index: 4, size: 3),
            .reportNotInLog(sha256: "ab12", size: 3), .reportInLog(index: 2, certificate: "C-1", size: 3, cosigners: 2),
            .witnessListening(url: "http://127.0.0.1:8090/", name: "w.example/1", logs: 1),
            .witnessCosigned(origin: "a.example/log", size: 3), .witnessRefused(status: 409, reason: "old size"),
            .cosignedBy(witness: "w.example/1", size: 3), .witnessDeclined(witness: "w.example/1", status: 422, body: "fork"),
            .witnessUnreachable(witness: "w.example/1", reason: "connection refused"),
        ]
        messages += tlog.map { .tlog($0) }
        messages += [.verifyStanding(current: true, certified: true, day: "2026-03-02"),
                     .verifyStanding(current: false, certified: false, day: "2026-03-02"),
                     .verifyField(field: "grade", recorded: "", now: "B"), .verifyField(field: "total", recorded: "80", now: "")]
        for message in messages {
            #expect(Self.hasHangul(message.korean), "\(message.korean)")
            #expect(!Self.hasHangul(message.english), "\(message.english)")
            #expect(message.korean != message.english)
        }
    }

    /// Every exit code of the outcome table has its own words in the guide
    /// (`CLIText.exitStatus`, which falls back to pointing at the README).
    @Test(arguments: Language.allCases)
    func everyExitCodeIsExplained(language: Language) throws {
        let run = try Run(["guide", "--lang", language.rawValue])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        for status in Set([0] + CertifyError.Code.outcomes.map(\.exitCode)) {
            let number = String(status)
            let prefix = "  " + number + String(repeating: " ", count: 4 - number.count)
            let line = lines.first { $0.hasPrefix(prefix) }
            #expect(line != nil, "exit \(status) is not in certify guide --lang \(language)")
            #expect(line.map { !$0.contains("README") } ?? false, "exit \(status): \(line ?? "")")
        }
    }

    /// The mode of a key file is written as `ls -l` users read it.
    @Test func keyModeInOctal() {
        #expect(Message.key(.readableByOthers(mode: 0o644, path: "k.pem")).english
            == "private key is readable by group or others (mode 644); run: chmod 600 k.pem")
        #expect(Message.key(.readableByOthers(mode: 0o7, path: "k.pem")).english.contains("(mode 007)"))
    }

    /// The words of the rule texts the issue names.
    @Test func ruleWordsAreKorean() {
        #expect(Message.ruleElectiveNotSelected.korean == "선택 지표 미선택: 0")
        #expect(Message.ruleBelowFirstBand(value: .one).korean == "1(첫 구간 미만): 0")
        #expect(Message.kpiRejected(kpi: "K3", rejectedBy: ["R-01", "R-03"], reviews: 3).korean
            == "성과지표 K3: 심사위원 3명 중 2명(R-01, R-03)이 불인정하여 점수에 반영하지 않습니다")
        #expect(Message.noInput(.value).korean == "값이 없어 0점으로 처리했습니다")
    }

    /// The words of the reports and of `certify plan`.
    @Test func labelCatalogs() {
        #expect(catalogProblems(Label.self, sameInBoth: ["sha256", "id", "unknown", "of"]) == [])
        #expect(catalogProblems(PlanLabel.self) == [])
    }
}
