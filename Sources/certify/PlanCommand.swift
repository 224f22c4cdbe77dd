import ArgumentParser
import CertifyEngine
import CertifyModel
import CertifyPlanner
import CertifyRender
import CertifyRuntime

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Self-check: the smallest changes that reach each better grade or the pass mark, the margin, risks and what is missing.",
        discussion: """
            Plans are ranked by fewest indicators changed, then fewest level steps, then least points gained,
            then rubric order; each plan is rescored before it is printed. A directory means every *.xml in it;
            with several dossiers and --format json, the output is JSON Lines in input order.
            Exit codes: 0 planned, 64 usage error, 65 invalid input, 66 unreadable.
            """)

    @Argument(help: ArgumentHelp("Dossier files or directories.", valueName: "DOSSIER"))
    var dossiers: [String]

    @Option(name: .customLong("review"), help: ArgumentHelp("A panel review sheet (repeatable).", valueName: "FILE"))
    var reviews: [String] = []

    @OptionGroup var rubricOptions: RubricOptions

    @OptionGroup var scoring: ScoringFlags

    @Option(name: .customLong("goal"), help: ArgumentHelp("Plan for this grade (or 'pass') only (repeatable; default: every better outcome).", valueName: "GOAL"))
    var goals: [String] = []

    @Option(help: ArgumentHelp("Plans per goal, each changing a different set of indicators.", valueName: "K"))
    var plans: Int = 3

    @Flag(help: "Let self-assessed judgment scores rise (only without --review).")
    var judgments = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Language of the text output: ko or en.")
    var lang: Language = .fromEnvironment

    func validate() throws {
        if !reviews.isEmpty && (dossiers.count != 1 || expandInputs(dossiers).count != 1) {
            throw ValidationError("--review goes with a single dossier")
        }
        if !(1...100).contains(plans) { throw ValidationError("--plans must be from 1 to 100") }
        if judgments && !reviews.isEmpty {
            throw ValidationError("--judgments plans self-assessed scores; it cannot go with --review")
        }
    }

    func run() throws {
        let certifier = try rubricOptions.certifier()
        let options = scoring.options
        let inputs = expandInputs(dossiers)
        let (reviews, goals, plans, judgments, format, language) = (self.reviews, self.goals, self.plans, self.judgments, self.format, self.lang)
        try Output.records(inputs, text: format == .text) { path throws(CertifyError) in
            let (submission, rubric) = try certifier.bind(dossierPath: path, reviewPaths: reviews)
            let report = try Planner.plan(
                submission: submission, rubric: rubric, options: options, goals: goals, maxPlans: plans, judgments: judgments)
            return format == .json ? PlanJSONRenderer.render(report) : Array(PlanTextRenderer.render(report, language: language).utf8)
        }
    }
}
