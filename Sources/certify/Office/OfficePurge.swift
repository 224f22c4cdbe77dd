import ArgumentParser
import CertifyOffice

/// `certify office purge`: personal data past the retention period (the server also does this at start-up).
struct OfficePurge: ParsableCommand {
    static let configuration = OfficeCommandHelp.purge.configuration()
    @OptionGroup var data: OfficeDataOptions
    @Option(name: .customLong("retention-days"), help: ArgumentHelp(OfficeHelp.retentionDays)) var retentionDays = 5 * 365

    func run() throws {
        let office = try data.open(retentionDays: retentionDays)
        let report = try orExitOffice { try office.purgeExpired() }
        print(CLIWord.officePurged.text(Output.language, String(report.drafts), String(report.accounts)))
    }
}
