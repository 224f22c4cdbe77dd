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

    /// Who calls: nobody, the owning applicant, another organisation's applicant, the secretariat.
    enum Caller: String, CaseIterable { case anonymous, owner, other, secretariat }

    /// The status each caller gets, by rule (GET routes answer 200 where
    /// allowed; posts are checked only where they are refused, so that the
    /// matrix changes nothing).
    static func expected(_ rule: String, _ caller: Caller) -> HTTPResponse.Status? {
        switch (rule, caller) {
        case ("anyone", _): return nil  // their own tests
        case (_, .anonymous): return .seeOther  // to the sign-in page
        case ("signed-in", _), ("view-rounds", _): return .ok
        case ("manage-rounds", .secretariat), ("manage-accounts", .secretariat): return .ok
        case ("manage-rounds", _), ("manage-accounts", _): return .notFound
        case ("start-application", .secretariat): return .forbidden
        case ("start-application", _): return .ok
        case ("view-application", .other): return .notFound
        case ("view-application", _): return .ok
        case ("edit-application", .owner): return .ok
        case ("edit-application", .other): return .notFound
        case ("edit-application", .secretariat): return .forbidden
        case ("check-completeness", .secretariat): return .ok
        case ("check-completeness", .owner): return .forbidden
        case ("check-completeness", .other): return .notFound
        case ("confirm-joint", .other): return .notFound
        case ("confirm-joint", _): return .forbidden
        default: return nil
        }
    }

    @Test func theAccessMatrix() async throws {
        let (f, app) = try await WebTests.setup()
        let secretariat = try f.account("sec@office.kr", kind: .secretariat)
        let round = try f.round(by: secretariat)
        let owner = try f.account("kim@a.kr", kind: .applicant, organisation: "KR-A", by: secretariat)
        _ = try f.account("lee@b.kr", kind: .applicant, organisation: "KR-B", by: secretariat)
        let application = try f.office.startApplication(roundID: round.id!, by: owner)
        let evidence = try f.office.uploadEvidence(application.id!, fileName: "e.pdf", bytes: Data("증빙".utf8), by: owner)
        let rules = OfficeRoutes.table.withLock { $0 }
        let checked = Mutex(0)
        try await app.test(.router) { client in
            var browsers: [Caller: Browser] = [.anonymous: Browser()]
            for (caller, email) in [(Caller.owner, "kim@a.kr"), (.other, "lee@b.kr"), (.secretariat, "sec@office.kr")] {
                var browser = Browser()
                let form = try await browser.get(client, "/office/sign-in")
                let signedIn = try await browser.post(client, "/office/sign-in", [("email", email), ("password", "correct horse battery staple")],
                                                      csrf: form.hidden("csrf"))
                #expect(signedIn.status == .seeOther)
                if caller == .secretariat {
                    f.time.advance(30)
                    let page = try await browser.get(client, "/office/second-factor")
                    _ = try await browser.post(client, "/office/second-factor", [("code", f.code("test-secret-sec@office.kr"))],
                                               csrf: page.hidden("csrf"))
                }
                browsers[caller] = browser
            }
            for route in rules.sorted(by: { $0.path < $1.path }) {
                let path = route.path.replacingOccurrences(of: "{id}", with: route.path.contains("/rounds/") ? "\(round.id!)" : "\(application.id!)")
                    .replacingOccurrences(of: "{sha256}", with: evidence.sha256)
                for caller in Caller.allCases {
                    guard let status = Self.expected(route.rule, caller) else { continue }
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
                    if status == .notFound { #expect(!response.text.contains(application.reference)) }
                    checked.withLock { $0 += 1 }
                }
            }
        }
        #expect(checked.withLock { $0 } >= 60)
        #expect(try f.office.audit().ok)
    }
}
