import CertifyEngine
import CertifyModel
import CertifyPlanner
import CertifyRuntime
import CertifyTemplates
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The HTML pages: home, self-check, review sheet, panel. Every page is a
/// mustache template of the resources; every form works as a plain post.
extension CertifyServer {
    func addPageRoutes(_ router: Router<CertifyRequestContext>) {
        router.get("/") { request, _ in self.home(request) }
        // The self-check page plans, even for an empty form (every better
        // outcome from zero: a search of up to tens of milliseconds), and so
        // do its answers and uploads: off the event loop.
        let search = router.group().add(middleware: OffLoopMiddleware())
        search.get("/selfcheck/:id/:version") { request, context in
            let language = UIText.language(request)
            guard let rubric = self.rubric(context.parameters.get("id") ?? "", context.parameters.get("version") ?? "") else {
                return self.notFound(language)
            }
            return self.selfCheck(rubric: rubric, values: FormValues(), language: language, date: Self.date(request), status: .ok)
        }
        search.post("/selfcheck/:id/:version") { request, context in
            let language = UIText.language(request)
            guard let rubric = self.rubric(context.parameters.get("id") ?? "", context.parameters.get("version") ?? "") else {
                return self.notFound(language)
            }
            return await self.postSelfCheck(request, rubric: rubric, language: language)
        }
        search.post("/selfcheck/upload") { request, _ in await self.uploadDossier(request) }
        router.get("/review") { request, _ in
            self.page("review-upload", language: UIText.language(request), title: .review, [:], status: .ok)
        }
        router.post("/review") { request, _ in await self.postReview(request) }
        router.get("/panel") { request, _ in
            self.page("panel-upload", language: UIText.language(request), title: .panel, [:], status: .ok)
        }
        router.post("/panel") { request, _ in await self.postPanel(request) }
    }

    /// A page's date: `?date=`, else today.
    public static func date(_ request: Request) -> CalendarDate {
        request.uri.queryParameters["date"].flatMap { CalendarDate(iso: String($0)) } ?? .today()
    }

    // MARK: - Rendering

    /// The layout's common values: language, switch links, words. `path`
    /// may carry a query (the switch keeps it and adds `lang`).
    func frame(_ language: Language, title: String, path: String) -> [String: Any] {
        [
            "lang": language.rawValue, "t": PageWord.table(language), "title": title,
            "languages": Language.allCases.map { other -> [String: Any] in
                ["code": other.rawValue, "label": other.name,
                 "href": "\(path)\(path.contains("?") ? "&" : "?")lang=\(other.rawValue)", "current": other == language]
            },
            "q": "?lang=\(language.rawValue)",
            // The registry's link, when `--registry` added its pages.
            "registry": configuration.extensions.contains { $0.layoutLinks.contains("registry") },
            "office": configuration.extensions.contains { $0.layoutLinks.contains("office") },
        ]
    }

    func html(_ template: String, _ view: [String: Any], status: HTTPResponse.Status) -> Response {
        // Every string of the view cleaned for mustache's escaping (Templates.clean).
        let text = Templates.render(view, with: template, in: templates) ?? "template \(template) missing"
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The page of `template` (one of the server's templates) in the shared
    /// layout, titled with the page word `word`, with `view`'s values.
    public func page(_ template: String, language: Language, title word: PageWord, path: String? = nil, _ view: [String: Any],
                     status: HTTPResponse.Status) -> Response {
        var all = frame(language, title: word.text(language), path: path ?? "/\(template.split(separator: "-")[0])")
        for (key, value) in view { all[key] = value }
        return html(template, all, status: status)
    }

    /// An error answered as a page in the request's language (the API's
    /// paths answer problem details instead): the status, its message and a
    /// link home.
    func errorPage(_ request: Request, status: Int) -> Response {
        guard status != 404 else { return notFound(UIText.language(request)) }
        let word = PageWord(errorStatus: status)
        let language = UIText.language(request)
        return page("message", language: language, title: word, path: "/",
                    ["message": word.text(language)], status: HTTPResponse.Status(code: status))
    }

    /// Whether a path is one of the pages (answered with HTML errors) rather
    /// than the API, the health check or a static file.
    static func isPage(_ path: String) -> Bool {
        !(path.hasPrefix("/api/") || path.hasPrefix("/static/") || path == "/healthz")
    }

    func notFound(_ language: Language) -> Response {
        page("message", language: language, title: .notFound, path: "/",
             ["message": PageWord.notFound.text(language)], status: .notFound)
    }

    func home(_ request: Request) -> Response {
        let language = UIText.language(request)
        let rubrics = certifier.catalog.entries.map { entry -> [String: Any] in
            ["id": entry.rubric.id, "version": entry.rubric.version, "title": entry.rubric.title.text(language),
             "href": "/selfcheck/\(entry.rubric.id)/\(entry.rubric.version)?lang=\(language.rawValue)"]
        }
        return page("home", language: language, title: .app, path: "/", ["rubrics": rubrics], status: .ok)
    }

    /// Errors for a page: the summary's links, and the messages by field,
    /// in the page's language.
    ///
    /// `values`: the form the XML was written from. A schema violation on a
    /// field's line is then said in the page's words ("fill in this field",
    /// "'x' is not in the format this field takes") instead of the schema
    /// validator's English: it can only come from that field's value.
    static func errorViews(_ diagnostics: [Diagnostic], language: Language, values: FormValues? = nil,
                           fields: FormFields? = nil, problems: [FormFields.Problem] = [],
                           field: (Diagnostic) -> String?) -> ([[String: Any]], [String: [String]])
    {
        var summary: [[String: Any]] = []
        var byField: [String: [String]] = [:]
        // What was typed and could not be read comes first: each names its
        // field and the form it takes.
        for problem in problems {
            summary.append(["href": "#\(problem.field)", "message": problem.message])
            byField[problem.field, default: []].append(problem.message)
        }
        for diagnostic in diagnostics {
            let target = field(diagnostic)
            let location = diagnostic.position.line > 0 ? "\(diagnostic.file ?? "-"):\(diagnostic.position.line):\(diagnostic.position.column): " : ""
            var message = diagnostic.message(language)
            if let values, let target, diagnostic.catalogMessage?.xmlIssue == .schema {
                let value = values.trimmed(target)
                let name = fields?.label(target) ?? target
                let expected = fields?.expected(target) ?? ""
                message = value.isEmpty
                    ? PageWord.fieldRequired.text(language, name, expected)
                    : PageWord.fieldFormat.text(language, name, value, expected)
            }
            if let fields, case .tooManyElectives(let declared, let group, let choose)? = diagnostic.catalogMessage {
                // The group by its label and what to untick, not the XML's tokens.
                message = PageWord.tooManyElectives.text(language,
                                      fields.rubric.electiveGroup(group)?.label.text(language) ?? group, String(choose),
                                      String(declared.count), String(declared.count - choose))
            }
            summary.append(["href": "#\(target ?? "main")", "message": (target == nil ? location : "") + message])
            if let target { byField[target, default: []].append(message) }
        }
        return (summary, byField)
    }

    // MARK: - Self-check

    /// Scores a form: writes its dossier XML and sends it through the same
    /// pipeline as an uploaded file. Returns the XML, the result or the
    /// errors mapped to fields.
    func evaluate(_ values: FormValues, rubric: Rubric, date: CalendarDate, planning: Bool = false)
        -> (writer: DossierWriter, result: ScoreResult?, plan: PlanReport?, errors: [Diagnostic])
    {
        let writer = DossierWriter.write(values, rubric: rubric)
        let upload = Upload(name: "dossier.xml", bytes: Array(writer.xml.utf8))
        do throws(CertifyError) {
            let options = ScoringOptions(date: date)
            guard planning else {
                return (writer, try inputs.score(dossier: upload, reviews: [], options: options), nil, [])
            }
            // The plan's current result is the score (the same scorer, run once).
            let plan = try inputs.plan(
                dossier: upload, reviews: [], options: options, planning: PlanOptions(goals: [], plans: 3, judgments: false))
            return (writer, plan.current, plan, [])
        } catch {
            return (writer, nil, nil, error.diagnostics)
        }
    }

    /// An evidence entry is one line of the dossier, listed under its id
    /// field; a problem with its digest (the schema's length, the binder's
    /// digits) belongs to the digest's field.
    static func evidenceField(_ field: String, for diagnostic: Diagnostic) -> String {
        guard field.hasPrefix("evidence-"), field.hasSuffix("-id") else { return field }
        let digest = String(field.dropLast("-id".count)) + "-sha256"
        switch diagnostic.catalogMessage {
        case .evidenceDigestNotHex?: return digest
        case .xml(.schema, let detail)? where detail.contains("attribute 'sha256'"): return digest
        case .xmlError(.schema, let error)? where error.attribute == "sha256": return digest
        default: return field
        }
    }

    /// The page of a form. `extraErrors`: problems of an uploaded file the
    /// form could not carry, located in that file: listed in the summary,
    /// never at a field (their lines are the file's, not the form's XML's).
    func selfCheck(rubric: Rubric, values: FormValues, language: Language, date: CalendarDate,
                   status: HTTPResponse.Status, extraErrors: [Diagnostic] = [], requiredProblems: [FormFields.Problem] = [],
                   fragment: Bool = false, embedding: SelfCheckEmbedding? = nil) -> Response {
        let fields = FormFields(rubric: rubric, language: language)
        let (values, problems) = fields.canonical(values)
        let (writer, result, plan, errors) = evaluate(Self.readable(values, problems), rubric: rubric, date: date, planning: true)
        let (uploadSummary, _) = Self.errorViews(extraErrors, language: language) { _ in nil }
        let (formSummary, byField) = Self.errorViews(errors, language: language, values: values, fields: fields,
                                                     problems: problems + requiredProblems) { diagnostic in
            guard diagnostic.file == "dossier.xml", diagnostic.position.line > 0 else { return nil }
            // The field of the diagnostic's line, else of the nearest line above.
            var line = diagnostic.position.line
            while line > 0 {
                if let field = writer.fieldOfLine[line] { return Self.evidenceField(field, for: diagnostic) }
                line -= 1
            }
            return nil
        }
        let view = SelfCheckView(rubric: rubric, values: values, language: language, fieldErrors: byField, result: result, plan: plan)
        let path = "/selfcheck/\(rubric.id)/\(rubric.version)"
        var all = frame(language, title: PageWord.selfcheckOf.text(language, rubric.title.text(language)), path: path)
        for (key, value) in view.build() { all[key] = value }
        let summary = uploadSummary + formSummary
        all["errors"] = summary
        all["hasErrors"] = !summary.isEmpty
        all["fieldErrors"] = byField.sorted { $0.key < $1.key }.map { ["name": $0.key, "message": $0.value.joined(separator: " ")] }
        // A result with fields left out (unreadable) is shown greyed: it is not the form's.
        all["stale"] = !problems.isEmpty
        all["action"] = "\(path)?lang=\(language.rawValue)&date=\(date)"
        all["rubric"] = ["id": rubric.id, "version": rubric.version, "title": rubric.title.text(language)]
        if let embedding {
            // The office's draft: its own address, its hidden fields first
            // (the CSRF token), a save button, no upload of another dossier.
            all["action"] = embedding.action
            all["hidden"] = embedding.hidden.map { ["name": $0.0, "value": $0.1] }
            all["embedded"] = ["save": embedding.saveLabel, "back": embedding.backLink, "backLabel": embedding.backLabel]
            all["title"] = embedding.title
            all["stateful"] = embedding.footer
        }
        let status: HTTPResponse.Status = summary.isEmpty ? status : .unprocessableContent
        return html(fragment ? "results-fragment" : "selfcheck", all, status: status)
    }

    func postSelfCheck(_ request: Request, rubric: Rubric, language: Language) async -> Response {
        let body: FormBody
        do { body = try await BodyReader.read(request, timeout: configuration.requestTimeout, xmlAsDossier: false) } catch {
            return errorPage(request, status: Problem(error).status)
        }
        return selfCheckAnswer(FormValues(body), rubric: rubric, language: language, date: Self.date(request),
                               fragment: request.headers[.certifyFragment] != nil, embedding: nil)
    }

    /// The answer to a post of the self-check form: the dossier to download,
    /// or the form again with a row added or the score checked.
    func selfCheckAnswer(_ posted: FormValues, rubric: Rubric, language: Language, date: CalendarDate, fragment: Bool,
                         embedding: SelfCheckEmbedding?) -> Response {
        var values = posted
        let action = values.one("action")
        var required: [FormFields.Problem] = []
        switch action {
        case "download":
            let fields = FormFields(rubric: rubric, language: language)
            let (canonical, problems) = fields.canonical(values)
            required = fields.required(canonical)
            guard problems.isEmpty, required.isEmpty else { break }
            let (writer, result, _, _) = evaluate(canonical, rubric: rubric, date: date)
            guard result != nil else { break }
            let id = values.trimmed("dossier-id").isEmpty ? DossierWriter.defaultDossierID : values.trimmed("dossier-id")
            return Response(
                status: .ok,
                headers: [.contentType: "application/xml; charset=utf-8",
                          .contentDisposition: "attachment; filename=\"\(Self.safeFileName(id)).xml\""],
                body: .init(byteBuffer: ByteBuffer(string: writer.xml)))
        case "add-applicant":
            values.set("applicant-\(values.rows("applicant", minimum: 1))-id", "")
        case "add-evidence":
            values.set("evidence-\(values.rows("evidence", minimum: 1))-id", "")
        case _ where action.hasPrefix("add-kpi-"):
            let id = String(action.dropFirst("add-kpi-".count))
            if rubric.indicator(id)?.input == .kpis {
                values.set("kpi-\(id)-\(values.rows("kpi-\(id)", minimum: 2))-id", "")
            }
        default:
            break
        }
        return selfCheck(rubric: rubric, values: values, language: language, date: date, status: .ok,
                         requiredProblems: required, fragment: fragment, embedding: embedding)
    }

    /// The form as it is scored: the fields that could not be read left
    /// out, so that every other problem shows at once.
    static func readable(_ values: FormValues, _ problems: [FormFields.Problem]) -> FormValues {
        var out = values
        for problem in problems { out.set(problem.field, "") }
        return out
    }

    /// A file name made of safe characters only.
    static func safeFileName(_ text: String) -> String {
        let kept = text.unicodeScalars.map { scalar -> Character in
            (scalar.properties.isAlphabetic && scalar.isASCII) || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)
                ? Character(scalar) : "_"
        }
        let name = String(kept.prefix(80))
        return name.isEmpty || name.hasPrefix(".") ? "dossier" + name : name
    }

    func uploadDossier(_ request: Request) async -> Response {
        let language = UIText.language(request)
        let body: FormBody
        do { body = try await BodyReader.read(request, timeout: configuration.requestTimeout) } catch { return errorPage(request, status: Problem(error).status) }
        guard let part = body.file("dossier") else {
            return uploadError(language, [Diagnostic(PageWord.dossierFileMissing.text(language))])
        }
        if let wrong = Self.wrongFile(part, expected: "dossier", language: language) { return uploadError(language, [wrong]) }
        do {
            let dossier = try inputs.dossier(part.upload)
            let rubric = try certifier.catalog.rubric(for: dossier)
            return selfCheck(rubric: rubric, values: FormValues(dossier: dossier, rubric: rubric), language: language,
                             date: Self.date(request), status: .ok,
                             extraErrors: Self.notInTheForm(dossier, rubric: rubric).naming(part.upload.name))
        } catch {
            return uploadError(language, error.diagnostics.naming(part.upload.name))
        }
    }

    /// What of an uploaded dossier the form has no field for, so would drop
    /// without a word: values, electives, KPIs and judgments for an
    /// indicator the rubric does not have. The binder's messages, located in
    /// the uploaded file; everything else the form keeps, and the binder
    /// judges it again when the form is scored.
    static func notInTheForm(_ dossier: Dossier, rubric: Rubric) -> [Diagnostic] {
        do {
            _ = try Binder.bind(dossier, reviews: [], to: rubric)
            return []
        } catch {
            return error.diagnostics.filter {
                if case .unknownIndicator? = $0.catalogMessage { true } else { false }
            }
        }
    }

    func uploadError(_ language: Language, _ diagnostics: [Diagnostic]) -> Response {
        let (summary, _) = Self.errorViews(diagnostics, language: language) { _ in nil }
        let rubrics = certifier.catalog.entries.map { entry -> [String: Any] in
            ["id": entry.rubric.id, "version": entry.rubric.version, "title": entry.rubric.title.text(language),
             "href": "/selfcheck/\(entry.rubric.id)/\(entry.rubric.version)?lang=\(language.rawValue)"]
        }
        return page("home", language: language, title: .app, path: "/",
                    ["rubrics": rubrics, "errors": summary, "hasErrors": true], status: .unprocessableContent)
    }
}

extension [Diagnostic] {
    /// The diagnostics with `file` as the file of those located in a file
    /// with no name (such as the rubric catalog's answer about a dossier
    /// already read): the summary then shows the uploaded file's name where
    /// it showed `-`.
    func naming(_ file: String) -> [Diagnostic] {
        map { diagnostic in
            var named = diagnostic
            if named.file == nil, named.position.line > 0 { named.file = file }
            return named
        }
    }
}

extension HTTPField.Name {
    /// Sent by the page's script: answer with the result panel only.
    static let certifyFragment = HTTPField.Name("X-Certify-Fragment")!
}
