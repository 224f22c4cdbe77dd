import CertifyModel
import CertifyOffice
import CertifyServer
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// How a route is guarded. Every office route has exactly one rule, and the
/// policy (`CertifyOffice.Policy`) decides every rule but `anyone`.
enum Rule: Sendable {
    /// The sign-in page and one-time links: no account needed (CSRF still checked on posts).
    case anyone
    /// A permission of the policy, on the object `:id` names: the round
    /// (`startApplication`), the application (its own and its panel's work),
    /// or none (`ownAccount`: any signed-in account's own pages).
    case may(Permission.Kind)

    /// The rule's name in the route table: the permission's.
    var name: String {
        if case .may(let kind) = self { kind.rawValue } else { "anyone" }
    }
}

/// One office route: method, path and rule.
struct RouteRule: Sendable, Hashable {
    let method: HTTPRequest.Method
    let path: String
    let rule: String
}

/// What a handler gets: the request, its language, the session and actor
/// the rule admitted, the object it loaded, and a posted form.
struct Call: Sendable {
    let request: Request
    let language: Language
    var session: OfficeSession?
    var actor: Actor?
    var application: OfficeApplication?
    var round: Round?
    var form: PostedForm?
    var id: Int64?
    /// The client's address, for throttling sign-ins.
    var client = "unknown"
}

struct OfficeRoutes: Sendable {
    let web: OfficeWeb
    let server: CertifyServer
    var office: Office { web.office }

    /// Every route of the office, through `add`, which is the only way a
    /// route is registered: `OfficeRouteTests` walks what a router received
    /// and fails for a route without a rule.
    func register<R: RouterMethods>(on router: R) where R.Context == CertifyRequestContext {
        func add(_ method: HTTPRequest.Method, _ path: String, _ rule: Rule,
                 _ handler: @escaping @Sendable (Call) async throws(OfficeError) -> Response) {
            _ = Self.table.withLock { $0.insert(RouteRule(method: method, path: RouterPath(path).description, rule: rule.name)) }
            router.on(RouterPath(path), method: method) { request, context in
                await run(request, context, method, rule, handler)
            }
        }
        add(.get, "/office", .anyone) { call in redirect(call.session == nil ? "/office/sign-in" : "/office/dashboard", call) }
        add(.get, "/office/sign-in", .anyone, signInPage)
        add(.post, "/office/sign-in", .anyone, signIn)
        add(.post, "/office/sign-out", .may(.ownAccount), signOut)
        add(.get, "/office/register", .anyone, registerPage)
        add(.post, "/office/register", .anyone, register)
        add(.get, "/office/link/:token", .anyone, linkPage)
        add(.post, "/office/link/:token", .anyone, useLink)
        add(.get, "/office/second-factor", .may(.ownAccount), secondFactorPage)
        add(.post, "/office/second-factor", .may(.ownAccount), secondFactor)
        add(.get, "/office/dashboard", .may(.ownAccount), dashboard)
        add(.get, "/office/rounds", .may(.viewRounds), roundsPage)
        add(.post, "/office/rounds", .may(.manageRounds), createRound)
        add(.post, "/office/rounds/:id/close", .may(.manageRounds), closeRound)
        add(.post, "/office/rounds/:id/applications", .may(.startApplication), startApplication)
        add(.get, "/office/accounts", .may(.manageAccounts), accountsPage)
        add(.post, "/office/accounts", .may(.manageAccounts), createAccount)
        add(.post, "/office/accounts/:id/confirm", .may(.manageAccounts), confirmAccount)
        add(.post, "/office/accounts/:id/disable", .may(.manageAccounts), disableAccount)
        add(.get, "/office/applications/:id", .may(.viewApplication), applicationPage)
        add(.get, "/office/applications/:id/files/:sha256", .may(.viewApplication), download)
        add(.post, "/office/applications/:id/draft", .may(.editApplication), saveDraft)
        add(.get, "/office/applications/:id/form", .may(.editApplication), draftForm)
        add(.post, "/office/applications/:id/form", .may(.editApplication), postDraftForm)
        add(.post, "/office/applications/:id/evidence", .may(.editApplication), uploadEvidence)
        add(.post, "/office/applications/:id/submit", .may(.editApplication), submit)
        add(.post, "/office/applications/:id/withdraw", .may(.editApplication), withdraw)
        add(.post, "/office/applications/:id/confirm-joint", .may(.confirmJoint), confirmJoint)
        add(.post, "/office/applications/:id/return", .may(.checkCompleteness), returnApplication)
        add(.post, "/office/applications/:id/accept", .may(.checkCompleteness), accept)
        add(.get, "/office/profile", .may(.declareAffiliations), profilePage)
        add(.post, "/office/profile", .may(.declareAffiliations), saveProfile)
        add(.get, "/office/rounds/:id", .may(.manageRounds), roundPage)
        add(.post, "/office/rounds/:id/invite", .may(.manageRounds), invite)
        add(.post, "/office/rounds/:id/assign", .may(.manageRounds), assignAll)
        add(.post, "/office/applications/:id/assign", .may(.assignPanel), assign)
        add(.post, "/office/applications/:id/unassign", .may(.assignPanel), unassign)
        add(.post, "/office/applications/:id/reopen", .may(.assignPanel), reopen)
        add(.get, "/office/applications/:id/review", .may(.review), reviewPage)
        add(.post, "/office/applications/:id/review", .may(.review), postReview)
        add(.post, "/office/applications/:id/conflict", .may(.declareConflict), declareConflict)
        add(.get, "/office/applications/:id/reviews/:sha256", .may(.viewPanel), reviewDownload)
        add(.get, "/office/applications/:id/panel", .may(.viewPanel), panelPage)
        add(.post, "/office/applications/:id/decide", .may(.decide), decide)
        add(.get, "/office/applications/:id/decisions/:decision/report.xml", .may(.viewApplication), reportXML)
        add(.get, "/office/applications/:id/decisions/:decision/report.html", .may(.viewApplication), reportHTML)
        add(.get, "/office/applications/:id/plan", .may(.viewApplication), planPage)
        add(.post, "/office/applications/:id/appeal", .may(.appeal), appeal)
        add(.post, "/office/renewals/:id", .may(.ownAccount), renew)
    }

    /// The rules of every route registered in this process (for the route-table test).
    static let table = Mutex<Set<RouteRule>>([])

    // MARK: - The pipeline

    /// Session, CSRF, the rule, the handler; an office error becomes its page.
    func run(_ request: Request, _ context: CertifyRequestContext, _ method: HTTPRequest.Method, _ rule: Rule,
             _ handler: @Sendable (Call) async throws(OfficeError) -> Response) async -> Response {
        var call = Call(request: request, language: CertifyServer.pageLanguage(request))
        call.client = web.trustProxy
            ? (request.headers[.xForwardedFor]?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown")
            : (context.remoteAddress ?? "unknown")
        do {
            call.session = try await loadSession(request)
            if let session = call.session {
                call.actor = try office.actor(accountID: session.accountID, generation: session.generation)
                if call.actor == nil { call.session = nil }
            }
            // Signed out (or the session ended): to the sign-in page before reading anything posted.
            if call.actor == nil, case .may = rule { throw OfficeError(.unauthenticated, .signInRequired) }
            if method == .post {
                switch await server.readForm(request) {
                case .success(let form): call.form = form
                case .failure(let refused):
                    return Self.secured(errorPage(call, status: refused.status, .bodyRefused(status: Int(refused.status.code))))
                }
                try checkCSRF(call, rule: rule)
            }
            try await admit(&call, rule: rule, context: context)
            var response = try await handler(call)
            try await refresh(call, &response)
            // Notices an action queued leave after its answer.
            if method == .post { web.courier.kick(office) }
            return Self.secured(response)
        } catch let error as OfficeError {
            return Self.secured(failure(call, error))
        } catch {
            return Self.secured(failure(call, OfficeError(.storage, .storage(detail: "request"))))
        }
    }

    /// Admits the call under its rule (loading the object `:id` names), or throws the policy's refusal.
    func admit(_ call: inout Call, rule: Rule, context: CertifyRequestContext) async throws(OfficeError) {
        guard case .may(let kind) = rule else { return }
        guard let actor = call.actor, let session = call.session else { throw OfficeError(.unauthenticated, .signInRequired) }
        // A second factor is entered after the password before anything else.
        let needsCode = office.policy.decide(actor, .viewRounds) == .enrolSecondFactor
            || (actor.account.totpSecret != nil && !session.secondFactorDone)
        let path = call.request.uri.path
        if needsCode, path != "/office/second-factor", path != "/office/sign-out" {
            throw OfficeError(.forbidden, .secondFactorRequired)
        }
        call.id = context.parameters.get("id").flatMap { Int64($0) }
        switch kind {
        case .ownAccount: try office.authorize(actor, .ownAccount)
        case .viewRounds: try office.authorize(actor, .viewRounds)
        case .manageRounds: try office.authorize(actor, .manageRounds)
        case .manageAccounts: try office.authorize(actor, .manageAccounts)
        case .viewLog: try office.authorize(actor, .viewLog)
        case .declareAffiliations: try office.authorize(actor, .declareAffiliations)
        case .startApplication:
            guard let id = call.id else { throw OfficeError(.notFound, .notFound) }
            let round = try office.round(id, for: actor)
            try office.authorize(actor, .startApplication(round))
            call.round = round
        case .viewApplication, .editApplication, .checkCompleteness, .confirmJoint, .assignPanel, .review, .declareConflict,
             .viewPanel, .decide, .appeal:
            guard let id = call.id else { throw OfficeError(.notFound, .notFound) }
            let application = try office.application(id, for: actor)  // hidden: 404
            switch kind {
            case .editApplication: try office.authorize(actor, .editApplication(application))
            case .checkCompleteness: try office.authorize(actor, .checkCompleteness(application))
            case .confirmJoint: try office.authorize(actor, .confirmJoint(application))
            case .assignPanel: try office.authorize(actor, .assignPanel(application))
            case .review: try office.authorize(actor, .review(application))
            case .declareConflict: try office.authorize(actor, .declareConflict(application))
            case .viewPanel:
                let own = try office.hasSubmittedReview(application, by: actor)
                try office.authorize(actor, .viewPanel(application, ownReviewSubmitted: own))
            case .decide: try office.authorize(actor, .decide(application))
            case .appeal: try office.authorize(actor, .appeal(application))
            default: break
            }
            call.application = application
        }
    }

    /// The office's answers: never cached (they hold personal data), and a
    /// referrer policy under which browsers send the Origin of a form post.
    static func secured(_ response: Response) -> Response {
        var response = response
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    // MARK: - Sessions

    /// The session a new cookie names (read through the same store, by its key).
    func loadSession(_ cookie: Cookie) async throws(OfficeError) -> OfficeSession? {
        try? await web.driver.get(key: OfficeWeb.sessionKeyPrefix + cookie.value, as: OfficeSession.self)
    }

    func loadSession(_ request: Request) async throws(OfficeError) -> OfficeSession? {
        let loaded: OfficeSession?
        do { loaded = try await web.sessions.load(request: request) } catch { return nil }
        guard let session = loaded else { return nil }
        // Ended 12 hours after sign-in whatever happens (idle expiry is the row's).
        if office.clock.now().timeIntervalSince(session.createdAt) > OfficeWeb.lifetime { return nil }
        return session
    }

    /// Starts a new session (a new id at every sign-in: no fixation).
    @discardableResult
    func startSession(_ account: Account, secondFactorDone: Bool, _ request: Request, into call: inout Call) async throws(OfficeError) -> Cookie {
        let cookie = try await startSession(account, secondFactorDone: secondFactorDone, request)
        call.session = try await loadSession(cookie)
        return cookie
    }

    func startSession(_ account: Account, secondFactorDone: Bool, _ request: Request) async throws(OfficeError) -> Cookie {
        _ = try? await web.sessions.delete(request: request)
        let session = OfficeSession(accountID: account.id!, generation: account.generation, csrf: Tokens.random(),
                                    createdAt: office.clock.now(), secondFactorDone: secondFactorDone, renewedAt: office.clock.now())
        do { return try await web.sessions.save(session: session, expiresIn: OfficeWeb.idle) } catch {
            throw OfficeError(.storage, .storage(detail: "session"))
        }
    }

    /// Renews the idle timer of a signed-in call (at most once a minute).
    func refresh(_ call: Call, _ response: inout Response) async throws(OfficeError) {
        guard var session = call.session, response.headers[.setCookie] == nil else { return }
        let now = office.clock.now()
        guard now.timeIntervalSince(session.renewedAt) >= 60 else { return }
        session.renewedAt = now
        do { try await web.sessions.update(session: session, expiresIn: OfficeWeb.idle, request: call.request) } catch {}
    }

    // MARK: - CSRF

    /// Every post carries the session's token (first in a multipart body)
    /// and comes from the office's own origin. Before sign-in, the token is
    /// the one the sign-in form's cookie holds.
    func checkCSRF(_ call: Call, rule: Rule) throws(OfficeError) {
        guard let origin = call.request.headers[.origin], origin == web.origin else {
            throw OfficeError(.forbidden, .csrfInvalid)
        }
        let sent = call.form?.field("csrf") ?? ""
        let expected: String?
        if let session = call.session {
            expected = session.csrf
        } else {
            expected = call.request.cookies[OfficeWeb.loginCookieName].map { String($0.value) }
        }
        guard let expected, !expected.isEmpty, Tokens.equal(sent, expected), call.form?.order.first == "csrf" else {
            throw OfficeError(.forbidden, .csrfInvalid)
        }
    }

    // MARK: - Answers

    func redirect(_ location: String, _ call: Call, cookies: [Cookie] = []) -> Response {
        let separator = location.contains("?") ? "&" : "?"
        var response = Response(status: .seeOther, headers: [.location: location + separator + "lang=\(call.language.rawValue)"])
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    /// An office error as the answer: sign-in and second-factor set-up are
    /// redirects, everything else a page with the status and the message.
    func failure(_ call: Call, _ error: OfficeError) -> Response {
        switch error.kind {
        case .unauthenticated where error.message == .signInRequired:
            return redirect("/office/sign-in", call)
        case .forbidden where error.message == .secondFactorRequired:
            return redirect("/office/second-factor", call)
        default:
            return errorPage(call, status: HTTPResponse.Status(code: error.kind.status), error.message)
        }
    }

    func errorPage(_ call: Call, status: HTTPResponse.Status, _ message: OfficeMessage) -> Response {
        page("office-message", call, title: message.text(call.language), ["message": message.text(call.language)], status: status)
    }

    /// A page of the office: the server's frame (one look), the office's words, the account and its token.
    func page(_ template: String, _ call: Call, title: String, _ view: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        var all = server.pageFrame(call.language, title: title, path: call.request.uri.path)
        all["w"] = OfficeWord.table(call.language)
        // The office keeps what it is sent: its footer says so instead of the stateless pages' promise.
        all["stateful"] = OfficeWord.privacyTitle.text(call.language) + ": " + OfficeWord.privacyText.text(call.language)
        all["csrf"] = call.session?.csrf ?? ""
        if let actor = call.actor, call.session?.secondFactorDone == true || actor.account.totpSecret == nil {
            all["account"] = ["name": actor.account.name, "role": actor.account.kind.word.text(call.language),
                              "secretariat": actor.isSecretariat, "staff": actor.account.kind == .staff]
        }
        all["lq"] = "?lang=\(call.language.rawValue)"
        for (key, value) in view { all[key] = value }
        return CertifyServer.renderPage(template, view: all, library: web.library, status: status)
    }

    /// The errors of a form: the summary's links and the messages by field.
    func errorView(_ errors: [OfficeError], _ language: Language) -> [String: Any] {
        let summary = errors.map { ["href": "#\($0.field ?? "main")", "message": $0.text(language)] }
        var byField: [String: String] = [:]
        for error in errors { if let field = error.field { byField[field] = error.text(language) } }
        return ["errors": summary, "hasErrors": !errors.isEmpty, "fieldErrors": byField]
    }
}

extension HTTPField.Name {
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
