import CertifyModel
import CertifyRegistry
import CertifyServer
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `serve --registry PATH`: the public, read-only registry page (search by
/// applicant id or name; each certificate's status today, validity and
/// rubric) and `GET /api/v1/certificates/{id}` (the certificate as a line
/// of `registry list --format json` on `?date=`, then whether it is in force
/// and its inclusion proof, the `prove --format json` object), each
/// certificate's page (`CertificatePage`), and the log's
/// C2SP tiles under `/log/` (`LogTiles`). The database
/// is opened read-only: nothing here writes. An extension of the server
/// (`ServerExtension`), so that CertifyServer needs nothing of the registry:
/// `certify serve --registry PATH` adds it.
public struct RegistryPages: ServerExtension {
    let registry: Registry
    let tiles: LogTiles
    let certificates: CertificatePage

    /// The layout shows its link to `/registry`.
    public var layoutLinks: Set<String> { ["registry"] }

    /// Opens the registry at `path` read-only (an unreadable or missing one
    /// is the CLI's error, before the server starts).
    public init(path: String) throws(CertifyError) {
        registry = try Registry.open(at: path, readOnly: true)
        tiles = LogTiles(registry: registry)
        certificates = CertificatePage(registry: registry)
    }

    /// `/log/`: cached tiles are answered on the event loop (`LogTiles`).
    public func addLoopRoutes(to router: RouterGroup<CertifyRequestContext>, server: CertifyServer) {
        tiles.addRoutes(to: router)
    }

    public func addRoutes(to router: RouterGroup<CertifyRequestContext>, server: CertifyServer) {
        router.get("/registry") { request, _ in self.page(request, server: server) }
        router.get("/api/v1/certificates/:id") { request, context in
            self.certificate(context.parameters.get("id") ?? "", request)
        }
        certificates.addRoutes(to: router, server: server)
    }

    /// The longest search text accepted (an applicant id or name).
    static let maxQuery = 200

    func page(_ request: Request, server: CertifyServer) -> Response {
        let language = CertifyServer.pageLanguage(request)
        let date = CertifyServer.date(request)
        let text = request.uri.queryParameters["q"].map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        var view: [String: Any] = ["query": text, "date": date.description]
        do throws(CertifyError) {
            guard text.count <= Self.maxQuery else {
                throw CertifyError(.usage, CertifyServer.pageText(.searchTooLong, language, [String(Self.maxQuery)]))
            }
            let found = text.isEmpty
                ? Array(try registry.certificates(on: date).suffix(200).reversed())
                : try registry.search(applicant: text, limit: 200)
            view["certificates"] = found.map { certificate -> [String: Any] in
                let status = certificate.status(on: date)
                return [
                    "id": certificate.id,
                    "applicants": certificate.applicants.map { "\($0.name) (\($0.id))" }.joined(separator: ", "),
                    "rubric": "\(certificate.rubric) \(certificate.rubricVersion)",
                    "validFrom": certificate.validFrom.description, "validUntil": certificate.validUntil.description,
                    "status": status.rawValue, "inForce": status.inForce,
                    "statusText": status.text(language),
                    "href": "/certificates/\(certificate.id)?lang=\(language.rawValue)",
                ]
            }
            view["hasCertificates"] = !found.isEmpty
            view["searched"] = !text.isEmpty
            view["checkpoint"] = try registry.latestCheckpoint()
            return server.page("registry", language: language, title: .registry, path: "/registry", view, status: .ok)
        } catch {
            view["errors"] = error.diagnostics.map { ["href": "#q", "message": $0.message(language)] }
            view["hasErrors"] = true
            view["certificates"] = [[String: Any]]()
            let status: HTTPResponse.Status = error.code == .usage ? .badRequest : .internalServerError
            return server.page("registry", language: language, title: .registry, path: "/registry", view, status: status)
        }
    }

    func certificate(_ id: String, _ request: Request) -> Response {
        do {
            let options = try QueryOptions(request)
            guard let certificate = try registry.certificate(id) else {
                return Problem(status: 404, title: "Not Found", detail: "no certificate \(id) in the registry").response()
            }
            let status = certificate.status(on: options.date)
            let proof = try registry.inclusionProof(certificate: certificate.id)
            var json = JSONWriter(compact: true)
            json.object { json in
                certificate.writeJSONMembers(on: options.date, to: &json)
                json.key("inForce"); json.bool(status.inForce)
                json.key("inclusion"); proof.write(to: &json)
            }
            json.newline()
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: json.bytes())))
        } catch {
            return Problem.response(for: error, request)
        }
    }
}
