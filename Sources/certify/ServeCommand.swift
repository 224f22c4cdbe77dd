import ArgumentParser
import CertifyModel
import CertifyOffice
import CertifyOfficeWeb
import CertifyRegistry
import CertifyReport
import CertifyRegistryWeb
import CertifyRuntime
import CertifyServer
import Foundation
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the self-check, review and panel pages and the JSON API (Hummingbird).",
        discussion: """
            Listens on 127.0.0.1:8080 by default and prints its URL. Stops on SIGINT or SIGTERM,
            finishing the requests in flight. Stores nothing it is sent and holds no secret.
            """)

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port).")
    var port = 8080

    @OptionGroup var rubricOptions: RubricOptions

    @Option(help: ArgumentHelp("The certificate registry to serve (see `certify registry`).", valueName: "PATH"))
    var registry: String?

    @Option(help: ArgumentHelp("Run the certification office with its data in DIR (see `certify office init`).", valueName: "DIR"))
    var data: String?

    @Option(name: .customLong("public-url"), help: ArgumentHelp(
        "The office's public address (links, the origin every form must come from; https makes cookies Secure).", valueName: "URL"))
    var publicURL: String?

    @Option(name: .customLong("signing-key"), help: ArgumentHelp(
        "The body's signing key (PEM, mode 0600): the office signs each decision when the chair confirms it; without it decisions wait for `certify office sign`.",
        valueName: "KEY.pem"))
    var signingKey: String?

    @Option(help: ArgumentHelp("The signer's display name in the office's reports.", valueName: "NAME"))
    var signer: String?

    @Option(help: ArgumentHelp("Public holidays, one YYYY-MM-DD a line (deadlines move past them).", valueName: "FILE"))
    var holidays: String?

    @Option(help: ArgumentHelp("The host's sendmail interface, for the office's notices (run as PATH -t -i).", valueName: "PATH"))
    var sendmail: String?

    @Option(name: .customLong("retention-days"), help: "How long idle accounts and drafts are kept, in days (purged at start-up).")
    var retentionDays = 5 * 365

    @Flag(name: .customLong("trust-proxy"), help: "Take the client's address from X-Forwarded-For (only behind a proxy that sets it).")
    var trustProxy = false

    @Flag(help: ArgumentHelp(
        "Bind one event loop to each CPU the process may use.",
        discussion: "For a host that runs certify serve alone: it shortens the latency tail under load, and hurts beside other busy processes."))
    var pinLoops = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        if data != nil {
            guard let publicURL, publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://") else {
                throw ValidationError("--data needs --public-url http(s)://HOST[:PORT]")
            }
            let loopback = ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.")
            if !loopback, !publicURL.hasPrefix("https://") {
                throw ValidationError("with --data, a non-loopback --host needs an https:// --public-url (TLS ends at a proxy in front)")
            }
        } else if signingKey != nil || signer != nil {
            throw ValidationError("--signing-key and --signer go with --data")
        }
        if let signer, !SignerInfo.isValidName(signer) {
            throw ValidationError("--signer must not contain characters XML cannot hold (control characters other than tab and newlines, U+FFFE, U+FFFF)")
        }
    }

    func run() async throws {
        if !pinLoops { CertifyServer.suggestEventLoops() }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let server: CertifyServer
        do {
            // --registry: the public registry page and certificate API, read-only.
            var extensions: [any ServerExtension] = try registry.map { [try RegistryPages(path: $0)] } ?? []
            if let data, let publicURL {
                extensions.append(try await officeExtension(data: data, publicURL: publicURL))
            }
            let configuration = ServerConfiguration(
                host: host, port: port, rubricsOption: rubricOptions.rubrics, registryPath: registry,
                extensions: extensions, pinLoops: pinLoops)
            server = try await CertifyServer(configuration: configuration)
        } catch let error as CertifyError {
            Output.report(error)
            throw ExitCode(error)
        }
        let configuration = server.configuration
        let logger = Logger(label: "certify.serve")
        let app = server.application(logger: logger) { channel in
            let port = channel.localAddress?.port ?? configuration.port
            let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
            Output.write("certify serve: listening on http://\(host):\(port)/\n")
            Output.flush()
        }
        try await app.runService()
    }

    /// The office's pages over its data directory (`--data`).
    func officeExtension(data: String, publicURL: String) async throws -> OfficeWeb {
        try await orExitOfficeAsync {
            let store = try OfficeStore(directory: data)
            var calendar = SeoulCalendar()
            if let holidays {
                guard let text = try? String(contentsOfFile: holidays, encoding: .utf8) else {
                    throw OfficeError(.notFound, .storage(detail: "cannot read \(holidays)"))
                }
                calendar = SeoulCalendar(holidays: try SeoulCalendar.parseHolidays(text))
            }
            let host = URL(string: publicURL)?.host ?? "localhost"
            // The key is read here, once; it never leaves this process.
            let reportSigner = try signingKey.map { ReportSigner(key: try Keys.privateKey(at: $0), name: signer) }
            // Certified decisions go to the registry through the office's queue (this process writes it).
            let writable = try registry.map { try Registry.open(at: $0) }
            let office = Office(store: store, certifier: try Certifier(rubricsOption: rubricOptions.rubrics), calendar: calendar,
                                retentionDays: retentionDays, publicURL: publicURL, mailer: sendmail.map(Sendmail.init(path:)),
                                mailFrom: "Certify <certify@\(host)>", signer: reportSigner, registry: writable)
            // A key other than the one the office signs with is refused now, not at the first decision.
            if let reportSigner { try office.pin(reportSigner) }
            return try await OfficeWeb(office: office, publicURL: publicURL, trustProxy: trustProxy)
        }
    }
}
