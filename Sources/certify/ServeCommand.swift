import ArgumentParser
import CertifyModel
import CertifyRegistryWeb
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

    @Flag(help: ArgumentHelp(
        "Bind one event loop to each CPU the process may use.",
        discussion: "For a host that runs certify serve alone: it shortens the latency tail under load, and hurts beside other busy processes."))
    var pinLoops = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
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
            let extensions: [any ServerExtension] = try registry.map { [try RegistryPages(path: $0)] } ?? []
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
}
