import ArgumentParser
import CertifyCohort
import CertifyModel
import CertifyRuntime

struct CompareCommand: ParsableCommand {
    static let configuration = CommandHelp.compare.configuration()

    @OptionGroup var options: CohortOptions

    @Option(help: ArgumentHelp(OptionHelp.with, valueName: "RUBRIC.xml"))
    var with: String

    func run() throws {
        let scorer = try options.scorer()
        let revised: Rubric
        do { revised = try RubricFile.load(with, schemas: scorer.certifier.schemas) } catch { throw failure(error) }
        var failures: [CertifyError.Code] = []
        let (comparisons, unscored) = CohortRunner.compare(
            expandInputs(options.dossiers), scorer: scorer, with: revised, progress: ProgressBar.bar("compare"),
            failed: { invalid in
                Output.report(invalid.error)
                failures.append(invalid.error.code)
            })
        let date = options.decisionDate
        let text = switch options.format {
        case .text: CompareText.render(comparisons, unscored: unscored, date: date, language: options.lang)
        case .json: CompareJSON.render(comparisons, unscored: unscored, date: date)
        case .csv: CompareCSV.render(comparisons, unscored: unscored)
        case .html: CompareHTML.render(comparisons, unscored: unscored, date: date, language: options.lang,
                                       version: CertifyVersion.string)
        }
        try options.finish(text, failures: failures)
    }
}
