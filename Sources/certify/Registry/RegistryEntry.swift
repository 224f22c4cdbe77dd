import ArgumentParser
import CertifyModel
import CertifyRegistry

struct RegistryEntry: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entry",
        abstract: "Print the exact bytes of log entry N (from 0); its leaf hash is SHA-256(0x00 ‖ bytes).")

    @Argument(help: ArgumentHelp("The entry's index.", valueName: "N"))
    var index: Int

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let registry = try options.open(readOnly: true)
        Output.write(bytes: try orExit { () throws(CertifyError) in try registry.entry(index) })
        Output.flush()
    }
}
