import CertifyEngine
import CertifyModel
@testable import CertifyOffice
import CertifyRegistry
import CertifyReport
import CertifyRuntime
import CertifyTestSupport
import Crypto
import Foundation
import GRDB
import Testing

/// The second half of a round through the office's actions: invitations,
/// conflicts, assignment, blind reviews, the chair's decision, signing,
/// the registry queue, the appeal and renewal; the log audited throughout.
@Suite struct PanelTests {
    /// A round of the smart service rubric with an applicant's application
    /// of `sample` accepted for review, and five reviewers and a chair invited.
    struct Round2 {
        let f: Fixture
        let secretariat: Actor
        let round: Round
        var applicant: Actor
        var application: OfficeApplication
        var reviewers: [Actor]
        var chair: Actor
        let signerKey: P256.Signing.PrivateKey
        let registryPath: String
        let scratch = Scratch()

        init(sample: String, sign: Bool = true) throws {
            registryPath = scratch.directory.appendingPathComponent("registry.sqlite").path
            let registry = try Registry.create(at: registryPath, origin: "registry.test/log")
            signerKey = P256.Signing.PrivateKey()
            f = try Fixture(signer: sign ? ReportSigner(key: signerKey, name: "시험 인증기관") : nil, registry: registry)
            secretariat = try f.account("sec@office.kr", kind: .secretariat)
            round = try f.round(by: secretariat, rubric: "kr-smart-service 1.0")
            applicant = try f.account("lee@vendor.kr", kind: .applicant, organisation: "KR-BRN-1234567890", by: secretariat)
            application = try f.office.startApplication(roundID: round.id!, by: applicant)
            let (dossier, evidence) = try f.serviceDossier(for: application, sample: sample)
            for (index, bytes) in evidence.enumerated() {
                _ = try f.office.uploadEvidence(application.id!, fileName: "e\(index + 1).pdf", bytes: bytes, by: applicant)
            }
            application = try f.office.submit(application.id!, dossier: dossier, basedOn: 1, by: applicant)
            application = try f.office.accept(application.id!, by: secretariat)
            let (f, round, secretariat) = (self.f, self.round, self.secretariat)
            reviewers = try (1...4).map { try f.staff("r\($0)@panel.kr", invitedTo: round, as: .reviewer, by: secretariat) }
            chair = try f.staff("chair@panel.kr", invitedTo: round, as: .chair, by: secretariat, enrol: true)
        }

        mutating func refresh() throws {
            reviewers = try reviewers.map { try f.actor($0.account) }
            chair = try f.actor(chair.account)
            applicant = try f.actor(applicant.account)
            application = try f.office.application(application.id!, for: secretariat)
        }

        /// Reviewer `index` (0-based) submits the sample's sheet `file`.
        func submit(_ index: Int, _ sample: String, _ file: String) throws {
            let code = "R-0\(index + 1)"
            try f.office.submitReview(application.id!, xml: try f.review(sample, file, for: application, code: code), by: reviewers[index])
        }

        /// The chair enters a fresh code, then confirms.
        func confirm(note: String = "심사 결과를 확정합니다") throws -> OfficeDecision {
            f.time.advance(31)
            try f.office.verifySecondFactor(accountID: chair.id, code: f.code("test-secret-chair@panel.kr"))
            return try f.office.confirm(application.id!, note: note, by: try f.actor(chair.account))
        }
    }

    @Test func aWholeRoundFromAssignmentToTheRegistry() throws {
        var r = try Round2(sample: "parking-pass")
        let f = r.f
        #expect(r.reviewers.map { _ in () }.count == 4)
        #expect(try f.office.panel(ofRound: r.round.id!, for: r.secretariat).map(\.code) == ["C-01", "R-01", "R-02", "R-03", "R-04"])

        // An affiliated reviewer cannot be assigned, and the refusal says why.
        _ = try f.office.declareAffiliations("KR-BRN-1234567890, KR-OTHER", by: r.reviewers[3])
        #expect(throws: OfficeError(.conflict, .conflictAffiliated(reviewer: "R-04 r4@panel.kr", organisation: "KR-BRN-1234567890"), field: "member")) {
            try f.office.assign(r.application.id!, accountID: r.reviewers[3].id, role: .reviewer, by: r.secretariat)
        }
        // Only the secretariat assigns; a reviewer of another application sees nothing of this one.
        #expect(throws: OfficeError(.notFound, .notFound)) {
            try f.office.assign(r.application.id!, accountID: r.reviewers[0].id, role: .reviewer, by: r.reviewers[0])
        }

        // The assistant proposes the chair and three reviewers, never R-04.
        let proposal = try f.office.proposeAssignments(roundID: r.round.id!, by: r.secretariat)
        #expect(proposal.map(\.code) == ["C-01", "R-01", "R-02", "R-03"])
        #expect(try f.office.applyProposal(roundID: r.round.id!, by: r.secretariat) == 4)
        #expect(try f.office.proposeAssignments(roundID: r.round.id!, by: r.secretariat).isEmpty)
        try r.refresh()

        // Blind until submitted: before R-01 submits, the other reviews are not found.
        try r.submit(1, "parking-pass", "review-R-02.xml")
        #expect(throws: OfficeError(.notFound, .notFound)) { try f.office.reviews(of: r.application.id!, for: r.reviewers[0]) }
        try f.office.saveReviewDraft(r.application.id!, fields: "{}", basedOn: 0, by: r.reviewers[0])
        #expect(throws: OfficeError(.conflict, .reviewStale(current: 1))) {
            try f.office.saveReviewDraft(r.application.id!, fields: "{\"x\":1}", basedOn: 0, by: r.reviewers[0])
        }
        // A sheet naming another reviewer's code is refused.
        #expect(throws: OfficeError.self) {
            try f.office.submitReview(r.application.id!, xml: try f.review("parking-pass", "review-R-01.xml", for: r.application, code: "R-03"),
                                      by: r.reviewers[0])
        }
        try r.submit(0, "parking-pass", "review-R-01.xml")
        #expect(try f.office.reviews(of: r.application.id!, for: r.reviewers[0]).map(\.code) == ["R-01", "R-02"])
        // Submitted is final until the chair sends the result back.
        #expect(throws: OfficeError(.conflict, .reviewFinal)) { try r.submit(0, "parking-pass", "review-R-02.xml") }
        // The applicant never sees the reviews themselves.
        #expect(throws: OfficeError(.notFound, .notFound)) { try f.office.reviews(of: r.application.id!, for: r.applicant) }

        // The chair cannot decide before every review is in, nor without a fresh code.
        #expect(throws: OfficeError(.conflict, .reviewsMissing(reviewers: ["R-03"]))) { try r.confirm() }
        try r.submit(2, "parking-pass", "review-R-03.xml")
        f.time.advance(600)
        #expect(throws: OfficeError(.forbidden, .secondFactorStale, field: "code")) {
            try f.office.confirm(r.application.id!, note: "확정", by: try f.actor(r.chair.account))
        }
        // A reviewer cannot decide.
        #expect(throws: OfficeError(.forbidden, .forbidden)) { try f.office.confirm(r.application.id!, note: "x", by: r.reviewers[0]) }

        // The panel's result is the engine's, from exactly these reviews.
        let view = try f.office.panelView(r.application.id!, for: r.chair)
        let expected = try Fixture.certifier.score(
            dossier: .bytes(Array(try f.office.store.read { try f.office.dossierBytes($0, r.application) }), name: "d.xml"),
            reviews: try (1...3).map { .bytes(try f.review("parking-pass", "review-R-0\($0).xml", for: r.application, code: "R-0\($0)"), name: "r\($0).xml") },
            options: ScoringOptions(date: f.office.today, official: true))
        #expect(view.result?.total == expected.total)
        #expect(view.result?.certified == true)

        let decision = try r.confirm()
        #expect(decision.isSigned)
        try r.refresh()
        #expect(r.application.state == .decided)
        #expect(r.application.appealDue == "2026-03-16")

        // The report verifies with the body's key and re-scores from the office's own inputs.
        let (_, report, _) = try f.office.report(decision.id!, for: r.applicant)
        let audit = try ReportAudit.run(report: .bytes(Array(report), name: "report.xml"), trusting: [r.signerKey.publicKey],
                                        schemas: Fixture.certifier.schemas, on: f.office.today)
        #expect(audit.summary.certified)
        #expect(audit.isCurrent)
        // It is the report `certify report --official` writes for the same inputs and date (all but the signature value).
        let cli = try ReportBuilder(certifier: Fixture.certifier, signing: .key(ReportSigner(key: r.signerKey, name: "시험 인증기관")),
                                    generatedAt: decision.generatedAt!)
            .build(dossier: .bytes(Array(try f.office.store.read { try f.office.dossierBytes($0, r.application) }), name: "d.xml"),
                   reviews: try (1...3).map { .bytes(try f.review("parking-pass", "review-R-0\($0).xml", for: r.application, code: "R-0\($0)"), name: "r\($0).xml") },
                   options: ScoringOptions(date: f.office.today, official: true))
        #expect(Self.unsigned(cli.report) == Self.unsigned(Array(report)))

        // The registry has it: the queue ran after the decision.
        let registry = try Registry.open(at: r.registryPath, readOnly: true)
        let certificate = try #require(try registry.certificate(reportSHA256: sha256Hex(report)))
        #expect(try f.office.certificateID(of: decision) == certificate.id)
        #expect(try f.office.pendingRegistryTasks().isEmpty)

        // Notices: the applicant was told of the decision; reviewers of their assignment.
        let subjects = try f.office.store.read { try NoticeRow.fetchAll($0).map(\.subject) }
        #expect(subjects.contains { $0.contains("인증 결과") })
        #expect(subjects.filter { $0.contains("심사 배정") }.count == 4)
        // The appeal period ends at 24:00 KST on its last day.
        f.time.set(Date(timeIntervalSince1970: 1_772_409_600 + 15 * 86400 - 9 * 3600 + 1))  // 2026-03-17T00:00:01 KST
        #expect(throws: OfficeError(.conflict, .appealClosed(lastDay: "2026-03-16"))) {
            try f.office.appeal(r.application.id!, reason: "늦은 이의", by: r.applicant)
        }
        let audited = try f.office.audit()
        #expect(audited.ok, "\(audited.problems)")
    }

    /// The signed report without its signature value (ECDSA signatures differ each time).
    static func unsigned(_ report: [UInt8]) -> String {
        String(decoding: report, as: UTF8.self).replacingOccurrences(
            of: #"<ds:SignatureValue>[^<]*</ds:SignatureValue>"#, with: "", options: .regularExpression)
    }

    @Test func anAppealReopensTheReviewAndTheNewDecisionReplacesTheOld() throws {
        var r = try Round2(sample: "streetlight-near-miss")
        let f = r.f
        try f.office.applyProposal(roundID: r.round.id!, by: r.secretariat)
        try r.refresh()
        try r.submit(0, "streetlight-near-miss", "review-R-01.xml")
        try r.submit(1, "streetlight-near-miss", "review-R-02.xml")
        try r.submit(2, "streetlight-near-miss", "review-R-03.xml")
        let first = try r.confirm()
        #expect(first.certified)  // 60.05 with R-01..R-03
        try r.refresh()

        // Not the chair's to reopen, nor the applicant's after the period; the applicant appeals within it.
        #expect(throws: OfficeError(.invalid, .reasonRequired, field: "reason")) { try f.office.appeal(r.application.id!, reason: " ", by: r.applicant) }
        try f.office.appeal(r.application.id!, reason: "KPI 달성률 산정에 이의가 있습니다", by: r.applicant)
        #expect(throws: OfficeError(.forbidden, .forbidden)) { try f.office.reopen(r.application.id!, by: r.chair) }
        try f.office.reopen(r.application.id!, by: r.secretariat)
        try r.refresh()
        #expect(r.application.state == .inReview)
        #expect(r.application.cycle == 2)
        // Blind again: in the new cycle a reviewer sees neither the reviews nor the first report (it carries every score).
        #expect(throws: OfficeError(.notFound, .notFound)) { try f.office.report(first.id!, for: r.reviewers[0]) }
        #expect(throws: OfficeError(.notFound, .notFound)) { try f.office.reviews(of: r.application.id!, for: r.reviewers[0]) }
        #expect(try f.office.report(first.id!, for: r.applicant).bytes.count > 0)

        // The secretariat replaces R-03 by R-04 (no review of this cycle yet); the old reviews no longer count.
        try f.office.unassign(r.application.id!, accountID: r.reviewers[2].id, by: r.secretariat)
        try f.office.assign(r.application.id!, accountID: r.reviewers[3].id, role: .reviewer, by: r.secretariat)
        try r.refresh()
        #expect(try f.office.panelView(r.application.id!, for: r.chair).missing == ["R-01", "R-02", "R-04"])
        try r.submit(0, "streetlight-near-miss", "review-R-01.xml")
        try r.submit(1, "streetlight-near-miss", "review-R-02.xml")
        try r.submit(3, "streetlight-near-miss", "review-R-04.xml")
        let second = try r.confirm(note: "이의 신청에 따른 재심사 결과")
        #expect(!second.certified)  // 59.54 with R-01, R-02, R-04: the new decision stands either way
        #expect(try f.office.decisions(of: r.application).count == 2)

        // The certificate the new decision replaces is revoked with the reason `appeal`.
        let registry = try Registry.open(at: r.registryPath, readOnly: true)
        let old = try #require(try registry.certificate(reportSHA256: first.reportSHA256!))
        #expect(old.revocationReason == "appeal")
        let audited = try f.office.audit()
        #expect(audited.ok, "\(audited.problems)")

        // The decision after an appeal stands: no second appeal, even within the period.
        #expect(throws: OfficeError(.conflict, .appealUsed)) { try f.office.appeal(r.application.id!, reason: "다시", by: r.applicant) }
    }

    @Test func withoutAKeyDecisionsWaitForOfficeSign() throws {
        var r = try Round2(sample: "parking-pass", sign: false)
        let f = r.f
        try f.office.applyProposal(roundID: r.round.id!, by: r.secretariat)
        try r.refresh()
        for index in 0..<3 { try r.submit(index, "parking-pass", "review-R-0\(index + 1).xml") }
        let decision = try r.confirm()
        #expect(!decision.isSigned)
        try r.refresh()
        #expect(r.application.state == .inReview)
        #expect(throws: OfficeError(.conflict, .decisionWaitsForSignature)) { try r.confirm() }
        // While it waits, the panel is frozen: what is signed is what was confirmed.
        #expect(throws: OfficeError(.conflict, .decisionWaitsForSignature)) {
            try f.office.unassign(r.application.id!, accountID: r.reviewers[0].id, by: r.secretariat)
        }
        #expect(throws: OfficeError(.conflict, .decisionWaitsForSignature)) {
            try f.office.saveReviewDraft(r.application.id!, fields: "{}", basedOn: 0, by: r.reviewers[0])
        }
        // The applicant sees no report yet.
        #expect(throws: OfficeError(.notFound, .notFound)) { try f.office.report(decision.id!, for: r.applicant) }

        let signed = try f.office.signWaiting(with: ReportSigner(key: r.signerKey, name: nil))
        #expect(signed.count == 1)
        try r.refresh()
        #expect(r.application.state == .decided)
        let (_, report, _) = try f.office.report(decision.id!, for: r.applicant)
        let audit = try ReportAudit.run(report: .bytes(Array(report), name: "report.xml"), trusting: [r.signerKey.publicKey],
                                        schemas: Fixture.certifier.schemas, on: f.office.today)
        #expect(audit.summary.certified)
        #expect(try f.office.signWaiting(with: ReportSigner(key: r.signerKey, name: nil)).isEmpty)
        // The office signs with one key: its first signature pinned it.
        #expect(throws: OfficeError.self) { try f.office.signWaiting(with: ReportSigner(key: P256.Signing.PrivateKey(), name: nil)) }
        let pinned = try f.office.store.read { try Setting.fetchOne($0, key: Office.signingKeySetting) }
        #expect(pinned?.value == r.signerKey.publicKey.pemRepresentation)
        #expect(try f.office.audit().ok)
        // The audit finds a decision or an appeal removed behind the log's back, and a removed assignment put back.
        try f.sqlite("DELETE FROM registryTask")
        #expect(!(try f.office.audit().ok))
    }

    @Test func aConflictDeclaredEndsTheAssignmentAndBlocksItAgain() throws {
        var r = try Round2(sample: "parking-pass")
        let f = r.f
        try f.office.assign(r.application.id!, accountID: r.reviewers[0].id, role: .reviewer, by: r.secretariat)
        try r.refresh()
        #expect(throws: OfficeError(.invalid, .noteRequired, field: "reason")) { try f.office.declareConflict(r.application.id!, reason: "", by: r.reviewers[0]) }
        try f.office.declareConflict(r.application.id!, reason: "전 직장", by: r.reviewers[0])
        try r.refresh()
        #expect(r.reviewers[0].assignments.isEmpty)
        #expect(throws: OfficeError(.notFound, .notFound)) { try f.office.reviewerDesk(r.application.id!, for: r.reviewers[0]) }
        #expect(throws: OfficeError(.conflict, .conflictDeclared(reviewer: "R-01 r1@panel.kr"), field: "member")) {
            try f.office.assign(r.application.id!, accountID: r.reviewers[0].id, role: .reviewer, by: r.secretariat)
        }
        #expect(try f.office.proposeAssignments(roundID: r.round.id!, by: r.secretariat).map(\.code) == ["C-01", "R-02", "R-03", "R-04"])
        #expect(try f.office.audit().ok)
    }

    @Test func aRenewalInTheWindowStartsTheDayAfterItsPredecessorExpires() throws {
        var r = try Round2(sample: "parking-pass")
        let f = r.f
        try f.office.applyProposal(roundID: r.round.id!, by: r.secretariat)
        try r.refresh()
        for index in 0..<3 { try r.submit(index, "parking-pass", "review-R-0\(index + 1).xml") }
        let first = try r.confirm()
        #expect(first.validUntil == "2028-03-01")
        #expect(try f.office.renewalOffers(for: r.applicant).isEmpty)

        // Twenty-two months later: in the renewal window, with a new round open.
        f.time.set(Date(timeIntervalSince1970: 1_772_409_600 + 670 * 86400))  // 2027-12-31
        #expect(try f.office.renewalOffers(for: r.applicant).map(\.decision.id) == [first.id])
        var form = RoundForm()
        form.name = "2028년 갱신"
        form.rubric = "kr-smart-service 1.0"
        form.opens = "2027-12-01"
        form.closes = "2028-01-31"
        form.reviewDeadline = "2028-02-20"
        let renewalRound = try f.office.createRound(form, by: r.secretariat)
        var renewal = try f.office.startRenewal(decisionID: first.id!, roundID: renewalRound.id!, draft: "{\"prefilled\":true}", by: r.applicant)
        #expect(renewal.renewalOf == first.id)
        #expect(renewal.draft == "{\"prefilled\":true}")
        #expect(try f.office.renewalOffers(for: r.applicant).isEmpty)
        try f.office.sweepReminders()
        let subjects = try f.office.store.read { try NoticeRow.fetchAll($0).map(\.subject) }
        #expect(subjects.contains { $0.contains("갱신") })

        let (dossier, evidence) = try f.serviceDossier(for: renewal, sample: "parking-pass")
        for (index, bytes) in evidence.enumerated() {
            _ = try f.office.uploadEvidence(renewal.id!, fileName: "e\(index + 1).pdf", bytes: bytes, by: r.applicant)
        }
        renewal = try f.office.submit(renewal.id!, dossier: dossier, basedOn: 1, by: r.applicant)
        renewal = try f.office.accept(renewal.id!, by: r.secretariat)
        for (index, reviewer) in r.reviewers.enumerated() {
            _ = try f.office.invite(roundID: renewalRound.id!, email: reviewer.account.email, name: "x", role: .reviewer, by: r.secretariat)
            _ = index
        }
        _ = try f.office.invite(roundID: renewalRound.id!, email: r.chair.account.email, name: "x", role: .chair, by: r.secretariat)
        try f.office.applyProposal(roundID: renewalRound.id!, by: r.secretariat)
        try r.refresh()
        r.application = renewal
        for index in 0..<3 { try r.submit(index, "parking-pass", "review-R-0\(index + 1).xml") }
        let second = try r.confirm()
        #expect(second.decisionDate == "2028-03-02")
        #expect(second.validUntil == "2030-03-01")
        let registry = try Registry.open(at: r.registryPath, readOnly: true)
        let successor = try #require(try registry.certificate(reportSHA256: second.reportSHA256!))
        #expect(successor.predecessor == (try f.office.certificateID(of: first)))
        #expect(try f.office.audit().ok)
    }
}
