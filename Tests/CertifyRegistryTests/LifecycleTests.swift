import CertifyModel
import CertifyRegistry
import Foundation
import Testing

@Suite struct LifecycleTests {
    func certificate(from: String = "2026-03-02", until: String = "2028-03-01") -> Certificate {
        Certificate(id: "KR-SC-2026-0001", applicants: [Applicant(id: "KR-HANSOL", name: "한솔시")], rubric: "kr-smart-city",
                    rubricVersion: "1.0", reportSHA256: String(repeating: "a", count: 64), validFrom: .d(from), validUntil: .d(until),
                    issuedIndex: 0, latestIndex: 0, issuedAt: "2026-03-02T09:00:00Z")
    }

    @Test func statusOnEveryKindOfDay() {
        var c = certificate()
        #expect(c.renewalWindowStart == .d("2027-12-02"))
        #expect(c.status(on: .d("2026-03-01")) == .notYetValid)
        #expect(c.status(on: .d("2026-03-02")) == .valid)
        #expect(c.status(on: .d("2027-12-01")) == .valid)
        #expect(c.status(on: .d("2027-12-02")) == .renewalDue)
        #expect(c.status(on: .d("2028-03-01")) == .renewalDue)
        #expect(c.status(on: .d("2028-03-02")) == .expired)
        c.successor = "KR-SC-2028-0001"
        c.successorFrom = .d("2028-01-10")
        #expect(c.status(on: .d("2028-01-09")) == .renewalDue)
        #expect(c.status(on: .d("2028-01-10")) == .superseded)
        #expect(c.status(on: .d("2029-01-10")) == .superseded)
        c.revokedOn = .d("2027-01-01")
        #expect(c.status(on: .d("2026-12-31")) == .valid)
        #expect(c.status(on: .d("2027-01-01")) == .revoked)
    }

    @Test func aRenewalStartsInTheWindowOrTheDayAfter() {
        let c = certificate()
        #expect(!c.isRenewed(byStartOn: .d("2027-12-01")))
        #expect(c.isRenewed(byStartOn: .d("2027-12-02")))
        #expect(c.isRenewed(byStartOn: .d("2028-03-02")))
        #expect(!c.isRenewed(byStartOn: .d("2028-03-03")))
        // Month ends clamp: validity to 2028-05-30 → 3 months before 05-31 is 02-29 (2028 is a leap year).
        #expect(certificate(until: "2028-05-30").renewalWindowStart == .d("2028-02-29"))
        #expect(certificate(until: "2028-11-30").renewalWindowStart == .d("2028-09-01"))
    }

    @Test func dayArithmeticRoundTrips() {
        var day = CalendarDate.d("1999-12-25")
        for _ in 0..<4000 {
            let next = Days.adding(1, to: day)
            #expect(Days.ordinal(next) == Days.ordinal(day) + 1)
            #expect(next.previousDay == day)
            day = next
        }
        #expect(Days.ordinal(.d("1970-01-01")) == 0)
        #expect(Days.addingMonths(-3, to: .d("2028-05-31")) == .d("2028-02-29"))
    }

    @Test func certificateIdsComeFromTheRubricId() {
        #expect(CertificateID.prefix(rubric: "kr-smart-city", year: 2026) == "KR-SC-2026")
        #expect(CertificateID.prefix(rubric: "kr-smart-service", year: 2027) == "KR-SS-2027")
        #expect(CertificateID.prefix(rubric: "generic", year: 2026) == "GENERIC-2026")
    }

    @Test func eventsRoundTripAndNothingElseParses() throws {
        var event = Event(kind: .renew, certificate: "KR-SC-2028-0001", time: "2028-01-10T09:00:00Z")
        event.applicants = [Applicant(id: "KR-HANSOL", name: "한솔시 / Hansol City"), Applicant(id: "KR-B", name: "비")]
        event.rubric = "kr-smart-city"
        event.rubricVersion = "1.0"
        event.reportSHA256 = String(repeating: "ab", count: 32)
        event.validFrom = .d("2028-01-10")
        event.validUntil = .d("2030-01-09")
        event.predecessor = "KR-SC-2026-0001"
        #expect(try Event(parsing: event.encoded) == event)
        let text = String(decoding: event.encoded, as: UTF8.self)
        for broken in [text.replacingOccurrences(of: "type renew", with: "type issue"),
                       text.replacingOccurrences(of: "valid-from 2028-01-10", with: "valid-from 2028-02-30"),
                       text.replacingOccurrences(of: "time 2028-01-10T09:00:00Z", with: "time 2028-01-10 09:00"),
                       text + "extra line\n", String(text.dropLast()),
                       text.replacingOccurrences(of: "\n", with: "\r\n")] {
            #expect(throws: EventError.self) { try Event(parsing: Array(broken.utf8)) }
        }
    }
}
