import CertifyModel
@testable import CertifyOffice
import Foundation
import Testing

@Suite struct CalendarTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test func weekdaysAndDays() {
        #expect(Days.ordinal(date("1970-01-01")) == 0)
        #expect(Days.ordinal(date("2000-03-01")) == 11_017)
        #expect(date("2026-03-02").weekday == 1)  // a Monday
        #expect(date("2026-12-06").weekday == 7)  // a Sunday
        #expect(Days.adding(1, to: date("2024-02-28")) == date("2024-02-29"))
        #expect(Days.adding(1, to: date("2026-12-31")) == date("2027-01-01"))
    }

    @Test func aPeriodStartsTheDayAfterAndEndsOnAWorkingDay() {
        let calendar = SeoulCalendar(holidays: [date("2026-03-16")])
        // Returned on Monday 2 March, 10 days: the last day is Thursday 12 March.
        #expect(calendar.lastDay(ofPeriod: 10, after: date("2026-03-02")) == date("2026-03-12"))
        // 12 days: Saturday 14 March moves to Monday 16 March, a holiday, so to Tuesday 17 March.
        #expect(calendar.lastDay(ofPeriod: 12, after: date("2026-03-02")) == date("2026-03-17"))
        // Without the holiday, to the Monday.
        #expect(SeoulCalendar().lastDay(ofPeriod: 12, after: date("2026-03-02")) == date("2026-03-16"))
    }

    @Test func aPeriodEndsAtMidnightInSeoul() {
        let calendar = SeoulCalendar()
        let last = date("2026-03-12")
        // 2026-03-12T14:59:59Z is 23:59:59 KST on the last day: still open.
        #expect(!calendar.hasEnded(last, at: Date(timeIntervalSince1970: 1_773_327_599)))
        // One second later it is 00:00 KST on the 13th: ended.
        #expect(calendar.hasEnded(last, at: Date(timeIntervalSince1970: 1_773_327_600)))
    }

    @Test func holidayFilesAreReadStrictly() throws {
        #expect(try SeoulCalendar.parseHolidays("# 2026\n2026-03-01\n\n2026-05-05\n") == [date("2026-03-01"), date("2026-05-05")])
        #expect(throws: OfficeError.self) { try SeoulCalendar.parseHolidays("2026-03-01\n2026.05.05\n") }
        do {
            _ = try SeoulCalendar.parseHolidays("2026-03-01\n2026.05.05\n")
        } catch {
            #expect(error.message == .holidayLine(line: 2, text: "2026.05.05"))
            #expect(error.text(.ko).contains("2번째 줄"))
        }
    }
}

@Suite struct CanonicalJSONTests {
    @Test func membersAreSortedAndStringsEscapedAsJCS() {
        let text = CanonicalJSON.encode([
            "b": .integer(-3), "a": .string("é\"\\\u{1}\u{1f}\n\u{2028}한\u{8}\u{c}/"), "c": .null, "aa": .bool(true),
        ])
        #expect(text == "{\"a\":\"é\\\"\\\\\\u0001\\u001f\\n\u{2028}한\\b\\f/\",\"aa\":true,\"b\":-3,\"c\":null}")
    }
}

@Suite struct StateTests {
    /// The allowed transitions of office.md, written out by hand: every other
    /// pair of state and event must be refused.
    static let allowed: [ApplicationState: [ApplicationState.Event: ApplicationState]] = [
        .draft: [.submit: .submitted, .withdraw: .withdrawn],
        .submitted: [.returnForChanges: .returned, .accept: .inReview, .withdraw: .withdrawn],
        .returned: [.submit: .submitted, .withdraw: .withdrawn, .lapse: .lapsed],
        .inReview: [.decide: .decided],
        .decided: [.appeal: .appealed],
        .appealed: [.reopen: .inReview],
        .withdrawn: [:],
        .lapsed: [:],
    ]

    @Test(arguments: ApplicationState.allCases) func everyTransitionIsAllowedOrRefused(state: ApplicationState) {
        for event in ApplicationState.Event.allCases {
            #expect(state.after(event) == Self.allowed[state]?[event], "\(state) + \(event)")
        }
    }
}
