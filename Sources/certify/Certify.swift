import ArgumentParser
import CertifyRuntime

@main
struct Certify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certify",
        abstract: "Score smart city and smart service certification dossiers (스마트도시·스마트서비스 인증).",
        discussion: """
            Exit codes: 0 success, 64 usage error, 65 invalid input, 66 unreadable input;
            verify: 1 signature invalid, 3 not current, 4 re-scoring disagrees; report: 77 key readable by others;
            registry audit: 1 a difference; registry status: 3 not in force.
            Rubrics: --rubrics DIR, else $CERTIFY_RUBRICS, else the rubrics shipped with Certify.
            """,
        version: CertifyVersion.string,
        subcommands: [
            ValidateCommand.self, ScoreCommand.self, RubricsCommand.self,
            KeygenCommand.self, ReportCommand.self, VerifyCommand.self, CohortCommand.self, CompareCommand.self, RegistryCommand.self,
            GuideCommand.self, PlanCommand.self, ServeCommand.self, OfficeCommand.self,
        ])
}
