import ArgumentParser
import CertifyRender
import CertifyEngine
import CertifyModel
import CertifyRuntime

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score dossiers against their rubric.",
        discussion: """
            A directory means every *.xml in it. Reviews go with a single dossier.
            With several dossiers and --format json, the output is JSON Lines in input order.
            Exit codes: 0 scored (certified or not), 65 invalid input, 66 unreadable.
            """)

    @Argument(help: ArgumentHelp("Dossier files or directories.", valueName: "DOSSIER"))
    var dossiers: [String]

    @Option(name: .customLong("review"), help: ArgumentHelp("A panel review sheet (repeatable).", valueName: "FILE"))
    var reviews: [String] = []

    @OptionGroup var rubricOptions: RubricOptions

    @OptionGroup var scoring: ScoringFlags

    @Option(help: "Language of the text output and of error messages: ko or en (default: from the locale).")
    var lang: Language = .fromEnvironment

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if !reviews.isEmpty && (dossiers.count != 1 || expandInputs(dossiers).count != 1) {
            throw ValidationError("--review goes with a single dossier")
        }
    }

    func run() throws {
        Output.language = lang
        let certifier = try rubricOptions.certifier()
        let options = scoring.options
        let inputs = expandInputs(dossiers)
        let reviews = self.reviews
        let format = self.format
        let language = self.lang
        try Output.records(inputs, text: format == .text, progress: ProgressBar.bar("score", streaming: true)) { path throws(CertifyError) in
            let result = try certifier.score(dossierPath: path, reviewPaths: reviews, options: options)
            return format == .json
                ? JSONRenderer.render(result, language: language)
                : Array(TextRenderer.render(result, language: language).utf8)
        }
    }
}
