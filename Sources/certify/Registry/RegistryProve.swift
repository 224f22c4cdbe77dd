import ArgumentParser
import CertifyModel
import CertifyRegistry
import Foundation

struct RegistryProve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "An inclusion proof (RFC 9162) of a certificate's latest log entry, with the signed checkpoint it leads to.")

    @Argument(help: ArgumentHelp("The certificate id.", valueName: "CERT-ID"))
    var certificate: String

    @Option(help: ArgumentHelp("Prove in the tree of this size (default: the latest).", valueName: "N"))
    var size: Int?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let registry = try options.open(readOnly: true)
        let proof = try orExit { () throws(CertifyError) in try registry.inclusionProof(certificate: certificate, size: size) }
        if format == .json {
            Output.write(proof.json + "\n")
        } else {
            Output.write("certificate: \(certificate)\nentry:       \(proof.index)\ntree size:   \(proof.size)\nproof:\n")
            for hash in proof.proof { Output.write("  \(Data(hash).base64EncodedString())\n") }
            Output.write("checkpoint:\n\(proof.checkpoint)")
        }
        Output.flush()
    }
}
