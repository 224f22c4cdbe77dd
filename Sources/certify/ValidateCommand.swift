import ArgumentParser
import CertifyModel
import CertifyRuntime

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandHelp.validate.configuration()

    @OptionGroup var rubricOptions: RubricOptions

    @Argument(help: ArgumentHelp(OptionHelp.files, valueName: "FILE"))
    var files: [String]

    @Option(help: ArgumentHelp(OptionHelp.langMessages))
    var lang: Language = .fromEnvironment

    func run() throws {
        Output.language = lang
        let certifier = try rubricOptions.certifier()
        var failures: [CertifyError.Code] = []
        for path in expandInputs(files) {
            do {
                var warnings: [Diagnostic] = []
                let what = try certifier.validate(.file(path), warnings: &warnings)
                Output.write("\(path): \(what.text(lang))\n")
                Output.warn(warnings)
            } catch {
                Output.report(error)
                failures.append(error.code)
            }
        }
        Output.flush()
        if !failures.isEmpty { throw ExitCode(worstOf: failures) }
    }
}
