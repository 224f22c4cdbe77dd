import CertifyEngine
import CertifyModel
import CertifyPlanner
import CertifyReport
import CertifyRuntime
import CertifyTestSupport
import Crypto
import Foundation
import Testing

/// Every capability is callable in-process on bytes: a web upload never
/// touches the disk. The sources are named after files that do not exist,
/// so any attempt to read them by name would fail the test.
@Suite struct InMemoryTests {
    static let rubricFiles = ["kr-smart-city.xml", "kr-smart-service.xml"]

    func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    func upload(_ path: String) throws -> InputSource {
        .bytes(try bytes(path), name: "upload/\((path as NSString).lastPathComponent)")
    }

    /// A certifier whose rubrics came from memory too.
    func certifier() throws -> Certifier {
        let sources = try Self.rubricFiles.map { InputSource.bytes(try bytes(Paths.rubrics.appendingPathComponent($0).path), name: "mem/\($0)") }
        let schemas = try Schemas.shipped()
        return Certifier(catalog: try RubricCatalog(sources, schemas: schemas), schemas: schemas)
    }

    @Test func scoresSignsAndVerifiesFromBytesAlone() throws {
        #expect(!FileManager.default.fileExists(atPath: "upload"))
        let certifier = try certifier()
        let directory = Paths.sample("service/parking-pass")
        let dossier = try upload(directory + "/dossier.xml")
        let reviews = try ["R-01", "R-02", "R-03"].map { try upload(directory + "/review-\($0).xml") }
        let options = ScoringOptions(date: Shared.date)

        // Scores exactly as from the files.
        let fromBytes = try certifier.score(dossier: dossier, reviews: reviews, options: options)
        let fromFiles = try Shared.shipped.score(
            dossierPath: directory + "/dossier.xml", reviewPaths: ["R-01", "R-02", "R-03"].map { directory + "/review-\($0).xml" },
            options: options)
        #expect(fromBytes.total == fromFiles.total && fromBytes.certified == fromFiles.certified)
        #expect(fromBytes.rubric.sha256 == fromFiles.rubric.sha256)

        // Signs, then verifies and audits against the same in-memory inputs.
        let key = P256.Signing.PrivateKey()
        let builder = ReportBuilder(certifier: certifier, signing: .key(ReportSigner(key: key, name: nil)))
        let built = try builder.build(dossier: dossier, reviews: reviews, options: options, html: (.ko, "report.xml"))
        #expect(built.html.map { String(decoding: $0, as: UTF8.self).contains("<html") } == true)
        let pem = Array(key.publicKey.pemRepresentation.utf8)
        let trusted = try Keys.publicKey(pem: pem, name: "mem/key.pub.pem")
        let audit = try ReportAudit.run(
            report: .bytes(built.report, name: "mem/report.xml"), trusting: [trusted], schemas: try Schemas.shipped(),
            on: Shared.date, inputs: ReportAudit.Inputs(dossier: dossier, reviews: reviews, certifier: .success(certifier)))
        #expect(audit.disagreements == [])
        #expect(audit.code == nil)

        // A review left out is a disagreement, still without a file.
        let partial = try ReportAudit.run(
            report: .bytes(built.report, name: "mem/report.xml"), trusting: [trusted], schemas: try Schemas.shipped(),
            on: Shared.date, inputs: ReportAudit.Inputs(dossier: dossier, reviews: Array(reviews.dropLast()), certifier: .success(certifier)))
        #expect(partial.code == .disagreement)
        #expect(partial.disagreementError(in: "mem/report.xml")?.diagnostics.first?.file == "mem/report.xml")
        #expect(!FileManager.default.fileExists(atPath: "upload"))
    }

    @Test func plansFromBytesAlone() throws {
        let certifier = try certifier()
        let dossier = try upload(Paths.sample("city/nuri-self-check.xml"))
        let options = ScoringOptions(date: Shared.date)
        let (submission, rubric) = try certifier.bind(dossier: dossier, reviews: [])
        let report = try Planner.plan(submission: submission, rubric: rubric, options: options, maxPlans: 1)
        let reachable = report.goals.filter(\.reachable)
        #expect(!reachable.isEmpty)
        for goal in reachable {
            let plan = try #require(goal.plans.first)
            // The planner proved the plan by rescoring; the result it carries clears the goal's threshold.
            #expect(plan.result.total >= goal.threshold)
            #expect(plan.result.total > report.current.total)
        }
        #expect(!FileManager.default.fileExists(atPath: "upload"))
    }

    @Test func errorsInUploadsAreLocatedByTheirNames() throws {
        let source = InputSource.bytes(Array("<dossier xmlns=\"urn:certify:dossier:1\">".utf8), name: "upload/broken.xml")
        #expect(throws: CertifyError.self) { try certifier().score(dossier: source, reviews: [], options: ScoringOptions(date: Shared.date)) }
        do {
            _ = try certifier().score(dossier: source, reviews: [], options: ScoringOptions(date: Shared.date))
        } catch let error as CertifyError {
            #expect(error.code == .invalidInput)
            #expect(error.diagnostics.allSatisfy { $0.file == "upload/broken.xml" && $0.position.line > 0 })
        }
    }

    @Test func anUploadOverTheParserLimitIsRefusedAsInvalidInput() throws {
        let big = InputSource.bytes([UInt8](repeating: 0x20, count: (8 << 20) + 1), name: "upload/big.xml")
        #expect { try big.read() } throws: { ($0 as? CertifyError)?.code == .invalidInput }
    }

    @Test func theErrorTableCoversEveryCodeOnceWithDistinctPrecedence() {
        let codes = CertifyError.Code.outcomes.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(CertifyError.Code.worst([.notCurrent, .unreadable, .invalidInput]) == .unreadable)
        #expect(CertifyError.Code.worst([.notCurrent, .disagreement]) == .disagreement)
        #expect(CertifyError.Code.worst([]) == nil)
        #expect(CertifyError.Code.invalidInput.exitCode == 65 && CertifyError.Code.invalidInput.httpStatus == 422)
        #expect(CertifyError.Code.signatureInvalid.exitCode == 1)
        #expect(CertifyError.Code.notCurrent.exitCode == 3 && CertifyError.Code.disagreement.exitCode == 4)
        #expect(CertifyError.Code.unwritable.exitCode == 73)
        #expect(CertifyError.Code("unheard-of").exitCode == 70)
        // Client input never maps to a server error.
        for code in codes where code != .configuration && code != .unwritable {
            #expect(code.httpStatus < 500, "\(code)")
        }
    }
}
