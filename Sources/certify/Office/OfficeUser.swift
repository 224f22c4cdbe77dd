import ArgumentParser
import CertifyModel
import CertifyOffice

/// `certify office user add|disable|enable|list|reset`.
struct OfficeUser: ParsableCommand {
    static let configuration = OfficeCommandHelp.user.configuration(subcommands: [Add.self, Disable.self, Enable.self, List.self, Reset.self])

    enum Kind: String, ExpressibleByArgument, CaseIterable { case applicant, secretariat, staff }

    struct Add: ParsableCommand {
        static let configuration = OfficeCommandHelp.userAdd.configuration()
        @OptionGroup var data: OfficeDataOptions
        @Option(help: ArgumentHelp(OfficeHelp.email)) var email: String
        @Option(help: ArgumentHelp(OfficeHelp.name)) var name: String
        @Option(help: ArgumentHelp(OfficeHelp.kind)) var kind: Kind
        @Option(name: .customLong("organisation"), help: ArgumentHelp(OfficeHelp.organisation)) var organisation: String?
        @Option(name: .customLong("organisation-name"), help: ArgumentHelp(OfficeHelp.organisationName)) var organisationName: String?
        @Option(name: .customLong("public-url"), help: ArgumentHelp(OfficeHelp.linkURL)) var publicURL = "http://127.0.0.1:8080"

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

    /// `--data DIR` and the e-mail address of the account a command acts on.
    struct Account: ParsableArguments {
        @OptionGroup var data: OfficeDataOptions
        @Argument(help: ArgumentHelp(OfficeHelp.email)) var email: String

        /// Disables or enables the account.
        func setDisabled(_ disabled: Bool) throws {
            let office = try data.open()
            try orExitOffice { try office.setDisabled(disabled, email: email, by: nil) }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = OfficeCommandHelp.userDisable.configuration()
        @OptionGroup var account: Account
        func run() throws { try account.setDisabled(true) }
    }

    struct Enable: ParsableCommand {
        static let configuration = OfficeCommandHelp.userEnable.configuration()
        @OptionGroup var account: Account
        func run() throws { try account.setDisabled(false) }
    }

    struct Reset: ParsableCommand {
        static let configuration = OfficeCommandHelp.userReset.configuration()
        @OptionGroup var account: Account
        @Flag(name: .customLong("second-factor"), help: ArgumentHelp(OfficeHelp.secondFactor)) var secondFactor = false
        @Option(name: .customLong("public-url"), help: ArgumentHelp(OfficeHelp.linkURL)) var publicURL = "http://127.0.0.1:8080"
        func run() throws {
            let office = try account.data.open()
            let email = account.email
            if secondFactor { try orExitOffice { try office.resetSecondFactor(email: email, by: nil) } }
            let link = try orExitOffice { try office.issueReset(email: email, by: nil) }
            print(passwordLink(publicURL, link.token))
        }
    }

    struct List: ParsableCommand {
        static let configuration = OfficeCommandHelp.userList.configuration()
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
