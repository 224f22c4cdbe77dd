import CertifyModel
@testable import CertifyOffice
import CertifyRegistry
import CertifyReport
import CertifyRuntime
import CertifyTestSupport
import Crypto
import Foundation
import Testing

/// `office demo` and `office export` through the library: a whole round on
/// the shipped samples, every signed decision exported and re-scored from
/// what the export holds.
@Suite struct DemoTests {
    struct Demo {
        let f: Fixture
        let key = P256.Signing.PrivateKey()
        let scratch = Scratch()
        let registryPath: String
        let outcome: DemoOutcome

        init() throws {
            registryPath = scratch.directory.appendingPathComponent("registry.sqlite").path
            let registry = try Registry.create(at: registryPath, origin: "registry.test/demo")
            f = try Fixture(signer: ReportSigner(key: key, name: "데모 인증기관"), registry: registry)
            outcome = try f.office.runDemo(samples: Paths.samples)
        }
    }

    @Test func theDemoRunsEverySampleThroughTheWorkflow() throws {
        let demo = try Demo()
        let f = demo.f
        // Every sample with review sheets is decided and signed; the rest wait at earlier states.
        let reviewed = demo.outcome.applications.filter { $0.sample.hasPrefix("service/") }
        #expect(reviewed.count == 4)
        for item in reviewed {
            #expect(item.application.state == .decided, "\(item.sample)")
            #expect(!item.decisions.isEmpty && item.decisions.allSatisfy(\.isSigned), "\(item.sample)")
        }
        let others = demo.outcome.applications.filter { !$0.sample.hasPrefix("service/") }.map(\.application.state)
        #expect(Set(others) == [.inReview, .submitted, .returned, .draft])
        // One application was appealed and decided again: both decisions on record.
        #expect(reviewed.filter { $0.decisions.count == 2 }.count == 1)
        #expect(reviewed.contains { $0.decisions.contains(where: \.certified) })
        // The certified decisions are in the registry; nothing waits.
        #expect(try f.office.pendingRegistryTasks().isEmpty)
        let registry = try Registry.open(at: demo.registryPath, readOnly: true)
        for decision in reviewed.flatMap(\.decisions) where decision.certified {
            #expect(try registry.certificate(reportSHA256: decision.reportSHA256!) != nil)
        }
        // Accounts: a secretariat and a chair with a second factor, four reviewers, an applicant per organisation.
        #expect(demo.outcome.accounts.filter { $0.secondFactor != nil }.map(\.role) == [.secretariat, .chair])
        #expect(demo.outcome.accounts.filter { $0.role == .reviewer }.count == 4)
        #expect(Set(demo.outcome.accounts.map(\.password)).count == demo.outcome.accounts.count)
        let audited = try f.office.audit()
        #expect(audited.ok, "\(audited.problems)")
    }

    @Test func everyExportedDecisionVerifiesWithItsInputs() throws {
        let demo = try Demo()
        let f = demo.f
        let listed = try f.office.signedDecisions()
        #expect(listed.count == demo.outcome.applications.flatMap(\.decisions).count)
        // Folder names: the reference, or reference-decision when an application has several.
        let folders = listed.map(\.folder)
        #expect(Set(folders).count == folders.count)
        #expect(folders.filter { $0.contains("-") && $0.split(separator: "-").count == 3 }.count == 2)
        for item in listed {
            let exported = try f.office.exported(item.decision, reference: item.reference, folder: item.folder)
            #expect(exported.reviews.map(\.code) == exported.reviews.map(\.code).sorted())
            let inputs = ReportAudit.Inputs(
                dossier: .bytes(Array(exported.dossier), name: "dossier.xml"),
                reviews: exported.reviews.map { .bytes(Array($0.bytes), name: "review-\($0.code).xml") },
                certifier: .success(Fixture.certifier))
            let audit = try ReportAudit.run(report: .bytes(Array(exported.report), name: "report.xml"), trusting: [demo.key.publicKey],
                                            schemas: Fixture.certifier.schemas, on: f.office.today, inputs: inputs)
            #expect(audit.summary.certified == item.decision.certified, "\(item.folder)")
            #expect(audit.disagreements?.isEmpty == true, "\(item.folder): \(audit.disagreements ?? [])")
        }
    }

    @Test func stampedDossiersDeclareTheDigestsOfTheirFiles() throws {
        let text = try String(contentsOf: Paths.sampleURL("service/bus-shelter-joint/dossier.xml"), encoding: .utf8)
        let stamp = SubmissionStamp(dossierID: "R9-0001", leadApplicant: "KR-TEST", submitted: CalendarDate(iso: "2026-03-02")!)
        let stamped = StampedDossier(sample: text, stamp: stamp)
        let (dossier, _) = try Fixture.certifier.loadDossier(.bytes(stamped.bytes, name: "d.xml"))
        #expect(dossier.id == "R9-0001")
        #expect(dossier.applicants.first?.id == "KR-TEST")
        #expect(dossier.applicants.count == 3)
        #expect(dossier.submitted == "2026-03-02")
        #expect(dossier.evidence.map(\.sha256) == stamped.evidence.map { sha256Hex($0.bytes) })
        #expect(!dossier.evidence.isEmpty)
    }
}
