import ArgumentParser
import CertifyEngine
import CertifyRender
import CertifyModel
import CertifyReport
import CertifyRuntime
import Crypto
import Foundation

struct RubricOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(OptionHelp.rubrics, valueName: "DIR"))
    var rubrics: String?

    /// For commands that report errors themselves.
    func loadCertifier() throws(CertifyError) -> Certifier {
        try Certifier(rubricsOption: rubrics)
    }

    func certifier() throws -> Certifier {
        try orExit { () throws(CertifyError) in try Certifier(rubricsOption: rubrics) }
    }
}

/// What every command that scores takes: the decision date and official scoring.
struct ScoringFlags: ParsableArguments {
    @Option(help: ArgumentHelp(OptionHelp.date, valueName: "YYYY-MM-DD"))
    var date: CalendarDate?

    @Flag(help: ArgumentHelp(OptionHelp.official))
    var official = false

    /// `--date`, else today.
    var decisionDate: CalendarDate { date ?? .today() }

    var options: ScoringOptions { ScoringOptions(date: decisionDate, official: official) }
}

/// The dossiers `score` and `plan` read: files or directories, the panel's
/// reviews (with a single dossier), the rubrics and the scoring flags.
struct DossierInputs: ParsableArguments {
    @Argument(help: ArgumentHelp(OptionHelp.dossiers, valueName: "DOSSIER"))
    var dossiers: [String]

    @Option(name: .customLong("review"), help: ArgumentHelp(OptionHelp.review, valueName: "FILE"))
    var reviews: [String] = []

    @OptionGroup var rubricOptions: RubricOptions

    @OptionGroup var scoring: ScoringFlags

    func validate() throws {
        if !reviews.isEmpty && (dossiers.count != 1 || expandInputs(dossiers).count != 1) {
            throw ValidationError(.reviewWithOneDossier)
        }
    }

    /// Every dossier file named (`expandInputs`).
    var paths: [String] { expandInputs(dossiers) }
}

/// `--signer NAME`, the display name a signed report shows (report, office
/// sign, office demo); refused when XML cannot hold it.
struct SignerOption: ParsableArguments {
    @Option(help: ArgumentHelp(OptionHelp.signer, valueName: "NAME"))
    var signer: String?

    func validate() throws { try Self.check(signer) }

    static func check(_ signer: String?) throws {
        if let signer, !SignerInfo.isValidName(signer) { throw ValidationError(.signerName) }
    }
}

/// `--pubkey PUB.pem...`: the keys a signed report must verify with
/// (verify, registry add).
struct TrustedKeys: ParsableArguments {
    @Option(help: ArgumentHelp(OptionHelp.pubkey, valueName: "PUB.pem"))
    var pubkey: [String] = []

    func validate() throws {
        if pubkey.isEmpty { throw ValidationError(.pubkeyNeeded) }
    }

    /// The keys and the shipped schemas; a failure is reported and ends the command.
    func load() throws -> ([P256.Signing.PublicKey], Schemas) {
        try orExit { () throws(CertifyError) in
            (try pubkey.map { path throws(CertifyError) in try Keys.publicKey(at: path) }, try Schemas.shipped())
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

/// `--format text|json`, text unless told (score, plan, registry status, registry prove).
struct FormatOption: ParsableArguments {
    @Option(help: ArgumentHelp(OptionHelp.format))
    var format: OutputFormat = .text
}

extension Language: ExpressibleByArgument {
    /// `ko` when the environment's locale is Korean, else `en`. Read once:
    /// every command's `--lang` defaults to it, and the parser makes a
    /// command several times (`getenv`, not `ProcessInfo`'s environment,
    /// which copies every variable into a dictionary each time).
    static let fromEnvironment: Language = {
        // The first of these that is set and not empty decides (POSIX).
        let names: [String] = ["LC_ALL", "LC_MESSAGES", "LANG"]
        let locale = names.lazy.compactMap { getenv($0).map { String(cString: $0) } }.first { !$0.isEmpty } ?? ""
        return locale.hasPrefix("ko") ? .ko : .en
    }()
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

/// Files named on the command line: a directory means every `*.xml` in it,
/// sorted by name (`InputFile.xmlFiles`), each path as the user wrote it.
func expandInputs(_ paths: [String]) -> [String] {
    paths.flatMap { path in InputFile.xmlFiles(in: path) ?? [path] }
}
