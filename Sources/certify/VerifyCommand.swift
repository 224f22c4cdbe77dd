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

    @Argument(help: ArgumentHelp("The signed report.", valueName: "REPORT"))
    var report: String

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
    }

    func run() throws {
        let keys: [P256.Signing.PublicKey]
        let bytes: [UInt8]
        let schemas: Schemas
        do {
            keys = try pubkey.map { path throws(CertifyError) in try Keys.publicKey(at: path) }
            bytes = try InputFile.read(report)
            schemas = try Schemas.shipped()
        } catch {
            Output.report(error)
            throw ExitCode(error)
        }
        let verified: VerifiedReport
        switch ReportVerifier.verify(bytes, trusting: keys, schema: schemas.report) {
        case .failure(let failure) where failure.invalidReport:
            Output.report(CertifyError(.invalidInput, [Diagnostic(failure.reason, at: failure.position, file: report)]))
            throw ExitCode(ExitCodes.invalidInput)
        case .failure(let failure):
            Output.report(CertifyError(.invalidInput, [Diagnostic("signature invalid: \(failure.reason)", at: failure.position, file: report)]))
            throw ExitCode(ExitCodes.signatureInvalid)
        case .success(let report): verified = report
        }
        let summary = ReportSummary(verified.root)
        Output.write(describe(summary, keyID: verified.keyID))

        if let dossier {
            let problems = recheck(summary, dossier: dossier)
            if !problems.isEmpty {
                Output.flush()
                Output.report(CertifyError(.invalidInput, problems.map { Diagnostic("disagrees: \($0)", file: report) }))
                throw ExitCode(ExitCodes.disagreement)
            }
            Output.write("inputs:      hashes match; re-scoring confirms the decision\n")
        }
        let day = at ?? .today()
        let current = summary.isCurrent(on: day)
        Output.write("status:      \(current ? "valid and current" : summary.certified ? "valid signature, but not in force" : "valid signature, not certified") on \(day)\n")
        Output.flush()
        if !current { throw ExitCode(ExitCodes.notCurrent) }
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
