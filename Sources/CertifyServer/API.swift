import CertifyEngine
import CertifyModel
import CertifyPlanner
import CertifyRender
import CertifyRuntime
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// RFC 9457 problem details, with the located messages of the CLI.
struct Problem: Error, Sendable {
    var status: Int
    var title: String
    var detail: String
    var errors: [Diagnostic] = []
    /// The language of the located messages (`?lang=`, as the CLI's
    /// `--lang`; English when absent). Titles stay HTTP's reason phrases.
    var language: Language = .en

    var json: JSONValue {
        .object([
            ("type", .string("about:blank")),
            ("title", .string(title)),
            ("status", .int(status)),
            ("detail", .string(detail)),
            ("errors", .array(errors.map { diagnostic in
                .object([
                    ("file", .optional(diagnostic.file)),
                    ("line", .int(diagnostic.position.line)),
                    ("column", .int(diagnostic.position.column)),
                    ("message", .string(diagnostic.message(language))),
                ])
            })),
        ])
    }

    func response() -> Response {
        Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: "application/problem+json"],
            body: .init(byteBuffer: ByteBuffer(string: json.rendered)))
    }

    init(status: Int, title: String, detail: String, errors: [Diagnostic] = []) {
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = errors
    }

    init(_ error: CertifyError, language: Language = .en) {
        let status = error.code.httpStatus
        let count = error.diagnostics.count
        self.init(
            status: status,
            title: status == 422 ? "Invalid input" : HTTPResponse.Status(code: status).reasonPhrase,
            detail: count == 1
                ? error.diagnostics[0].message(language)
                : UIText.text("problems-see-errors", language, String(count)),
            errors: error.diagnostics)
        self.language = language
    }

    /// The API's language: `?lang=ko|en`, else English (an invalid value is
    /// refused by `QueryOptions`).
    static func language(_ request: Request) -> Language {
        request.uri.queryParameters["lang"].flatMap { Language(rawValue: String($0)) } ?? .en
    }

    init(_ error: BodyError) {
        switch error {
        case .unsupportedMediaType(let detail):
            self.init(status: CertifyError.Code.unsupportedMediaType.httpStatus, title: "Unsupported Media Type", detail: detail)
        case .malformed(let detail):
            self.init(status: CertifyError.Code.malformedRequest.httpStatus, title: "Bad Request", detail: detail)
        case .tooLarge(let limit):
            self.init(status: CertifyError.Code.tooLarge.httpStatus, title: "Content Too Large",
                      detail: "the body is larger than \(limit) bytes")
        case .timedOut: self.init(status: 408, title: "Request Timeout", detail: "the body was not received in time")
        }
    }

    static func badRequest(_ detail: String) -> Problem {
        Problem(status: CertifyError.Code.malformedRequest.httpStatus, title: "Bad Request", detail: detail)
    }
}

/// Query parameters shared by the API and the pages: `date`, `official`, `lang`.
struct QueryOptions: Sendable {
    var date: CalendarDate
    var official: Bool
    var language: Language?

    init(_ request: Request) throws(Problem) {
        let query = request.uri.queryParameters
        if let text = query["date"].map(String.init) {
            guard let date = CalendarDate(iso: text) else {
                throw Problem.badRequest("date must be a calendar date YYYY-MM-DD, got '\(text)'")
            }
            self.date = date
        } else {
            date = .today()
        }
        switch query["official"].map(String.init) {
        case nil, "false", "0": official = false
        case "", "true", "1": official = true
        case let other?: throw Problem.badRequest("official must be true or false, got '\(other)'")
        }
        switch query["lang"].map(String.init) {
        case nil: language = nil
        case let text?:
            guard let language = Language(rawValue: text) else {
                throw Problem.badRequest("lang must be ko or en, got '\(text)'")
            }
            self.language = language
        }
    }

    var scoring: ScoringOptions { ScoringOptions(date: date, official: official) }
}

/// `certify plan`'s own options as query parameters: `goal` (repeatable),
/// `plans` (1 to 100, default 3) and `judgments`, checked as the CLI checks them.
struct PlanOptions: Sendable {
    var goals: [String]
    var plans: Int
    var judgments: Bool

    init(goals: [String], plans: Int, judgments: Bool) {
        self.goals = goals
        self.plans = plans
        self.judgments = judgments
    }

    init(_ request: Request) throws(Problem) {
        let query = request.uri.queryParameters
        goals = query[values: "goal"].map(String.init)
        switch query["plans"].map(String.init) {
        case nil: plans = 3
        case let text?:
            guard let count = Int(text), (1...100).contains(count) else {
                throw Problem.badRequest("plans must be from 1 to 100, got '\(text)'")
            }
            plans = count
        }
        switch query["judgments"].map(String.init) {
        case nil, "false", "0": judgments = false
        case "", "true", "1": judgments = true
        case let other?: throw Problem.badRequest("judgments must be true or false, got '\(other)'")
        }
    }
}

extension CertifyServer {
    func addAPIRoutes(_ router: Router<CertifyRequestContext>) {
        let api = router.group("api/v1")
        api.get("rubrics") { _, _ in self.json(self.rubricList()) }
        api.get("rubrics/:id/:version") { _, context in
            let id = context.parameters.get("id") ?? ""
            let version = context.parameters.get("version") ?? ""
            guard let rubric = self.rubric(id, version) else {
                return Problem(status: 404, title: "Not Found", detail: "no rubric \(id) \(version)").response()
            }
            return self.json(RubricDescription.json(rubric))
        }
        api.post("validate") { request, _ in
            await self.answer(request) { body, _ in
                try self.inputs.validate(try Self.dossierPart(body).upload)
                return self.json(.object([("valid", .bool(true))]))
            }
        }
        api.post("score") { request, _ in
            await self.answer(request) { body, options in
                let result = try self.inputs.score(
                    dossier: try Self.dossierPart(body).upload, reviews: body.all("review").map(\.upload),
                    options: options.scoring)
                return Response(status: .ok, headers: [.contentType: "application/json"],
                                body: .init(byteBuffer: ByteBuffer(bytes: JSONRenderer.render(result))))
            }
        }
        // A plan's search can take tens of milliseconds: off the event loop.
        let search = router.group("api/v1").add(middleware: OffLoopMiddleware())
        search.post("plan") { request, _ in
            await self.answer(request) { body, options in
                let planning = try PlanOptions(request)
                let reviews = body.all("review").map(\.upload)
                if planning.judgments && !reviews.isEmpty {
                    throw Problem.badRequest("judgments plans self-assessed scores; it cannot go with reviews")
                }
                let report = try self.inputs.plan(
                    dossier: try Self.dossierPart(body).upload, reviews: reviews, options: options.scoring,
                    planning: planning)
                return Response(status: .ok, headers: [.contentType: "application/json"],
                                body: .init(byteBuffer: ByteBuffer(bytes: PlanJSONRenderer.render(report))))
            }
        }
    }

    /// Reads the body and the query, runs `work`, and turns every failure
    /// into problem details (never a 5xx for what a client sends).
    func answer(_ request: Request, _ work: (FormBody, QueryOptions) throws -> Response) async -> Response {
        do {
            let options = try QueryOptions(request)
            let body: FormBody
            do { body = try await BodyReader.read(request, timeout: configuration.requestTimeout) } catch { throw Problem(error) }
            return try work(body, options)
        } catch let problem as Problem {
            return problem.response()
        } catch let error as CertifyError {
            return Problem(error, language: Problem.language(request)).response()
        } catch {
            return Problem(status: 500, title: "Internal Server Error", detail: "unexpected error").response()
        }
    }

    static func dossierPart(_ body: FormBody) throws(Problem) -> Part {
        let dossiers = body.all("dossier")
        guard dossiers.count == 1 else {
            throw Problem.badRequest(dossiers.isEmpty
                ? "no part named 'dossier' in the body" : "more than one part named 'dossier'")
        }
        return dossiers[0]
    }

    func json(_ value: JSONValue) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(string: value.rendered + "\n")))
    }

    func rubric(_ id: String, _ version: String) -> Rubric? {
        certifier.catalog.entries.first { $0.rubric.id == id && $0.rubric.version == version }?.rubric
    }

    func rubricList() -> JSONValue {
        .array(certifier.catalog.entries.map { entry in
            .object([
                ("id", .string(entry.rubric.id)),
                ("version", .string(entry.rubric.version)),
                ("title", .localized(entry.rubric.title)),
                ("sha256", .string(entry.rubric.sha256)),
            ])
        })
    }
}

/// The rubric as JSON: everything a form needs to be built from it.
enum RubricDescription {
    static func json(_ rubric: Rubric) -> JSONValue {
        var decision: [(String, JSONValue)] = []
        switch rubric.decision {
        case .grades(let grades, let certifiedFrom):
            decision = [
                ("kind", .string("grades")),
                ("grades", .array(grades.map { .object([("id", .string($0.id)), ("min", .rational($0.min))]) })),
                ("certifiedFrom", .string(certifiedFrom)),
            ]
        case .pass(let threshold):
            decision = [("kind", .string("pass")), ("threshold", .rational(threshold))]
        }
        return .object([
            ("id", .string(rubric.id)),
            ("version", .string(rubric.version)),
            ("sha256", .string(rubric.sha256)),
            ("title", .localized(rubric.title)),
            ("max", .rational(rubric.maxTotal)),
            ("applicantKinds", .array(rubric.applicantKinds.map { .string($0) })),
            ("applicantRoles", .array(rubric.applicantRoles.map { .string($0) })),
            ("jointApplicants", .bool(rubric.jointApplicants)),
            ("decision", .object(decision)),
            ("validityYears", .int(rubric.validityYears)),
            ("panel", rubric.panel.map { panel in
                .object([
                    ("minScore", .int(panel.minScore)), ("maxScore", .int(panel.maxScore)),
                    ("trimFrom", panel.trimFrom.map { .int($0) } ?? .null),
                    ("officialMinimum", .int(panel.officialMinimum)),
                ])
            } ?? .null),
            ("electiveGroups", .array(rubric.electiveGroups.map { group in
                .object([("id", .string(group.id)), ("choose", .int(group.choose)), ("label", .localized(group.label))])
            })),
            ("areas", .array(rubric.areas.map { area in
                .object([
                    ("id", .string(area.id)), ("label", .localized(area.label)), ("max", .rational(area.max)),
                    ("indicators", .array(area.indicators.map(indicator))),
                ])
            })),
        ])
    }

    static func indicator(_ indicator: Indicator) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(indicator.id)),
            ("label", .localized(indicator.label)),
            ("description", .localized(indicator.description)),
            ("input", .string(indicator.input.rawValue)),
            ("max", .rational(indicator.max)),
            ("mandatory", .bool(indicator.mandatory)),
            ("elective", .optional(indicator.electiveGroup)),
            ("method", .string(indicator.method.name)),
        ]
        switch indicator.method {
        case .bands(let bands):
            members.append(("bands", bandsJSON(bands)))
        case .linear(let lo, let hi):
            members.append(("lo", .rational(lo)))
            members.append(("hi", .rational(hi)))
        case .choices(let choices):
            members.append(("choices", .array(choices.map { .object([("value", .string($0.value)), ("points", .rational($0.points))]) })))
        case .yesNo(let yes, let no):
            members.append(("yes", .rational(yes)))
            members.append(("no", .rational(no)))
        case .recognisedCount(let recognised, let bands):
            members.append(("recognised", .array(recognised.map { .string($0) })))
            members.append(("bands", bandsJSON(bands)))
        case .recognisedEach(let recognised, let points):
            members.append(("recognised", .array(recognised.map { .string($0) })))
            members.append(("pointsEach", .rational(points)))
        case .kpiAttainment(let zeroAt, let fullAt):
            members.append(("zeroAt", .rational(zeroAt)))
            members.append(("fullAt", .rational(fullAt)))
        case .judgment:
            break
        }
        return .object(members)
    }

    static func bandsJSON(_ bands: [Band]) -> JSONValue {
        .array(bands.map { .object([("min", .rational($0.min)), ("points", .rational($0.points))]) })
    }
}
