import CertifyModel
import CertifyRegistry
import CertifyServer
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The public certificate page `/certificates/{id}` (registry.md): the
/// certificate, its status on `?at=` (default today), its renewal chain and
/// revocation, its signed report to download (`/certificates/{id}/report`),
/// a printable A4 certificate carrying the page's address, and the check
/// the browser runs itself (`/static/certificate.js`) against
/// `/api/v1/certificates/{id}/proof`: every log entry of the certificate
/// with its inclusion proof, and the signed checkpoint of that tree.
struct CertificatePage: Sendable {
    let registry: Registry

    func addRoutes(to router: RouterGroup<CertifyRequestContext>, server: CertifyServer) {
        router.get("/certificates/:id") { request, context in
            self.page(context.parameters.get("id") ?? "", request, server: server)
        }
        router.get("/certificates/:id/report") { request, context in
            self.report(context.parameters.get("id") ?? "", request, server: server)
        }
        router.get("/api/v1/certificates/:id/proof") { request, context in
            self.proof(context.parameters.get("id") ?? "", request)
        }
    }

    /// Whether `id` has the form of a certificate id (`CertificateID`:
    /// letters, digits and dashes, e.g. KR-SC-2026-0001).
    static func isCertificateID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 64
            && id.utf8.allSatisfy { $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }

    /// A 404 page naming the id: not of a certificate id's form, or not in the registry.
    func notFound(_ id: String, _ language: Language, server: CertifyServer) -> Response {
        let decoded = id.removingPercentEncoding ?? id
        let shown = decoded.count > 80 ? String(decoded.prefix(80)) + "…" : decoded
        let key: PageWord = Self.isCertificateID(id) ? .certNotFound : .certIDBad
        return server.page("message", language: language, title: .notFound, path: "/registry",
                           ["message": CertifyServer.pageText(key, language, [shown])], status: .notFound)
    }

    func page(_ id: String, _ request: Request, server: CertifyServer) -> Response {
        let language = CertifyServer.pageLanguage(request)
        func text(_ word: PageWord, _ values: String...) -> String { word.text(language, values: values) }
        let certificate: Certificate
        let stored: StoredReport?
        do throws(CertifyError) {
            guard Self.isCertificateID(id), let found = try registry.certificate(id) else {
                return notFound(id, language, server: server)
            }
            certificate = found
            stored = try registry.report(sha256: found.reportSHA256)
        } catch {
            return server.page("message", language: language, title: .error500, path: "/registry",
                               ["message": text(.error500)], status: .internalServerError)
        }
        // `?at=YYYY-MM-DD` (or `?date=`, as the registry page says it); one
        // that cannot be read is named in the error summary, and the page
        // shows today.
        let asked = (request.uri.queryParameters["at"] ?? request.uri.queryParameters["date"]).map(String.init)
        let parsed = asked.flatMap { CalendarDate(iso: $0.trimmingCharacters(in: .whitespaces)) }
        let day = parsed ?? .today()
        var view: [String: Any] = [:]
        if let asked, parsed == nil {
            let shown = asked.count > 40 ? String(asked.prefix(40)) + "…" : asked
            view["errors"] = [["href": "#at", "message": text(.certAtBad, shown)]]
            view["hasErrors"] = true
        }
        let status = certificate.status(on: day)
        let path = "/certificates/\(certificate.id)"
        let rubricTitle = server.certifier.catalog.entries
            .first { $0.rubric.id == certificate.rubric && $0.rubric.version == certificate.rubricVersion }?
            .rubric.title.text(language)
        let rubric = "\(certificate.rubric) \(certificate.rubricVersion)"
        let outcome: String? = stored.map { report in
            report.outcome.grade.map { text(.certGrade, $0, report.outcome.total, report.outcome.max) }
                ?? text(.certScore, report.outcome.total, report.outcome.max)
        }
        func link(_ other: String) -> String { "/certificates/\(other)?lang=\(language.rawValue)" }
        view["title"] = text(.certTitle, certificate.id)
        var shown: [String: Any] = [
            "id": certificate.id,
            "holders": certificate.applicants.map { ["name": $0.name, "id": $0.id] },
            "rubric": rubricTitle.map { "\($0) (\(rubric))" } ?? rubric,
            "outcome": outcome ?? text(.certOutcomeUnknown),
            "validFrom": certificate.validFrom.description, "validUntil": certificate.validUntil.description,
            "renewalFrom": certificate.renewalWindowStart.description,
            "issuedAt": certificate.issuedAt,
            "status": status.rawValue, "inForce": status.inForce,
            "statusText": status.text(language),
            "statusOn": text(.certStatusOn, day.description),
            "at": day.description,
            "reportSHA256": certificate.reportSHA256,
            // What the script compares with the log's entries.
            "applicantIDs": certificate.applicants.map(\.id).joined(separator: " "),
            "rubricID": rubric,
            "entries": (certificate.latestIndex == certificate.issuedIndex
                ? [certificate.issuedIndex] : [certificate.issuedIndex, certificate.latestIndex]).map(String.init).joined(separator: " "),
            "logKey": registry.verifier.encoded,
            "proofHref": "/api/v1/certificates/\(certificate.id)/proof",
            "address": Self.address(request, path: path),
        ]
        if stored != nil { shown["reportHref"] = "\(path)/report" }
        if let predecessor = certificate.predecessor { shown["predecessor"] = ["id": predecessor, "href": link(predecessor)] }
        if let successor = certificate.successor {
            shown["successor"] = ["id": successor, "href": link(successor),
                                  "from": certificate.successorFrom.map { text(.certFrom, $0.description) } ?? ""]
        }
        if let revokedOn = certificate.revokedOn {
            shown["revoked"] = ["on": revokedOn.description, "reason": certificate.revocationReason ?? ""]
        }
        view["certificate"] = shown
        // The language switch keeps the day asked for.
        let switchPath = parsed.map { "\(path)?at=\($0)" } ?? path
        var response = server.page("certificate", language: language, title: .certificate, path: switchPath, view,
                                   status: view["hasErrors"] == nil ? .ok : .badRequest)
        // The status shown depends on the day: not cached beyond it.
        response.headers[.cacheControl] = "no-cache"
        return response
    }

    /// The page's full address for the printed certificate, from the
    /// request's Host and the scheme a proxy in front says it used (the
    /// page's script puts the browser's own address in its place).
    static func address(_ request: Request, path: String) -> String {
        let host = request.head.authority ?? "localhost"
        let forwarded = request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased()
        let scheme = forwarded == "https" ? "https" : "http"
        return "\(scheme)://\(host)\(path)"
    }

    /// The signed report as registered, to download.
    func report(_ id: String, _ request: Request, server: CertifyServer) -> Response {
        let language = CertifyServer.pageLanguage(request)
        do throws(CertifyError) {
            guard Self.isCertificateID(id), let certificate = try registry.certificate(id),
                  let stored = try registry.report(sha256: certificate.reportSHA256) else {
                return notFound(id, language, server: server)
            }
            return Response(
                status: .ok,
                headers: [.contentType: "application/xml", .cacheControl: "public, max-age=31536000, immutable",
                          .contentDisposition: "attachment; filename=\"\(certificate.id)-report.xml\""],
                body: .init(byteBuffer: ByteBuffer(bytes: stored.bytes)))
        } catch {
            return server.page("message", language: language, title: .error500, path: "/registry",
                               ["message": CertifyServer.pageText(.error500, language)], status: .internalServerError)
        }
    }

    /// `{"certificate", "size", "checkpoint", "entries": [{"index", "entry"
    /// (base64), "proof": [base64]}]}`: the certificate's entries proven in
    /// the latest tree, whose signed checkpoint it carries.
    func proof(_ id: String, _ request: Request) -> Response {
        do {
            guard Self.isCertificateID(id), let proof = try registry.certificateProof(id) else {
                return Problem(status: 404, title: "Not Found", detail: "no certificate \(id) in the registry").response()
            }
            var json = JSONWriter(compact: true)
            json.object { json in
                json.key("certificate"); json.string(id)
                json.key("size"); json.number(proof.size)
                json.key("checkpoint"); json.string(proof.checkpoint)
                json.key("entries")
                json.objects(proof.entries) { json, entry in
                    json.key("index"); json.number(entry.index)
                    json.key("entry"); json.string(Data(entry.bytes).base64EncodedString())
                    json.key("proof"); json.array { json in for hash in entry.proof { json.string(Data(hash).base64EncodedString()) } }
                }
            }
            json.newline()
            // As the checkpoint of `/log/`: it changes with every append.
            return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: LogTiles.checkpointCaching,
                                                   .accessControlAllowOrigin: "*"],
                            body: .init(byteBuffer: ByteBuffer(bytes: json.bytes())))
        } catch {
            return Problem.response(for: error, request)
        }
    }
}
