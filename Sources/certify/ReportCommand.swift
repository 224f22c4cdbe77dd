import ArgumentParser
import CertifyEngine
import CertifyModel
import CertifyReport
import CertifyRuntime
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Score a dossier and write the signed audit report (XML-DSig), and optionally its HTML rendering.",
        discussion: "Exit codes: 0, 65 invalid input, 66 unreadable, 77 private key readable by group or others.")

    @Argument(help: ArgumentHelp("The dossier.", valueName: "DOSSIER"))
    var dossier: String

    @Option(name: .customLong("review"), help: ArgumentHelp("A panel review sheet (repeatable).", valueName: "FILE"))
    var reviews: [String] = []

    @Option(help: ArgumentHelp("The signing key (PEM: PKCS#8 or SEC1; mode 0600); with --unsigned, the signer's public key.", valueName: "KEY.pem"))
    var key: String

    @Flag(help: "Write the report with an empty signature template instead of signing it (for signing with xmlsec1 --sign).")
    var unsigned = false

    @Option(help: ArgumentHelp("The signer's display name.", valueName: "NAME"))
    var signer: String?

    @OptionGroup var rubricOptions: RubricOptions

    @Option(help: ArgumentHelp("Decision date, the start of validity (default: today).", valueName: "YYYY-MM-DD"))
    var date: CalendarDate?

    @Flag(help: "Official scoring: a panel smaller than the rubric's minimum is an error.")
    var official = false

    @Option(help: ArgumentHelp("Write the report here (default: standard output).", valueName: "FILE"))
    var out: String?

    @Option(help: ArgumentHelp("Also write the HTML rendering here.", valueName: "FILE"))
    var html: String?

    @Option(help: "Language of the HTML rendering: ko or en.")
    var lang: Language = .fromEnvironment

    func run() throws {
        do throws(CertifyError) {
            let signerInfo: SignerInfo
            var reportSigner: ReportSigner?
            if unsigned {
                signerInfo = SignerInfo(keyID: Keys.keyID(try Keys.publicKey(at: key)), name: signer)
            } else {
                reportSigner = ReportSigner(key: try Keys.privateKey(at: key), name: signer)
                signerInfo = reportSigner!.signer
            }
            let certifier = try rubricOptions.loadCertifier()
            let result = try certifier.score(
                dossierPath: dossier, reviewPaths: reviews,
                options: ScoringOptions(date: date ?? .today(), official: official))
            let report = try reportSigner?.report(for: result, engineVersion: CertifyVersion.string)
                ?? ReportSigner.template(for: result, engineVersion: CertifyVersion.string, signer: signerInfo)
            if let html {
                let context = ReportContext(engineVersion: CertifyVersion.string, generatedAt: "", signer: signerInfo)
                let page = HTMLPENDING.render(result, context: context, language: lang,
                                               reportFileName: out.map { ($0 as NSString).lastPathComponent } ?? "report.xml")
                try AtomicFile.write(Array(page.utf8), to: html)
            }
            if let out {
                try AtomicFile.write(report, to: out)
            } else {
                Output.write(String(decoding: report, as: UTF8.self))
                Output.flush()
            }
        } catch {
            Output.report(error)
            throw ExitCode(error)
        }
    }
}

// TEMPORARY until HTMLRenderer lands.
enum HTMLPENDING {
    static func render(_ result: ScoreResult, context: ReportContext, language: Language, reportFileName: String) -> String { "" }
}
