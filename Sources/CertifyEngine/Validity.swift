import CertifyModel

/// Certificate validity under Korean Civil Act art. 160: a period of years
/// ends the day before the same calendar day `years` later; where that day
/// does not exist (a start on 29 February), it ends on the last day of that
/// month.
public enum Validity {
    public static func until(from start: CalendarDate, years: Int) -> CalendarDate {
        let year = start.year + years
        // Past the calendar's range (year 9999) validity is simply unbounded.
        guard year <= 9999 else { return CalendarDate(year: 9999, month: 12, day: 31)! }
        if let sameDay = CalendarDate(year: year, month: start.month, day: start.day) {
            return sameDay.previousDay
        }
        return CalendarDate(year: year, month: start.month, day: CalendarDate.daysIn(month: start.month, year: year))!
    }
}
