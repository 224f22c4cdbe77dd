import Foundation

/// A date without time or zone, as certification decisions use them.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (ISO 8601 calendar date): ASCII digits
    /// and hyphens, nothing else.
    public init?(iso text: String) {
        var text = text
        text.makeContiguousUTF8()
        let fields: (Int, Int, Int)? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for byte in bytes[range] {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return (y, m, d)
        } ?? nil
        guard let (y, m, d) = fields else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The scheme's time zone. Certificates, decisions and deadlines are
    /// Korean calendar dates, so "today" is today in Seoul wherever the
    /// command runs: a certificate issued on a Seoul morning is current at
    /// once, even on a machine whose clock is still on the day before.
    public static let schemeZone = TimeZone(identifier: "Asia/Seoul")!

    /// Today in `zone`, by default the scheme's (Seoul).
    public static func today(in zone: TimeZone = schemeZone) -> CalendarDate {
        CalendarDate(of: Date(), in: zone)!
    }

    /// The calendar date of an instant in `zone`, by default the scheme's
    /// (Seoul): 2026-03-02T16:00:00Z is 3 March there. Nil past the years
    /// a `CalendarDate` holds (the last hours of 9999 UTC are 10000 in Seoul).
    public init?(of instant: Date, in zone: TimeZone = schemeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The day before this one.
    public var previousDay: CalendarDate {
        if day > 1 { return CalendarDate(year: year, month: month, day: day - 1)! }
        if month > 1 {
            return CalendarDate(year: year, month: month - 1, day: CalendarDate.daysIn(month: month - 1, year: year))!
        }
        return CalendarDate(year: year - 1, month: 12, day: 31)!
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ value: Int, digits: Int, at start: Int) {
                var rest = value
                for offset in stride(from: digits - 1, through: 0, by: -1) {
                    buffer[start + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, digits: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, digits: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, digits: 2, at: 8)
            return 10
        }
    }
}
