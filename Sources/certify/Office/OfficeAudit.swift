import ArgumentParser
import CertifyOffice
import Foundation

/// `certify office audit`: recomputes the action log's chain and compares it with the stored objects.
struct OfficeAudit: ParsableCommand {
    static let configuration = OfficeCommandHelp.audit.configuration()
    @OptionGroup var data: OfficeDataOptions
    @Option(help: ArgumentHelp(OfficeHelp.since, valueName: "SIZE:HASH"))
    var since: String?

    func run() throws {
        let office = try data.open()
        let earlier = try since.map { text in try orExitOffice { try ActionLog.Head(parsing: text) } }
        let report = try orExitOffice { try office.audit(since: earlier) }
        for problem in report.problems {
            FileHandle.standardError.write(Data(("audit: " + problem.text(Output.language) + "\n").utf8))
        }
        print(report.head)
        if !report.ok { throw ExitCode(1) }
    }
}
