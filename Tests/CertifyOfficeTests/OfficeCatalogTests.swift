import CertifyModel
import CertifyOffice
import CertifyTestSupport
import Testing

/// The office's words are one catalog with the others': both languages, Hangul in the Korean, none in the English.
@Suite struct OfficeCatalogTests {
    @Test func everyOfficeWordIsInBothLanguages() {
        #expect(catalogProblems(OfficeWord.self, sameInBoth: ["digest"]) == [])
    }

    /// Messages with values cannot be listed by the compiler; these are every case of the panel's part, with sample values.
    @Test func thePanelsMessagesAreInBothLanguages() {
        let messages: [OfficeMessage] = [
            .conflictAffiliated(reviewer: "R-04 Han", organisation: "KR-X"), .conflictDeclared(reviewer: "R-01"),
            .noRoundRole(role: .chair), .noRoundRole(role: .reviewer), .reviewedAlready(reviewer: "R-01"),
            .reviewsMissing(reviewers: ["R-02"]), .tooFewReviewers(assigned: 2, needed: 3), .reviewInvalid(count: 2),
            .reviewStale(current: 3), .noteRequired, .reasonRequired, .decisionWaitsForSignature, .noSigningKey,
            .appealClosed(lastDay: "2026-03-16"), .appealUsed, .reviewFinal, .panelChanged, .renewalRoundMismatch,
            .signingKeyMismatch(keyID: "0123456789abcdef0123"), .renewalNotDue, .affiliationInvalid(text: "x"), .invited,
        ]
        for message in messages {
            #expect(hasHangul(message.text(.ko)), "\(message)")
            #expect(!hasHangul(message.text(.en)) && !message.text(.en).isEmpty, "\(message)")
        }
    }

    /// Every line `certify office sign|export|demo` prints, from its table or its code.
    @Test func theOfficeCommandsTextsAreInTheTable() {
        let samples: [OfficeCommandText] = [
            .signed(reference: "R1-0001", decision: 3, certified: true, certificate: "KR-SC-2026-0001"),
            .signed(reference: "R1-0001", decision: 3, certified: false, certificate: nil), .nothingToSign,
            .registryWaiting(count: 2), .exported(folder: "R1-0001-3", decision: 3, certified: true, reviews: 3), .exportedNone,
            .exportTargetNotEmpty(path: "/tmp/x"), .demoDataNotEmpty(path: "/tmp/x"), .demoRegistryNotEmpty(path: "/tmp/r"),
            .demoSamplesMissing(path: "/tmp/s"), .demoAccountsHeading,
            .demoAccount(role: .secretariat, email: "s@demo.example", password: "pw"),
            .demoSecondFactor(email: "s@demo.example", base32: "ABC"),
            .demoApplication(reference: "R1-0001", sample: "city", state: .inReview),
            .demoDecision(reference: "R1-0001", decision: 3, certified: true, certificate: nil),
            .demoSignIn(command: "certify serve", url: "http://127.0.0.1:8080"), .demoWarning, .demoRequest, .demoNote,
            .demoAppealReason, .demoAppealNote,
        ]
        #expect(catalogProblems(samples) == [])
        // Values are put in place in the message's language, with the table's spaces and tabs.
        #expect(OfficeCommandText.demoAccount(role: .secretariat, email: "s@x", password: "pw").words
                == ("  사무국\ts@x\tpw", "  Secretariat\ts@x\tpw"))
        #expect(OfficeCommandText.registryWaiting(count: 2).words == ("등록부 반영 대기: 2건", "registry changes waiting: 2"))
        #expect(OfficeCommandText.demoApplication(reference: "R", sample: "s", state: .inReview).text(.ko).hasSuffix("\t심사 중"))
    }

    @Test func noticesSubjectsAreKoreanThenEnglish() {
        let notices: [OfficeNotice] = [
            .invited(round: "2026-1", role: .reviewer, url: "u"), .assigned(reference: "R1-0001", role: .chair, due: "d", url: "u"),
            .reviewDue(reference: "R1-0001", due: "d", url: "u"), .readyForDecision(reference: "R1-0001", url: "u"),
            .sentBack(reference: "R1-0001", note: "n", url: "u"),
            .decided(reference: "R1-0001", certified: true, outcome: "86.28", appealDue: "d", url: "u"),
            .appealFiled(reference: "R1-0001", url: "u"), .reopened(reference: "R1-0001", url: "u"),
            .appealClosing(reference: "R1-0001", lastDay: "d", url: "u"), .renewalDue(reference: "R1-0001", validUntil: "d", url: "u"),
        ]
        for notice in notices {
            let parts = notice.subject.dropFirst("[Certify] ".count).components(separatedBy: " / ")
            #expect(parts.count == 2 && hasHangul(parts[0]) && !hasHangul(parts[1]), "\(notice.subject)")
            #expect(hasHangul(notice.body) && notice.body.contains("\n---\n"), "\(notice)")
        }
    }
}
