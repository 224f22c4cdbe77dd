import CertifyModel
import CertifyOffice
import CertifyServer
import Foundation
import HTTPTypes
import Hummingbird

/// The dashboard, rounds and applications.
extension OfficeRoutes {
    func dashboard(_ call: Call) async throws(OfficeError) -> Response {
        let actor = call.actor!
        let language = call.language
        let items = try office.dashboard(for: actor).map { item -> [String: Any] in
            ["href": "/office/applications/\(item.application.id!)?lang=\(language.rawValue)",
             "reference": item.application.reference, "round": item.round.name,
             "state": item.application.state.word.text(language), "due": item.due?.description ?? "—",
             "task": item.task?.text(language) ?? "—",
             "overdue": item.overdue, "organisation": item.application.organisationID]
        }
        var view: [String: Any] = ["items": items, "hasItems": !items.isEmpty, "full": items.count >= Office.dashboardSize]
        let notices = try office.notices(for: actor).map { ["subject": $0.subject, "at": ActionLog.timestamp($0.createdAt)] }
        view["notices"] = notices
        view["hasNotices"] = !notices.isEmpty
        if actor.isSecretariat {
            view["head"] = try office.head().description
            view["states"] = ApplicationState.allCases.map { $0.word.text(language) }
            view["summary"] = try office.roundSummary(for: actor).map { entry -> [String: Any] in
                ["name": entry.round.name, "counts": ApplicationState.allCases.map { entry.counts[$0] ?? 0 }]
            }
        }
        if actor.account.kind == .applicant {
            let open = try office.rounds(for: actor).filter(office.isOpen).map(roundView(language))
            view["openRounds"] = open
            view["hasOpenRounds"] = !open.isEmpty
            if !actor.account.organisationConfirmed { view["unconfirmed"] = OfficeMessage.organisationUnconfirmed.text(language) }
            let rounds = try office.rounds(for: actor).filter(office.isOpen)
            let renewals = try office.renewalOffers(for: actor).map { offer -> [String: Any] in
                let round = try? office.round(offer.application.roundID, for: actor)
                return ["decision": offer.decision.id!, "reference": offer.application.reference, "validUntil": offer.validUntil.description,
                        "rounds": rounds.filter { $0.rubricID == round?.rubricID }.map { ["id": $0.id!, "name": $0.name] }]
            }
            view["renewals"] = renewals
            view["hasRenewals"] = !renewals.isEmpty
        }
        if actor.isSecretariat {
            let pending = try office.pendingRegistryTasks()
            view["hasRegistryPending"] = !pending.isEmpty
            view["registryPending"] = pending.count
        }
        return page("office-dashboard", call, title: OfficeWord.dashboard.text(language), view)
    }

    func roundView(_ language: Language) -> (Round) -> [String: Any] {
        { round in
            ["id": round.id!, "name": round.name, "rubric": "\(round.rubricID) \(round.rubricVersion)", "opens": round.opens,
             "closes": round.closes, "reviewDeadline": round.reviewDeadline, "responseDays": round.responseDays,
             "appealDays": round.appealDays, "reviewerCount": round.reviewerCount,
             "status": (office.isOpen(round) ? OfficeWord.open : .closed).text(language), "closed": round.closed]
        }
    }

    func roundsPage(_ call: Call) async throws(OfficeError) -> Response {
        try roundsView(call, form: RoundForm(), errors: [], status: .ok)
    }

    func roundsView(_ call: Call, form: RoundForm, errors: [OfficeError], status: HTTPResponse.Status) throws(OfficeError) -> Response {
        let language = call.language
        var view = errorView(errors, language)
        view["rounds"] = try office.rounds(for: call.actor!).map(roundView(language))
        if call.actor!.isSecretariat {
            view["manage"] = true
            view["form"] = ["name": form.name, "opens": form.opens, "closes": form.closes, "reviewDeadline": form.reviewDeadline,
                            "responseDays": form.responseDays, "appealDays": form.appealDays, "reviewerCount": form.reviewerCount]
            view["rubrics"] = office.certifier.catalog.entries.map { entry -> [String: Any] in
                let value = "\(entry.rubric.id) \(entry.rubric.version)"
                return ["value": value, "label": "\(entry.rubric.title.text(language)) (\(value))", "selected": value == form.rubric]
            }
        }
        return page("office-rounds", call, title: OfficeWord.rounds.text(language), view, status: status)
    }

    func createRound(_ call: Call) async throws(OfficeError) -> Response {
        let posted = call.form!
        var form = RoundForm()
        form.name = posted.field("name")
        form.rubric = posted.field("rubric")
        form.opens = posted.field("opens")
        form.closes = posted.field("closes")
        form.reviewDeadline = posted.field("review-deadline")
        form.responseDays = posted.field("response-days")
        form.appealDays = posted.field("appeal-days")
        form.reviewerCount = posted.field("reviewer-count")
        do {
            _ = try office.createRound(form, by: call.actor!)
            return redirect("/office/rounds", call)
        } catch where error.kind == .invalid {
            return try roundsView(call, form: form, errors: error.all, status: .unprocessableContent)
        }
    }

    func closeRound(_ call: Call) async throws(OfficeError) -> Response {
        try office.closeRound(call.id ?? 0, by: call.actor!)
        return redirect("/office/rounds", call)
    }

    func startApplication(_ call: Call) async throws(OfficeError) -> Response {
        let application = try office.startApplication(roundID: call.round!.id!, by: call.actor!)
        return redirect("/office/applications/\(application.id!)", call)
    }

    // MARK: Applications

    func applicationPage(_ call: Call) async throws(OfficeError) -> Response {
        try applicationView(call, call.application!, errors: [], notice: call.request.uri.queryParameters["done"].map(String.init),
                            draft: nil, status: .ok)
    }

    func applicationView(_ call: Call, _ application: OfficeApplication, errors: [OfficeError], notice: String?, draft: String?,
                         status: HTTPResponse.Status) throws(OfficeError) -> Response {
        let actor = call.actor!
        let language = call.language
        let round = try office.round(application.roundID, for: actor)
        var view = errorView(errors, language)
        let base = "/office/applications/\(application.id!)"
        view["app"] = ["id": application.id!, "reference": application.reference, "organisation": application.organisationID,
                       "state": application.state.word.text(language), "revision": application.draftRevision,
                       "responseDue": application.responseDue ?? "", "returned": application.state == .returned,
                       "base": base]
        view["round"] = roundView(language)(round)
        view["selfcheck"] = "/selfcheck/\(round.rubricID)/\(round.rubricVersion)?lang=\(language.rawValue)"
        view["form"] = "\(base)/form?lang=\(language.rawValue)"
        let differences = try office.differences(of: application)
        view["versions"] = try office.versions(of: application).map { version -> [String: Any] in
            let changes = (differences[version.number] ?? []).map { ["item": $0.item, "before": $0.before, "after": $0.after] }
            return ["number": version.number, "sha256": version.dossierSHA256, "at": ActionLog.timestamp(version.submittedAt),
                    "href": "\(base)/files/\(version.dossierSHA256)", "changes": changes, "hasChanges": !changes.isEmpty]
        }
        view["evidence"] = try office.evidence(of: application).map { file -> [String: Any] in
            ["name": file.fileName, "sha256": file.sha256, "size": file.size, "href": "\(base)/files/\(file.sha256)"]
        }
        let requests = try office.requests(of: application)
        view["requests"] = requests.map { ["indicator": $0.indicator, "text": $0.text] }
        view["hasRequests"] = !requests.isEmpty && application.state == .returned
        view["canEdit"] = office.policy.decide(actor, .editApplication(application)) == .allow && application.state.isEditable
        let consents = try office.consents(of: application)
        view["joint"] = application.coApplicantIDs.map { ["organisation": $0, "confirmed": consents.contains($0)] }
        view["hasJoint"] = !application.coApplicantIDs.isEmpty
        view["canConfirmJoint"] = office.policy.decide(actor, .confirmJoint(application)) == .allow && application.state.isEditable
            && !(actor.account.organisationID.map(consents.contains) ?? true)
        view["canCheck"] = office.policy.decide(actor, .checkCompleteness(application)) == .allow && application.state == .submitted
        view["indicators"] = (office.certifier.catalog.entries.first { $0.rubric.id == round.rubricID && $0.rubric.version == round.rubricVersion }?
            .rubric.indicators.map { ["id": $0.id, "label": $0.label.text(language)] }) ?? []
        for (key, value) in try panelSection(call, application, round) { view[key] = value }
        if let notice, let word = OfficeWord(rawValue: notice),
           [.saved, .submitted, .returned, .accepted, .reviewSubmitted, .reviewSaved, .decided].contains(word) {
            view["notice"] = word.text(language)
        }
        return page("office-application", call, title: "\(OfficeWord.application.text(language)) \(application.reference)", view,
                    status: status)
    }

    /// A draft's form fields, as stored (JSON, keys sorted).
    static func fields(ofDraft draft: String) -> [String: [String]] {
        (try? JSONDecoder().decode([String: [String]].self, from: Data(draft.utf8))) ?? [:]
    }

    static func draft(of fields: [String: [String]]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The other applicants a draft names (`applicant-N-id`, N ≥ 1), as organisation ids.
    static func coApplicants(_ fields: [String: [String]]) -> [String] {
        fields.compactMap { key, values -> String? in
            guard key.hasPrefix("applicant-"), key.hasSuffix("-id"), key != "applicant-0-id",
                  let value = values.first?.trimmingCharacters(in: .whitespaces).uppercased(), !value.isEmpty else { return nil }
            return value
        }.sorted()
    }

    /// The form's own fields of a post: the office's (token, revision, button) left out.
    static func formFields(_ form: PostedForm) -> [String: [String]] {
        form.fields.filter { !["csrf", "revision", "action"].contains($0.key) }
    }

    /// The draft in the self-check form: the same score and plan as the
    /// public page, posting here; "save" stores it.
    func draftForm(_ call: Call) async throws(OfficeError) -> Response {
        let application = call.application!
        return try draftFormAnswer(call, application, fields: Self.fields(ofDraft: application.draft), fragment: false)
    }

    func draftFormAnswer(_ call: Call, _ application: OfficeApplication, fields: [String: [String]], fragment: Bool,
                         action: String? = nil) throws(OfficeError) -> Response {
        let round = try office.round(application.roundID, for: call.actor!)
        let base = "/office/applications/\(application.id!)"
        let language = call.language
        var posted = fields
        if let action { posted["action"] = [action] }
        let embedding = SelfCheckEmbedding(
            action: "\(base)/form?lang=\(language.rawValue)",
            hidden: [("csrf", call.session?.csrf ?? ""), ("revision", String(application.draftRevision))],
            title: "\(OfficeWord.application.text(language)) \(application.reference) · \(OfficeWord.selfCheckForm.text(language))",
            saveLabel: OfficeWord.save.text(language), backLink: "\(base)?lang=\(language.rawValue)",
            backLabel: "← \(OfficeWord.application.text(language)) \(application.reference)",
            footer: OfficeWord.privacyTitle.text(language) + ": " + OfficeWord.privacyText.text(language))
        guard let response = server.selfCheckForm(rubricID: round.rubricID, version: round.rubricVersion, fields: posted,
                                                  language: language, date: office.today, fragment: fragment, embedding: embedding)
        else { throw OfficeError(.notFound, .rubricUnknown(id: round.rubricID, version: round.rubricVersion)) }
        return response
    }

    func postDraftForm(_ call: Call) async throws(OfficeError) -> Response {
        let form = call.form!
        let fields = Self.formFields(form)
        let fragment = call.request.headers[HTTPField.Name("X-Certify-Fragment")!] != nil
        guard form.field("action") == "save" else {
            return try draftFormAnswer(call, call.application!, fields: fields, fragment: fragment, action: form.field("action"))
        }
        do {
            _ = try office.saveDraft(call.id!, draft: Self.draft(of: fields), coApplicants: Self.coApplicants(fields),
                                     basedOn: Int(form.field("revision")) ?? -1, by: call.actor!)
            return redirect("/office/applications/\(call.id!)?done=saved", call)
        } catch where error.kind == .conflict {
            let current = try office.application(call.id!, for: call.actor!)
            return try applicationView(call, current, errors: [error], notice: nil, draft: nil, status: .conflict)
        }
    }

    /// A dossier file uploaded to start the draft from: its fields replace the draft's.
    func saveDraft(_ call: Call) async throws(OfficeError) -> Response {
        let form = call.form!
        guard let file = form.file("dossier-file") else {
            return try applicationView(call, call.application!, errors: [OfficeError(.invalid, .evidenceUnknown, field: "dossier-file")],
                                       notice: nil, draft: nil, status: .unprocessableContent)
        }
        let fields: [String: [String]]
        do { fields = try server.formFields(ofDossier: file.bytes, name: file.fileName) } catch {
            return try applicationView(call, call.application!, errors: diagnosticsErrors(error.diagnostics, call.language),
                                       notice: nil, draft: nil, status: .unprocessableContent)
        }
        let revision = Int(form.field("revision")) ?? -1
        do {
            _ = try office.saveDraft(call.id!, draft: Self.draft(of: fields), coApplicants: Self.coApplicants(fields),
                                     basedOn: revision, by: call.actor!)
            return redirect("/office/applications/\(call.id!)?done=saved", call)
        } catch where error.kind == .conflict {
            let current = try office.application(call.id!, for: call.actor!)
            return try applicationView(call, current, errors: [error], notice: nil, draft: nil, status: .conflict)
        }
    }

    func uploadEvidence(_ call: Call) async throws(OfficeError) -> Response {
        guard let file = call.form!.file("file") else {
            return try applicationView(call, call.application!, errors: [OfficeError(.invalid, .evidenceUnknown, field: "file")],
                                       notice: nil, draft: nil, status: .unprocessableContent)
        }
        _ = try office.uploadEvidence(call.id!, fileName: file.fileName, bytes: Data(file.bytes), by: call.actor!)
        return redirect("/office/applications/\(call.id!)", call)
    }

    func submit(_ call: Call) async throws(OfficeError) -> Response {
        let application = call.application!
        let revision = Int(call.form!.field("revision")) ?? -1
        let stamp = office.submission(for: application)
        let round = try office.round(application.roundID, for: call.actor!)
        guard let xml = server.stampedDossier(
            fields: Self.fields(ofDraft: application.draft), rubricID: round.rubricID, version: round.rubricVersion,
            dossierID: stamp.dossierID, leadApplicant: stamp.leadApplicant, submitted: stamp.submitted, language: call.language)
        else { throw OfficeError(.notFound, .rubricUnknown(id: round.rubricID, version: round.rubricVersion)) }
        do {
            _ = try office.submit(call.id!, dossier: Array(xml.utf8), basedOn: revision, by: call.actor!)
            return redirect("/office/applications/\(call.id!)?done=submitted", call)
        } catch where error.kind == .invalid || error.kind == .conflict {
            let all = error.diagnostics.isEmpty ? error.all : diagnosticsErrors(error.diagnostics, call.language)
            return try applicationView(call, application, errors: all, notice: nil, draft: nil,
                                       status: error.kind == .conflict ? .conflict : .unprocessableContent)
        }
    }

    /// A dossier's located problems, each as an error at the draft field.
    func diagnosticsErrors(_ diagnostics: [Diagnostic], _ language: Language) -> [OfficeError] {
        [OfficeError(.invalid, .dossierInvalid(count: diagnostics.count), field: "draft")]
            + diagnostics.prefix(20).map { diagnostic in
                OfficeError(.invalid, .diagnostic(ko: diagnostic.rendered(.ko), en: diagnostic.rendered(.en)), field: "draft")
            }
    }

    func confirmJoint(_ call: Call) async throws(OfficeError) -> Response {
        try office.confirmJoint(call.id!, revision: Int(call.form!.field("revision")) ?? -1, by: call.actor!)
        return redirect("/office/applications/\(call.id!)", call)
    }

    func withdraw(_ call: Call) async throws(OfficeError) -> Response {
        _ = try office.withdraw(call.id!, by: call.actor!)
        return redirect("/office/applications/\(call.id!)", call)
    }

    func returnApplication(_ call: Call) async throws(OfficeError) -> Response {
        let form = call.form!
        let indicators = form.all("request-indicator")
        let texts = form.all("request-text")
        let requests = zip(indicators, texts).map { (indicator: $0.0, text: $0.1) }
        return try onApplication(call, refusing: [.invalid], then: "/office/applications/\(call.id!)?done=returned") { () throws(OfficeError) in
            _ = try office.returnApplication(call.id!, requests: requests, by: call.actor!)
        }
    }

    func accept(_ call: Call) async throws(OfficeError) -> Response {
        _ = try office.accept(call.id!, by: call.actor!)
        return redirect("/office/applications/\(call.id!)?done=accepted", call)
    }

    /// A stored file, as an attachment only (never rendered by the browser).
    func download(_ call: Call) async throws(OfficeError) -> Response {
        let sha = call.request.uri.path.split(separator: "/").last.map(String.init) ?? ""
        let (bytes, name) = try office.file(sha, of: call.id!, for: call.actor!)
        return attachment(bytes, name: name, type: "application/octet-stream")
    }
}
