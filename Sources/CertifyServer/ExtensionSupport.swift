import CertifyModel
import CertifyTemplates
import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOCore

/// What the server offers the extensions that add pages to it (the office,
/// the registry): the request's language, the one page frame, the body
/// reader with its limits, and the dossier form's writer — so that every
/// page has one look and every body one reader.

/// A posted form: its text fields and its chosen files, in order.
public struct PostedForm: Sendable {
    public struct File: Sendable {
        public let field: String
        public let fileName: String
        public let bytes: [UInt8]
    }

    public let fields: [String: [String]]
    public let files: [File]
    /// The names of the parts in the order they came (the CSRF token must come first).
    public let order: [String]

    /// A text field, or "" when absent.
    public func field(_ name: String) -> String { fields[name]?.first ?? "" }
    public func all(_ name: String) -> [String] { fields[name] ?? [] }
    public func file(_ name: String) -> File? { files.first { $0.field == name } }
}

/// A body the reader refused, with the status to answer.
public struct FormRefused: Error, Sendable {
    public let status: HTTPResponse.Status
}

extension CertifyServer {
    /// A page's language: `?lang=`, else Accept-Language, else English.
    public static func pageLanguage(_ request: Request) -> Language { UIText.language(request) }

    /// A phrase of the pages in `language`, `%1`, `%2`… replaced by `values`.
    public static func pageText(_ word: PageWord, _ language: Language, _ values: [String] = []) -> String {
        word.text(language, values: values)
    }

    /// The pages' templates (the shared ones and the server's own, so that an
    /// extension can embed the review sheet, the panel and the plan) with an
    /// extension's templates from `directory` added.
    public static func templates(adding directory: String) async throws -> MustacheLibrary {
        let server = Bundle.module.bundleURL.appendingPathComponent("Resources/templates").path + "/"
        var library = try await Templates.library(adding: server)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }.sorted()
        for file in files {
            let text = try String(contentsOfFile: (directory as NSString).appendingPathComponent(file), encoding: .utf8)
            try library.register(text, named: String(file.dropLast(".mustache".count)))
        }
        return library
    }

    /// The layout's common values (language, switch links, the shared words `t`).
    public func pageFrame(_ language: Language, title: String, path: String) -> [String: Any] {
        frame(language, title: title, path: path)
    }

    /// A page rendered from `library` with the view's strings cleaned for escaping.
    public static func renderPage(_ template: String, view: [String: Any], library: MustacheLibrary,
                                  status: HTTPResponse.Status) -> Response {
        let text = Templates.render(view, with: template, in: library) ?? "template \(template) missing"
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Reads a form body (urlencoded or multipart) with the pages' limits;
    /// a body that cannot be read answers its status (400, 408, 413, 415).
    public func readForm(_ request: Request) async -> Result<PostedForm, FormRefused> {
        do {
            let body = try await BodyReader.read(request, timeout: configuration.requestTimeout, xmlAsDossier: false)
            var fields: [String: [String]] = [:]
            var files: [PostedForm.File] = []
            for part in body.parts {
                if let filename = part.filename {
                    if !(part.bytes.isEmpty && filename.isEmpty) {
                        files.append(PostedForm.File(field: part.name, fileName: filename, bytes: part.bytes))
                    }
                } else {
                    fields[part.name, default: []].append(part.text)
                }
            }
            return .success(PostedForm(fields: fields, files: files, order: body.parts.map(\.name)))
        } catch {
            return .failure(FormRefused(status: HTTPResponse.Status(code: Problem(error).status)))
        }
    }

    /// The self-check form on an extension's page (the office's draft): the
    /// same form, score and plan, posting to `embedding.action`. `fields`
    /// are the form's names and values as posted (`PostedForm.fields`).
    public func selfCheckForm(rubricID: String, version: String, fields: [String: [String]], language: Language,
                              date: CalendarDate, fragment: Bool, embedding: SelfCheckEmbedding) -> Response? {
        guard let rubric = rubric(rubricID, version) else { return nil }
        var values = FormValues()
        values.fields = fields
        return selfCheckAnswer(values, rubric: rubric, language: language, date: date, fragment: fragment, embedding: embedding)
    }

    /// The form's fields of a dossier (to start a draft from an uploaded file).
    public func formFields(ofDossier bytes: [UInt8], name: String) throws(CertifyError) -> [String: [String]] {
        let dossier = try inputs.dossier(Upload(name: name, bytes: bytes))
        let rubric = try certifier.catalog.rubric(for: dossier)
        return FormValues(dossier: dossier, rubric: rubric).fields
    }

    /// The dossier a draft's form writes, with the parts the office writes
    /// itself (its id, the lead applicant's id, the submission date), read
    /// as people type (canonical values). Nil when the rubric is unknown.
    public func stampedDossier(fields: [String: [String]], rubricID: String, version: String, dossierID: String,
                               leadApplicant: String, submitted: CalendarDate, language: Language) -> String? {
        guard let rubric = rubric(rubricID, version) else { return nil }
        var values = FormValues()
        values.fields = fields
        values.set("dossier-id", dossierID)
        values.set("applicant-0-id", leadApplicant)
        values.set("submitted", submitted.description)
        let (canonical, _) = FormFields(rubric: rubric, language: language).canonical(values)
        return DossierWriter.write(canonical, rubric: rubric).xml
    }
}

/// How an extension's page embeds the self-check form.
public struct SelfCheckEmbedding: Sendable {
    public var action: String
    /// Hidden fields, first in the form (the CSRF token first of all).
    public var hidden: [(String, String)]
    public var title: String
    public var saveLabel: String
    public var backLink: String
    public var backLabel: String
    /// The footer's text, said instead of the stateless pages' "nothing is stored".
    public var footer: String

    public init(action: String, hidden: [(String, String)], title: String, saveLabel: String, backLink: String, backLabel: String,
                footer: String) {
        self.action = action
        self.hidden = hidden
        self.title = title
        self.saveLabel = saveLabel
        self.backLink = backLink
        self.backLabel = backLabel
        self.footer = footer
    }
}
