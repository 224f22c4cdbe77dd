import ArgumentParser
import CertifyModel
import CertifyRegistry
import CertifyReport
import CertifyRuntime
import Foundation

struct RegistryAdd: ParsableCommand {
    static let configuration = RegistryCommandHelp.add.configuration()

    @Argument(help: ArgumentHelp(RegistryHelp.reports, valueName: "REPORT"))
    var reports: [String]

    @OptionGroup var trusted: TrustedKeys

    @OptionGroup var writing: RegistryWriteOptions

    func run() throws {
        let (keys, schemas) = try trusted.load()
        var failures: [CertifyError.Code] = []
        try writing.write { registry in
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
                    let (id, entry, language) = (certificate.id, String(added.index), Output.language)
                    let line = switch added.event {
                    case .issue?: CLIWord.registryIssued.text(language, id, entry, path)
                    case .renew?: CLIWord.registryRenewed.text(language, certificate.predecessor ?? "", id, entry, path)
                    default: CLIWord.registryAlreadyRegistered.text(language, id, path)
                    }
                    Output.write(line + "\n")
                    Output.flush()
                } catch {
                    Output.report(error)
                    failures.append(error.code)
                }
            })
            Output.flush()
            try orExit { () throws(CertifyError) in try registry.flush() }
        }
        if !failures.isEmpty { throw ExitCode(worstOf: failures) }
    }
}
