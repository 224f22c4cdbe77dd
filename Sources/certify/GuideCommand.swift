import ArgumentParser
import CertifyModel

/// `certify guide`: a quick reference of every command and exit code, in
/// Korean or English. The exit codes are listed
/// from the one table that decides them (`CertifyError.Code.outcomes`).
struct GuideCommand: ParsableCommand {
    static let configuration = CommandHelp.guide.configuration()

    @Option(help: ArgumentHelp(OptionHelp.langReference))
    var lang: Language = .fromEnvironment

    func run() throws {
        Output.write(GuideCommand.text(lang))
        Output.flush()
    }

    static func text(_ language: Language) -> String {
        var lines = [CLIText.quickReference.text(language), "", CLIText.exitCodesHeading.text(language)]
        let statuses = Set([0] + CertifyError.Code.outcomes.map(\.exitCode)).sorted()
        for status in statuses {
            let number = String(status)
            lines.append("  " + number + String(repeating: " ", count: 4 - number.count) + CLIText.exitStatus(status).text(language))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
