import ArgumentParser
import CertifyModel
import CertifyRegistry

struct RegistryCheckpoint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Print the published signed checkpoint (C2SP tlog-checkpoint in a signed note, with its witness cosignatures).",
        discussion: "The published one is the latest checkpoint that witnesses cosigned, once any did (registry cosign); else the latest.")

    @Option(help: ArgumentHelp("The checkpoint of this tree size instead of the latest.", valueName: "N"))
    var size: Int?

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let registry = try options.open(readOnly: true)
        Output.write(try orExit { () throws(CertifyError) in try registry.checkpoint(size: size) })
        Output.flush()
    }
}
