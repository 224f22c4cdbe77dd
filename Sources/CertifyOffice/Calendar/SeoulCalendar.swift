import CertifyModel
import Foundation

/// The office's dates: every date is an Asia/Seoul calendar date, and a
/// period of N days follows the Korean Civil Act: it starts the day after
/// its event (art. 157), ends at 24:00 on its last day (art. 159), and a
/// last day on a Saturday, a Sunday or a public holiday moves to the next
/// working day (art. 161).
public struct SeoulCalendar: Sendable {
    /// Public holidays (`--holidays FILE`: one ISO date a line).
    public let holidays: Set<CalendarDate>
    public static let zone = CalendarDate.schemeZone

    public init(holidays: Set<CalendarDate> = []) { self.holidays = holidays }

    /// Reads a holidays file: one `YYYY-MM-DD` a line; blank lines and lines
    /// starting with `#` are ignored. A bad line is named with its number.
    public static func parseHolidays(_ text: String) throws(OfficeError) -> Set<CalendarDate> {
        var dates: Set<CalendarDate> = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let date = CalendarDate(iso: line) else {
                throw OfficeError(.invalid, .holidayLine(line: number + 1, text: String(line.prefix(40))))
            }
            dates.insert(date)
        }
        return dates
    }

    /// The Seoul calendar date of an instant.
    public func date(of instant: Date) -> CalendarDate { CalendarDate(of: instant, in: Self.zone)! }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        let weekday = date.weekday
        return weekday != 6 && weekday != 7 && !holidays.contains(date)
    }

    /// The last day of a period of `days` days whose event happened on
    /// `event`: the period starts the next day, so its last day is
    /// `event + days`, moved to the next working day if it is not one.
    public func lastDay(ofPeriod days: Int, after event: CalendarDate) -> CalendarDate {
        var last = Days.adding(days, to: event)
        while !isWorkingDay(last) { last = Days.adding(1, to: last) }
        return last
    }

    /// Whether a period whose last day is `lastDay` has ended at `instant`
    /// (it runs to 24:00 KST of its last day).
    public func hasEnded(_ lastDay: CalendarDate, at instant: Date) -> Bool {
        lastDay < date(of: instant)
    }
}

extension CalendarDate {
    /// ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int {
        let shifted = (Days.ordinal(self) + 3) % 7
        return (shifted < 0 ? shifted + 7 : shifted) + 1
    }
}
