import CertifyModel
@testable import CertifyOffice
@testable import CertifyOfficeWeb
import CertifyServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import NIOCore
import Synchronization
import Testing

/// A router that records what is registered on it.
final class RecordingRouter: RouterMethods, Sendable {
    typealias Context = CertifyRequestContext
    let routes = NIOLockedValueBox<[RouteRule]>([])

    @discardableResult
    func on<Responder: HTTPResponder>(_ path: RouterPath, method: HTTPRequest.Method, responder: Responder) -> Self
        where Responder.Context == Context {
        routes.withLockedValue { $0.append(RouteRule(method: method, path: path.description, rule: "")) }
        return self
    }

    @discardableResult
    func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self { self }
}

/// Every route the office registers has a rule, and every rule answers as
/// the policy says for every kind of caller and object.
@Suite(.timeLimit(.minutes(10))) struct RouteTableTests {
    @Test func everyRegisteredRouteHasARule() async throws {
        let (f, _) = try await WebTests.setup()
        let web = try await OfficeWeb(office: f.office, publicURL: Browser.origin)
        let server = try await CertifyServer(configuration: ServerConfiguration(), certifier: Fixture.certifier)
        let recorder = RecordingRouter()
        OfficeRoutes(web: web, server: server).register(on: recorder)
        let registered = recorder.routes.withLockedValue { $0 }
        let rules = OfficeRoutes.table.withLock { $0 }
        #expect(registered.count >= 20)
        for route in registered {
            #expect(rules.contains { $0.method == route.method && $0.path == route.path && !$0.rule.isEmpty },
                    "\(route.method) \(route.path) has no rule")
        }
    }

    /// Every route and the permission it asks for, written out by hand: the
    /// access matrix below works out what each caller should get from these
    /// names, so a route whose rule became more permissive would pass it;
    /// here any change to a route or its rule must be made twice, once on
    /// purpose.
    static let pinned: [String] = [
        "GET /office anyone",
        "GET /office/accounts manage-accounts",
        "GET /office/applications/{id} view-application",
        "GET /office/applications/{id}/decisions/{decision}/report.html view-application",
        "GET /office/applications/{id}/decisions/{decision}/report.xml view-application",
        "GET /office/applications/{id}/files/{sha256} view-application",
        "GET /office/applications/{id}/form edit-application",
        "GET /office/applications/{id}/panel view-panel",
        "GET /office/applications/{id}/plan view-application",
        "GET /office/applications/{id}/review review",
        "GET /office/applications/{id}/reviews/{sha256} view-panel",
        "GET /office/dashboard own-account",
        "GET /office/link/{token} anyone",
        "GET /office/profile declare-affiliations",
        "GET /office/register anyone",
        "GET /office/rounds view-rounds",
        "GET /office/rounds/{id} manage-rounds",
        "GET /office/second-factor own-account",
        "GET /office/sign-in anyone",
        "POST /office/accounts manage-accounts",
        "POST /office/accounts/{id}/confirm manage-accounts",
        "POST /office/accounts/{id}/disable manage-accounts",
        "POST /office/applications/{id}/accept check-completeness",
        "POST /office/applications/{id}/appeal appeal",
        "POST /office/applications/{id}/assign assign-panel",
        "POST /office/applications/{id}/confirm-joint confirm-joint",
        "POST /office/applications/{id}/conflict declare-conflict",
        "POST /office/applications/{id}/decide decide",
        "POST /office/applications/{id}/draft edit-application",
        "POST /office/applications/{id}/evidence edit-application",
        "POST /office/applications/{id}/form edit-application",
        "POST /office/applications/{id}/reopen assign-panel",
        "POST /office/applications/{id}/return check-completeness",
        "POST /office/applications/{id}/review review",
        "POST /office/applications/{id}/submit edit-application",
        "POST /office/applications/{id}/unassign assign-panel",
        "POST /office/applications/{id}/withdraw edit-application",
        "POST /office/link/{token} anyone",
        "POST /office/profile declare-affiliations",
        "POST /office/register anyone",
        "POST /office/renewals/{id} own-account",
        "POST /office/rounds manage-rounds",
        "POST /office/rounds/{id}/applications start-application",
        "POST /office/rounds/{id}/assign manage-rounds",
        "POST /office/rounds/{id}/close manage-rounds",
        "POST /office/rounds/{id}/invite manage-rounds",
        "POST /office/second-factor own-account",
        "POST /office/sign-in anyone",
        "POST /office/sign-out own-account",
    ]

    @Test func everyRouteAsksForThePinnedPermission() async throws {
        let (f, _) = try await WebTests.setup()
        let web = try await OfficeWeb(office: f.office, publicURL: Browser.origin)
        let server = try await CertifyServer(configuration: ServerConfiguration(), certifier: Fixture.certifier)
        OfficeRoutes(web: web, server: server).register(on: RecordingRouter())
        let actual = OfficeRoutes.table.withLock { $0 }.map { "\($0.method) \($0.path) \($0.rule)" }.sorted()
        #expect(actual == Self.pinned.sorted(),
                "routes and rules changed; the table now reads:\n\(actual.map { "        \"\($0)\"," }.joined(separator: "\n"))")
    }

    /// Who calls: nobody, the owning applicant, another organisation's
    /// applicant, the secretariat, a reviewer and the chair assigned to the
    /// application in review, and a reviewer of the round assigned to nothing.
    enum Caller: String, CaseIterable { case anonymous, owner, other, secretariat, reviewer, chair, outsider }

    /// The status each caller gets, by rule (GET routes answer 200 where
    /// allowed; posts are checked only where they are refused, so that the
    /// matrix changes nothing). Part 1's rules are on a draft; the panel's
    /// on an application in review; reports and plans on a decided one,
    /// where the reviewer and chair have done their work.
    static func expected(_ rule: String, _ caller: Caller, decided: Bool) -> HTTPResponse.Status? {
        let staff = [Caller.reviewer, .chair, .outsider].contains(caller)
        switch (rule, caller) {
        case ("anyone", _): return nil  // their own tests
        case (_, .anonymous): return .seeOther  // to the sign-in page
        case ("own-account", _), ("view-rounds", _): return .ok
        case ("manage-rounds", .secretariat), ("manage-accounts", .secretariat): return .ok
        case ("manage-rounds", _), ("manage-accounts", _): return .notFound
        case ("start-application", .secretariat): return .forbidden
        case ("start-application", _): return staff ? .notFound : .ok
        case ("view-application", .reviewer), ("view-application", .chair): return decided ? .ok : .notFound
        case ("view-application", .other), ("view-application", .outsider): return .notFound
        case ("view-application", _): return .ok
        case ("edit-application", .owner): return .ok
        case ("edit-application", .secretariat): return .forbidden
        case ("edit-application", _): return .notFound
        case ("check-completeness", .secretariat): return .ok
        case ("check-completeness", .owner): return .forbidden
        case ("check-completeness", _): return .notFound
        case ("confirm-joint", .owner), ("confirm-joint", .secretariat): return .forbidden
        case ("confirm-joint", _): return .notFound
        case ("declare-affiliations", _): return staff ? .ok : .notFound
        case ("assign-panel", .secretariat): return .ok
        case ("assign-panel", .owner), ("assign-panel", .reviewer), ("assign-panel", .chair): return .forbidden
        case ("assign-panel", _): return .notFound
        case ("review", .reviewer): return .ok
        case ("review", .owner), ("review", .secretariat), ("review", .chair): return .forbidden
        case ("review", _): return .notFound
        case ("declare-conflict", .reviewer), ("declare-conflict", .chair): return .ok
        case ("declare-conflict", .owner), ("declare-conflict", .secretariat): return .forbidden
        case ("declare-conflict", _): return .notFound
        // Blind until submitted: on the decided application the reviewer has submitted its review.
        case ("view-panel", .secretariat), ("view-panel", .chair): return .ok
        case ("view-panel", .reviewer): return decided ? .ok : .notFound
        case ("view-panel", _): return .notFound
        case ("decide", .chair): return .ok
        case ("decide", .owner), ("decide", .secretariat), ("decide", .reviewer): return .forbidden
        case ("decide", _): return .notFound
        case ("appeal", .owner): return .ok
        case ("appeal", .secretariat), ("appeal", .reviewer), ("appeal", .chair): return .forbidden
        case ("appeal", _): return .notFound
        default: return nil
        }
    }

    @Test func theAccessMatrix() async throws {
        var r = try PanelTests.Round2(sample: "parking-pass")
        let f = r.f
        let web = try await OfficeWeb(office: f.office, publicURL: Browser.origin)
        let server = try await CertifyServer(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, extensions: [web]), certifier: Fixture.certifier)
        let app = server.application(logger: Logger(label: "office-test"))
        _ = try f.account("other@b.kr", kind: .applicant, organisation: "KR-B", by: r.secretariat)
        // A draft (part 1's routes), the application in review (the panel's), and a decided one (reports).
        let draft = try f.office.startApplication(roundID: r.round.id!, by: r.applicant)
        let evidence = try f.office.uploadEvidence(draft.id!, fileName: "e.pdf", bytes: Data("증빙".utf8), by: r.applicant)
        let inReview = r.application
        var decided = try f.office.startApplication(roundID: r.round.id!, by: r.applicant)
        let (dossier, files) = try f.serviceDossier(for: decided, sample: "parking-pass")
        for (index, bytes) in files.enumerated() { _ = try f.office.uploadEvidence(decided.id!, fileName: "e\(index).pdf", bytes: bytes, by: r.applicant) }
        decided = try f.office.submit(decided.id!, dossier: dossier, basedOn: 1, by: r.applicant)
        decided = try f.office.accept(decided.id!, by: r.secretariat)
        // The assistant spreads the load: R-01..R-03 on the one in review, R-04, R-01, R-02 on the other.
        try f.office.applyProposal(roundID: r.round.id!, by: r.secretariat)
        _ = try f.staff("r5@panel.kr", invitedTo: r.round, as: .reviewer, by: r.secretariat)
        try r.refresh()
        r.application = decided
        try r.submit(0, "parking-pass", "review-R-01.xml")
        try r.submit(1, "parking-pass", "review-R-02.xml")
        try r.submit(3, "parking-pass", "review-R-03.xml")
        let decision = try r.confirm()
        let review = try #require(try f.office.reviews(of: decided.id!, for: r.secretariat).first)

        let (decidedApp, roundID) = (decided, r.round.id!)
        let rules = OfficeRoutes.table.withLock { $0 }
        let checked = Mutex(0)
        let panelRules: Set<String> = ["assign-panel", "review", "declare-conflict", "view-panel", "decide", "appeal"]
        try await app.test(.router) { client in
            var browsers: [Caller: Browser] = [.anonymous: Browser()]
            let accounts: [(Caller, String, String?)] = [
                (.owner, "lee@vendor.kr", nil), (.other, "other@b.kr", nil), (.secretariat, "sec@office.kr", "test-secret-sec@office.kr"),
                (.reviewer, "r1@panel.kr", nil), (.chair, "chair@panel.kr", "test-secret-chair@panel.kr"), (.outsider, "r5@panel.kr", nil),
            ]
            for (caller, email, secret) in accounts {
                var browser = Browser()
                let form = try await browser.get(client, "/office/sign-in")
                let signedIn = try await browser.post(client, "/office/sign-in", [("email", email), ("password", "correct horse battery staple")],
                                                      csrf: form.hidden("csrf"))
                #expect(signedIn.status == .seeOther, "\(caller) signs in")
                if let secret {
                    f.time.advance(30)
                    let page = try await browser.get(client, "/office/second-factor")
                    _ = try await browser.post(client, "/office/second-factor", [("code", f.code(secret))], csrf: page.hidden("csrf"))
                }
                browsers[caller] = browser
            }
            for route in rules.sorted(by: { $0.path < $1.path }) {
                let onDecided = route.path.contains("/decisions/") || route.path.hasSuffix("/plan") || route.path.contains("/reviews/")
                let object = onDecided ? decidedApp : panelRules.contains(route.rule) ? inReview : draft
                let path = route.path.replacingOccurrences(of: "{id}", with: route.path.contains("/rounds/") ? "\(roundID)"
                                                           : route.path.hasPrefix("/office/renewals/") ? "\(decision.id!)" : "\(object.id!)")
                    .replacingOccurrences(of: "{sha256}", with: onDecided ? review.xmlSHA256 : evidence.sha256)
                    .replacingOccurrences(of: "{decision}", with: "\(decision.id!)")
                for caller in Caller.allCases {
                    guard let status = Self.expected(route.rule, caller, decided: onDecided) else { continue }
                    var browser = browsers[caller]!
                    let response: TestResponse
                    if route.method == .get {
                        response = try await browser.get(client, path)
                    } else {
                        guard status != .ok else { continue }
                        let token = try await browser.get(client, "/office/dashboard").hidden("csrf")
                        response = try await browser.post(client, path, [], csrf: token ?? "none")
                    }
                    #expect(response.status == status, "\(route.method) \(route.path) as \(caller)")
                    if status == .notFound { #expect(!response.text.contains(object.reference)) }
                    checked.withLock { $0 += 1 }
                }
            }
        }
        #expect(checked.withLock { $0 } >= 200)
        let audited = try f.office.audit()
        #expect(audited.ok, "\(audited.problems)")
    }
}
