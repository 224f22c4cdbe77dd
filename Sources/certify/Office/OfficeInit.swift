import ArgumentParser
import CertifyOffice

/// `certify office init`: a new office and its first secretariat account.
struct OfficeInit: ParsableCommand {
    static let configuration = OfficeCommandHelp.initialize.configuration()

    @OptionGroup var data: OfficeDataOptions
    @Option(help: ArgumentHelp(OfficeHelp.admin, valueName: "EMAIL")) var admin: String
    @Option(help: ArgumentHelp(OfficeHelp.accountName)) var name: String = "사무국 Secretariat"
    @Option(name: .customLong("public-url"), help: ArgumentHelp(OfficeHelp.linkURL, valueName: "URL"))
    var publicURL: String = "http://127.0.0.1:8080"

    func run() throws {
        let office = try data.open(create: true)
        let link = try orExitOffice { try office.createAccount(email: admin, name: name, kind: .secretariat, by: nil) }
        print(CLIWord.officeCreated.text(Output.language, data.data))
        print(CLIWord.officeSetPassword.text(Output.language, link.account.email))
        print(passwordLink(publicURL, link.token))
    }
}
