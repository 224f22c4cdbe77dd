import ArgumentParser
import CertifyModel
import CertifyRegistry

/// `certify registry`: the certificate registry and its tamper-evident log (registry.md).
struct RegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "The certificate registry (인증서 등록부): certificates in force, renewals, revocations, in a Merkle log with signed checkpoints.",
        discussion: """
            The database is --registry PATH, else $CERTIFY_REGISTRY, else certify-registry.sqlite;
            the log's Ed25519 key is PATH.key (mode 0600).
            Exit codes: 0 success; 1 audit found a difference, monitor an inconsistency, or too few witness cosignatures
            (--witness VKEY --quorum N), or cosign: a witness did not cosign; 3 status: not in force on the date;
            64 usage; 65 refused or unknown input; 66 unreadable; 77 log key readable by others.
            """,
        subcommands: [
            RegistryInit.self, RegistryAdd.self, RegistryRevoke.self, RegistryStatus.self, RegistryList.self,
            RegistryCheckpoint.self, RegistryEntry.self, RegistryProve.self, RegistryConsistency.self, RegistryAudit.self,
            RegistryTiles.self, RegistryMonitor.self, RegistryCosign.self, RegistryWitness.self, RegistryWitnessKey.self,
        ])
}

/// `--registry PATH`, shared by every registry subcommand.
struct RegistryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The registry database (default: $CERTIFY_REGISTRY, else certify-registry.sqlite).", valueName: "PATH"))
    var registry: String?

    var path: String { Registry.defaultPath(registry) }

    /// Opens the registry, or reports why not and exits.
    func open(readOnly: Bool) throws -> Registry {
        do { return try Registry.open(at: path, readOnly: readOnly) } catch {
            Output.report(error)
            throw ExitCode(error)
        }
    }

    /// Opens the registry read-only and answers `query`; a failure is
    /// reported and ends the command with its exit code.
    func query<T>(_ query: (Registry) throws(CertifyError) -> T) throws -> T {
        let registry = try open(readOnly: true)
        return try orExit { () throws(CertifyError) in try query(registry) }
    }
}


enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json, csv }
