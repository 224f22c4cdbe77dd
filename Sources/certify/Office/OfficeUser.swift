import ArgumentParser
import CertifyModel
import CertifyOffice

/// `certify office user add|disable|enable|list|reset`.
struct OfficeUser: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Accounts of the office.",
        subcommands: [Add.self, Disable.self, Enable.self, List.self, Reset.self])

    enum Kind: String, ExpressibleByArgument, CaseIterable { case applicant, secretariat, staff }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account; print its one-time link to set a password.")
        @OptionGroup var data: OfficeDataOptions
        @Option(help: "E-mail address.") var email: String
        @Option(help: "Name.") var name: String
        @Option(help: "applicant, secretariat or staff (reviewers and chairs get their roles per round).") var kind: Kind
        @Option(name: .customLong("organisation"), help: "An applicant's organisation id (confirmed at once).") var organisation: String?
        @Option(name: .customLong("organisation-name"), help: "The organisation's name.") var organisationName: String?
        @Option(name: .customLong("public-url"), help: "The office's address, for the link.") var publicURL = "http://127.0.0.1:8080"

        func run() throws {
            let office = try data.open()
            let organisation = organisation.map { Organisation(id: $0, name: organisationName ?? $0) }
            let link = try orExitOffice {
                var link = try office.createAccount(email: email, name: name, kind: AccountKind(rawValue: kind.rawValue)!,
                                                    organisation: organisation, by: nil)
                if organisation != nil, let id = link.account.id {
                    // Added by the operator: the organisation link is confirmed.
                    try office.confirmOrganisation(accountID: id, by: nil)
                    link.account.organisationConfirmed = true
                }
                return link
            }
            print(passwordLink(publicURL, link.token))
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account: its sessions end at once.")
        @OptionGroup var data: OfficeDataOptions
        @Argument(help: "E-mail address.") var email: String
        func run() throws {
            let office = try data.open()
            try orExitOffice { try office.setDisabled(true, email: email, by: nil) }
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account.")
        @OptionGroup var data: OfficeDataOptions
        @Argument(help: "E-mail address.") var email: String
        func run() throws {
            let office = try data.open()
            try orExitOffice { try office.setDisabled(false, email: email, by: nil) }
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a one-time link (valid 1 hour) to set an account's password again; --second-factor also removes its TOTP.")
        @OptionGroup var data: OfficeDataOptions
        @Argument(help: "E-mail address.") var email: String
        @Flag(name: .customLong("second-factor"), help: "Remove the account's second factor (it enrols again).") var secondFactor = false
        @Option(name: .customLong("public-url"), help: "The office's address, for the link.") var publicURL = "http://127.0.0.1:8080"
        func run() throws {
            let office = try data.open()
            if secondFactor { try orExitOffice { try office.resetSecondFactor(email: email, by: nil) } }
            let link = try orExitOffice { try office.issueReset(email: email, by: nil) }
            print(passwordLink(publicURL, link.token))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts (tab-separated).")
        @OptionGroup var data: OfficeDataOptions
        func run() throws {
            let office = try data.open()
            let language = Output.language
            for account in try orExitOffice({ try office.accounts() }) {
                let status = account.disabled ? OfficeWord.disabled : .active
                print([String(account.id ?? 0), account.email, account.name, account.kind.word.text(language),
                       account.organisationID ?? "-", status.text(language),
                       account.totpSecret == nil ? "-" : "TOTP"].joined(separator: "\t"))
            }
        }
    }
}
