import ArgumentParser
import CertifyCohort
import CertifyModel
import CertifyRuntime

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Score dossiers under their rubric and under a revised one (인증기준 개정 영향): grade transitions, who changes, indicator means.",
        discussion: """
            --with names a rubric file: a new version of the dossiers' rubric, or any rubric sharing indicator ids.
            Values of indicators the revision lacks are left out; its new indicators score as missing.
            Exit codes: 0 all compared, 64 usage, 65 an invalid dossier or rubric, 66 unreadable.
            """)

    @OptionGroup var options: CohortOptions

    @Option(help: ArgumentHelp("The revised rubric to compare with.", valueName: "RUBRIC.xml"))
    var with: String

    func run() throws {
        let scorer = try options.scorer()
        let revised: Rubric
        do { revised = try RubricFile.load(with, schemas: scorer.certifier.schemas) } catch {
            Output.report(error)
            throw ExitCode(error)
        }
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
