import ArgumentParser
import CertifyModel
import CertifyRegistry
import Foundation

struct RegistryConsistency: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consistency",
        abstract: "A consistency proof (RFC 9162) that the tree of size NEW extends the tree of size OLD.")

    @Option(help: ArgumentHelp("The older tree size (at least 1).", valueName: "OLD"))
    var from: Int

    @Option(help: ArgumentHelp("The newer tree size.", valueName: "NEW"))
    var to: Int

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .json

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let registry = try options.open(readOnly: true)
        let proof = try orExit { () throws(CertifyError) in try registry.consistencyProof(from: from, to: to) }
        if format == .json {
            Output.write(proof.json + "\n")
        } else {
            Output.write("from: \(proof.from)\nto:   \(proof.to)\nproof:\n")
            for hash in proof.proof { Output.write("  \(Data(hash).base64EncodedString())\n") }
        }
        Output.flush()
    }
}
