import ArgumentParser
import CertifyModel
import CertifyReport

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create a P-256 signing key pair: NAME.pem (mode 0600) and NAME.pub.pem; prints the key id.")

    @Option(help: ArgumentHelp("Path and base name of the key files.", valueName: "NAME"))
    var out: String

    func run() throws {
        let (_, keyID) = try orExit { () throws(CertifyError) in try Keys.generate(name: out) }
        Output.write(keyID + "\n")
        Output.flush()
    }
}
