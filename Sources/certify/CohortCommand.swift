import ArgumentParser
import CertifyCohort
import CertifyEngine
import CertifyModel
import CertifyRuntime
import Foundation

enum CohortFormat: String, ExpressibleByArgument, CaseIterable { case text, csv, json, html }

/// What `cohort` and `compare` share.
struct CohortOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(OptionHelp.cohortDossiers, valueName: "DIR"))
    var dossiers: [String]

    @Option(help: ArgumentHelp(OptionHelp.cohortReviews, valueName: "DIR"))
    var reviews: String?

    @OptionGroup var rubricOptions: RubricOptions

    @OptionGroup var scoring: ScoringFlags

    @Option(help: ArgumentHelp(OptionHelp.cohortFormat))
    var format: CohortFormat = .text

    @Option(help: ArgumentHelp(OptionHelp.out, valueName: "FILE"))
    var out: String?

    @Option(help: ArgumentHelp(OptionHelp.cohortLang))
    var lang: Language = .fromEnvironment

    var decisionDate: CalendarDate { scoring.decisionDate }

    func scorer() throws -> CohortScorer {
        let certifier = try rubricOptions.certifier()
        return CohortScorer(certifier: certifier, reviewsDirectory: reviews,
                            options: scoring.options)
    }

    /// Writes the output (atomically to `--out`), then fails with the worst
    /// input error met: 66 unreadable, 65 invalid, as `score` does.
    func finish(_ text: String, failures: [CertifyError.Code]) throws {
        if let out {
            do { try AtomicFile.write(Array(text.utf8), to: out) } catch { throw failure(error) }
        } else {
            Output.write(text)
            Output.flush()
        }
        if !failures.isEmpty { throw ExitCode(worstOf: failures) }
    }
}

/// A command over a cohort of dossiers (cohort, compare): the scorer is
/// made, each dossier that cannot be scored is reported as it is met,
/// `output` gives what the command writes (in `--format`), and the command
/// ends as `CohortOptions.finish` says.
protocol CohortRun: ParsableCommand {
    var options: CohortOptions { get }
    /// The output of the dossiers `scorer` scores; `failed` reports one it cannot.
    func output(_ scorer: CohortScorer, failed: (InvalidDossier) -> Void) throws -> String
}

extension CohortRun {
    func run() throws {
        let scorer = try options.scorer()
        var failures: [CertifyError.Code] = []
        let text = try output(scorer, failed: { invalid in
            Output.report(invalid.error)
            failures.append(invalid.error.code)
        })
        try options.finish(text, failures: failures)
    }
}

struct CohortCommand: CohortRun {
    static let configuration = CommandHelp.cohort.configuration()

    @OptionGroup var options: CohortOptions

    func output(_ scorer: CohortScorer, failed: (InvalidDossier) -> Void) -> String {
        let groups = CohortRunner.cohort(expandInputs(options.dossiers), scorer: scorer, progress: ProgressBar.bar("cohort"), failed: failed)
        let date = options.decisionDate
        return switch options.format {
        case .text: CohortText.render(groups, date: date, language: options.lang)
        case .json: CohortJSON.render(groups, date: date)
        case .csv: CohortCSV.render(groups, language: options.lang)
        case .html: CohortHTML.render(groups, date: date, language: options.lang, version: CertifyVersion.string)
        }
    }
}
