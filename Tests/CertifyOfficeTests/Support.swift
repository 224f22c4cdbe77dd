import CertifyModel
import CertifyOffice
import CertifyRegistry
import CertifyReport
import CertifyRuntime
import CertifyTestSupport
import Foundation
import GRDB
import HummingbirdOTP
import NIOConcurrencyHelpers
import Testing

/// A clock the test moves by hand.
final class TestClock: Sendable {
    let instant = NIOLockedValueBox(Date(timeIntervalSince1970: 1_772_409_600))  // 2026-03-02T00:00:00Z (09:00 KST)
    var clock: OfficeClock { OfficeClock { [instant] in instant.withLockedValue { $0 } } }
    func advance(_ seconds: TimeInterval) { instant.withLockedValue { $0 += seconds } }
    func set(_ date: Date) { instant.withLockedValue { $0 = date } }
}

/// A fresh office in a temporary directory, with the shipped rubrics.
struct Fixture {
    static let certifier: Certifier = try! Certifier(rubricsDirectory: Paths.rubrics, schemas: .shipped())
    let scratch = Scratch()
    let directory: String
    let office: Office
    let time = TestClock()

    init(holidays: Set<CalendarDate> = [], signer: ReportSigner? = nil, registry: Registry? = nil) throws {
        directory = scratch.directory.appendingPathComponent("office").path
        let store = try OfficeStore(directory: directory, create: true)
        office = Office(store: store, certifier: Self.certifier, calendar: SeoulCalendar(holidays: holidays), clock: time.clock,
                        passwordCost: 4, signer: signer, registry: registry)
    }

    /// A staff account (reviewer or chair) with its password set; `enrol` also sets up TOTP.
    func staff(_ email: String, invitedTo round: Round, as role: RoundRoleKind, by secretariat: Actor, enrol: Bool = false) throws -> Actor {
        _ = try office.invite(roundID: round.id!, email: email, name: email, role: role, by: secretariat)
        let token = try linkInNotice(to: email)
        var account = try office.setPassword(token: token, password: "correct horse battery staple", again: "correct horse battery staple")
        if enrol {
            let secret = "test-secret-\(email)"
            _ = try office.enrolSecondFactor(Actor(account: account), secret: secret, code: code(secret))
            account = try office.accounts().first { $0.id == account.id }!
        }
        return try actor(account)
    }

    /// The actor as a request would see it now (roles and assignments re-read).
    func actor(_ account: Account) throws -> Actor {
        try #require(try office.actor(accountID: account.id!, generation: try office.accounts().first { $0.id == account.id }!.generation))
    }

    /// A service sample dossier stamped for the application, its evidence
    /// digests replaced by those of files the test uploads (returned), as the demo does.
    func serviceDossier(for application: OfficeApplication, sample: String) throws -> (dossier: [UInt8], evidence: [Data]) {
        let text = try String(contentsOf: Paths.sampleURL("service/\(sample)/dossier.xml"), encoding: .utf8)
        let stamped = StampedDossier(sample: text, stamp: office.submission(for: application))
        return (stamped.bytes, stamped.evidence.map(\.bytes))
    }

    /// A sample review sheet rewritten for an application and a reviewer code.
    func review(_ sample: String, _ file: String, for application: OfficeApplication, code: String) throws -> [UInt8] {
        StampedDossier.review(try String(contentsOf: Paths.sampleURL("service/\(sample)/\(file)"), encoding: .utf8),
                              reference: application.reference, code: code)
    }

    /// An account with a password set through its link; secretariat accounts also enrol TOTP.
    func account(_ email: String, kind: AccountKind, organisation: String? = nil, by: Actor? = nil,
                 password: String = "correct horse battery staple") throws -> Actor {
        let link = try office.createAccount(email: email, name: email, kind: kind,
                                            organisation: organisation.map { Organisation(id: $0) }, by: by)
        var account = try office.setPassword(token: link.token, password: password, again: password)
        if kind == .secretariat {
            let actor = Actor(account: account)
            let secret = "test-secret-\(email)"
            _ = try office.enrolSecondFactor(actor, secret: secret, code: code(secret))
            account = try office.accounts().first { $0.id == account.id }!
        }
        return Actor(account: account)
    }

    /// The TOTP code of `secret` now.
    func code(_ secret: String) -> String {
        let value = TOTP(secret: secret).compute(date: time.clock.now())
        let text = String(value)
        return String(repeating: "0", count: 6 - text.count) + text
    }

    /// The one-time link's token in the latest notice to an address, as a person reads it in the mail.
    func linkInNotice(to email: String) throws -> String {
        let notice = try office.store.read { db in
            try NoticeRow.filter(Column("recipient") == email).order(Column("id").desc).fetchOne(db)
        }
        let body = try #require(notice?.body)
        let range = try #require(body.range(of: "/office/link/"))
        return String(body[range.upperBound...].prefix { !$0.isWhitespace })
    }

    func reread(_ actor: Actor) throws -> Actor {
        Actor(account: try office.accounts().first { $0.id == actor.id }!)
    }

    /// A round of the smart city rubric open on the test clock's day.
    func round(by secretariat: Actor, responseDays: String = "10", rubric: String = "kr-smart-city 1.0") throws -> Round {
        var form = RoundForm()
        form.name = "2026년 1차"
        form.rubric = rubric
        form.opens = "2026-03-01"
        form.closes = "2026-03-31"
        form.reviewDeadline = "2026-04-30"
        form.responseDays = responseDays
        return try office.createRound(form, by: secretariat)
    }

    /// A dossier for an application: a shipped sample with the stamp
    /// written in and its evidence digests replaced by those of `evidence`.
    func dossier(for application: OfficeApplication, evidence: [Data] = [], sample: String = "city/solbit-missing-transport.xml") throws -> [UInt8] {
        var text = try String(contentsOf: Paths.sampleURL(sample), encoding: .utf8)
        let stamp = office.submission(for: application)
        text = text.replacingOccurrences(of: #"id="[A-Z0-9-]+"\s+rubric="#, with: "id=\"\(stamp.dossierID)\" rubric=", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<applicant id="[A-Z0-9-]+""#, with: "<applicant id=\"\(stamp.leadApplicant)\"", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<submitted>[0-9-]+</submitted>"#, with: "<submitted>\(stamp.submitted)</submitted>", options: .regularExpression)
        if !evidence.isEmpty {
            let lines = evidence.enumerated().map { index, bytes in
                "  <evidence id=\"X\(index + 1)\" sha256=\"\(sha256Hex(bytes))\">증빙 \(index + 1)</evidence>"
            }.joined(separator: "\n")
            text = text.replacingOccurrences(of: "</submitted>", with: "</submitted>\n" + lines)
        }
        return Array(text.utf8)
    }

    func sqlite(_ sql: String) throws {
        let queue = try DatabaseQueue(path: directory + "/" + OfficeStore.fileName)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA foreign_keys = OFF; " + sql) }
    }
}

