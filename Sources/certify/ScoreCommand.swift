import ArgumentParser
import CertifyRender
import CertifyEngine
import CertifyModel
import CertifyRuntime

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandHelp.score.configuration()

    @OptionGroup var inputs: DossierInputs

    @Option(help: ArgumentHelp(OptionHelp.langOutputAndErrors))
    var lang: Language = .fromEnvironment

    @OptionGroup var output: FormatOption

    func run() throws {
        Output.language = lang
        let dossiers = inputs.dossiers
        let paths = Background { expandInputs(dossiers) }
        let certifier = try inputs.rubricOptions.certifier()
        let (options, reviews, format, language) = (inputs.scoring.options, inputs.reviews, output.format, lang)
        try Output.records(paths.value, text: format == .text, progress: ProgressBar.bar("score", streaming: true)) { dossier throws(CertifyError) in
            let result = try certifier.score(dossier: dossier, reviews: reviews.map(InputSource.file), options: options)
            return format == .json
                ? JSONRenderer.render(result, language: language)
                : Array(TextRenderer.render(result, language: language).utf8)
        }
    }
}
