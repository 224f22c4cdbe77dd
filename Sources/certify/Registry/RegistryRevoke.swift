import ArgumentParser
import CertifyModel
import CertifyRegistry

struct RegistryRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a certificate with a reason (a revoke event; the certificate stays in the log).",
        discussion: "It is revoked from today (UTC). Exit codes: 0, 65 unknown or already revoked certificate or bad reason.")

    @Argument(help: ArgumentHelp("The certificate id.", valueName: "CERT-ID"))
    var certificate: String

    @Option(help: ArgumentHelp("Why (one line; recorded in the log).", valueName: "TEXT"))
    var reason: String

    @OptionGroup var cosignOptions: CosignOptions

    @OptionGroup var options: RegistryOptions

    func run() throws {
        let targets = try cosignOptions.targets()
        let registry = try options.open(readOnly: false)
        let added = try orExit { () throws(CertifyError) in
            let added = try registry.revoke(certificate, reason: reason)
            try registry.flush()
            return added
        }
        Output.write("revoked \(added.certificate.id) entry \(added.index): \(added.certificate.revocationReason ?? "")\n")
        Output.flush()
        try cosignOptions.cosign(registry, targets: targets)
        try orExit { () throws(CertifyError) in try registry.flush() }
    }
}
