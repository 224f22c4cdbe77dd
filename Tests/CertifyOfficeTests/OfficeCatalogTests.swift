import CertifyModel
import CertifyOffice
import CertifyTestSupport
import Testing

/// The office's words are one catalog with the others': both languages, Hangul in the Korean, none in the English.
@Suite struct OfficeCatalogTests {
    @Test func everyOfficeWordIsInBothLanguages() {
        #expect(catalogProblems(OfficeWord.self, sameInBoth: ["digest"]) == [])
    }

    /// Every office message, from its table or its code: the samples hold every case.
    @Test func theOfficesMessagesAreInTheTable() {
        #expect(catalogProblems(OfficeCatalogSamples.messages, languagesDiffer: ["diagnostic"]) == [])
        // Lists are joined by ", ", roles and labels written in the message's language.
        #expect(OfficeMessage.jointUnconfirmed(organisations: ["KR-A", "KR-B"]).words
                == ("공동 신청 기관(KR-A, KR-B)이 현재 작성본을 확인한 뒤에 제출할 수 있습니다",
                    "The co-applicants (KR-A, KR-B) must confirm the current draft before it is submitted"))
        #expect(OfficeMessage.noRoundRole(role: .chair).words == ("이 계정은 이 심사 회차의 심사위원장이 아닙니다", "This account is not a chair of this round"))
        #expect(OfficeMessage.numberInvalid(label: .responseDays, text: "x", min: 1, max: 90).text(.en).hasSuffix(": enter a whole number from 1 to 90, not 'x'"))
        #expect(OfficeMessage.fieldRequired(label: .roundName).words == ("회차 이름 칸을 채우십시오", "Enter the name of the round"))
        #expect(OfficeMessage.stateForbids(state: .inReview).text(.en) == "The application is 'in review', so this cannot be done")
        #expect(OfficeMessage.diagnostic(ko: "%2 가", en: "%1 b").words == ("%2 가", "%1 b"))
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

    /// Every notice's subject (its words) and body (the line `caseName.body`), Korean then English.
    @Test func theNoticesAreInTheTable() {
        #expect(catalogProblems(OfficeCatalogSamples.notices, parts: ["body"]) == [])
        for notice in OfficeCatalogSamples.notices {
            let parts = notice.subject.dropFirst("[Certify] ".count).components(separatedBy: " / ")
            #expect(notice.subject.hasPrefix("[Certify] ") && parts.count == 2 && hasHangul(parts[0]) && !hasHangul(parts[1]), "\(notice.subject)")
            #expect(hasHangul(notice.body) && notice.body.contains("\n---\n") && notice.body.hasSuffix("\n"), "\(notice)")
        }
        // The outcome and the role choose the case; a chair has no review due.
        #expect(OfficeNotice.assigned(reference: "R1", role: .chair, due: "d", url: "u") == .assignedChair(reference: "R1", url: "u"))
        #expect(OfficeNotice.decided(reference: "R1", certified: false, outcome: "52.1", appealDue: "d", url: "u")
                == .notCertified(reference: "R1", outcome: "52.1", appealDue: "d", url: "u"))
        #expect(OfficeNotice.invited(round: "2026-1", role: .chair, url: "u").subject == "[Certify] 2026-1 심사위원장으로 위촉되었습니다 / You are invited as chair of 2026-1")
        #expect(OfficeNotice.submitted(reference: "R1", url: "https://o.kr/a").body
                == "신청 R1이(가) 제출되었습니다. 사무국이 서면 검토를 합니다.\n\nhttps://o.kr/a\n\n---\n\n"
                   + "Application R1 was submitted. The secretariat will check that it is complete.\n\nhttps://o.kr/a\n")
    }
}
