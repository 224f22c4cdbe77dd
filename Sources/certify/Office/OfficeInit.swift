import ArgumentParser
import CertifyOffice

/// `certify office init`: a new office and its first secretariat account.
struct OfficeInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an office in DIR and its first secretariat account; print its one-time link.")

    @OptionGroup var data: OfficeDataOptions
    @Option(help: ArgumentHelp("The first secretariat account's e-mail address.", valueName: "EMAIL")) var admin: String
    @Option(help: "The account's name.") var name: String = "사무국 Secretariat"
    @Option(name: .customLong("public-url"), help: ArgumentHelp("The office's address, for the link.", valueName: "URL"))
    var publicURL: String = "http://127.0.0.1:8080"

    func run() throws {
        let office = try data.open(create: true)
        let link = try orExitOffice { try office.createAccount(email: admin, name: name, kind: .secretariat, by: nil) }
        print("office created in \(data.data)")
        print("set the password of \(link.account.email) (valid 7 days, once):")
        print(passwordLink(publicURL, link.token))
    }
}
