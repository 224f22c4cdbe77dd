import CertifyModel
@testable import CertifyOffice
import Foundation
import GRDB
import CertifyTestSupport
import Testing

/// An application's life through the office's actions, with the action log
/// audited after every step.
@Suite struct WorkflowTests {
    @Test func anApplicationFromDraftToReview() throws {
        let f = try Fixture()
        let secretariat = try f.account("sec@office.kr", kind: .secretariat)
        let round = try f.round(by: secretariat)
        let applicant = try f.account("kim@hansol.kr", kind: .applicant, organisation: "KR-SOLBIT", by: secretariat)
        #expect(applicant.account.organisationConfirmed)

        var application = try f.office.startApplication(roundID: round.id!, by: applicant)
        #expect(application.state == .draft)
        #expect(application.reference == "R\(round.id!)-0001")

        // Two saves based on the same revision: the later is refused, showing the current one.
        application = try f.office.saveDraft(application.id!, draft: "first", basedOn: 1, by: applicant)
        #expect(throws: OfficeError(.conflict, .draftStale(current: 2))) {
            try f.office.saveDraft(application.id!, draft: "second", basedOn: 1, by: applicant)
        }
        #expect(try f.office.application(application.id!, for: applicant).draft == "first")

        // Evidence: a declared digest without its file is a completeness problem.
        let evidence = Data("리빙랩 운영 실적".utf8)
        let dossier = try f.dossier(for: application, evidence: [evidence])
        #expect(throws: OfficeError.self) { try f.office.submit(application.id!, dossier: dossier, basedOn: 2, by: applicant) }
        _ = try f.office.uploadEvidence(application.id!, fileName: "../living lab.pdf", bytes: evidence, by: applicant)
        #expect(try f.office.evidence(of: application).map(\.fileName) == ["living_lab.pdf"])

        application = try f.office.submit(application.id!, dossier: dossier, basedOn: 2, by: applicant)
        #expect(application.state == .submitted)
        #expect(application.submittedVersion == 1)
        #expect(try f.office.audit().ok)

        // A submitted application can no longer be edited.
        #expect(throws: OfficeError(.conflict, .stateForbids(state: .submitted))) {
            try f.office.saveDraft(application.id!, draft: "late", basedOn: 2, by: applicant)
        }

        // Returned with a request; the response period is 10 days from the next day.
        #expect(throws: OfficeError(.invalid, .requestsRequired, field: "requests")) {
            try f.office.returnApplication(application.id!, requests: [("INN-1", "  ")], by: secretariat)
        }
        application = try f.office.returnApplication(application.id!, requests: [("INN-1", "교육 이수 증빙을 보완하십시오")], by: secretariat)
        #expect(application.state == .returned)
        #expect(application.responseDue == "2026-03-12")
        #expect(try f.office.requests(of: application).map(\.text) == ["교육 이수 증빙을 보완하십시오"])

        // The applicant answers and resubmits: a second frozen version.
        application = try f.office.saveDraft(application.id!, draft: "answered", basedOn: 2, by: applicant)
        let answered = Array(String(decoding: dossier, as: UTF8.self)
            .replacingOccurrences(of: "<value indicator=\"INN-1\">1</value>", with: "<value indicator=\"INN-1\">4</value>").utf8)
        application = try f.office.submit(application.id!, dossier: answered, basedOn: 3, by: applicant)
        #expect(application.submittedVersion == 2)
        #expect(try f.office.versions(of: application).count == 2)
        // The secretariat reads what changed.
        #expect(try f.office.differences(of: application)[2] == [VersionChange(item: "INN-1", before: "1", after: "4")])

        application = try f.office.accept(application.id!, by: secretariat)
        #expect(application.state == .inReview)
        #expect(throws: OfficeError(.conflict, .stateForbids(state: .inReview))) {
            try f.office.withdraw(application.id!, by: applicant)
        }
        let report = try f.office.audit()
        #expect(report.ok, "\(report.problems)")
        #expect(report.head.size > 10)
    }

    @Test func aDossierThatIsNotTheRoundsOrNotStampedIsRefused() throws {
        let f = try Fixture()
        let secretariat = try f.account("sec@office.kr", kind: .secretariat)
        let round = try f.round(by: secretariat)
        let applicant = try f.account("kim@solbit.kr", kind: .applicant, organisation: "KR-SOLBIT", by: secretariat)
        let application = try f.office.startApplication(roundID: round.id!, by: applicant)
        // The sample as shipped: another dossier id, another date.
        let raw = Array(try Data(contentsOf: Paths.sampleURL("city/solbit-missing-transport.xml")))
        #expect(throws: OfficeError.self) { try f.office.submit(application.id!, dossier: raw, basedOn: 1, by: applicant) }
        // Not XML at all: the located problems come back.
        do {
            _ = try f.office.submit(application.id!, dossier: Array("<dossier".utf8), basedOn: 1, by: applicant)
            Issue.record("accepted a broken dossier")
        } catch {
            #expect(error.kind == .invalid)
            #expect(!error.diagnostics.isEmpty)
        }
        #expect(try f.office.application(application.id!, for: applicant).state == .draft)
    }

    @Test func anUnconfirmedOrganisationCannotSubmit() throws {
        let f = try Fixture()
        let secretariat = try f.account("sec@office.kr", kind: .secretariat)
        let round = try f.round(by: secretariat)
        // Registered by the applicant: the secretariat has not confirmed the organisation.
        try f.office.register(email: "lee@solbit.kr", name: "이", organisationID: "kr-solbit", organisationName: "솔빛군")
        let token = try f.linkInNotice(to: "lee@solbit.kr")
        let account = try f.office.setPassword(token: token, password: "a long enough passphrase", again: "a long enough passphrase")
        var applicant = Actor(account: account)
        #expect(account.organisationID == "KR-SOLBIT")
        let application = try f.office.startApplication(roundID: round.id!, by: applicant)
        let dossier = try f.dossier(for: application)
        #expect(throws: OfficeError(.forbidden, .organisationUnconfirmed)) {
            try f.office.submit(application.id!, dossier: dossier, basedOn: 1, by: applicant)
        }
        try f.office.confirmOrganisation(accountID: account.id!, by: secretariat)
        applicant = try f.reread(applicant)
        #expect(try f.office.submit(application.id!, dossier: dossier, basedOn: 1, by: applicant).state == .submitted)
    }

    @Test func aReturnNotAnsweredInTimeLapses() throws {
        let f = try Fixture()
        let secretariat = try f.account("sec@office.kr", kind: .secretariat)
        let round = try f.round(by: secretariat, responseDays: "10")
        let applicant = try f.account("kim@solbit.kr", kind: .applicant, organisation: "KR-SOLBIT", by: secretariat)
        var application = try f.office.startApplication(roundID: round.id!, by: applicant)
        application = try f.office.submit(application.id!, dossier: try f.dossier(for: application), basedOn: 1, by: applicant)
        application = try f.office.returnApplication(application.id!, requests: [("GOV-1", "보완")], by: secretariat)
        #expect(application.responseDue == "2026-03-12")
        // 23:59 KST on the last day: still returned.
        f.time.set(Date(timeIntervalSince1970: 1_773_327_540))
        #expect(try f.office.application(application.id!, for: applicant).state == .returned)
        // The next day: lapsed, logged with no account.
        f.time.advance(120)
        #expect(try f.office.application(application.id!, for: applicant).state == .lapsed)
        #expect(try f.office.audit().ok)
    }

    @Test func aRoundFormReportsEveryProblemAtOnce() throws {
        let f = try Fixture()
        let secretariat = try f.account("sec@office.kr", kind: .secretariat)
        var form = RoundForm()
        form.opens = "2026.03.01"
        form.closes = ""
        form.reviewDeadline = "2026-04-30"
        form.responseDays = "열흘"
        do {
            _ = try f.office.createRound(form, by: secretariat)
            Issue.record("accepted a bad round")
        } catch {
            #expect(Set(error.all.compactMap(\.field)) == ["name", "rubric", "opens", "closes", "response-days"])
            #expect(error.all.first { $0.field == "opens" }!.text(.ko).contains("2026-03-02처럼"))
        }
    }
}

@Suite struct AccountTests {
    @Test func passwordsFollowTheRules() throws {
        #expect(throws: OfficeError(.invalid, .passwordTooShort(minimum: 12), field: "password")) { try Passwords.check("short") }
        #expect(throws: OfficeError(.invalid, .passwordCommon, field: "password")) { try Passwords.check("password1234") }
        #expect(throws: OfficeError(.invalid, .passwordCommon, field: "password")) { try Passwords.check("aaaaaaaaaaaaaaaa") }
        try Passwords.check("한솔시 스마트도시 담당자 비밀번호")
        // The office's passwords are bcrypt with work factor 12 (tests make theirs cheaper).
        #expect(Passwords.cost == 12)
        #expect(Passwords.hash("한솔시 스마트도시 담당자 비밀번호").contains("$12$"))
        // Over bcrypt's 72 bytes every character still counts.
        let long = String(repeating: "가나다라", count: 8)  // 96 UTF-8 bytes
        let hash = Passwords.hash(long, cost: 4)
        #expect(Passwords.verify(long, hash: hash))
        #expect(!Passwords.verify(String(long.dropLast()) + "마", hash: hash))
    }

    @Test func linksAreSingleUseAndExpire() throws {
        let f = try Fixture()
        let link = try f.office.createAccount(email: "Sec@Office.kr ", name: "사무국", kind: .secretariat, by: nil)
        #expect(link.account.email == "sec@office.kr")
        // The token is stored only as its SHA-256.
        let stored = try f.office.store.read { try OneTimeLink.fetchAll($0) }
        #expect(stored.map(\.tokenHash) == [sha256Hex(Array(link.token.utf8))])
        _ = try f.office.setPassword(token: link.token, password: "correct horse battery staple", again: "correct horse battery staple")
        #expect(throws: OfficeError(.notFound, .linkInvalid)) {
            try f.office.setPassword(token: link.token, password: "another long passphrase", again: "another long passphrase")
        }
        let late = try f.office.createAccount(email: "late@office.kr", name: "늦음", kind: .staff, by: nil)
        f.time.advance(7 * 24 * 3600 + 1)
        #expect(throws: OfficeError(.notFound, .linkInvalid)) { try f.office.link(late.token) }
    }

    @Test func signInIsThrottledPerAccountAndAddress() throws {
        let f = try Fixture()
        _ = try f.account("kim@solbit.kr", kind: .applicant, organisation: "KR-SOLBIT")
        for _ in 0..<5 {
            #expect(throws: OfficeError(.unauthenticated, .loginFailed)) {
                try f.office.signIn(email: "kim@solbit.kr", password: "wrong password here", client: "10.0.0.1")
            }
        }
        // The right password is refused too while throttled, from another address as well.
        #expect(throws: OfficeError(.throttled, .loginThrottled)) {
            try f.office.signIn(email: "kim@solbit.kr", password: "correct horse battery staple", client: "10.0.0.2")
        }
        f.time.advance(15 * 60 + 1)
        #expect(try f.office.signIn(email: "KIM@solbit.kr", password: "correct horse battery staple", client: "10.0.0.2").email == "kim@solbit.kr")
        // An unknown address fails the same way as a wrong password.
        #expect(throws: OfficeError(.unauthenticated, .loginFailed)) {
            try f.office.signIn(email: "nobody@solbit.kr", password: "correct horse battery staple", client: "10.0.0.3")
        }
        let actions = try f.office.store.read { try ActionRow.fetchAll($0) }.map(\.action)
        #expect(actions.filter { $0 == "login-failed" }.count == 6)
        #expect(actions.contains("login-throttled"))
    }

    @Test func disablingEndsTheAccountsSessionsAtOnce() throws {
        let f = try Fixture()
        let secretariat = try f.account("sec@office.kr", kind: .secretariat)
        let applicant = try f.account("kim@solbit.kr", kind: .applicant, organisation: "KR-SOLBIT", by: secretariat)
        #expect(try f.office.actor(accountID: applicant.id, generation: applicant.account.generation) != nil)
        // The secretariat cannot disable itself from the pages.
        #expect(throws: OfficeError(.forbidden, .forbidden)) { try f.office.setDisabled(true, email: "sec@office.kr", by: secretariat) }
        try f.office.setDisabled(true, email: "kim@solbit.kr", by: secretariat)
        #expect(try f.office.actor(accountID: applicant.id, generation: applicant.account.generation) == nil)
        #expect(throws: OfficeError(.unauthenticated, .loginFailed)) {
            try f.office.signIn(email: "kim@solbit.kr", password: "correct horse battery staple", client: "x")
        }
    }

    @Test func eachTOTPCodeIsAcceptedOnce() throws {
        let f = try Fixture()
        let secretariat = try f.account("sec@office.kr", kind: .secretariat)
        f.time.advance(60)
        let code = f.code("test-secret-sec@office.kr")
        try f.office.verifySecondFactor(accountID: secretariat.id, code: code)
        #expect(throws: OfficeError(.invalid, .codeInvalid, field: "code")) {
            try f.office.verifySecondFactor(accountID: secretariat.id, code: code)
        }
        #expect(f.office.hasFreshSecondFactor(try f.reread(secretariat).account))
        f.time.advance(5 * 60 + 1)
        #expect(!f.office.hasFreshSecondFactor(try f.reread(secretariat).account))
    }
}

@Suite struct JointApplicationTests {
    @Test func everyCoApplicantConfirmsTheCurrentDraftBeforeSubmission() throws {
        let f = try Fixture()
        let secretariat = try f.account("sec@office.kr", kind: .secretariat)
        let round = try f.round(by: secretariat)
        let lead = try f.account("kim@solbit.kr", kind: .applicant, organisation: "KR-SOLBIT", by: secretariat)
        let partner = try f.account("park@partner.kr", kind: .applicant, organisation: "KR-PARTNER", by: secretariat)
        let stranger = try f.account("choi@other.kr", kind: .applicant, organisation: "KR-OTHER", by: secretariat)
        var application = try f.office.startApplication(roundID: round.id!, by: lead)
        application = try f.office.saveDraft(application.id!, draft: "{}", coApplicants: ["KR-PARTNER", "KR-SOLBIT"], basedOn: 1, by: lead)
        #expect(application.coApplicantIDs == ["KR-PARTNER"])
        // The partner sees it but cannot edit it; a stranger does not see it.
        #expect(try f.office.application(application.id!, for: partner).reference == application.reference)
        #expect(throws: OfficeError(.forbidden, .forbidden)) { try f.office.saveDraft(application.id!, draft: "x", basedOn: 2, by: partner) }
        #expect(throws: OfficeError(.notFound, .notFound)) { try f.office.application(application.id!, for: stranger) }
        #expect(try f.office.dashboard(for: partner).map(\.application.reference) == [application.reference])
        #expect(try f.office.dashboard(for: stranger).isEmpty)
        let dossier = try f.dossier(for: application)
        #expect(throws: OfficeError(.conflict, .jointUnconfirmed(organisations: ["KR-PARTNER"]))) {
            try f.office.submit(application.id!, dossier: dossier, basedOn: 2, by: lead)
        }
        try f.office.confirmJoint(application.id!, revision: 2, by: partner)
        // A changed draft needs confirming again.
        application = try f.office.saveDraft(application.id!, draft: "{ }", coApplicants: ["KR-PARTNER"], basedOn: 2, by: lead)
        #expect(throws: OfficeError(.conflict, .jointUnconfirmed(organisations: ["KR-PARTNER"]))) {
            try f.office.submit(application.id!, dossier: dossier, basedOn: 3, by: lead)
        }
        #expect(throws: OfficeError(.forbidden, .forbidden)) { try f.office.confirmJoint(application.id!, revision: 3, by: lead) }
        try f.office.confirmJoint(application.id!, revision: 3, by: partner)
        #expect(try f.office.submit(application.id!, dossier: dossier, basedOn: 3, by: lead).state == .submitted)
        #expect(try f.office.audit().ok)
    }
}

@Suite struct NoticeTests {
    @Test func registeringTwiceTellsTheOwnerByMailAndCreatesNothing() throws {
        let f = try Fixture()
        try f.office.register(email: "lee@solbit.kr", name: "이솔빛", organisationID: "KR-SOLBIT", organisationName: "솔빛군")
        try f.office.register(email: "LEE@solbit.kr", name: "누군가", organisationID: "KR-OTHER", organisationName: "")
        #expect(try f.office.accounts().count == 1)
        let notices = try f.office.store.read { try NoticeRow.order(Column("id")).fetchAll($0) }
        #expect(notices.map(\.recipient) == ["lee@solbit.kr", "lee@solbit.kr"])
        #expect(notices[0].subject.contains("전자우편 주소를 확인해 주십시오"))
        #expect(notices[1].subject.contains("이미 가입된 주소입니다"))
        #expect(!notices[1].body.contains("/office/link/"))
    }

    @Test func aMessageIsRFC5322WithAnEncodedKoreanSubject() throws {
        let notice = OfficeNotice.returned(reference: "R1-0001", due: "2026-03-12", url: "https://office.example/office/applications/1")
        let message = MailMessage(from: "Certify <certify@office.example>", to: "kim@solbit.kr", subject: notice.subject,
                                  body: notice.body, date: Date(timeIntervalSince1970: 1_772_409_600), messageID: "m1@certify")
        let text = message.rendered
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(lines.contains("Date: Mon, 02 Mar 2026 09:00:00 +0900"))
        // The subject's encoded words decode back to the subject.
        let header = text.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
        let subjectLine = header.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") }!
        let words = subjectLine.dropFirst("Subject: ".count).split(separator: " ")
        let decoded = words.map { word -> [UInt8] in
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?=") && word.count <= 75)
            return Array(Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!)
        }.flatMap { $0 }
        #expect(String(decoding: decoded, as: UTF8.self) == notice.subject)
        let body = text.components(separatedBy: "\r\n\r\n")[1].replacingOccurrences(of: "\r\n", with: "")
        #expect(String(decoding: Data(base64Encoded: body)!, as: UTF8.self) == notice.body)
    }

    @Test func actionsQueueNoticesToTheOrganisation() throws {
        let f = try Fixture()
        let secretariat = try f.account("sec@office.kr", kind: .secretariat)
        let round = try f.round(by: secretariat)
        let applicant = try f.account("kim@solbit.kr", kind: .applicant, organisation: "KR-SOLBIT", by: secretariat)
        var application = try f.office.startApplication(roundID: round.id!, by: applicant)
        application = try f.office.submit(application.id!, dossier: try f.dossier(for: application), basedOn: 1, by: applicant)
        _ = try f.office.returnApplication(application.id!, requests: [("GOV-1", "보완")], by: secretariat)
        let subjects = try f.office.notices(for: applicant).map(\.subject)
        #expect(subjects.count == 3)  // account created, submitted, returned
        #expect(subjects[0].contains("보완 요청"))
    }
}
