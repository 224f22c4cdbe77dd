import ArgumentParser
import CertifyModel
import CertifyOffice
import CertifyRegistry
import CertifyReport

/// `certify office sign`: signs the decisions waiting for a signature, run
/// by whoever holds the key, then carries out the registry queue.
struct OfficeSign: ParsableCommand {
    static let configuration = OfficeCommandHelp.sign.configuration()

    @OptionGroup var data: OfficeDataOptions

    @OptionGroup var signing: OfficeSigningKey

    @Option(help: ArgumentHelp(OfficeHelp.registry, valueName: "PATH"))
    var registry: String?

    func run() throws {
        let language = Output.language
        // The key first: a key others can read is refused before anything is opened.
        let reportSigner = try signing.reportSigner()
        let opened = try registry.map { path in try orExitOffice { try Registry.open(at: path) } }
        let office = try data.open(registry: opened)
        let signed = try orExitOffice { try office.signWaiting(with: reportSigner) }
        let references = Dictionary(try orExitOffice { try office.signedDecisions() }.map { ($0.decision.id!, $0.reference) },
                                    uniquingKeysWith: { first, _ in first })
        // Changes left from earlier (a registry that was unavailable) are retried too.
        if opened != nil { office.processRegistryQueue() }
        for decision in signed {
            let certificate = try orExitOffice { try office.certificateID(of: decision) }
            print(OfficeCommandText.signed(reference: references[decision.id!] ?? "-", decision: decision.id!,
                                           certified: decision.certified, certificate: certificate).text(language))
        }
        if signed.isEmpty { print(OfficeCommandText.nothingToSign.text(language)) }
        if opened != nil {
            print(OfficeCommandText.registryWaiting(count: try orExitOffice { try office.pendingRegistryTasks() }.count).text(language))
        }
    }
}

/// `--key KEY.pem --signer NAME`: the office's signing key and the name
/// the reports it signs show (office sign).
struct OfficeSigningKey: ParsableArguments {
    @Option(help: ArgumentHelp(OfficeHelp.key, valueName: "KEY.pem"))
    var key: String

    @OptionGroup var signer: SignerOption

    /// The signer; a key that cannot be read (or that others can read) is
    /// reported and ends the command.
    func reportSigner() throws -> ReportSigner {
        ReportSigner(key: try orExitOffice { try Keys.privateKey(at: key) }, name: signer.signer)
    }
}
