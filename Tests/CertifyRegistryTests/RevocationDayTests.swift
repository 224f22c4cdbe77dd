import CertifyModel
@testable import CertifyRegistry
import CertifyTestSupport
import Foundation
import GRDB
import Testing

/// A revocation takes effect on the Seoul date of its event, as every date
/// of the scheme is a Korean date: an event at 16:00 UTC is on the next day
/// there. A registry written when it was the UTC date is moved over when
/// it is opened, for reading too (migration `v3-revocation-day-seoul`).
@Suite struct RevocationDayTests {
    let scratch = Scratch()
    var path: String { scratch.path("registry.sqlite") }

    @Test(arguments: [
        ("2026-03-06T00:00:00Z", "2026-03-06"), ("2026-03-06T14:59:59Z", "2026-03-06"),
        ("2026-03-06T15:00:00Z", "2026-03-07"), ("2026-12-31T23:59:59Z", "2027-01-01"),
        ("2028-02-28T20:00:00Z", "2028-02-29"),
    ])
    func anEventIsOnItsSeoulDate(time: String, day: String) {
        #expect(Event(kind: .revoke, certificate: "KR-SC-2026-0001", time: time).day?.description == day)
    }

    @Test(arguments: ["", "2026-03-06", "2026-03-06T24:00:00Z", "2026-03-06T16:00:00+09:00", "2026-02-30T10:00:00Z",
                      "9999-12-31T15:00:00Z"])  // the year 10000 in Seoul
    func aTimeNotInTheLogsFormHasNoDate(time: String) {
        #expect(Event(kind: .revoke, certificate: "KR-SC-2026-0001", time: time).day == nil)
    }

    @Test func aRevocationOnTheUTCDateMovesToTheSeoulDateWhenTheRegistryIsOpened() throws {
        let registry = try Registry.create(at: path, origin: "test.example/registry")
        let issued = try registry.register(facts(1)).certificate
        let kept = try registry.register(facts(2)).certificate
        _ = try registry.revoke(issued.id, reason: "허위 자료 제출")
        _ = try registry.revoke(kept.id, reason: "허위 자료 제출")
        // The registry as the previous build left it: revoked at 16:00 UTC
        // on 6 March, stored as 6 March; revoked at 09:00 UTC, the same day
        // either way.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for (id, index, time, stored) in [(issued.id, 2, "2026-03-06T16:00:00Z", "2026-03-06"),
                                              (kept.id, 3, "2026-03-06T09:00:00Z", "2026-03-06")] {
                var event = Event(kind: .revoke, certificate: id, time: time)
                event.reason = "허위 자료 제출"
                try db.execute(sql: "UPDATE log_entry SET body = ? WHERE idx = ?", arguments: [Data(event.encoded), index])
                try db.execute(sql: "UPDATE revocation SET revoked_on = ? WHERE certificate = ?", arguments: [stored, id])
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3-revocation-day-seoul'")
        }
        try queue.close()

        // Even a read-only open (a web server, `status`, `audit`) brings it up to date first.
        let reopened = try Registry.open(at: path, readOnly: true)
        #expect(try reopened.certificate(issued.id)?.revokedOn == .d("2026-03-07"))
        #expect(try reopened.certificate(kept.id)?.revokedOn == .d("2026-03-06"))
        #expect(try reopened.status(of: issued.id, on: .d("2026-03-06")) == .valid)
        #expect(try reopened.status(of: issued.id, on: .d("2026-03-07")) == .revoked)
    }

    /// Bringing a registry up to date never touches a file that is not one.
    @Test func aReadOnlyOpenOfAnotherDatabaseWritesNothing() throws {
        let other = scratch.path("other.sqlite")
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE note (text TEXT)") }
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect(throws: CertifyError.self) { try Registry.open(at: other, readOnly: true) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
        #expect(try DatabaseQueue(path: other).read { try !$0.tableExists("grdb_migrations") })
    }
}
