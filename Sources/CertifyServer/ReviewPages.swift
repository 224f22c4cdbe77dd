import CertifyEngine
import CertifyModel
import CertifyRuntime
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The review sheet (one reviewer's scores for an uploaded dossier) and the
/// panel page (a dossier and its reviews together).
extension CertifyServer {
    // MARK: - Review sheet

    /// What a sheet is about, carried from the uploaded dossier in hidden
    /// fields (nothing is kept on the server between posts).
    struct SheetSubject {
        var dossierID: String
        var rubric: Rubric
        /// KPI id and label.
        var kpis: [(id: String, label: String)]
        /// What the applicant gave, in words, by indicator id (judgments:
        /// the self-assessment) and by KPI id (target and achieved).
        var given: [String: String] = [:]
    }

    /// What the applicant gave for the reviewer to see: a judgment's
    /// self-assessed score, a KPI's target, achievement and direction.
    static func given(_ dossier: Dossier, language: Language) -> [String: String] {
        var out: [String: String] = [:]
        for judgment in dossier.judgments {
            out[judgment.indicator] = PageWord.givenSelf.text(language, judgment.score)
        }
        for kpi in dossier.kpis {
            let unit = kpi.unit.map { $0 == "%" ? $0 : " " + $0 } ?? ""
            out[kpi.id] = PageWord.givenKPI.text(language, "\(kpi.target)\(unit)", "\(kpi.achieved)\(unit)",
                                      PageWord(kpi.direction).text(language))
        }
        return out
    }

    func postReview(_ request: Request) async -> Response {
        let language = UIText.language(request)
        let body: FormBody
        do { body = try await BodyReader.read(request, timeout: configuration.requestTimeout, xmlAsDossier: false) } catch { return errorPage(request, status: Problem(error).status) }
        // First step: a dossier file makes a new sheet.
        if let part = body.file("dossier") {
            if let wrong = Self.wrongFile(part, expected: "dossier", language: language) {
                let (summary, _) = Self.errorViews([wrong], language: language) { _ in nil }
                return page("review-upload", language: language, title: .review,
                            ["errors": summary, "hasErrors": true], status: .unprocessableContent)
            }
            do {
                try inputs.validate(part.upload)
                let dossier = try inputs.dossier(part.upload)
                let rubric = try certifier.catalog.rubric(for: dossier)
                let subject = SheetSubject(
                    dossierID: dossier.id, rubric: rubric,
                    kpis: dossier.kpis.map { ($0.id, $0.label) }, given: Self.given(dossier, language: language))
                return reviewSheet(subject, values: FormValues(), language: language, errors: [], status: .ok)
            } catch {
                let (summary, _) = Self.errorViews(error.diagnostics.naming(part.upload.name), language: language) { _ in nil }
                return page("review-upload", language: language, title: .review,
                            ["errors": summary, "hasErrors": true], status: .unprocessableContent)
            }
        }
        // Second step: the sheet itself.
        let values = FormValues(body)
        guard let rubric = self.rubric(values.one("rubric"), values.one("rubric-version")) else {
            let (summary, _) = Self.errorViews([Diagnostic(PageWord.dossierFileMissing.text(language))], language: language) { _ in "dossier" }
            return page("review-upload", language: language, title: .review,
                        ["errors": summary, "hasErrors": true], status: .unprocessableContent)
        }
        let kpiIDs = values.many("kpi")
        var given: [String: String] = [:]
        for key in values.fields.keys where key.hasPrefix("given-") { given[String(key.dropFirst("given-".count))] = values.one(key) }
        let subject = SheetSubject(
            dossierID: values.one("dossier-id"), rubric: rubric,
            kpis: kpiIDs.map { ($0, values.one("kpi-label-\($0)")) }, given: given)
        let writer = ReviewWriter.write(values, subject: subject)
        let upload = Upload(name: "review.xml", bytes: Array(writer.xml.utf8))
        var errors: [Diagnostic] = []
        do { try inputs.validate(upload) } catch { errors = error.diagnostics }
        let problems = Self.sheetProblems(values, subject: subject, language: language)
        if errors.isEmpty && problems.isEmpty && values.one("action") == "download" {
            let reviewer = Self.safeFileName(values.trimmed("reviewer"))
            return Response(
                status: .ok,
                headers: [.contentType: "application/xml; charset=utf-8",
                          .contentDisposition: "attachment; filename=\"review-\(reviewer).xml\""],
                body: .init(byteBuffer: ByteBuffer(string: writer.xml)))
        }
        return reviewSheet(subject, values: values, language: language, errors: errors, problems: problems, writer: writer,
                           status: errors.isEmpty && problems.isEmpty ? .ok : .unprocessableContent)
    }

    /// What a sheet needs before it downloads, all at once: the reviewer's
    /// id, at least one score or KPI decision (an empty sheet says nothing),
    /// and a reason for every 불인정 (reject). A judgment or KPI left blank
    /// is one this reviewer gives no opinion on.
    static func sheetProblems(_ values: FormValues, subject: SheetSubject, language: Language) -> [FormFields.Problem] {
        let fields = FormFields(rubric: subject.rubric, language: language)
        var problems: [FormFields.Problem] = []
        if values.trimmed("reviewer").isEmpty {
            problems.append(.init(field: "reviewer", message: PageWord.fieldRequired.text(language, fields.label("reviewer"), PageWord.expectID.text(language))))
        }
        let judgments = subject.rubric.indicators.filter { $0.input == .judgment }
        let scored = judgments.contains { !values.trimmed("judgment-\($0.id)-score").isEmpty }
        let decided = subject.kpis.contains { !values.trimmed("decision-\($0.id)").isEmpty }
        if !scored && !decided, let first = judgments.first.map({ "judgment-\($0.id)-score" })
            ?? subject.kpis.first.map({ "decision-\($0.id)" }) {
            problems.append(.init(field: first, message: PageWord.reviewEmpty.text(language)))
        }
        for kpi in subject.kpis where values.one("decision-\(kpi.id)") == "reject" && values.trimmed("reason-\(kpi.id)").isEmpty {
            problems.append(.init(field: "reason-\(kpi.id)", message: PageWord.fieldRequired.text(language, "\(kpi.id) \(kpi.label) · \(PageWord.reason.text(language))",
                PageWord.expectReason.text(language))))
        }
        return problems
    }

    func reviewSheet(_ subject: SheetSubject, values: FormValues, language: Language, errors: [Diagnostic],
                     problems: [FormFields.Problem] = [], writer: ReviewWriter? = nil, status: HTTPResponse.Status) -> Response {
        page("review", language: language, title: .review, path: "/review",
             reviewSheetView(subject, values: values, language: language, errors: errors, problems: problems, writer: writer),
             status: status)
    }

    /// The review sheet's values for the `review` template.
    func reviewSheetView(_ subject: SheetSubject, values: FormValues, language: Language, errors: [Diagnostic],
                         problems: [FormFields.Problem] = [], writer: ReviewWriter? = nil) -> [String: Any] {
        let fields = FormFields(rubric: subject.rubric, language: language)
        let (summary, byField) = Self.errorViews(errors, language: language, values: writer == nil ? nil : values,
                                                 fields: fields, problems: problems) { diagnostic in
            guard let writer, diagnostic.position.line > 0 else { return nil }
            var line = diagnostic.position.line
            while line > 0 {
                if let field = writer.fieldOfLine[line] { return field }
                line -= 1
            }
            return nil
        }
        let view = SelfCheckView(rubric: subject.rubric, values: values, language: language, fieldErrors: byField, result: nil)
        let scores = SelfCheckView.scoreRange(subject.rubric)
        var scoreChoices: [(value: String, label: String)] = [("", PageWord.chooseScore.text(language))]
        for score in scores { scoreChoices.append((String(score), Self.anchor(score, scores, language))) }
        let judgments = subject.rubric.indicators.filter { $0.input == .judgment }.map { indicator -> [String: Any] in
            let name = "judgment-\(indicator.id)"
            var score = view.field("\(name)-score")
            score["options"] = view.options("\(name)-score", scoreChoices)
            return [
                "id": indicator.id, "label": indicator.label.text(language),
                // Only a text in the page's language: a Korean page shows no English.
                "description": indicator.description[language] ?? "", "hasDescription": !(indicator.description[language] ?? "").isEmpty,
                "score": score, "comment": view.field("\(name)-comment"),
                "scoreLabel": PageWord.scoreScale.text(language, String(scores.lowerBound), String(scores.upperBound)),
                "given": subject.given[indicator.id] ?? PageWord.givenNone.text(language),
                "anchors": scores.map { Self.anchor($0, scores, language) }.joined(separator: " · "),
            ]
        }
        let kpis = subject.kpis.map { kpi -> [String: Any] in
            let name = "decision-\(kpi.id)"
            var decision = view.field(name)
            // No choice ticked for the reviewer: each KPI is decided on purpose.
            decision["options"] = view.options(name, [("accept", PageWord.accept.text(language)), ("reject", PageWord.reject.text(language))])
            return ["id": kpi.id, "label": kpi.label, "decision": decision, "reason": view.field("reason-\(kpi.id)", hint: true),
                    "given": subject.given[kpi.id] ?? "", "givenKey": "given-\(kpi.id)"]
        }
        return [
            "heading": PageWord.reviewOf.text(language, subject.dossierID),
            "dossierID": subject.dossierID, "rubricID": subject.rubric.id, "rubricVersion": subject.rubric.version,
            "reviewer": view.field("reviewer", hint: true),
            "judgments": judgments, "kpis": kpis, "hasKPIs": !kpis.isEmpty,
            "nothing": judgments.isEmpty && kpis.isEmpty,
            "errors": summary, "hasErrors": !summary.isEmpty,
            "givenFields": subject.given.sorted { $0.key < $1.key }.map { ["name": "given-\($0.key)", "value": $0.value] },
        ]
    }

    /// A score with its anchor in words ("4 — 우수") when the scale is the
    /// usual five points; else the ends only.
    static func anchor(_ score: Int, _ scores: ClosedRange<Int>, _ language: Language) -> String {
        let words: String
        if scores.count == 5 {
            words = PageWord.anchor(score - scores.lowerBound + 1).text(language)
        } else if score == scores.lowerBound {
            words = PageWord.anchor1.text(language)
        } else if score == scores.upperBound {
            words = PageWord.anchor5.text(language)
        } else {
            return String(score)
        }
        return "\(score) — \(words)"
    }

    // MARK: - Panel

    func postPanel(_ request: Request) async -> Response {
        let language = UIText.language(request)
        let body: FormBody
        do { body = try await BodyReader.read(request, timeout: configuration.requestTimeout, xmlAsDossier: false) } catch { return errorPage(request, status: Problem(error).status) }
        let values = FormValues(body)
        // Files sent before, carried back by a refused form (a bad date) so
        // that fixing the date does not mean choosing every file again.
        let keptDossier = zip(values.many("kept-dossier-name"), values.many("kept-dossier")).map {
            Part(name: "dossier", filename: $0, bytes: Array($1.utf8))
        }
        let keptReviews = zip(values.many("kept-review-name"), values.many("kept-review")).map {
            Part(name: "review", filename: $0, bytes: Array($1.utf8))
        }
        let dossierPart = body.file("dossier") ?? keptDossier.first
        let reviews = body.files("review").isEmpty ? keptReviews : body.files("review")
        func fail(_ diagnostics: [Diagnostic], keep: Bool = false) -> Response {
            let (summary, _) = Self.errorViews(diagnostics, language: language) { _ in nil }
            func kept(_ part: Part) -> [String: Any] { ["name": part.displayName, "text": part.text] }
            let keptFiles = keep ? dossierPart.map { [kept($0)] } ?? [] : []
            return page("panel-upload", language: language, title: .panel,
                        ["errors": summary, "hasErrors": true, "date": values.one("date"),
                         "official": values.one("official") == "yes",
                         "keptDossier": keptFiles, "keptReviews": keep ? reviews.map(kept) : [],
                         "hasKept": keep && dossierPart != nil,
                         "keptNote": PageWord.keptFiles.text(language, String(reviews.count + (dossierPart == nil ? 0 : 1)))],
                        status: .unprocessableContent)
        }
        guard let dossier = dossierPart else {
            return fail([Diagnostic(PageWord.dossierFileMissing.text(language))])
        }
        let dateText = values.trimmed("date")
        var date = CalendarDate.today()
        if !dateText.isEmpty {
            // As people type dates ("2026.03.02"); the command below gets the canonical form.
            guard let given = TypedInput.date(dateText).flatMap({ CalendarDate(iso: $0) }) else {
                return fail([Diagnostic(PageWord.typedUnreadable.text(language, PageWord.decisionDate.text(language), dateText,
                                                    PageWord.expectDate.text(language), "2026-03-02"))], keep: true)
            }
            date = given
        }
        let official = values.one("official") == "yes"
        let wrong = [Self.wrongFile(dossier, expected: "dossier", language: language)]
            + reviews.map { Self.wrongFile($0, expected: "review", language: language) }
        if !wrong.compactMap({ $0 }).isEmpty { return fail(wrong.compactMap { $0 }) }
        let result: ScoreResult
        do {
            result = try inputs.score(dossier: dossier.upload, reviews: reviews.map(\.upload),
                                      options: ScoringOptions(date: date, official: official))
        } catch {
            return fail(error.diagnostics)
        }
        var command = ["certify", "report", Self.shellWord(dossier.displayName)]
        for review in reviews { command += ["--review", Self.shellWord(review.displayName)] }
        command += ["--key", "KEY.pem", "--date", date.description]
        if official { command.append("--official") }
        let base = Self.safeFileName(result.dossier.id)
        command += ["--out", "\(base).report.xml", "--html", "\(base).report.html", "--lang", language.rawValue]
        var view = panelValues(result, language: language)
        view["command"] = command.joined(separator: " ")
        return page("panel", language: language, title: .panel, path: "/panel", view, status: .ok)
    }

    /// The panel template's values for a result.
    func panelValues(_ result: ScoreResult, language: Language) -> [String: Any] {
        let judgments = result.areas.flatMap(\.indicators).filter { $0.indicator.input == .judgment }.map { indicator -> [String: Any] in
            var dropped = indicator.panel?.dropped ?? []
            let scores = (indicator.panel?.scores ?? []).map { score -> [String: Any] in
                var isDropped = false
                if let index = dropped.firstIndex(of: score.score) {
                    dropped.remove(at: index)
                    isDropped = true
                }
                return ["reviewer": score.reviewer ?? "",  "score": String(score.score), "dropped": isDropped]
            }
            return [
                "id": indicator.id, "label": indicator.label.text(language), "scores": scores,
                "mean": indicator.panel.map { $0.mean.rounded(places: 2).formatted() } ?? "—",
                "points": SelfCheckView.points(indicator.points), "max": SelfCheckView.points(indicator.max),
                "selfAssessed": indicator.panel?.selfAssessed ?? false,
            ]
        }
        let kpis = result.areas.flatMap(\.indicators).flatMap(\.kpis).map { kpi -> [String: Any] in
            [
                "id": kpi.id, "label": kpi.label, "direction": PageWord(kpi.direction).text(language),
                "target": kpi.target.formatted(), "achieved": kpi.achieved.formatted(), "unit": kpi.unit ?? "" as String,
                // Attainment as a percentage ("75%"), as the rubric's scale says it.
                "attainment": (kpi.attainment * Rational(100)).rounded(places: 1).formatted() + "%", "accepted": kpi.accepted,
                "rejectedBy": PageWord.rejectedBy.text(language, kpi.rejectedBy.joined(separator: ", ")),
                "hasRejectedBy": !kpi.rejectedBy.isEmpty,
            ]
        }
        let reviewers = result.reviews.map(\.reviewer)
        // "절사평균" (trimmed mean) only when a highest and lowest score were dropped.
        let trimmed = result.areas.flatMap(\.indicators).contains { !($0.panel?.dropped.isEmpty ?? true) }
        return [
            "meanHeading": (trimmed ? PageWord.trimmedMean : .meanOfScores).text(language),
            "nextStep": (result.certified ? PageWord.nextStepCertified : .nextStepNotCertified).text(language),
            "heading": PageWord.panelOf.text(language, result.dossier.id),
            "results": ResultsView(result: result, language: language).build(),
            "reviewers": reviewers.joined(separator: ", "), "reviewerCount": String(reviewers.count),
            "judgments": judgments, "hasJudgments": !judgments.isEmpty,
            "kpis": kpis, "hasKPIs": !kpis.isEmpty,
        ]
    }

    /// A word for a POSIX shell: as is when it is made of safe characters,
    /// else single-quoted.
    static func shellWord(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_./=:@%+,".unicodeScalars.contains($0)
        }
        if safe && !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Writes a review sheet's XML, one element per line, remembering which
/// field each line came from.
struct ReviewWriter {
    private(set) var lines: [String] = []
    private(set) var fieldOfLine: [Int: String] = [:]

    var xml: String { lines.joined(separator: "\n") + "\n" }

    private mutating func line(_ text: String, field: String? = nil) {
        lines.append(text)
        if let field { fieldOfLine[lines.count] = field }
    }

    static func write(_ values: FormValues, subject: CertifyServer.SheetSubject) -> ReviewWriter {
        var writer = ReviewWriter()
        let e = DossierWriter.escape
        writer.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        writer.line("<review xmlns=\"\(CertifyNamespace.review)\" dossier=\"\(e(subject.dossierID))\" reviewer=\"\(e(values.trimmed("reviewer")))\">",
                    field: "reviewer")
        for indicator in subject.rubric.indicators where indicator.input == .judgment {
            let score = values.trimmed("judgment-\(indicator.id)-score")
            let comment = values.trimmed("judgment-\(indicator.id)-comment")
            if score.isEmpty && comment.isEmpty { continue }
            writer.line("  <judgment indicator=\"\(e(indicator.id))\" score=\"\(e(score))\">\(e(comment))</judgment>",
                        field: "judgment-\(indicator.id)-score")
        }
        for kpi in subject.kpis {
            let rejected = values.one("decision-\(kpi.id)") == "reject"
            let reason = values.trimmed("reason-\(kpi.id)")
            if !rejected && reason.isEmpty { continue }
            writer.line("  <kpi-decision kpi=\"\(e(kpi.id))\" accepted=\"\(rejected ? "false" : "true")\">\(e(reason))</kpi-decision>",
                        field: "decision-\(kpi.id)")
        }
        writer.line("</review>")
        return writer
    }
}
