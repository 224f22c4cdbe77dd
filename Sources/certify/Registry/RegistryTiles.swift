import ArgumentParser
import CertifyModel
import CertifyRegistry

struct RegistryTiles: RegistryQuery {
    static let configuration = RegistryCommandHelp.tiles.configuration()

    @Option(help: ArgumentHelp(RegistryHelp.tilesOut, valueName: "DIR"))
    var out: String

    @OptionGroup var options: RegistryOptions

    func answer(_ registry: Registry) throws(CertifyError) -> String {
        let result = try TileDirectory.write(registry, to: out)
        return Message.tlog(.tilesWritten(directory: out, size: result.size, written: result.written, kept: result.kept)).text(Output.language) + "\n"
    }
}
