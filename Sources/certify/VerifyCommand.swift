import ArgumentParser
import CertifyEngine
import CertifyModel
import CertifyRegistry
import CertifyReport
import CertifyRuntime
import Crypto
import Foundation

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a signed audit report: signature, trusted key, validity, and optionally the inputs.",
        discussion: """
            Exit codes: 0 valid and current; 1 signature invalid, tampered or untrusted key;
            3 valid but expired or not yet valid (or not certified); 4 valid but re-scoring or a hash disagrees;
            65 invalid input; 66 unreadable.
            With --log URL|DIR --log-key VKEY the report must also be in the certificate registry's published log
            (C2SP tlog-tiles, every tile checked against the signed checkpoint, as registry monitor does); with
            --witness VKEY... the checkpoint must carry valid cosignatures of --quorum of them (default: all).
            A report not in the log, a log that does not check, or too few cosignatures: exit 1.
            """)

    @Argument(help: ArgumentHelp("The signed report (several reports or directories without --dossier).", valueName: "REPORT"))
    var reports: [String]

    @Option(help: ArgumentHelp("A trusted public key (PEM SubjectPublicKeyInfo; repeatable).", valueName: "PUB.pem"))
    var pubkey: [String] = []

    @Option(help: ArgumentHelp("Check validity on this date (default: today).", valueName: "YYYY-MM-DD"))
    var at: CalendarDate?

    @Option(help: ArgumentHelp("The dossier, to check its hash and re-score it.", valueName: "FILE"))
    var dossier: String?

    @Option(name: .customLong("review"), help: ArgumentHelp("A review sheet for re-scoring (repeatable).", valueName: "FILE"))
    var reviews: [String] = []

    @Option(help: ArgumentHelp("The registry's published log, to find the report in: http(s)://HOST/log or a directory of registry tiles.", valueName: "URL|DIR"))
    var log: String?

    @Option(name: .customLong("log-key"), help: ArgumentHelp("The log's verifier key (NAME+ID+KEY), with --log.", valueName: "VKEY"))
    var logKey: String?

    @OptionGroup var quorumOptions: QuorumOptions

    @OptionGroup var rubricOptions: RubricOptions

    @Option(help: "Language of the text output and of error messages: ko or en (default: from the locale).")
    var lang: Language = .fromEnvironment

    func validate() throws {
        if pubkey.isEmpty { throw ValidationError("give at least one trusted key with --pubkey") }
        if dossier == nil && !reviews.isEmpty { throw ValidationError("--review goes with --dossier") }
        if dossier != nil && expandInputs(reports).count != 1 { throw ValidationError("--dossier goes with a single report") }
        if (log == nil) != (logKey == nil) { throw ValidationError("--log and --log-key go together") }
        if !quorumOptions.witnesses.isEmpty && log == nil { throw ValidationError("--witness goes with --log URL|DIR --log-key VKEY") }
    }

    /// The published log's entries by report SHA-256 (`--log`): checked as
    /// `registry monitor` checks it, and against the witness quorum.
    func loggedReports() throws -> LoggedReports? {
        guard let log, let logKey else { return nil }
        guard let verifier = NoteVerifier(encoded: logKey) else {
            Output.report(CertifyError(.invalidInput, Message.tlog(.logKeyBad)))
            throw ExitCode(CertifyError.Code.invalidInput.exitCode)
        }
        let policy = try quorumOptions.policy()
        return try orExit { () throws(CertifyError) -> LoggedReports in
            let report = log.hasPrefix("http://") || log.hasPrefix("https://")
                ? try LogMonitor.check(HTTPSource(prefix: log), verifier: verifier, seen: nil)
                : try LogMonitor.check(DirectorySource(log), verifier: verifier, seen: nil)
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
        let (keys, schemas) = try orExit { () throws(CertifyError) in
            (try pubkey.map { path throws(CertifyError) in try Keys.publicKey(at: path) }, try Schemas.shipped())
        }
        let logged = try loggedReports()
        let inputs = expandInputs(reports)
        let day = at ?? .today()
        let checked = dossier.map { dossier in
            ReportAudit.Inputs(dossier: .file(dossier), reviews: reviews.map(InputSource.file),
                               certifier: Result { () throws(CertifyError) in try rubricOptions.loadCertifier() })
        }
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
            let grade = summary.grade.map { CLIText.verifyListedGrade($0).text(language) } ?? ""
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
        let grade = summary.grade.map { CLIText.verifyGrade($0).text(language) } ?? ""
        let certified = CLIText.verifyCertified(summary.certified).text(language)
        let official = summary.official ? CLIText.verifyOfficial.text(language) : ""
        lines.append("\(CLIText.verifyDecision.text(language))\(summary.date?.description ?? "?"): \(summary.total) / \(summary.max), \(grade)\(certified)\(official)")
        if let from = summary.validFrom, let until = summary.validUntil {
            lines.append("\(CLIText.verifyValidity.text(language))\(from) – \(until)")
        }
        lines.append("\(CLIText.verifySigner.text(language))\(keyID)\(summary.signerName.map { " (\($0))" } ?? "")")
        return lines.joined(separator: "\n") + "\n"
    }
}
