import ArgumentParser
import CertifyModel
import CertifyRuntime
import Foundation

@main
struct Certify: AsyncParsableCommand {
    static let configuration = CommandHelp.certify.configuration(version: CertifyVersion.string, subcommands: [
        ValidateCommand.self, ScoreCommand.self, RubricsCommand.self,
        KeygenCommand.self, ReportCommand.self, VerifyCommand.self, CohortCommand.self, CompareCommand.self, RegistryCommand.self,
        GuideCommand.self, PlanCommand.self, ServeCommand.self, OfficeCommand.self,
    ])

    /// ArgumentParser's `main(_:)`, except that in Korean its help screens
    /// and usage errors get their fixed words in Korean (`ParserWord`).
    static func main() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard Language.chosen == .ko else { exit(withError: error) }
            let text = ParserWord.korean(fullMessage(for: error))
            let code = exitCode(for: error)
            if !text.isEmpty {
                if code.isSuccess { print(text) } else { FileHandle.standardError.write(Data((text + "\n").utf8)) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
