import ArgumentParser
import CertifyModel
import CertifyRuntime

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check dossiers, reviews and rubrics (the kind is told by the root element).",
        discussion: "Exit codes: 0 all valid, 65 any invalid, 66 any unreadable.")

    @OptionGroup var rubricOptions: RubricOptions

    @Argument(help: ArgumentHelp("Files or directories (every *.xml in them).", valueName: "FILE"))
    var files: [String]

    @Option(help: "Language of messages: ko or en (default: from the locale).")
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
