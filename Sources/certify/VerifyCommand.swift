import ArgumentParser
import CertifyEngine
import CertifyModel
import CertifyReport
import CertifyRuntime
import Crypto

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a signed audit report: signature, trusted key, validity, and optionally the inputs.",
        discussion: """
            Exit codes: 0 valid and current; 1 signature invalid, tampered or untrusted key;
            3 valid but expired or not yet valid (or not certified); 4 valid but re-scoring or a hash disagrees;
            65 invalid input; 66 unreadable.
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

    @OptionGroup var rubricOptions: RubricOptions

    func validate() throws {
        if pubkey.isEmpty { throw ValidationError("give at least one trusted key with --pubkey") }
        if dossier == nil && !reviews.isEmpty { throw ValidationError("--review goes with --dossier") }
        if dossier != nil && expandInputs(reports).count != 1 { throw ValidationError("--dossier goes with a single report") }
    }

    /// One report's outcome: its exit code, what goes to stdout, what to stderr.
    struct Outcome: Sendable {
        var code: Int32
        var text: String
        var error: CertifyError?
    }

    func run() throws {
        let keys: [P256.Signing.PublicKey]
        let schemas: Schemas
        do throws(CertifyError) {
            keys = try pubkey.map { path throws(CertifyError) in try Keys.publicKey(at: path) }
            schemas = try Schemas.shipped()
        } catch {
            Output.report(error)
            throw ExitCode(error)
        }
        let inputs = expandInputs(reports)
        let day = at ?? .today()
        var codes: [Int32] = []
        let this = self
        Batch.run(inputs, work: { path in
            this.verifyOne(path, keys: keys, schemas: schemas, day: day, prefix: inputs.count > 1 ? path + ": " : "")
        }, deliver: { _, outcome in
            Output.write(outcome.text)
            if let error = outcome.error { Output.report(error) }
            codes.append(outcome.code)
        })
        Output.flush()
        if let worst = ExitCodes.worstVerification(codes) { throw ExitCode(worst) }
    }

    private func verifyOne(_ report: String, keys: [P256.Signing.PublicKey], schemas: Schemas,
                           day: CalendarDate, prefix: String) -> Outcome {
        let bytes: [UInt8]
        do { bytes = try InputFile.read(report) } catch {
            return Outcome(code: ExitCodes.code(for: error.code), text: "", error: error)
        }
        let verified: VerifiedReport
        switch ReportVerifier.verify(bytes, trusting: keys, schema: schemas.report) {
        case .failure(let failure):
            let message = failure.invalidReport ? failure.reason : "signature invalid: \(failure.reason)"
            return Outcome(code: failure.invalidReport ? ExitCodes.invalidInput : ExitCodes.signatureInvalid, text: "",
                           error: CertifyError(.invalidInput, [Diagnostic(message, at: failure.position, file: report)]))
        case .success(let report): verified = report
        }
        let summary = ReportSummary(verified.root)
        let current = summary.isCurrent(on: day)
        let status = "\(current ? "valid and current" : summary.certified ? "valid signature, but not in force" : "valid signature, not certified") on \(day)"
        if !prefix.isEmpty {
            let grade = summary.grade.map { ", grade \($0)" } ?? ""
            return Outcome(code: current ? 0 : ExitCodes.notCurrent,
                           text: "\(prefix)\(summary.dossierID) \(summary.total)/\(summary.max)\(grade): \(status), signed by \(verified.keyID)\n", error: nil)
        }
        var text = describe(summary, keyID: verified.keyID)
        if let dossier {
            let problems = recheck(summary, dossier: dossier)
            if !problems.isEmpty {
                return Outcome(code: ExitCodes.disagreement, text: text,
                               error: CertifyError(.invalidInput, problems.map { Diagnostic("disagrees: \($0)", file: report) }))
            }
            text += "inputs:      hashes match; re-scoring confirms the decision\n"
        }
        text += "status:      \(status)\n"
        return Outcome(code: current ? 0 : ExitCodes.notCurrent, text: text, error: nil)
    }

    private func describe(_ summary: ReportSummary, keyID: String) -> String {
        var lines = ["signature:   valid (ECDSA P-256, exclusive C14N, SHA-256)"]
        for applicant in summary.applicants { lines.append("applicant:   \(applicant)") }
        lines.append("dossier:     \(summary.dossierID) (\(summary.rubricID) \(summary.rubricVersion))")
        let grade = summary.grade.map { "grade \($0), " } ?? ""
        lines.append("decision:    \(summary.date?.description ?? "?"): \(summary.total) / \(summary.max), \(grade)\(summary.certified ? "certified" : "not certified")\(summary.official ? " (official)" : "")")
        if let from = summary.validFrom, let until = summary.validUntil { lines.append("validity:    \(from) – \(until)") }
        lines.append("signer:      \(keyID)\(summary.signerName.map { " (\($0))" } ?? "")")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Hashes of the given inputs against the report, then a fresh score.
    private func recheck(_ summary: ReportSummary, dossier: String) -> [String] {
        var problems: [String] = []
        do throws(CertifyError) {
            let certifier = try rubricOptions.loadCertifier()
            let dossierHash = InputFile.sha256(try InputFile.read(dossier))
            if dossierHash != summary.dossierSHA256 {
                problems.append("\(dossier): sha256 \(dossierHash) is not the report's \(summary.dossierSHA256)")
            }
            var reviewHashes: [String] = []
            for path in reviews { reviewHashes.append(InputFile.sha256(try InputFile.read(path))) }
            if reviewHashes.sorted() != summary.reviewSHA256s.sorted() {
                problems.append("the review files given are not the \(summary.reviewSHA256s.count) the report was scored with")
            }
            guard let date = summary.date else { return problems + ["the report has no decision date"] }
            let result = try certifier.score(dossierPath: dossier, reviewPaths: reviews,
                                             options: ScoringOptions(date: date, official: summary.official))
            if result.rubric.sha256 != summary.rubricSHA256 {
                problems.append("rubric \(result.rubric.id) \(result.rubric.version): sha256 \(result.rubric.sha256) is not the report's \(summary.rubricSHA256)")
            }
            problems += summary.disagreements(with: result)
        } catch {
            problems += error.diagnostics.map(\.rendered)
        }
        return problems
    }
}
