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
public struct Problem: Error, Sendable {
    var status: Int
    var title: String
    var detail: String
    var errors: [Diagnostic] = []
    /// The language of the located messages (`?lang=`, as the CLI's
    /// `--lang`; English when absent). Titles stay HTTP's reason phrases.
    var language: Language = .en

    var json: String {
        var json = JSONWriter(compact: true)
        json.object { json in
            json.key("type"); json.string("about:blank")
            json.key("title"); json.string(title)
            json.key("status"); json.number(status)
            json.key("detail"); json.string(detail)
            json.key("errors")
            json.objects(errors) { json, diagnostic in
                json.key("file"); json.string(diagnostic.file)
                json.key("line"); json.number(diagnostic.position.line)
                json.key("column"); json.number(diagnostic.position.column)
                json.key("message"); json.string(diagnostic.message(language))
            }
        }
        return json.text()
    }

    public func response() -> Response {
        Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: "application/problem+json"],
            body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    public init(status: Int, title: String, detail: String, errors: [Diagnostic] = []) {
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = errors
    }

    public init(_ error: CertifyError, language: Language = .en) {
        let status = error.code.httpStatus
        let count = error.diagnostics.count
        self.init(
            status: status,
            title: status == 422 ? "Invalid input" : HTTPResponse.Status(code: status).reasonPhrase,
            detail: count == 1
                ? error.diagnostics[0].message(language)
                : PageWord.problemsSeeErrors.text(language, String(count)),
            errors: error.diagnostics)
        self.language = language
    }

    /// The API's language: `?lang=ko|en`, else English (an invalid value is
    /// refused by `QueryOptions`).
    public static func language(_ request: Request) -> Language {
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

    /// Any failure as problem details: a `Problem` as it is, a `CertifyError`
    /// with its located messages in the request's language, anything else 500.
    public static func response(for error: any Error, _ request: Request) -> Response {
        switch error {
        case let problem as Problem: problem.response()
        case let error as CertifyError: Problem(error, language: language(request)).response()
        default: Problem(status: 500, title: "Internal Server Error", detail: "unexpected error").response()
        }
    }

    static func badRequest(_ detail: String) -> Problem {
        Problem(status: CertifyError.Code.malformedRequest.httpStatus, title: "Bad Request", detail: detail)
    }
}

/// Query parameters shared by the API and the pages: `date`, `official`, `lang`.
public struct QueryOptions: Sendable {
    public var date: CalendarDate
    public var official: Bool
    public var language: Language?

    public init(_ request: Request) throws(Problem) {
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
        api.get("rubrics") { _, _ in self.json(self.rubricList) }
        api.get("rubrics/:id/:version") { _, context in
            let id = context.parameters.get("id") ?? ""
            let version = context.parameters.get("version") ?? ""
            guard let rubric = self.rubric(id, version) else {
                return Problem(status: 404, title: "Not Found", detail: "no rubric \(id) \(version)").response()
            }
            return self.json { RubricDescription.write(rubric, to: &$0) }
        }
        api.post("validate") { request, _ in
            await self.answer(request) { body, _ in
                try self.inputs.validate(try Self.dossierPart(body).upload)
                return self.json { json in json.object { json in json.key("valid"); json.bool(true) } }
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
        } catch {
            return Problem.response(for: error, request)
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

    /// A JSON answer: the compact record `body` writes, and a newline.
    func json(_ body: (inout JSONWriter) -> Void) -> Response {
        var json = JSONWriter(compact: true)
        body(&json)
        json.newline()
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: json.bytes())))
    }

    func rubric(_ id: String, _ version: String) -> Rubric? {
        certifier.catalog.entries.first { $0.rubric.id == id && $0.rubric.version == version }?.rubric
    }

    func rubricList(_ json: inout JSONWriter) {
        json.objects(certifier.catalog.entries) { json, entry in
            json.key("id"); json.string(entry.rubric.id)
            json.key("version"); json.string(entry.rubric.version)
            json.key("title"); json.localized(entry.rubric.title)
            json.key("sha256"); json.string(entry.rubric.sha256)
        }
    }
}

/// The rubric as JSON: everything a form needs to be built from it.
enum RubricDescription {
    static func write(_ rubric: Rubric, to json: inout JSONWriter) {
        json.object { json in
            json.key("id"); json.string(rubric.id)
            json.key("version"); json.string(rubric.version)
            json.key("sha256"); json.string(rubric.sha256)
            json.key("title"); json.localized(rubric.title)
            json.key("max"); json.decimal(rubric.maxTotal)
            json.key("applicantKinds"); json.array { json in for kind in rubric.applicantKinds { json.string(kind) } }
            json.key("applicantRoles"); json.array { json in for role in rubric.applicantRoles { json.string(role) } }
            json.key("jointApplicants"); json.bool(rubric.jointApplicants)
            json.key("decision")
            json.object { json in
                switch rubric.decision {
                case .grades(let grades, let certifiedFrom):
                    json.key("kind"); json.string("grades")
                    json.key("grades")
                    json.objects(grades) { json, grade in
                        json.key("id"); json.string(grade.id)
                        json.key("min"); json.decimal(grade.min)
                    }
                    json.key("certifiedFrom"); json.string(certifiedFrom)
                case .pass(let threshold):
                    json.key("kind"); json.string("pass")
                    json.key("threshold"); json.decimal(threshold)
                }
            }
            json.key("validityYears"); json.number(rubric.validityYears)
            json.key("panel")
            if let panel = rubric.panel {
                json.object { json in
                    json.key("minScore"); json.number(panel.minScore)
                    json.key("maxScore"); json.number(panel.maxScore)
                    json.key("trimFrom")
                    if let trimFrom = panel.trimFrom { json.number(trimFrom) } else { json.null() }
                    json.key("officialMinimum"); json.number(panel.officialMinimum)
                }
            } else {
                json.null()
            }
            json.key("electiveGroups")
            json.objects(rubric.electiveGroups) { json, group in
                json.key("id"); json.string(group.id)
                json.key("choose"); json.number(group.choose)
                json.key("label"); json.localized(group.label)
            }
            json.key("areas")
            json.objects(rubric.areas) { json, area in
                json.key("id"); json.string(area.id)
                json.key("label"); json.localized(area.label)
                json.key("max"); json.decimal(area.max)
                json.key("indicators")
                json.array { json in for indicator in area.indicators { Self.write(indicator, to: &json) } }
            }
        }
    }

    static func write(_ indicator: Indicator, to json: inout JSONWriter) {
        json.object { json in
            json.key("id"); json.string(indicator.id)
            json.key("label"); json.localized(indicator.label)
            json.key("description"); json.localized(indicator.description)
            json.key("input"); json.string(indicator.input.rawValue)
            json.key("max"); json.decimal(indicator.max)
            json.key("mandatory"); json.bool(indicator.mandatory)
            json.key("elective"); json.string(indicator.electiveGroup)
            json.key("method"); json.string(indicator.method.name)
            switch indicator.method {
            case .bands(let bands):
                json.key("bands"); write(bands, to: &json)
            case .linear(let lo, let hi):
                json.key("lo"); json.decimal(lo)
                json.key("hi"); json.decimal(hi)
            case .choices(let choices):
                json.key("choices")
                json.objects(choices) { json, choice in
                    json.key("value"); json.string(choice.value)
                    json.key("points"); json.decimal(choice.points)
                }
            case .yesNo(let yes, let no):
                json.key("yes"); json.decimal(yes)
                json.key("no"); json.decimal(no)
            case .recognisedCount(let recognised, let bands):
                json.key("recognised"); json.array { json in for item in recognised { json.string(item) } }
                json.key("bands"); write(bands, to: &json)
            case .recognisedEach(let recognised, let points):
                json.key("recognised"); json.array { json in for item in recognised { json.string(item) } }
                json.key("pointsEach"); json.decimal(points)
            case .kpiAttainment(let zeroAt, let fullAt):
                json.key("zeroAt"); json.decimal(zeroAt)
                json.key("fullAt"); json.decimal(fullAt)
            case .judgment:
                break
            }
        }
    }

    static func write(_ bands: [Band], to json: inout JSONWriter) {
        json.objects(bands) { json, band in
            json.key("min"); json.decimal(band.min)
            json.key("points"); json.decimal(band.points)
        }
    }
}

extension JSONWriter {
    /// A rubric's number, exact to 6 places (rubric numbers are short decimals).
    mutating func decimal(_ value: Rational) { number(value.rounded(places: 6)) }
}
