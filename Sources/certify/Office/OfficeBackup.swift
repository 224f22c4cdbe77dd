import ArgumentParser
import CertifyOffice

/// `certify office backup`: a consistent copy while the server runs.
struct OfficeBackup: ParsableCommand {
    static let configuration = OfficeCommandHelp.backup.configuration()
    @OptionGroup var data: OfficeDataOptions
    @Option(help: ArgumentHelp(OfficeHelp.backupFile, valueName: "FILE")) var out: String

    func run() throws {
        let office = try data.open()
        try orExitOffice { try office.store.backup(to: out) }
        let head = try orExitOffice { try office.head() }
        print(CLIWord.officeBackupWritten.text(Output.language, "\(head)", out))
    }
}

/// `certify office restore`: replaces the office's database with a backup.
struct OfficeRestore: ParsableCommand {
    static let configuration = OfficeCommandHelp.restore.configuration()
    @OptionGroup var data: OfficeDataOptions
    @Option(help: ArgumentHelp(OfficeHelp.backupFile, valueName: "FILE")) var from: String

    func run() throws {
        try orExitOffice { try OfficeStore.restore(directory: data.data, from: from) }
        let office = try data.open()
        let report = try orExitOffice { try office.audit() }
        print(CLIWord.officeRestored.text(Output.language, "\(report.head)"))
        if !report.ok { throw ExitCode(1) }
    }
}
