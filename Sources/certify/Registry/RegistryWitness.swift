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
    static let configuration = RegistryCommandHelp.witness.configuration()

    @Option(help: ArgumentHelp(RegistryHelp.witnessKeyFile, valueName: "FILE"))
    var key: String

    @Option(name: .customLong("log"), help: ArgumentHelp(RegistryHelp.witnessLog, valueName: "ORIGIN=VKEY"))
    var logs: [String]

    @Option(help: ArgumentHelp(OptionHelp.listenAddress, valueName: "HOST:PORT"))
    var listen = "127.0.0.1:8090"

    @Option(help: ArgumentHelp(RegistryHelp.witnessState, valueName: "FILE"))
    var state: String?

    func validate() throws {
        if logs.isEmpty { throw ValidationError(.logNeeded) }
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError(.listenForm)
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
        bootstrapServerLogging()
        let colon = listen.lastIndex(of: ":")!
        let given = String(listen[..<colon])
        let host = given.hasPrefix("[") && given.hasSuffix("]") ? String(given.dropFirst().dropLast()) : given
        let port = Int(listen[listen.index(after: colon)...])!
        let logCount = witness.logs.count, name = witness.signer.name
        let app = WitnessServer.application(witness: witness, host: host, port: port, logger: Logger(label: "certify.witness")) { channel in
            let url = "http://\(urlHost(host)):\(channel.localAddress?.port ?? port)/"
            Output.write(Message.tlog(.witnessListening(url: url, name: name, logs: logCount)).text(Output.language) + "\n")
            Output.write(witness.signer.verifier.encoded + "\n")
            Output.flush()
        }
        try await app.runService()
    }
}

struct RegistryWitnessKey: ParsableCommand {
    static let configuration = RegistryCommandHelp.witnessKey.configuration()

    @Option(help: ArgumentHelp(RegistryHelp.witnessName, valueName: "NAME"))
    var name: String

    @Option(help: ArgumentHelp(RegistryHelp.witnessKeyOut, valueName: "FILE"))
    var out: String

    func run() throws {
        guard NoteSigner.isValidName(name) else {
            throw failure(CertifyError(.invalidInput, Message.tlog(.witnessNameBad)))
        }
        let signer = CosignatureSigner(name: name, key: Curve25519.Signing.PrivateKey())
        try orExit { () throws(CertifyError) in
            try AtomicFile.write(Array((signer.encoded + "\n").utf8), to: out, mode: 0o600, replace: false, durable: true)
        }
        Output.write(signer.verifier.encoded + "\n")
        Output.flush()
    }
}
