import ArgumentParser
import CertifyModel
import CertifyReport

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandHelp.keygen.configuration()

    @Option(help: ArgumentHelp(OptionHelp.keyName, valueName: "NAME"))
    var out: String

    func run() throws {
        let (_, keyID) = try orExit { () throws(CertifyError) in try Keys.generate(name: out) }
        Output.write(keyID + "\n")
        Output.flush()
    }
}
