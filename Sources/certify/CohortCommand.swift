import ArgumentParser
import CertifyCohort
import CertifyEngine
import CertifyModel
import CertifyRuntime
import Foundation

enum CohortFormat: String, ExpressibleByArgument, CaseIterable { case text, csv, json, html }

/// What `cohort` and `compare` share.
struct CohortOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Dossier files or directories (every *.xml in them).", valueName: "DIR"))
    var dossiers: [String]

    @Option(help: ArgumentHelp("Panel reviews: every *.xml in DIR/<dossier id>/ goes with that dossier.", valueName: "DIR"))
    var reviews: String?

    @OptionGroup var rubricOptions: RubricOptions

    @OptionGroup var scoring: ScoringFlags

    @Option(help: "Output format: text, csv, json or html.")
    var format: CohortFormat = .text

    @Option(help: ArgumentHelp("Write the output here (default: standard output).", valueName: "FILE"))
    var out: String?

    @Option(help: "Language of the text, CSV and HTML labels: ko or en.")
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
            do { try AtomicFile.write(Array(text.utf8), to: out) } catch {
                Output.report(error)
                throw ExitCode(error)
            }
        } else {
            Output.write(text)
            Output.flush()
        }
        if !failures.isEmpty { throw ExitCode(worstOf: failures) }
    }
}

struct CohortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort",
        abstract: "Score a cohort of dossiers and report its statistics (집단 통계): grades, totals, areas, indicators, applicant kinds.",
        discussion: """
            Invalid dossiers are listed with their first error (all errors go to standard error).
            A cohort that mixes rubrics gets one section (JSON: one line) per rubric.
            CSV is one row per dossier, for Excel: UTF-8 with BOM, CRLF, RFC 4180.
            Exit codes: 0 all scored, 65 some invalid, 66 some unreadable (the output is written either way).
            """)

    @OptionGroup var options: CohortOptions

    func run() throws {
        let scorer = try options.scorer()
        var failures: [CertifyError.Code] = []
        let groups = CohortRunner.cohort(
            expandInputs(options.dossiers), scorer: scorer, progress: ProgressBar.bar("cohort"),
            failed: { invalid in
                Output.report(invalid.error)
                failures.append(invalid.error.code)
            })
        let date = options.decisionDate
        let text = switch options.format {
        case .text: CohortText.render(groups, date: date, language: options.lang)
        case .json: CohortJSON.render(groups, date: date)
        case .csv: CohortCSV.render(groups, language: options.lang)
        case .html: CohortHTML.render(groups, date: date, language: options.lang, version: CertifyVersion.string)
        }
        try options.finish(text, failures: failures)
    }
}
