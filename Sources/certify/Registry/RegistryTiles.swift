import ArgumentParser
import CertifyModel
import CertifyRegistry

struct RegistryTiles: ParsableCommand {
    static let configuration = RegistryCommandHelp.tiles.configuration()

    @Option(help: ArgumentHelp(RegistryHelp.tilesOut, valueName: "DIR"))
    var out: String

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let result = try options.query { registry throws(CertifyError) in try TileDirectory.write(registry, to: out) }
        let message = Message.tlog(.tilesWritten(directory: out, size: result.size, written: result.written, kept: result.kept))
        Output.write(message.text(Output.language) + "\n")
        Output.flush()
    }
}
