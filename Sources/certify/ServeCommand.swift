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
    static let configuration = CommandHelp.serve.configuration()

    @Option(help: ArgumentHelp(OptionHelp.listenAddress))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp(OptionHelp.port))
    var port = 8080

    @OptionGroup var rubricOptions: RubricOptions

    @Option(help: ArgumentHelp(OptionHelp.serveRegistry, valueName: "PATH"))
    var registry: String?

    @Option(help: ArgumentHelp(OptionHelp.data, valueName: "DIR"))
    var data: String?

    @Option(name: .customLong("public-url"), help: ArgumentHelp(OptionHelp.publicURL, valueName: "URL"))
    var publicURL: String?

    @OptionGroup var signing: ServeSigningKey

    @Option(help: ArgumentHelp(OptionHelp.holidays, valueName: "FILE"))
    var holidays: String?

    @Option(help: ArgumentHelp(OptionHelp.sendmail, valueName: "PATH"))
    var sendmail: String?

    @Option(name: .customLong("retention-days"), help: ArgumentHelp(OptionHelp.retentionDays))
    var retentionDays = 5 * 365

    @Flag(name: .customLong("trust-proxy"), help: ArgumentHelp(OptionHelp.trustProxy))
    var trustProxy = false

    @Flag(help: ArgumentHelp(OptionHelp.pinLoops, discussion: OptionHelp.pinLoopsDiscussion))
    var pinLoops = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(.port) }
        if data != nil {
            guard let publicURL, publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://") else {
                throw ValidationError(.dataNeedsURL)
            }
            let loopback = ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.")
            if !loopback, !publicURL.hasPrefix("https://") { throw ValidationError(.nonLoopbackNeedsHTTPS) }
        } else if signing.signingKey != nil || signing.signer != nil {
            throw ValidationError(.signingKeyWithData)
        }
        try SignerOption.check(signing.signer)
    }

    func run() async throws {
        if !pinLoops { CertifyServer.suggestEventLoops() }
        bootstrapServerLogging()
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
            throw failure(error)
        }
        let configuration = server.configuration
        let logger = Logger(label: "certify.serve")
        let app = server.application(logger: logger) { channel in
            let port = channel.localAddress?.port ?? configuration.port
            Output.write("certify serve: listening on http://\(urlHost(configuration.host)):\(port)/\n")
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
            let reportSigner = try signing.reportSigner()
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

/// `--signing-key KEY.pem --signer NAME`: the key the office signs its
/// decisions' reports with, and the name they show (serve, with `--data`).
struct ServeSigningKey: ParsableArguments {
    @Option(name: .customLong("signing-key"), help: ArgumentHelp(OptionHelp.signingKey, valueName: "KEY.pem"))
    var signingKey: String?

    @Option(help: ArgumentHelp(OptionHelp.serveSigner, valueName: "NAME"))
    var signer: String?

    /// The signer, read from the key file, or nil without `--signing-key`.
    func reportSigner() throws -> ReportSigner? {
        try signingKey.map { ReportSigner(key: try Keys.privateKey(at: $0), name: signer) }
    }
}

/// Logs at info level on standard error, as a server does (serve, registry witness).
func bootstrapServerLogging() {
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = .info
        return handler
    }
}

/// A host as a URL writes it: an IPv6 address in brackets.
func urlHost(_ host: String) -> String {
    host.contains(":") ? "[\(host)]" : host
}
