import CertifyModel
@testable import CertifyOffice
import Foundation
import GRDB
import CertifyTestSupport
import Testing

/// `office audit` finds an edited row, a removed row, an edited object and
/// a log cut short behind a noted head.
@Suite struct AuditTests {
    /// An office with a submitted application and its log.
    func populated() throws -> (Fixture, OfficeApplication) {
        let f = try Fixture()
        let secretariat = try f.account("sec@office.kr", kind: .secretariat)
        let round = try f.round(by: secretariat)
        let applicant = try f.account("kim@solbit.kr", kind: .applicant, organisation: "KR-SOLBIT", by: secretariat)
        var application = try f.office.startApplication(roundID: round.id!, by: applicant)
        application = try f.office.submit(application.id!, dossier: try f.dossier(for: application), basedOn: 1, by: applicant)
        return (f, application)
    }

    @Test func anUntouchedLogPasses() throws {
        let (f, _) = try populated()
        let report = try f.office.audit()
        #expect(report.ok)
        #expect(report.head == (try f.office.head()))
        // The head proves itself and any earlier head a prefix.
        #expect(try f.office.audit(since: report.head).ok)
    }

    @Test func theDatabaseRefusesToChangeTheLog() throws {
        let (f, _) = try populated()
        #expect(throws: (any Error).self) { try f.sqlite("UPDATE actionLog SET action = 'x' WHERE seq = 1") }
        #expect(throws: (any Error).self) { try f.sqlite("DELETE FROM actionLog WHERE seq = 1") }
    }

    @Test func anEditedRowIsNamed() throws {
        let (f, _) = try populated()
        try f.sqlite("DROP TRIGGER actionLogNoUpdate; UPDATE actionLog SET accountID = 99 WHERE seq = 3")
        let report = try f.office.audit()
        #expect(report.problems == [.auditRowEdited(seq: 3)])
    }

    @Test func aRemovedRowIsNamed() throws {
        let (f, _) = try populated()
        try f.sqlite("DROP TRIGGER actionLogNoDelete; DELETE FROM actionLog WHERE seq = 4")
        let report = try f.office.audit()
        #expect(report.problems.contains(.auditRowMissing(seq: 4)))
        #expect(report.problems.contains(.auditRowEdited(seq: 5)))
    }

    @Test func anEditedObjectIsNamed() throws {
        let (f, application) = try populated()
        try f.sqlite("UPDATE application SET state = 'in-review' WHERE id = \(application.id!)")
        let seq = try f.office.store.read { db in
            try ActionRow.filter(Column("object") == "application:\(application.id!)").order(Column("seq").desc).fetchOne(db)!.seq
        }
        #expect(try f.office.audit().problems == [.auditObjectMismatch(object: "application:\(application.id!)", seq: Int(seq))])
        // A frozen version's dossier replaced behind the log's back.
        try f.sqlite("UPDATE application SET state = 'submitted' WHERE id = \(application.id!)")
        try f.sqlite("UPDATE applicationVersion SET dossierSHA256 = '\(String(repeating: "a", count: 64))'")
        #expect(try f.office.audit().problems.contains { if case .auditObjectMismatch(let object, _) = $0 { object.hasPrefix("version:") } else { false } })
    }

    @Test func aStoredFileWhoseBytesChangedIsNamed() throws {
        let (f, application) = try populated()
        let digest = try f.office.versions(of: application)[0].dossierSHA256
        try f.sqlite("UPDATE blob SET bytes = X'00' WHERE sha256 = '\(digest)'")
        #expect(try f.office.audit().problems.contains { if case .auditObjectMismatch("blob:\(digest)", _) = $0 { true } else { false } })
    }

    @Test func rowsRemovedFromTheEndAreFoundByAnEarlierHead() throws {
        let (f, _) = try populated()
        let noted = try f.office.head()
        try f.sqlite("DROP TRIGGER actionLogNoDelete; DELETE FROM actionLog WHERE seq = \(noted.size - 1)")
        // The chain alone still holds ...
        #expect(try f.office.audit().problems.allSatisfy { if case .auditObjectMismatch = $0 { true } else { false } })
        // ... but not against the head someone noted.
        #expect(try f.office.audit(since: noted).problems.contains(.auditHeadUnknown(size: noted.size)))
        #expect(throws: OfficeError(.invalid, .auditHeadFormat)) { try ActionLog.Head(parsing: "12:xyz") }
    }

    @Test func aBackupRestoresToADatabaseTheAuditAccepts() throws {
        let (f, _) = try populated()
        let backup = f.scratch.directory.appendingPathComponent("backup.sqlite").path
        try f.office.store.backup(to: backup)
        let attributes = try FileManager.default.attributesOfItem(atPath: backup)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let restored = f.scratch.directory.appendingPathComponent("restored").path
        try OfficeStore.restore(directory: restored, from: backup)
        let office = Office(store: try OfficeStore(directory: restored), certifier: Fixture.certifier)
        let report = try office.audit()
        #expect(report.ok)
        #expect(report.head == (try f.office.head()))
        #expect(try office.store.read { try SessionRow.fetchCount($0) } == 0)
    }
}

/// Personal data past the retention period goes; the log still audits.
@Suite struct RetentionTests {
    @Test func oldDraftsAndIdleAccountsArePurged() throws {
        let f = try Fixture()
        let secretariat = try f.account("sec@office.kr", kind: .secretariat)
        let round = try f.round(by: secretariat)
        let idle = try f.account("idle@a.kr", kind: .applicant, organisation: "KR-A", by: secretariat)
        let busy = try f.account("busy@b.kr", kind: .applicant, organisation: "KR-B", by: secretariat)
        let draft = try f.office.startApplication(roundID: round.id!, by: idle)
        _ = try f.office.uploadEvidence(draft.id!, fileName: "e.pdf", bytes: Data("증빙".utf8), by: idle)
        var submitted = try f.office.startApplication(roundID: round.id!, by: busy)
        submitted = try f.office.submit(submitted.id!, dossier: try f.dossier(for: submitted), basedOn: 1, by: busy)
        #expect(try f.office.purgeExpired() == PurgeReport(accounts: 0, drafts: 0))
        f.time.advance(Double(f.office.retentionDays + 1) * 86_400)
        let report = try f.office.purgeExpired()
        #expect(report == PurgeReport(accounts: 1, drafts: 1))  // the busy organisation's account stays
        let accounts = try f.office.accounts()
        #expect(accounts.first { $0.id == idle.id }!.email == "purged-\(idle.id)@purged.invalid")
        #expect(accounts.first { $0.id == busy.id }!.email == "busy@b.kr")
        #expect(try f.office.store.read { try Blob.fetchCount($0) } == 1)  // the submitted dossier only
        #expect(try f.office.audit().ok)
    }
}

/// The policy's answers, written out by hand per permission and caller:
/// a caller that may not see an object gets 404, one that may see it but
/// not act 403.
@Suite struct PolicyTests {
    enum Caller: CaseIterable { case anonymous, owner, otherApplicant, secretariat, secretariatWithoutFactor, staff, disabled }

    func actor(_ caller: Caller) -> Actor? {
        func account(_ kind: AccountKind, org: String? = nil, totp: Bool = false, disabled: Bool = false) -> Actor {
            Actor(account: Account(id: 1, email: "x@y.kr", name: "x", kind: kind, passwordHash: "h", organisationID: org,
                                   organisationConfirmed: true, totpSecret: totp ? "s" : nil, totpLastStep: nil, secondFactorAt: nil,
                                   disabled: disabled, createdAt: Date(), generation: 0))
        }
        switch caller {
        case .anonymous: return nil
        case .owner: return account(.applicant, org: "KR-A")
        case .otherApplicant: return account(.applicant, org: "KR-B")
        case .secretariat: return account(.secretariat, totp: true)
        case .secretariatWithoutFactor: return account(.secretariat)
        case .staff: return account(.staff)
        case .disabled: return account(.applicant, org: "KR-A", disabled: true)
        }
    }

    static let application = OfficeApplication(id: 1, reference: "R1-0001", roundID: 1, organisationID: "KR-A", state: .draft, draft: "",
                                         draftRevision: 1, submittedVersion: 0, responseDue: nil, createdBy: 1, updatedAt: Date())
    /// A joint application of KR-A with KR-B as co-applicant.
    static let joint: OfficeApplication = {
        var joint = application
        joint.coApplicants = "KR-B"
        return joint
    }()
    static let round = Round(id: 1, name: "r", rubricID: "kr-smart-city", rubricVersion: "1.0", opens: "", closes: "",
                             reviewDeadline: "", responseDays: 10, appealDays: 14, reviewerCount: 3, closed: false)

    /// Expected verdicts: anonymous, owner, other applicant, secretariat, secretariat without TOTP, staff, disabled.
    static let expected: [(Permission, [Verdict])] = [
        (.ownAccount, [.signIn, .allow, .allow, .allow, .allow, .allow, .signIn]),
        (.viewRounds, [.signIn, .allow, .allow, .allow, .enrolSecondFactor, .allow, .signIn]),
        (.manageRounds, [.signIn, .hidden, .hidden, .allow, .enrolSecondFactor, .hidden, .signIn]),
        (.manageAccounts, [.signIn, .hidden, .hidden, .allow, .enrolSecondFactor, .hidden, .signIn]),
        (.viewLog, [.signIn, .hidden, .hidden, .allow, .enrolSecondFactor, .hidden, .signIn]),
        (.startApplication(round), [.signIn, .allow, .allow, .forbidden, .enrolSecondFactor, .hidden, .signIn]),
        (.viewApplication(application), [.signIn, .allow, .hidden, .allow, .enrolSecondFactor, .hidden, .signIn]),
        (.editApplication(application), [.signIn, .allow, .hidden, .forbidden, .enrolSecondFactor, .hidden, .signIn]),
        (.checkCompleteness(application), [.signIn, .forbidden, .hidden, .allow, .enrolSecondFactor, .hidden, .signIn]),
        (.confirmJoint(application), [.signIn, .forbidden, .hidden, .forbidden, .enrolSecondFactor, .hidden, .signIn]),
        (.viewApplication(joint), [.signIn, .allow, .allow, .allow, .enrolSecondFactor, .hidden, .signIn]),
        (.editApplication(joint), [.signIn, .allow, .forbidden, .forbidden, .enrolSecondFactor, .hidden, .signIn]),
        (.confirmJoint(joint), [.signIn, .forbidden, .allow, .forbidden, .enrolSecondFactor, .hidden, .signIn]),
    ]

    @Test func everyPermissionForEveryCaller() {
        let policy = Policy()
        for (permission, verdicts) in Self.expected {
            for (caller, verdict) in zip(Caller.allCases, verdicts) {
                #expect(policy.decide(actor(caller), permission) == verdict, "\(permission.name) for \(caller)")
            }
        }
    }
}
