import ArgumentParser
import CertifyRender
import CertifyModel
import CertifyRuntime

struct RubricsCommand: ParsableCommand {
    static let configuration = CommandHelp.rubrics.configuration()

    @OptionGroup var rubricOptions: RubricOptions

    @Option(help: ArgumentHelp(OptionHelp.langTitles))
    var lang: Language = .fromEnvironment

    func run() throws {
        let certifier = try rubricOptions.certifier()
        for entry in certifier.catalog.entries {
            let rubric = entry.rubric
            Output.write("\(rubric.id)\t\(rubric.version)\t\(rubric.title.text(lang))\t\(rubric.sha256)\n")
        }
        Output.flush()
    }
}
