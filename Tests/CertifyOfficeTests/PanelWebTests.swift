import CertifyModel
@testable import CertifyOffice
@testable import CertifyOfficeWeb
import CertifyServer
import Foundation
import HummingbirdTesting
import Logging
import Testing

/// The panel's pages over HTTP, where the library's tests cannot see: the
/// renewal offer on the dashboard and its prefilled draft, the review
/// sheet's refusal of an incomplete sheet, located at its field.
@Suite(.timeLimit(.minutes(10))) struct PanelWebTests {
    static func signIn(_ client: some TestClientProtocol, _ email: String) async throws -> Browser {
        var browser = Browser()
        let form = try await browser.get(client, "/office/sign-in")
        let signedIn = try await browser.post(client, "/office/sign-in", [("email", email), ("password", "correct horse battery staple")],
                                              csrf: form.hidden("csrf"))
        #expect(signedIn.status == .seeOther)
        return browser
    }

    @Test func aCertificateInItsLastMonthsIsRenewedFromTheDashboard() async throws {
        var r = try PanelTests.Round2(sample: "parking-pass")
        let f = r.f
        try f.office.applyProposal(roundID: r.round.id!, by: r.secretariat)
        try r.refresh()
        for index in 0..<3 { try r.submit(index, "parking-pass", "review-R-0\(index + 1).xml") }
        let decision = try r.confirm()
        f.time.set(Date(timeIntervalSince1970: 1_772_409_600 + 670 * 86400))  // 2027-12-31, in the last 3 months
        var form = RoundForm()
        form.name = "2028년 갱신 회차"
        form.rubric = "kr-smart-service 1.0"
        form.opens = "2027-12-01"
        form.closes = "2028-01-31"
        form.reviewDeadline = "2028-02-20"
        let renewalRound = try f.office.createRound(form, by: r.secretariat)
        let (applicant, secretariat) = (r.applicant, r.secretariat)
        let web = try await OfficeWeb(office: f.office, publicURL: Browser.origin)
        let server = try await CertifyServer(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, extensions: [web]), certifier: Fixture.certifier)
        try await server.application(logger: Logger(label: "office-test")).test(.router) { client in
            var browser = try await Self.signIn(client, "lee@vendor.kr")
            let dashboard = try await browser.get(client, "/office/dashboard?lang=ko")
            #expect(dashboard.text.contains("갱신 신청"))
            #expect(dashboard.text.contains("/office/renewals/\(decision.id!)"))
            #expect(dashboard.text.contains("2028년 갱신 회차"))
            let started = try await browser.post(client, "/office/renewals/\(decision.id!)", [("round", "\(renewalRound.id!)")],
                                                 csrf: dashboard.hidden("csrf"))
            #expect(started.status == .seeOther)
            let renewal = try #require(try f.office.dashboard(for: try f.actor(applicant.account))
                .first { $0.application.renewalOf == decision.id }?.application)
            let full = try f.office.application(renewal.id!, for: secretariat)
            // Prefilled from the decided dossier; the office writes the id and date again at submission.
            let fields = OfficeRoutes.fields(ofDraft: full.draft)
            #expect(fields["value-OPS-2"] != nil || fields.keys.contains { $0.hasPrefix("value-") })
            #expect(fields["dossier-id"] == nil)
            // A second renewal of the same certificate is not offered.
            let again = try await browser.get(client, "/office/dashboard?lang=ko")
            #expect(!again.text.contains("/office/renewals/\(decision.id!)"))
        }
        #expect(try f.office.audit().ok)
    }

    @Test func anIncompleteReviewSheetIsRefusedAtItsField() async throws {
        var r = try PanelTests.Round2(sample: "parking-pass")
        let f = r.f
        try f.office.applyProposal(roundID: r.round.id!, by: r.secretariat)
        try r.refresh()
        let web = try await OfficeWeb(office: f.office, publicURL: Browser.origin)
        let server = try await CertifyServer(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, extensions: [web]), certifier: Fixture.certifier)
        let path = "/office/applications/\(r.application.id!)/review"
        let (application, reviewer) = (r.application, r.reviewers[0])
        try await server.application(logger: Logger(label: "office-test")).test(.router) { client in
            var browser = try await Self.signIn(client, "r1@panel.kr")
            let sheet = try await browser.get(client, path + "?lang=ko")
            #expect(sheet.status == .ok)
            #expect(sheet.text.contains("R-01"))
            // A KPI rejected without a reason: 422, the summary links to the reason's field; nothing is stored.
            let refused = try await browser.post(client, path + "?lang=ko",
                                                 [("revision", "0"), ("judgment-COM-1-score", "4"), ("decision-K1", "reject"),
                                                  ("action", "submit")], csrf: sheet.hidden("csrf"))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("href=\"#reason-K1\""))
            #expect(try f.office.reviewerDesk(application.id!, for: reviewer).submitted.isEmpty)
            // With the reason it is submitted, as the review XML `certify validate` accepts.
            let submitted = try await browser.post(client, path + "?lang=ko",
                                                   [("revision", "0"), ("judgment-COM-1-score", "4"), ("decision-K1", "reject"),
                                                    ("reason-K1", "측정 방법이 불명확합니다"), ("action", "submit")], csrf: sheet.hidden("csrf"))
            #expect(submitted.status == .seeOther)
            let desk = try f.office.reviewerDesk(application.id!, for: reviewer)
            #expect(desk.submitted.count == 1)
            let xml = try f.office.reviewXML(of: application.id!, sha256: desk.submitted[0].xmlSHA256, for: reviewer).bytes
            let review = try Fixture.certifier.loadReview(.bytes(Array(xml), name: "review.xml"))
            #expect(review.reviewer == "R-01" && review.dossierID == application.reference)
            #expect(review.kpiDecisions.map(\.kpi) == ["K1"])
        }
        #expect(try f.office.audit().ok)
    }
}
