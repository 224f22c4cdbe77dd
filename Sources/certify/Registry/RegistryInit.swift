import ArgumentParser
import CertifyModel
import CertifyRegistry

struct RegistryInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the registry database and the log's Ed25519 key (PATH.key, mode 0600); print the verifier key.")

    @Option(help: ArgumentHelp("The log's name: the checkpoints' origin line and the note key name (e.g. registry.example.kr/smart-city).", valueName: "NAME"))
    var origin: String

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let registry = try orExit { () throws(CertifyError) in
            let registry = try Registry.create(at: options.path, origin: origin)
            try registry.flush()
            return registry
        }
        Output.write(registry.verifier.encoded + "\n")
        Output.flush()
    }
}
