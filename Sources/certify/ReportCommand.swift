import ArgumentParser
import CertifyRender
import CertifyEngine
import CertifyModel
import CertifyReport
import CertifyRuntime
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandHelp.report.configuration()

    @Argument(help: ArgumentHelp(OptionHelp.reportDossiers, valueName: "DOSSIER"))
    var dossiers: [String]

    @Option(name: .customLong("review"), help: ArgumentHelp(OptionHelp.review, valueName: "FILE"))
    var reviews: [String] = []

    @Option(help: ArgumentHelp(OptionHelp.key, valueName: "KEY.pem"))
    var key: String

    @Flag(help: ArgumentHelp(OptionHelp.unsigned))
    var unsigned = false

    @OptionGroup var signerOption: SignerOption

    @OptionGroup var rubricOptions: RubricOptions

    @OptionGroup var scoring: ScoringFlags

    @Option(help: ArgumentHelp(OptionHelp.reportOut, valueName: "FILE"))
    var out: String?

    @Option(name: .customLong("out-dir"), help: ArgumentHelp(OptionHelp.outDirectory, valueName: "DIR"))
    var outDirectory: String?

    @Option(help: ArgumentHelp(OptionHelp.html, valueName: "FILE"))
    var html: String?

    @Option(help: ArgumentHelp(OptionHelp.langHTML))
    var lang: Language = .fromEnvironment

    func validate() throws {
        let inputs = expandInputs(dossiers)
        if inputs.count != 1 {
            guard outDirectory != nil else { throw ValidationError(.severalNeedOutDirectory) }
            if out != nil || html != nil || !reviews.isEmpty { throw ValidationError(.singleDossierOptions) }
        }
        if out != nil && outDirectory != nil { throw ValidationError(.outOrOutDirectory) }
        let names = inputs.map(Self.reportName)
        if Set(names).count != names.count { throw ValidationError(.sameReportName) }
        for output in [out, html].compactMap({ $0 }) where Self.sameFile(output, key) {
            throw ValidationError(.outputIsKey(output))
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
        let signer = signerOption.signer
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
