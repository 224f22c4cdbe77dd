import ArgumentParser
import CertifyEngine
import CertifyModel
import CertifyPlanner
import CertifyRender
import CertifyRuntime

struct PlanCommand: ParsableCommand {
    static let configuration = CommandHelp.plan.configuration()

    @OptionGroup var inputs: DossierInputs

    @Option(name: .customLong("goal"), help: ArgumentHelp(OptionHelp.goal, valueName: "GOAL"))
    var goals: [String] = []

    @Option(help: ArgumentHelp(OptionHelp.plans, valueName: "K"))
    var plans: Int = 3

    @Flag(help: ArgumentHelp(OptionHelp.judgments))
    var judgments = false

    @OptionGroup var output: FormatOption

    @Option(help: ArgumentHelp(OptionHelp.langText))
    var lang: Language = .fromEnvironment

    func validate() throws {
        if !(1...100).contains(plans) { throw ValidationError(.plansRange) }
        if judgments && !inputs.reviews.isEmpty { throw ValidationError(.judgmentsWithReview) }
    }

    func run() throws {
        let certifier = try inputs.rubricOptions.certifier()
        let (options, reviews) = (inputs.scoring.options, inputs.reviews)
        let (goals, plans, judgments, format, language) = (self.goals, self.plans, self.judgments, output.format, self.lang)
        try Output.records(inputs.paths, text: format == .text) { dossier throws(CertifyError) in
            let (submission, rubric) = try certifier.bind(dossier: dossier, reviews: reviews.map(InputSource.file))
            let report = try Planner.plan(
                submission: submission, rubric: rubric, options: options, goals: goals, maxPlans: plans, judgments: judgments)
            return format == .json ? PlanJSONRenderer.render(report) : Array(PlanTextRenderer.render(report, language: language).utf8)
        }
    }
}
