import ArgumentParser
import CertifyEngine
import CertifyModel
import CertifyRegistry
import CertifyReport
import CertifyRuntime
import Crypto
import Foundation

/// `--dossier FILE --review FILE...`: the dossier a single report is
/// checked against, rescored with the panel's reviews (verify).
struct DossierCheck: ParsableArguments {
    @Option(help: ArgumentHelp(OptionHelp.verifyDossier, valueName: "FILE"))
    var dossier: String?

    @Option(name: .customLong("review"), help: ArgumentHelp(OptionHelp.verifyReview, valueName: "FILE"))
    var reviews: [String] = []

    /// What a report is checked against, or nil without `--dossier`.
    func inputs(_ rubricOptions: RubricOptions) -> ReportAudit.Inputs? {
        dossier.map { dossier in
            ReportAudit.Inputs(dossier: .file(dossier), reviews: reviews.map(InputSource.file),
                               certifier: Result { () throws(CertifyError) in try rubricOptions.loadCertifier() })
        }
    }
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandHelp.verify.configuration()

    @Argument(help: ArgumentHelp(OptionHelp.reports, valueName: "REPORT"))
    var reports: [String]

    @OptionGroup var trusted: TrustedKeys

    @Option(help: ArgumentHelp(OptionHelp.at, valueName: "YYYY-MM-DD"))
    var at: CalendarDate?

    @OptionGroup var against: DossierCheck

    @Option(help: ArgumentHelp(OptionHelp.log, valueName: "URL|DIR"))
    var log: String?

    @Option(name: .customLong("log-key"), help: ArgumentHelp(OptionHelp.logKey, valueName: "VKEY"))
    var logKey: String?

    @OptionGroup var quorumOptions: QuorumOptions

    @OptionGroup var rubricOptions: RubricOptions

    @Option(help: ArgumentHelp(OptionHelp.langOutputAndErrors))
    var lang: Language = .fromEnvironment

    func validate() throws {
        if against.dossier == nil && !against.reviews.isEmpty { throw ValidationError(.reviewWithDossier) }
        if against.dossier != nil && expandInputs(reports).count != 1 { throw ValidationError(.dossierWithOneReport) }
        if (log == nil) != (logKey == nil) { throw ValidationError(.logWithLogKey) }
        if !quorumOptions.witnesses.isEmpty && log == nil { throw ValidationError(.witnessWithLog) }
    }

    /// The published log's entries by report SHA-256 (`--log`): checked as
    /// `registry monitor` checks it, and against the witness quorum.
    func loggedReports() throws -> LoggedReports? {
        guard let log, let logKey else { return nil }
        let verifier = try NoteVerifier.argument(logKey, else: Message.tlog(.logKeyBad))
        let policy = try quorumOptions.policy()
        return try orExit { () throws(CertifyError) -> LoggedReports in
            let report = try LogMonitor.check(published: log, verifier: verifier, seen: nil)
            let cosigners = try policy?.require(report.checkpoint, size: report.size) ?? 0
            var entries: [String: (index: Int, certificate: String)] = [:]
            for (index, event) in report.new where event.kind != .revoke { entries[event.reportSHA256] = (index, event.certificate) }
            return LoggedReports(size: report.size, cosigners: cosigners, entries: entries)
        }
    }

    struct LoggedReports: Sendable {
        var size: Int
        var cosigners: Int
        var entries: [String: (index: Int, certificate: String)]

        /// The line `verify` prints for a report, or the failure.
        func find(_ path: String, language: Language) -> Result<String, CertifyError> {
            let sha256: String
            do { sha256 = InputFile.sha256(try InputFile.read(path)) } catch { return .failure(error) }
            guard let found = entries[sha256] else {
                return .failure(CertifyError(.auditFailed, Message.tlog(.reportNotInLog(sha256: sha256, size: size)), file: path))
            }
            let line = Message.tlog(.reportInLog(index: found.index, certificate: found.certificate, size: size, cosigners: cosigners)).text(language)
            return .success("\(language == .ko ? "등록부:      " : "registry:    ")\(line)\n")
        }
    }

    /// One report's outcome: what goes to stdout, and the failure (to stderr).
    struct Outcome: Sendable {
        var text: String
        var code: CertifyError.Code?
        var error: CertifyError?
    }

    func run() throws {
        Output.language = lang
        let language = lang
        let (keys, schemas) = try trusted.load()
        let logged = try loggedReports()
        let inputs = expandInputs(reports)
        let day = at ?? .today()
        let checked = against.inputs(rubricOptions)
        var codes: [CertifyError.Code] = []
        Batch.run(inputs, work: { path in
            Self.verifyOne(path, keys: keys, schemas: schemas, day: day, inputs: checked, listed: inputs.count > 1,
                           language: language)
        }, deliver: { path, outcome in
            Output.write(outcome.text)
            if let error = outcome.error { Output.report(error) }
            if let code = outcome.code { codes.append(code) }
            // A report that verified is looked up in the log.
            if let logged, outcome.error == nil {
                switch logged.find(path, language: language) {
                case .success(let line): Output.write(line)
                case .failure(let error):
                    Output.report(error)
                    codes.append(error.code)
                }
            }
        })
        Output.flush()
        if !codes.isEmpty { throw ExitCode(worstOf: codes) }
    }

    private static func verifyOne(_ report: String, keys: [P256.Signing.PublicKey], schemas: Schemas,
                                  day: CalendarDate, inputs: ReportAudit.Inputs?, listed: Bool,
                                  language: Language) -> Outcome {
        let audit: ReportAudit
        do { audit = try ReportAudit.run(report: .file(report), trusting: keys, schemas: schemas, on: day, inputs: inputs) } catch {
            return Outcome(text: "", code: error.code, error: error)
        }
        let summary = audit.summary
        if listed {
            let grade = summary.grade.map { ", \(CLIText.verifyGrade.text(language)) \($0)" } ?? ""
            let signed = CLIText.verifySignedBy.text(language)
            return Outcome(text: "\(report): \(summary.dossierID) \(summary.total)/\(summary.max)\(grade): \(audit.standing(language)), \(signed) \(audit.keyID)\n",
                           code: audit.code)
        }
        var text = describe(summary, keyID: audit.keyID, language: language)
        if let error = audit.disagreementError(in: report) {
            return Outcome(text: text, code: error.code, error: error)
        }
        if audit.disagreements != nil {
            text += "\(CLIText.verifyInputs.text(language))\(Message.verifyConfirmed.text(language))\n"
        }
        text += "\(CLIText.verifyStatus.text(language))\(audit.standing(language))\n"
        return Outcome(text: text, code: audit.code)
    }

    private static func describe(_ summary: ReportSummary, keyID: String, language: Language) -> String {
        var lines = [CLIText.verifySignatureValid.text(language)]
        for applicant in summary.applicants { lines.append("\(CLIText.verifyApplicant.text(language))\(applicant)") }
        lines.append("\(CLIText.verifyDossier.text(language))\(summary.dossierID) (\(summary.rubricID) \(summary.rubricVersion))")
        let grade = summary.grade.map { "\(CLIText.verifyGrade.text(language)) \($0), " } ?? ""
        let certified = (summary.certified ? CLIText.verifyCertified : .verifyNotCertified).text(language)
        let official = summary.official ? CLIText.verifyOfficial.text(language) : ""
        lines.append("\(CLIText.verifyDecision.text(language))\(summary.date?.description ?? "?"): \(summary.total) / \(summary.max), \(grade)\(certified)\(official)")
        if let from = summary.validFrom, let until = summary.validUntil {
            lines.append("\(CLIText.verifyValidity.text(language))\(from) – \(until)")
        }
        lines.append("\(CLIText.verifySigner.text(language))\(keyID)\(summary.signerName.map { " (\($0))" } ?? "")")
        return lines.joined(separator: "\n") + "\n"
    }
}
