import ArgumentParser
import CertifyRender
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

    @Argument(help: ArgumentHelp("The dossier (several dossiers or directories with --out-dir).", valueName: "DOSSIER"))
    var dossiers: [String]

    @Option(name: .customLong("review"), help: ArgumentHelp("A panel review sheet (repeatable).", valueName: "FILE"))
    var reviews: [String] = []

    @Option(help: ArgumentHelp("The signing key (PEM: PKCS#8 or SEC1; mode 0600); with --unsigned, the signer's public key.", valueName: "KEY.pem"))
    var key: String

    @Flag(help: "Write the report with an empty signature template instead of signing it (for signing with xmlsec1 --sign).")
    var unsigned = false

    @Option(help: ArgumentHelp("The signer's display name.", valueName: "NAME"))
    var signer: String?

    @OptionGroup var rubricOptions: RubricOptions

    @OptionGroup var scoring: ScoringFlags

    @Option(help: ArgumentHelp("Write the report here (default: standard output).", valueName: "FILE"))
    var out: String?

    @Option(name: .customLong("out-dir"), help: ArgumentHelp("Write one NAME.report.xml per dossier into this directory (for many dossiers).", valueName: "DIR"))
    var outDirectory: String?

    @Option(help: ArgumentHelp("Also write the HTML rendering here.", valueName: "FILE"))
    var html: String?

    @Option(help: "Language of the HTML rendering: ko or en.")
    var lang: Language = .fromEnvironment

    func validate() throws {
        let inputs = expandInputs(dossiers)
        if inputs.count != 1 {
            guard outDirectory != nil else { throw ValidationError("several dossiers need --out-dir") }
            if out != nil || html != nil || !reviews.isEmpty {
                throw ValidationError("--out, --html and --review go with a single dossier")
            }
        }
        if out != nil && outDirectory != nil { throw ValidationError("use --out or --out-dir, not both") }
        if let signer, !SignerInfo.isValidName(signer) {
            throw ValidationError("--signer must not contain characters XML cannot hold (control characters other than tab and newlines, U+FFFE, U+FFFF)")
        }
        let names = inputs.map(Self.reportName)
        if Set(names).count != names.count { throw ValidationError("two dossiers would write the same report name") }
        for output in [out, html].compactMap({ $0 }) where Self.sameFile(output, key) {
            throw ValidationError("\(output) is the key file; refusing to overwrite it")
        }
    }

    /// Whether two paths name the same existing file (device and inode).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    static func reportName(_ dossier: String) -> String {
        var name = (dossier as NSString).lastPathComponent
        if name.hasSuffix(".xml") { name.removeLast(4) }
        return name + ".report.xml"
    }

    func run() throws {
        Output.language = lang
        let builder = try orExit { () throws(CertifyError) in
            let signing: ReportBuilder.Signing = unsigned
                ? .template(SignerInfo(keyID: Keys.keyID(try Keys.publicKey(at: key)), name: signer))
                : .key(ReportSigner(key: try Keys.privateKey(at: key), name: signer))
            return ReportBuilder(certifier: try rubricOptions.loadCertifier(), signing: signing)
        }
        let options = scoring.options
        let reviews = self.reviews.map(InputSource.file)
        let (out, outDirectory, html) = (self.out, self.outDirectory, self.html)
        let page = html.map { _ in (language: lang, reportFileName: out.map { ($0 as NSString).lastPathComponent } ?? "report.xml") }
        var failures: [CertifyError.Code] = []
        Batch.run(expandInputs(dossiers), progress: outDirectory == nil ? nil : ProgressBar.bar("report"), work: { dossier -> Result<[UInt8], CertifyError> in
            do throws(CertifyError) {
                let built = try builder.build(dossier: .file(dossier), reviews: reviews, options: options, html: page)
                if let html, let bytes = built.html { try AtomicFile.write(bytes, to: html) }
                if let target = out ?? outDirectory.map({ $0 + "/" + Self.reportName(dossier) }) {
                    try AtomicFile.write(built.report, to: target)
                    return .success([])
                }
                return .success(built.report)
            } catch { return .failure(error) }
        }, deliver: { _, outcome in
            switch outcome {
            case .success(let report): if !report.isEmpty { Output.write(bytes: report) }
            case .failure(let error):
                Output.report(error)
                failures.append(error.code)
            }
        })
        Output.flush()
        if !failures.isEmpty { throw ExitCode(worstOf: failures) }
    }
}
