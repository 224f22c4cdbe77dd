import ArgumentParser
import CertifyModel
import CertifyRegistry

struct RegistryTiles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiles",
        abstract: "Write the log as C2SP tlog-tiles files (DIR/checkpoint, DIR/tile/...) for any static web server.",
        discussion: """
            Serve DIR under a prefix: checkpoint short-lived (Cache-Control: max-age=5 or less), tiles
            immutable. Tiles already in DIR are kept when their bytes are the same; a different one is
            refused (exit 65): a tile never changes. The checkpoint is written last.
            """)

    @Option(help: ArgumentHelp("The directory to write (created if missing).", valueName: "DIR"))
    var out: String

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let result = try options.query { registry throws(CertifyError) in try TileDirectory.write(registry, to: out) }
        let message = Message.tlog(.tilesWritten(directory: out, size: result.size, written: result.written, kept: result.kept))
        Output.write(message.text(Output.language) + "\n")
        Output.flush()
    }
}
