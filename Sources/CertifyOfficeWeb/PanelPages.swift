import CertifyModel
import CertifyOffice
import CertifyServer
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The panel's pages: a round's reviewers and chairs, assignment, the
/// review sheet, the chair's decision, reports, appeals and renewals.
extension OfficeRoutes {
    // MARK: Profile

    func profilePage(_ call: Call) async throws(OfficeError) -> Response {
        profileView(call, affiliations: call.actor!.account.affiliations, errors: [], saved: false, status: .ok)
    }

    func profileView(_ call: Call, affiliations: String, errors: [OfficeError], saved: Bool, status: HTTPResponse.Status) -> Response {
        var view = errorView(errors, call.language)
        view["affiliations"] = affiliations
        if saved { view["notice"] = OfficeWord.saved.text(call.language) }
        return page("office-profile", call, title: OfficeWord.profile.text(call.language), view, status: status)
    }

    func saveProfile(_ call: Call) async throws(OfficeError) -> Response {
        let text = call.form!.field("affiliations")
        do {
            let account = try office.declareAffiliations(text, by: call.actor!)
            return profileView(call, affiliations: account.affiliations, errors: [], saved: true, status: .ok)
        } catch where error.kind == .invalid {
            return profileView(call, affiliations: text, errors: [error], saved: false, status: .unprocessableContent)
        }
    }

    // MARK: A round's panel

    func roundPage(_ call: Call) async throws(OfficeError) -> Response {
        try roundView(call, errors: [], form: [:], status: .ok)
    }

    func roundView(_ call: Call, errors: [OfficeError], form: [String: String], status: HTTPResponse.Status) throws(OfficeError) -> Response {
        let actor = call.actor!
        let language = call.language
        let round = try office.round(call.id ?? 0, for: actor)
        var view = errorView(errors, language)
        view["round"] = roundView(language)(round)
        view["members"] = try office.panel(ofRound: round.id!, for: actor).map { member -> [String: Any] in
            ["code": member.code, "name": member.account.name, "email": member.account.email,
             "role": member.role.word.text(language),
             "affiliations": member.account.affiliations.isEmpty ? "—" : member.account.affiliations]
        }
        let proposal = try office.proposeAssignments(roundID: round.id!, by: actor)
        view["proposal"] = proposal.map { item -> [String: Any] in
            ["reference": item.reference, "href": "/office/applications/\(item.applicationID)\(lq(call))", "code": item.code,
             "role": item.role.word.text(language)]
        }
        view["hasProposal"] = !proposal.isEmpty
        view["form"] = form
        view["roles"] = [["value": "reviewer", "label": OfficeWord.reviewer.text(language), "selected": form["role"] != "chair"],
                         ["value": "chair", "label": OfficeWord.chair.text(language), "selected": form["role"] == "chair"]]
        return page("office-round", call, title: "\(OfficeWord.round.text(language)) \(round.name)", view, status: status)
    }

    func invite(_ call: Call) async throws(OfficeError) -> Response {
        let form = call.form!
        let fields = ["email": form.field("email"), "name": form.field("name"), "role": form.field("role")]
        do {
            _ = try office.invite(roundID: call.id ?? 0, email: fields["email"]!, name: fields["name"]!,
                                  role: fields["role"] == "chair" ? .chair : .reviewer, by: call.actor!)
            return redirect("/office/rounds/\(call.id!)", call)
        } catch where error.kind == .invalid || error.kind == .conflict {
            return try roundView(call, errors: error.all, form: fields, status: HTTPResponse.Status(code: error.kind.status))
        }
    }

    func assignAll(_ call: Call) async throws(OfficeError) -> Response {
        try office.applyProposal(roundID: call.id ?? 0, by: call.actor!)
        return redirect("/office/rounds/\(call.id!)", call)
    }

    // MARK: An application's panel

    func assign(_ call: Call) async throws(OfficeError) -> Response {
        let form = call.form!
        // "ACCOUNT|ROLE", as the member list offers them.
        let parts = form.field("member").split(separator: "|").map(String.init)
        let role: RoundRoleKind = parts.count == 2 && parts[1] == "chair" ? .chair : .reviewer
        return try onApplication(call, refusing: [.invalid, .conflict]) { () throws(OfficeError) in
            try office.assign(call.id!, accountID: parts.first.flatMap { Int64($0) } ?? 0, role: role, by: call.actor!)
        }
    }

    func unassign(_ call: Call) async throws(OfficeError) -> Response {
        try onApplication(call, refusing: [.conflict]) { () throws(OfficeError) in
            try office.unassign(call.id!, accountID: Int64(call.form!.field("account")) ?? 0, by: call.actor!)
        }
    }

    func declareConflict(_ call: Call) async throws(OfficeError) -> Response {
        try onApplication(call, refusing: [.invalid], then: "/office/dashboard") { () throws(OfficeError) in
            try office.declareConflict(call.id!, reason: call.form!.field("reason"), by: call.actor!)
        }
    }

    func reopen(_ call: Call) async throws(OfficeError) -> Response {
        _ = try office.reopen(call.id!, by: call.actor!)
        return redirect("/office/applications/\(call.id!)", call)
    }

    // MARK: The review sheet

    func reviewPage(_ call: Call) async throws(OfficeError) -> Response {
        let desk = try office.reviewerDesk(call.id!, for: call.actor!)
        // The draft; else the last submitted review (a revision starts from it); else an empty sheet.
        var fields: [String: [String]] = [:]
        if let draft = desk.draft {
            fields = Self.fields(ofDraft: draft.fields)
        } else if let last = desk.submitted.last {
            fields = server.reviewFields(ofReview: Array(try office.reviewXML(of: call.id!, sha256: last.xmlSHA256, for: call.actor!).bytes))
        }
        return try reviewAnswer(call, desk, fields: fields, check: false, errors: [], status: .ok)
    }

    func reviewAnswer(_ call: Call, _ desk: ReviewerDesk, fields: [String: [String]], check: Bool, errors: [OfficeError],
                      status: HTTPResponse.Status) throws(OfficeError) -> Response {
        let language = call.language
        let base = "/office/applications/\(desk.application.id!)"
        let embedding = ReviewEmbedding(
            action: "\(base)/review\(lq(call))",
            hidden: [("csrf", call.session?.csrf ?? ""), ("revision", String(desk.draft?.revision ?? 0))],
            title: "\(OfficeWord.writeReview.text(language)) · \(desk.application.reference) · \(desk.code)",
            reviewer: desk.code, saveLabel: OfficeWord.saveReview.text(language), submitLabel: OfficeWord.submitReview.text(language),
            backLink: "\(base)\(lq(call))", backLabel: "← \(OfficeWord.application.text(language)) \(desk.application.reference)")
        let sheet: EmbeddedReviewSheet
        do {
            sheet = try server.reviewSheet(dossier: Array(desk.dossier), fields: fields, language: language, embedding: embedding, check: check)
        } catch {
            throw OfficeError(.storage, .storage(detail: "dossier"))
        }
        var view = sheet.view
        if !errors.isEmpty {
            var summary = view["errors"] as? [[String: Any]] ?? []
            summary += errors.map { ["href": "#\($0.field ?? "main")", "message": $0.text(language)] as [String: Any] }
            view["errors"] = summary
            view["hasErrors"] = true
        }
        return page("review", call, title: OfficeWord.writeReview.text(language), view,
                    status: (view["hasErrors"] as? Bool ?? false) && status == .ok ? .unprocessableContent : status)
    }

    func postReview(_ call: Call) async throws(OfficeError) -> Response {
        let form = call.form!
        let desk = try office.reviewerDesk(call.id!, for: call.actor!)
        let fields = Self.formFields(form).filter { $0.key != "reviewer" }
        let revision = Int(form.field("revision")) ?? -1
        if form.field("action") == "submit" {
            let sheet: EmbeddedReviewSheet
            do {
                sheet = try server.reviewSheet(dossier: Array(desk.dossier), fields: fields, language: call.language,
                                               embedding: ReviewEmbedding(action: "", hidden: [], title: "", reviewer: desk.code,
                                                                          saveLabel: "", submitLabel: "", backLink: "", backLabel: ""),
                                               check: true)
            } catch { throw OfficeError(.storage, .storage(detail: "dossier")) }
            guard sheet.ok else { return try reviewAnswer(call, desk, fields: fields, check: true, errors: [], status: .unprocessableContent) }
            do {
                try office.submitReview(call.id!, xml: Array(sheet.xml.utf8), by: call.actor!)
            } catch where error.kind == .invalid {
                return try reviewAnswer(call, desk, fields: fields, check: true, errors: [error], status: .unprocessableContent)
            }
            return redirect("/office/applications/\(call.id!)?done=review-submitted", call)
        }
        do {
            try office.saveReviewDraft(call.id!, fields: Self.draft(of: fields), basedOn: revision, by: call.actor!)
            return redirect("/office/applications/\(call.id!)?done=review-saved", call)
        } catch where error.kind == .conflict {
            let current = try office.reviewerDesk(call.id!, for: call.actor!)
            return try reviewAnswer(call, current, fields: current.draft.map { Self.fields(ofDraft: $0.fields) } ?? [:], check: false,
                                    errors: [error], status: .conflict)
        }
    }

    /// A submitted review's XML, as an attachment (blind until the caller submitted its own).
    func reviewDownload(_ call: Call) async throws(OfficeError) -> Response {
        let sha = call.request.uri.path.split(separator: "/").last.map(String.init) ?? ""
        let (bytes, name) = try office.reviewXML(of: call.id!, sha256: sha, for: call.actor!)
        return attachment(bytes, name: name, type: "application/xml; charset=utf-8")
    }

    // MARK: The panel's result and the decision

    func panelPage(_ call: Call) async throws(OfficeError) -> Response {
        try panelAnswer(call, errors: [], note: "", status: .ok)
    }

    func panelAnswer(_ call: Call, errors: [OfficeError], note: String, status: HTTPResponse.Status) throws(OfficeError) -> Response {
        let actor = call.actor!
        let language = call.language
        let panel = try office.panelView(call.id!, for: actor)
        let base = "/office/applications/\(panel.application.id!)"
        var view = errorView(errors, language)
        if let result = panel.result {
            for (key, value) in server.panelView(result, language: language) { view[key] = value }
            view["hasResult"] = true
        }
        view["heading"] = "\(OfficeWord.panelResult.text(language)) · \(panel.application.reference)"
        view["back"] = "\(base)\(lq(call))"
        view["decideAction"] = "\(base)/decide\(lq(call))"
        view["backLabel"] = "← \(OfficeWord.application.text(language)) \(panel.application.reference)"
        view["missing"] = panel.missing.joined(separator: ", ")
        view["hasMissing"] = !panel.missing.isEmpty
        view["reviewList"] = panel.reviews.map { review -> [String: Any] in
            ["code": review.code, "number": review.number, "at": ActionLog.timestamp(review.submittedAt),
             "href": "\(base)/reviews/\(review.xmlSHA256)"]
        }
        view["notes"] = panel.notes.map { ["note": $0.note, "at": ActionLog.timestamp($0.at)] }
        view["decisionDate"] = panel.decisionDate.description
        view["pending"] = panel.pending != nil
        view["canDecide"] = office.policy.decide(actor, .decide(panel.application)) == .allow && panel.pending == nil
            && panel.result != nil && panel.application.state == .inReview
        view["note"] = note
        view["shown"] = panel.shown
        return page("office-panel", call, title: OfficeWord.panelResult.text(language), view, status: status)
    }

    func decide(_ call: Call) async throws(OfficeError) -> Response {
        let form = call.form!
        let note = form.field("note")
        let code = form.field("code").trimmingCharacters(in: .whitespaces)
        do {
            if form.field("action") == "send-back" {
                try office.sendBack(call.id!, note: note, by: call.actor!)
                return redirect("/office/applications/\(call.id!)/panel", call)
            }
            if !code.isEmpty { try office.verifySecondFactor(accountID: call.actor!.id, code: code) }
            try office.confirm(call.id!, note: note, shown: form.field("shown"), by: call.actor!)
            return redirect("/office/applications/\(call.id!)?done=decided", call)
        } catch where [.invalid, .conflict, .forbidden].contains(error.kind) && error.message != .forbidden {
            return try panelAnswer(call, errors: error.all, note: note, status: HTTPResponse.Status(code: error.kind.status))
        }
    }

    // MARK: Reports, plans, appeals and renewals

    func reportXML(_ call: Call) async throws(OfficeError) -> Response {
        let (decision, bytes, name) = try office.report(decisionID(call), for: call.actor!)
        guard decision.applicationID == call.id else { throw OfficeError(.notFound, .notFound) }
        return attachment(bytes, name: name, type: "application/xml; charset=utf-8")
    }

    func reportHTML(_ call: Call) async throws(OfficeError) -> Response {
        let decisionID = decisionID(call)
        let (decision, _, _) = try office.report(decisionID, for: call.actor!)
        guard decision.applicationID == call.id else { throw OfficeError(.notFound, .notFound) }
        let html = try office.reportHTML(decisionID, language: call.language, for: call.actor!)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .xContentTypeOptions: "nosniff"],
                        body: .init(byteBuffer: ByteBuffer(bytes: html)))
    }

    func decisionID(_ call: Call) -> Int64 {
        let parts = call.request.uri.path.split(separator: "/")
        return parts.count >= 2 ? Int64(parts[parts.count - 2]) ?? 0 : 0
    }

    /// The plan to the next outcome of the last decision, from its dossier and reviews.
    func planPage(_ call: Call) async throws(OfficeError) -> Response {
        let application = call.application!
        guard let decision = try office.decisions(of: application).last(where: \.isSigned) else { throw OfficeError(.notFound, .notFound) }
        let (dossier, reviews) = try office.decisionInputs(decision, for: call.actor!)
        var view: [String: Any] = [:]
        view["plan"] = server.planView(dossier: Array(dossier), reviews: reviews.map { Array($0) },
                                       date: CalendarDate(iso: decision.decisionDate) ?? office.today, language: call.language)
        view["back"] = "/office/applications/\(application.id!)\(lq(call))"
        view["backLabel"] = "← \(OfficeWord.application.text(call.language)) \(application.reference)"
        view["heading"] = "\(OfficeWord.planToNext.text(call.language)) · \(application.reference)"
        return page("office-plan", call, title: OfficeWord.planToNext.text(call.language), view)
    }

    func appeal(_ call: Call) async throws(OfficeError) -> Response {
        try onApplication(call, refusing: [.invalid, .conflict]) { () throws(OfficeError) in
            try office.appeal(call.id!, reason: call.form!.field("reason"), by: call.actor!)
        }
    }

    /// Starts a renewal of the decision `:id`'s certificate in the chosen round, prefilled from its dossier.
    func renew(_ call: Call) async throws(OfficeError) -> Response {
        let actor = call.actor!
        guard let offer = try office.renewalOffers(for: actor).first(where: { $0.decision.id == call.id }) else {
            throw OfficeError(.notFound, .notFound)
        }
        let dossier = try office.decidedDossier(offer.decision, for: actor)
        var fields = (try? server.formFields(ofDossier: Array(dossier), name: "dossier.xml")) ?? [:]
        for key in ["dossier-id", "submitted"] { fields[key] = nil }
        let application = try office.startRenewal(decisionID: offer.decision.id!, roundID: Int64(call.form!.field("round")) ?? 0,
                                                  draft: Self.draft(of: fields), by: actor)
        return redirect("/office/applications/\(application.id!)", call)
    }

    // MARK: Helpers

    /// An action posted from an application's page: done, to `then` (default
    /// the application); refused for one of `kinds`, the page again with the
    /// problems at their fields and the refusal's status.
    func onApplication(_ call: Call, refusing kinds: Set<OfficeError.Kind>, then: String? = nil,
                       _ action: () throws(OfficeError) -> Void) throws(OfficeError) -> Response {
        do {
            try action()
            return redirect(then ?? "/office/applications/\(call.id!)", call)
        } catch where kinds.contains(error.kind) {
            return try applicationView(call, call.application!, errors: error.all, notice: nil, draft: nil,
                                       status: HTTPResponse.Status(code: error.kind.status))
        }
    }

    func lq(_ call: Call) -> String { "?lang=\(call.language.rawValue)" }

    func attachment(_ bytes: Data, name: String, type: String) -> Response {
        Response(status: .ok, headers: [
            .contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"",
            .xContentTypeOptions: "nosniff", .cacheControl: "private, no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
