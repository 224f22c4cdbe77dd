import ArgumentParser
import CertifyModel
import CertifyRegistry
import Foundation

/// `certify registry`: the certificate registry and its tamper-evident log (registry.md).
struct RegistryCommand: ParsableCommand {
    static let configuration = RegistryCommandHelp.registry.configuration(subcommands: [
        RegistryInit.self, RegistryAdd.self, RegistryRevoke.self, RegistryStatus.self, RegistryList.self,
        RegistryCheckpoint.self, RegistryEntry.self, RegistryProve.self, RegistryConsistency.self, RegistryAudit.self,
        RegistryTiles.self, RegistryMonitor.self, RegistryCosign.self, RegistryWitness.self, RegistryWitnessKey.self,
    ])
}

/// `--registry PATH`, shared by every registry subcommand.
struct RegistryOptions: ParsableArguments {
    @Option(help: ArgumentHelp(RegistryHelp.path, valueName: "PATH"))
    var registry: String?

    var path: String { Registry.defaultPath(registry) }

    /// Opens the registry, or reports why not and exits.
    func open(readOnly: Bool) throws -> Registry {
        do { return try Registry.open(at: path, readOnly: readOnly) } catch { throw failure(error) }
    }

    /// Opens the registry read-only and answers `query`; a failure is
    /// reported and ends the command with its exit code.
    func query<T>(_ query: (Registry) throws(CertifyError) -> T) throws -> T {
        let registry = try open(readOnly: true)
        return try orExit { () throws(CertifyError) in try query(registry) }
    }
}

/// `--witness URL=VKEY... --registry PATH`: what every command that writes
/// the registry takes (add, revoke, cosign), and the steps they share.
struct RegistryWriteOptions: ParsableArguments {
    @OptionGroup var cosign: CosignOptions

    @OptionGroup var registry: RegistryOptions

    /// Opens the registry to write, runs `write`, asks the witnesses (if
    /// any) to cosign the new checkpoint and makes it all durable; gives how
    /// many cosigned.
    @discardableResult
    func write(_ write: (Registry) throws -> Void) throws -> Int {
        let targets = try cosign.targets()
        let opened = try registry.open(readOnly: false)
        try write(opened)
        let cosigned = try cosign.cosign(opened, targets: targets)
        try orExit { () throws(CertifyError) in try opened.flush() }
        return cosigned
    }
}

extension NoteVerifier {
    /// A log's verifier key given on the command line; one that is not a
    /// key is reported as `message` and ends the command (65).
    static func argument(_ encoded: String, else message: Message) throws -> NoteVerifier {
        guard let verifier = NoteVerifier(encoded: encoded) else {
            throw failure(CertifyError(.invalidInput, message))
        }
        return verifier
    }
}

/// A registry subcommand that only reads (checkpoint, prove, consistency,
/// list, tiles): the registry is opened read-only, `answer` gives what the
/// command prints, and a failure is reported and ends the command with its
/// exit code.
protocol RegistryQuery: ParsableCommand {
    var options: RegistryOptions { get }
    func answer(_ registry: Registry) throws(CertifyError) -> String
}

extension RegistryQuery {
    func run() throws {
        Output.write(try options.query(answer))
        Output.flush()
    }
}

/// A proof in `format`: its JSON, or the `heading` lines and the hashes in
/// base64, one an indented line (prove, consistency).
func proofText(_ format: OutputFormat, json: String, heading: String, hashes: [RFC9162.Hash]) -> String {
    guard format == .text else { return json + "\n" }
    return heading + "proof:\n" + hashes.map { "  \(Data($0).base64EncodedString())\n" }.joined()
}

/// The certificate a command is about: `CERT-ID` (revoke, status, prove).
struct CertificateArgument: ParsableArguments {
    @Argument(help: ArgumentHelp(RegistryHelp.certificate, valueName: "CERT-ID"))
    var certificate: String
}

enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json, csv }
