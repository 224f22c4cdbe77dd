import CertifyModel
import CertifyRegistry
import CertifyTestSupport
import Foundation
import Testing

@Suite struct RegistryTests {
    let scratch = Scratch()
    var path: String { scratch.path("registry.sqlite") }

    func make() throws -> Registry { try Registry.create(at: path, origin: "test.example/registry") }

    @Test func createWritesAPrivateKeyOnlyItsOwnerCanReadAndRefusesToOverwrite() throws {
        let registry = try make()
        let attributes = try FileManager.default.attributesOfItem(atPath: Registry.keyPath(for: path))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(registry.verifier.name == "test.example/registry")
        #expect(throws: CertifyError.self) { try Registry.create(at: path, origin: "other") }
        #expect(throws: CertifyError.self) { try Registry.create(at: scratch.path("x.sqlite"), origin: "has space") }
        #expect(try registry.size() == 0)
        let latest = try registry.latestCheckpoint()
        let empty = try #require(registry.verifier.open(latest))
        #expect(Checkpoint(text: empty) == Checkpoint(origin: "test.example/registry", size: 0, root: RFC9162.emptyHash))
    }

    @Test func addingTheSameReportTwiceIsANoOp() throws {
        let registry = try make()
        let first = try registry.register(facts(1))
        #expect(first.event == .issue && first.index == 0 && first.certificate.id == "KR-SC-2026-0001")
        let again = try registry.register(facts(1))
        #expect(again.event == nil && again.certificate.id == "KR-SC-2026-0001")
        #expect(try registry.size() == 1)
        #expect(try registry.register(facts(2)).certificate.id == "KR-SC-2026-0002")
        #expect(try registry.register(facts(3, rubric: "kr-smart-service")).certificate.id == "KR-SS-2026-0001")
    }

    @Test func aReportStartingInTheRenewalWindowRenewsItsPredecessor() throws {
        let registry = try make()
        let old = try registry.register(facts(1, applicant: "KR-HANSOL"))
        // Before the window: a second certificate in parallel, no link.
        let early = try registry.register(facts(2, applicant: "KR-HANSOL", from: "2027-06-01", until: "2029-05-31"))
        #expect(early.event == .issue && early.certificate.predecessor == nil)
        // In the window of the first (2027-12-02 … 2028-03-01): a renewal.
        let renewal = try registry.register(facts(3, applicant: "KR-HANSOL", from: "2028-01-10", until: "2030-01-09"))
        #expect(renewal.event == .renew && renewal.certificate.predecessor == old.certificate.id)
        #expect(renewal.certificate.id == "KR-SC-2028-0001")
        #expect(try registry.status(of: old.certificate.id, on: .d("2028-01-09")) == .renewalDue)
        #expect(try registry.status(of: old.certificate.id, on: .d("2028-01-10")) == .superseded)
        // Another rubric or applicant is never a renewal.
        #expect(try registry.register(facts(4, applicant: "KR-HANSOL", rubric: "kr-smart-service", from: "2028-01-10")).event == .issue)
        #expect(try registry.register(facts(5, applicant: "KR-OTHER", from: "2028-01-10")).event == .issue)
        // The day after the end is still a renewal; a revoked certificate is not renewed.
        let late = try registry.register(facts(6, applicant: "KR-HANSOL", from: "2029-06-01", until: "2031-05-31"))
        #expect(late.event == .renew && late.certificate.predecessor == early.certificate.id)
        _ = try registry.revoke(renewal.certificate.id, reason: "허위 자료 / false evidence")
        #expect(try registry.register(facts(7, applicant: "KR-HANSOL", from: "2029-12-01", until: "2031-11-30")).event == .issue)
        #expect(try registry.audit().passed)
    }

    @Test func revocationIsLoggedOnceWithItsReason() throws {
        let registry = try make()
        let added = try registry.register(facts(1))
        let revoked = try registry.revoke(added.certificate.id, reason: "허위 자료 제출")
        #expect(revoked.index == 1 && revoked.certificate.latestIndex == 1)
        #expect(revoked.certificate.revocationReason == "허위 자료 제출")
        #expect(throws: CertifyError.self) { try registry.revoke(added.certificate.id, reason: "again") }
        #expect(throws: CertifyError.self) { try registry.revoke("KR-SC-2026-9999", reason: "no such") }
        #expect(throws: CertifyError.self) { try registry.revoke(added.certificate.id, reason: "two\nlines") }
        #expect(try registry.size() == 2)
        let entry = String(decoding: try registry.entry(1), as: UTF8.self)
        #expect(entry.contains("type revoke\ncertificate KR-SC-2026-0001\nreason 허위 자료 제출\n"))
        // Revoked from the Seoul date of the event, whatever the hour in UTC.
        let day = try #require(try Event(parsing: registry.entry(1)).day)
        #expect(revoked.certificate.revokedOn == day)
        #expect(try registry.status(of: added.certificate.id, on: day) == .revoked)
        #expect(try registry.status(of: added.certificate.id, on: day.previousDay) != .revoked)
    }

    @Test func listingFiltersByStatusAndRenewalsDue() throws {
        let registry = try make()
        _ = try registry.register(facts(1, from: "2026-03-02", until: "2028-03-01"))
        _ = try registry.register(facts(2, from: "2026-06-01", until: "2028-05-31"))
        _ = try registry.register(facts(3, from: "2025-01-01", until: "2026-12-31"))
        let day = CalendarDate.d("2027-11-01")
        #expect(try registry.certificates(on: day).count == 3)
        #expect(try registry.certificates(on: day, status: .expired).map(\.applicant.id) == ["KR-T3"])
        // Windows open 2027-12-02 and 2028-03-01: within 31 days only the first.
        #expect(try registry.certificates(on: day, dueWithin: 31).map(\.applicant.id) == ["KR-T1"])
        #expect(try registry.certificates(on: day, dueWithin: 121).map(\.applicant.id) == ["KR-T1", "KR-T2"])
        #expect(try registry.certificates(on: .d("2027-12-05"), status: .renewalDue).map(\.applicant.id) == ["KR-T1"])
    }

    @Test func readOnlyOpensReadAndSearchButNeverWrite() throws {
        let writer = try make()
        _ = try writer.register(facts(1, applicant: "KR-HANSOL"))
        _ = try writer.register(facts(2, applicant: "KR-GARAM"))
        let reader = try Registry.open(at: path, readOnly: true)
        #expect(try reader.search(applicant: "hansol").map(\.applicant.id) == ["KR-HANSOL"])
        #expect(try reader.search(applicant: "시험시 2").map(\.applicant.id) == ["KR-GARAM"])
        #expect(try reader.search(applicant: "%").isEmpty, "LIKE wildcards are escaped")
        let proof = try reader.inclusionProof(certificate: "KR-SC-2026-0002")
        #expect(proof.index == 1 && proof.size == 2)
        let text = try #require(reader.verifier.open(proof.checkpoint))
        let checkpoint = try #require(Checkpoint(text: text))
        #expect(RFC9162.verifyInclusion(leaf: RFC9162.leafHash(try reader.entry(1)), index: 1, size: 2, proof: proof.proof, root: checkpoint.root))
        #expect(throws: CertifyError.self) { try reader.register(facts(3)) }
        #expect(throws: CertifyError.self) { try Registry.open(at: scratch.path("missing.sqlite"), readOnly: true) }
    }
}
