import ArgumentParser
import CertifyRender
import CertifyModel
import CertifyRuntime

struct RubricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubrics",
        abstract: "List the rubrics found: id, version, title, sha256.")

    @OptionGroup var rubricOptions: RubricOptions

    @Option(help: "Language of the titles: ko or en.")
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
