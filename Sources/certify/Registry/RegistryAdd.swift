import ArgumentParser
import CertifyModel
import CertifyRegistry
import CertifyReport
import CertifyRuntime
import Crypto
import Foundation

struct RegistryAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register certified reports that verify with a trusted key (a renewal links to its predecessor).",
        discussion: """
            Each report is its own event and transaction; one line per report, printed once it is committed
            (it then survives kill -9); everything is fsynced before the command exits.
            The same report again is a no-op. With --witness URL=VKEY... the witnesses are then asked to cosign
            the new checkpoint (a refusal is a warning: the earlier cosigned checkpoint stays published). Exit codes: 0 all registered (or already there);
            65 a report was refused (the reason on stderr; nothing written for it); 66 unreadable.
            """)

    @Argument(help: ArgumentHelp("Signed reports (or directories of *.xml).", valueName: "REPORT"))
    var reports: [String]

    @Option(help: ArgumentHelp("A trusted public key (PEM SubjectPublicKeyInfo; repeatable).", valueName: "PUB.pem"))
    var pubkey: [String] = []

    @OptionGroup var cosignOptions: CosignOptions

    @OptionGroup var options: RegistryOptions

    func validate() throws {
        if pubkey.isEmpty { throw ValidationError("give at least one trusted key with --pubkey") }
    }

    func run() throws {
        let (keys, schemas) = try orExit { () throws(CertifyError) in
            (try pubkey.map { path throws(CertifyError) in try Keys.publicKey(at: path) }, try Schemas.shipped())
        }
        let targets = try cosignOptions.targets()
        let registry = try options.open(readOnly: false)
        var failures: [CertifyError.Code] = []
        // Reports are verified on all cores (`Batch`); this thread writes
        // them in the order given, one transaction each.
        Batch.run(expandInputs(reports), work: { path -> Result<CertifiedReport, CertifyError> in
            Result { () throws(CertifyError) in
                try CertifiedReport.verify(try InputFile.read(path), file: path, trusting: keys, schemas: schemas)
            }
        }, deliver: { path, verified in
            do throws(CertifyError) {
                let added = try registry.register(try verified.get())
                let certificate = added.certificate
                switch added.event {
                case .issue?: Output.write("issued \(certificate.id) entry \(added.index): \(path)\n")
                case .renew?: Output.write("renewed \(certificate.predecessor ?? "") as \(certificate.id) entry \(added.index): \(path)\n")
                default: Output.write("already registered \(certificate.id): \(path)\n")
                }
                Output.flush()
            } catch {
                Output.report(error)
                failures.append(error.code)
            }
        })
        Output.flush()
        try orExit { () throws(CertifyError) in try registry.flush() }
        try cosignOptions.cosign(registry, targets: targets)
        try orExit { () throws(CertifyError) in try registry.flush() }
        if !failures.isEmpty { throw ExitCode(worstOf: failures) }
    }
}
