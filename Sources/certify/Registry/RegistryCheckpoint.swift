import ArgumentParser
import CertifyModel
import CertifyRegistry

struct RegistryCheckpoint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Print the latest signed checkpoint (C2SP tlog-checkpoint in a signed note).")

    @Option(help: ArgumentHelp("The checkpoint of this tree size instead of the latest.", valueName: "N"))
    var size: Int?

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let registry = try options.open(readOnly: true)
        Output.write(try orExit { () throws(CertifyError) in try registry.checkpoint(size: size) })
        Output.flush()
    }
}
