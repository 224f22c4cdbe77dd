import ArgumentParser
import CertifyModel
import CertifyRegistry
import CertifyRegistryWeb
import CertifyReport
import CertifyRuntime
import Crypto
import Foundation
import Logging

struct RegistryWitness: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness",
        abstract: "Run a witness (C2SP tlog-witness): cosign a log's checkpoints once they are proved consistent.",
        discussion: """
            POST /add-checkpoint takes `old N`, a consistency proof, an empty line and the checkpoint; it answers
            200 with a timestamped Ed25519 cosignature (tlog-cosignature v1) only when the checkpoint is signed by the
            log's key and extends the last checkpoint this witness cosigned for that log (409 with that size when
            the old size is not it; 404 unknown log; 403 not signed by the log; 400 malformed; 422 proof that does not
            verify, or a fork). GET /<sha256(origin) hex>/checkpoint: the last checkpoint it cosigned.
            The state (the last checkpoint cosigned per log) is written atomically and fsynced before an answer.
            """)

    @Option(help: ArgumentHelp("The witness key (registry witness-key wrote it; mode 0600).", valueName: "FILE"))
    var key: String

    @Option(name: .customLong("log"), help: ArgumentHelp("A log to witness: its origin and verifier key (repeatable).", valueName: "ORIGIN=VKEY"))
    var logs: [String]

    @Option(help: ArgumentHelp("Address to listen on.", valueName: "HOST:PORT"))
    var listen = "127.0.0.1:8090"

    @Option(help: ArgumentHelp("The state file (default: the key file's path + .state).", valueName: "FILE"))
    var state: String?

    func validate() throws {
        if logs.isEmpty { throw ValidationError("give at least one --log ORIGIN=VKEY") }
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--listen takes HOST:PORT")
        }
    }

    func run() async throws {
        let witness = try orExit { () throws(CertifyError) -> Witness in
            let bytes = try Keys.secretFile(at: key, .witnessKey)
            guard let signer = CosignatureSigner(encoded: String(decoding: bytes, as: UTF8.self)) else {
                throw CertifyError(.badKey, Message.tlog(.witnessKeyFileBad), file: key)
            }
            var verifiers: [String: [NoteVerifier]] = [:]
            for log in logs {
                guard let equals = log.firstIndex(of: "="), equals != log.startIndex,
                      let verifier = NoteVerifier(encoded: String(log[log.index(after: equals)...])) else {
                    throw CertifyError(.invalidInput, Message.tlog(.witnessLogBad(value: log)))
                }
                verifiers[String(log[..<equals]), default: []].append(verifier)
            }
            return try Witness(signer: signer, logs: verifiers, statePath: state ?? key + ".state")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let colon = listen.lastIndex(of: ":")!
        let given = String(listen[..<colon])
        let host = given.hasPrefix("[") && given.hasSuffix("]") ? String(given.dropFirst().dropLast()) : given
        let port = Int(listen[listen.index(after: colon)...])!
        let logCount = witness.logs.count, name = witness.signer.name
        let app = WitnessServer.application(witness: witness, host: host, port: port, logger: Logger(label: "certify.witness")) { channel in
            let shown = host.contains(":") ? "[\(host)]" : host
            let url = "http://\(shown):\(channel.localAddress?.port ?? port)/"
            Output.write(Message.tlog(.witnessListening(url: url, name: name, logs: logCount)).text(Output.language) + "\n")
            Output.write(witness.signer.verifier.encoded + "\n")
            Output.flush()
        }
        try await app.runService()
    }
}

struct RegistryWitnessKey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness-key",
        abstract: "Create a witness's Ed25519 cosigning key (FILE, mode 0600); print its verifier key (signature type 0x04).")

    @Option(help: ArgumentHelp("The witness's name, a schema-less URL (e.g. witness.example.kr/w1).", valueName: "NAME"))
    var name: String

    @Option(help: ArgumentHelp("The key file to create.", valueName: "FILE"))
    var out: String

    func run() throws {
        guard NoteSigner.isValidName(name) else {
            Output.report(CertifyError(.invalidInput, Message.tlog(.witnessNameBad)))
            throw ExitCode(CertifyError.Code.invalidInput.exitCode)
        }
        let signer = CosignatureSigner(name: name, key: Curve25519.Signing.PrivateKey())
        try orExit { () throws(CertifyError) in
            try AtomicFile.write(Array((signer.encoded + "\n").utf8), to: out, mode: 0o600, replace: false, durable: true)
        }
        Output.write(signer.verifier.encoded + "\n")
        Output.flush()
    }
}
