import ArgumentParser
import CertifyCohort
import CertifyModel
import CertifyRuntime

struct CompareCommand: CohortRun {
    static let configuration = CommandHelp.compare.configuration()

    @OptionGroup var options: CohortOptions

    @Option(help: ArgumentHelp(OptionHelp.with, valueName: "RUBRIC.xml"))
    var with: String

    func output(_ scorer: CohortScorer, failed: (InvalidDossier) -> Void) throws -> String {
        let revised: Rubric
        do { revised = try RubricFile.load(with, schemas: scorer.certifier.schemas) } catch { throw failure(error) }
        let (comparisons, unscored) = CohortRunner.compare(
            expandInputs(options.dossiers), scorer: scorer, with: revised, progress: ProgressBar.bar("compare"), failed: failed)
        let date = options.decisionDate
        return switch options.format {
        case .text: CompareText.render(comparisons, unscored: unscored, date: date, language: options.lang)
        case .json: CompareJSON.render(comparisons, unscored: unscored, date: date)
        case .csv: CompareCSV.render(comparisons, unscored: unscored)
        case .html: CompareHTML.render(comparisons, unscored: unscored, date: date, language: options.lang,
                                       version: CertifyVersion.string)
        }
    }
}
