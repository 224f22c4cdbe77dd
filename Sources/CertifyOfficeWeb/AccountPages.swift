import CertifyModel
import CertifyOffice
import CertifyServer
import Foundation
import HTTPTypes
import Hummingbird

/// Sign-in, one-time links, the second factor, the accounts page.
extension OfficeRoutes {
    func signInPage(_ call: Call) async throws(OfficeError) -> Response {
        signInForm(call, errors: [], email: "", status: .ok)
    }

    func signInForm(_ call: Call, errors: [OfficeError], email: String, status: HTTPResponse.Status) -> Response {
        preSessionForm("office-sign-in", call, title: .signIn, errors: errors, ["email": email], status: status)
    }

    /// A page whose form is posted before sign-in: its problems, and a fresh
    /// pre-session CSRF token in the form (`loginToken`) and in its cookie.
    func preSessionForm(_ template: String, _ call: Call, title: OfficeWord, errors: [OfficeError], _ fields: [String: Any],
                        status: HTTPResponse.Status) -> Response {
        let token = Tokens.random()
        var view = errorView(errors, call.language)
        view["loginToken"] = token
        view.merge(fields) { $1 }
        var response = page(template, call, title: title.text(call.language), view, status: status)
        response.setCookie(Cookie(name: OfficeWeb.loginCookieName, value: token, path: "/office", secure: web.secure,
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    func signIn(_ call: Call) async throws(OfficeError) -> Response {
        let form = call.form!
        let email = form.field("email")
        do {
            let account = try office.signIn(email: email, password: form.field("password"), client: call.client)
            let cookie = try await startSession(account, secondFactorDone: false, call.request)
            let next = account.totpSecret != nil || account.needsSecondFactor ? "/office/second-factor" : "/office/dashboard"
            return redirect(next, call, cookies: [cookie])
        } catch {
            return signInForm(call, errors: [OfficeError(error.kind, error.message, field: "email")], email: email,
                              status: HTTPResponse.Status(code: error.kind.status))
        }
    }

    func signOut(_ call: Call) async throws(OfficeError) -> Response {
        if let actor = call.actor { try office.signedOut(actor) }
        let cookie = try? await web.sessions.delete(request: call.request)
        return redirect("/office/sign-in", call, cookies: cookie.map { [$0] } ?? [])
    }

    // MARK: Registration

    func registerPage(_ call: Call) async throws(OfficeError) -> Response {
        registerForm(call, errors: [], fields: [:], status: .ok)
    }

    func registerForm(_ call: Call, errors: [OfficeError], fields: [String: String], status: HTTPResponse.Status) -> Response {
        preSessionForm("office-register", call, title: .register, errors: errors, ["values": fields, "open": office.mailer != nil],
                       status: status)
    }

    /// Registration answers the same page whether or not the address has an
    /// account (the mail says which); without `--sendmail` it is closed.
    func register(_ call: Call) async throws(OfficeError) -> Response {
        guard office.mailer != nil else { return registerForm(call, errors: [], fields: [:], status: .forbidden) }
        let form = call.form!
        let fields = ["email": form.field("email"), "name": form.field("name"), "organisation-id": form.field("organisation-id"),
                      "organisation-name": form.field("organisation-name")]
        do {
            try office.register(email: fields["email"]!, name: fields["name"]!, organisationID: fields["organisation-id"]!,
                                organisationName: fields["organisation-name"]!)
        } catch where error.kind == .invalid {
            return registerForm(call, errors: error.all, fields: fields, status: .unprocessableContent)
        }
        return page("office-message", call, title: OfficeWord.checkYourMail.text(call.language),
                    ["message": OfficeWord.checkYourMail.text(call.language)])
    }

    // MARK: One-time links

    func linkPage(_ call: Call) async throws(OfficeError) -> Response {
        let token = call.request.uri.path.split(separator: "/").last.map(String.init) ?? ""
        let (_, account) = try office.link(token)
        return linkForm(call, token: token, account: account, errors: [], status: .ok)
    }

    func linkForm(_ call: Call, token: String, account: Account, errors: [OfficeError], status: HTTPResponse.Status) -> Response {
        preSessionForm("office-link", call, title: .setPassword, errors: errors, ["email": account.email, "action": "/office/link/\(token)"],
                       status: status)
    }

    func useLink(_ call: Call) async throws(OfficeError) -> Response {
        let token = call.request.uri.path.split(separator: "/").last.map(String.init) ?? ""
        let (_, account) = try office.link(token)
        let form = call.form!
        do {
            let updated = try office.setPassword(token: token, password: form.field("password"), again: form.field("password-again"))
            let cookie = try await startSession(updated, secondFactorDone: false, call.request)
            return redirect(updated.needsSecondFactor ? "/office/second-factor" : "/office/dashboard", call, cookies: [cookie])
        } catch where error.kind == .invalid {
            return linkForm(call, token: token, account: account, errors: [error], status: .unprocessableContent)
        }
    }

    // MARK: Second factor

    func secondFactorPage(_ call: Call) async throws(OfficeError) -> Response {
        secondFactorForm(call, errors: [], status: .ok)
    }

    func secondFactorForm(_ call: Call, errors: [OfficeError], status: HTTPResponse.Status) -> Response {
        let account = call.actor!.account
        var view = errorView(errors, call.language)
        if account.totpSecret == nil {
            let enrolment = office.newEnrolment(for: account)
            view["enrol"] = ["secret": enrolment.secret, "base32": enrolment.base32, "url": enrolment.url]
        }
        return page("office-second-factor", call, title: OfficeWord.secondFactor.text(call.language), view, status: status)
    }

    func secondFactor(_ call: Call) async throws(OfficeError) -> Response {
        let form = call.form!
        var actor = call.actor!
        do {
            if actor.account.totpSecret == nil {
                let codes = try office.enrolSecondFactor(actor, secret: form.field("secret"), code: form.field("code"))
                actor = try office.actor(accountID: actor.id, generation: actor.account.generation + 1) ?? actor
                var shown = call
                shown.actor = actor
                let cookie = try await startSession(actor.account, secondFactorDone: true, call.request, into: &shown)
                var response = page("office-recovery", shown, title: OfficeWord.recoveryCodes.text(call.language),
                                    ["codes": codes])
                response.setCookie(cookie)
                return response
            }
            try office.verifySecondFactor(accountID: actor.id, code: form.field("code"))
            let cookie = try await startSession(actor.account, secondFactorDone: true, call.request)
            return redirect("/office/dashboard", call, cookies: [cookie])
        } catch where error.kind == .invalid {
            return secondFactorForm(call, errors: [error], status: .unprocessableContent)
        }
    }

    // MARK: Accounts (secretariat)

    func accountsPage(_ call: Call) async throws(OfficeError) -> Response {
        try accountsView(call, errors: [], issued: nil, status: .ok)
    }

    func accountsView(_ call: Call, errors: [OfficeError], issued: String?, status: HTTPResponse.Status) throws(OfficeError) -> Response {
        let language = call.language
        let accounts = try office.accounts(viewedBy: call.actor!)
        var view = errorView(errors, language)
        view["accounts"] = accounts.map { account -> [String: Any] in
            ["id": account.id ?? 0, "email": account.email, "name": account.name, "kind": account.kind.word.text(language),
             "organisation": account.organisationID ?? "—", "disabled": account.disabled || account.id == call.actor!.id,
             "needsConfirmation": account.kind == .applicant && !account.organisationConfirmed,
             "status": (account.disabled ? OfficeWord.disabled : .active).text(language),
             "confirmed": (account.organisationConfirmed ? OfficeWord.confirmed : .unconfirmed).text(language)]
        }
        view["kinds"] = AccountKind.allCases.map { ["value": $0.rawValue, "label": $0.word.text(language)] }
        if let issued { view["issued"] = issued }
        return page("office-accounts", call, title: OfficeWord.accounts.text(language), view, status: status)
    }

    func createAccount(_ call: Call) async throws(OfficeError) -> Response {
        let form = call.form!
        let kind = AccountKind(rawValue: form.field("kind")) ?? .applicant
        let organisationID = form.field("organisation-id").trimmingCharacters(in: .whitespaces).uppercased()
        let organisation = organisationID.isEmpty ? nil : Organisation(id: organisationID, name: form.field("organisation-name"))
        do {
            let link = try office.createAccount(email: form.field("email"), name: form.field("name"), kind: kind,
                                                organisation: organisation, by: call.actor!)
            // E-mailed when the office has --sendmail; otherwise shown once, to pass on.
            return try accountsView(call, errors: [], issued: office.mailer == nil ? web.link(link.token) : nil, status: .created)
        } catch where error.kind == .invalid || error.kind == .conflict {
            return try accountsView(call, errors: error.all, issued: nil, status: .unprocessableContent)
        }
    }

    func confirmAccount(_ call: Call) async throws(OfficeError) -> Response {
        try office.confirmOrganisation(accountID: call.id ?? 0, by: call.actor!)
        return redirect("/office/accounts", call)
    }

    func disableAccount(_ call: Call) async throws(OfficeError) -> Response {
        guard let account = try office.accounts().first(where: { $0.id == call.id }) else { throw OfficeError(.notFound, .notFound) }
        try office.setDisabled(true, email: account.email, by: call.actor!)
        return redirect("/office/accounts", call)
    }
}

extension OfficeWeb {
    /// The address of a one-time link.
    func link(_ token: String) -> String { "\(origin)/office/link/\(token)" }
}
