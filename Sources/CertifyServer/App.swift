import CertifyModel
import CertifyRuntime
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import CertifyTemplates
import Mustache
import NIOCore
import NIOPosix
import ServiceLifecycle

/// The request context: Hummingbird's basic one with the upload limit of
/// server.md (8 MiB).
public struct CertifyRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address (the office throttles sign-ins per address).
    public let remoteAddress: String?
    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
    public var maxUploadSize: Int { BodyReader.maxBytes }
}

/// Something added to the server from outside this target, such as the
/// registry pages (CertifyRegistryWeb, `--registry PATH`): it adds its own
/// routes to the router. `certify serve` passes it in
/// `ServerConfiguration.extensions`; this target depends on none of them.
public protocol ServerExtension: Sendable {
    /// Adds the extension's routes to `router`, a group whose requests run
    /// off the event loops (`OffLoopMiddleware`): an extension may block.
    func addRoutes(to router: RouterGroup<CertifyRequestContext>, server: CertifyServer)

    /// Adds routes that answer on the event loop (no `OffLoopMiddleware`):
    /// for answers held in memory; a handler that may block leaves the
    /// loop itself (`offLoop`).
    func addLoopRoutes(to router: RouterGroup<CertifyRequestContext>, server: CertifyServer)

    /// The layout's links this extension's pages fill (`registry`).
    var layoutLinks: Set<String> { get }
}

extension ServerExtension {
    public var layoutLinks: Set<String> { [] }
    public func addLoopRoutes(to router: RouterGroup<CertifyRequestContext>, server: CertifyServer) {}
}

public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// `--rubrics`, else `$CERTIFY_RUBRICS`, else the shipped rubrics.
    public var rubricsOption: String?
    /// `--registry PATH`: handed to whichever extension serves the registry.
    public var registryPath: String?
    public var extensions: [any ServerExtension]
    /// A request body that takes longer to arrive is answered 408.
    public var requestTimeout: Duration
    /// An idle keep-alive connection is closed after this long.
    public var idleTimeout: Duration
    /// `--pin-loops`: one event loop on each CPU the process may use, each
    /// loop's thread bound to its CPU (`EventLoops.pinned`).
    public var pinLoops: Bool

    public init(
        host: String = "127.0.0.1", port: Int = 8080, rubricsOption: String? = nil, registryPath: String? = nil,
        extensions: [any ServerExtension] = [], requestTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(60), pinLoops: Bool = false
    ) {
        self.host = host
        self.port = port
        self.rubricsOption = rubricsOption
        self.registryPath = registryPath
        self.extensions = extensions
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.pinLoops = pinLoops
    }
}

/// The web application: stateless, built once, then shared by every request.
public final class CertifyServer: Sendable {
    public let certifier: Certifier
    let inputs: Inputs
    let templates: MustacheLibrary
    let assets: Assets
    public let configuration: ServerConfiguration

    public init(configuration: ServerConfiguration, certifier: Certifier) async throws {
        self.configuration = configuration
        self.certifier = certifier
        inputs = Inputs(certifier: certifier)
        assets = try Assets.load()
        // The pages' own templates with the shared ones (head, foot) of CertifyTemplates.
        templates = try await Templates.library(adding: assets.templatesDirectory)
    }

    /// `certify serve`'s server: the certifier from the rubric options.
    public convenience init(configuration: ServerConfiguration) async throws {
        let certifier = try Certifier(rubricsOption: configuration.rubricsOption)
        try await self.init(configuration: configuration, certifier: certifier)
    }

    /// One event loop per core for `certify serve`, unless
    /// `NIO_SINGLETON_GROUP_LOOP_COUNT` says otherwise: each connection's
    /// requests run on its loop (`EventLoopBoundChannel`), so the loops do
    /// the work (parsing, validation, scoring) and need every core. Call
    /// once, before the server starts (NIO allows setting it once, before
    /// the group exists).
    public static func suggestEventLoops() {
        guard ProcessInfo.processInfo.environment["NIO_SINGLETON_GROUP_LOOP_COUNT"] == nil else { return }
        NIOSingletons.groupLoopCountSuggestion = max(1, System.coreCount)
    }

    /// Requests with bodies up to this size are answered on their
    /// connection's event loop (a shipped sample dossier is 2 KB; 64 KiB of
    /// XML parses, validates and scores in about a millisecond); larger
    /// ones on the concurrency pool (`OffLoopMiddleware`).
    static let onLoopBodyLimit = 64 * 1024

    public func router() -> Router<CertifyRequestContext> {
        let router = Router(context: CertifyRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware(pageError: { request, status in
            self.errorPage(request, status: status)
        }))
        // Large uploads are parsed and scored off the event loops.
        router.add(middleware: OffLoopMiddleware(bodiesOver: Self.onLoopBodyLimit))
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok")))
        }
        addAssetRoutes(router)
        addAPIRoutes(router)
        addPageRoutes(router)
        for serverExtension in configuration.extensions {
            serverExtension.addLoopRoutes(to: router.group(), server: self)
            serverExtension.addRoutes(to: router.group().add(middleware: OffLoopMiddleware()), server: self)
        }
        return router
    }

    public func application(logger: Logger, onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        Application(
            router: router(),
            server: .http1OnEventLoops(configuration: .init(idleTimeout: .init(configuration.idleTimeout))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "certify"),
            onServerRunning: onServerRunning,
            eventLoopGroupProvider: .shared(configuration.pinLoops ? EventLoops.pinned : MultiThreadedEventLoopGroup.singleton),
            logger: logger)
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

/// The script, OpenAPI document and templates, read once from the target's
/// resources, and the shared stylesheet of CertifyTemplates (the report's
/// page inlines the same one).
struct Assets: Sendable {
    let stylesheet: ByteBuffer
    let script: ByteBuffer
    /// The certificate page's check against the public log (CertifyRegistryWeb's page).
    let certificateScript: ByteBuffer
    let openAPI: ByteBuffer
    let templatesDirectory: String

    static func load() throws -> Assets {
        // The target copies its Resources/ folder into its bundle.
        let base = Bundle.module.bundleURL.appendingPathComponent("Resources")
        func read(_ name: String) throws -> ByteBuffer {
            let path = base.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CertifyError(.configuration, "cannot read the server resource", file: path)
            }
            return ByteBuffer(bytes: data)
        }
        return Assets(
            stylesheet: ByteBuffer(string: Templates.stylesheet), script: try read("static/certify.js"),
            certificateScript: try read("static/certificate.js"),
            openAPI: try read("openapi.json"),
            templatesDirectory: base.appendingPathComponent("templates").path + "/")
    }
}

extension CertifyServer {
    func addAssetRoutes(_ router: Router<CertifyRequestContext>) {
        let assets = self.assets
        let cache = "public, max-age=300"
        router.get("/static/certify.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: cache],
                     body: .init(byteBuffer: assets.stylesheet))
        }
        router.get("/static/certify.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: cache],
                     body: .init(byteBuffer: assets.script))
        }
        router.get("/static/certificate.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: cache],
                     body: .init(byteBuffer: assets.certificateScript))
        }
        router.get("/api/v1/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: assets.openAPI))
        }
    }
}

// MARK: - Middleware

/// One log line per request: method, path, status, milliseconds.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = CertifyRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let path = request.uri.path
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            log(context, method, path, response.status.code, start)
            return response
        } catch let error as HTTPResponseError {
            log(context, method, path, error.status.code, start)
            throw error
        } catch {
            log(context, method, path, 500, start)
            throw error
        }
    }

    private func log(_ context: Context, _ method: String, _ path: String, _ status: Int, _ start: ContinuousClock.Instant) {
        // Milliseconds to one decimal, rounded half up, in integers.
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        let tenths = (seconds * 1_000_000 + attoseconds / 1_000_000_000_000 + 50) / 100
        context.logger.info("\(method) \(path) \(status) \(tenths / 10).\(tenths % 10) ms")
    }
}

/// Security headers on every answer, errors included; router errors
/// (unknown path, wrong method) become problem details on the API's paths
/// and a page in the request's language (`pageError`) elsewhere.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = CertifyRequestContext
    let pageError: @Sendable (Request, Int) -> Response

    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = CertifyServer.isPage(request.uri.path)
                ? pageError(request, Int(error.status.code))
                : Problem(status: Int(error.status.code), title: error.status.reasonPhrase,
                          detail: error.body ?? error.status.reasonPhrase).response()
        } catch {
            context.logger.error("unexpected error: \(error)")
            response = CertifyServer.isPage(request.uri.path)
                ? pageError(request, 500)
                : Problem(status: 500, title: "Internal Server Error", detail: "unexpected error").response()
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        // An extension may ask for more (the office's forms need `same-origin`
        // so that browsers send their Origin, which it checks).
        if response.headers[.referrerPolicy] == nil { response.headers[.referrerPolicy] = "no-referrer" }
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
