import CertifyEngine
import CertifyModel
import Testing

@Suite struct RationalTests {
    @Test(arguments: [
        ("1.005", "1.01"), ("2.675", "2.68"), ("0.125", "0.13"), ("0.124", "0.12"),
        ("59.995", "60"), ("59.9949", "59.99"), ("8.3333", "8.33"), ("4.3625", "4.36"), ("10", "10"),
    ])
    func roundsHalfUpToTwoPlaces(input: String, expected: String) {
        #expect(dec(input).rounded(places: 2) == dec(expected))
    }

    @Test func thirdsAreExactNotBinary() {
        let mean = Rational(13) / Rational(3)
        let points = Rational(10) * (mean - .one) / Rational(4)
        #expect(points == Rational(25) / Rational(3))
        #expect(points.rounded(places: 2) == dec("8.33"))
        // 0.1 + 0.2 is exactly 0.3 here, unlike binary floating point.
        #expect(dec("0.1") + dec("0.2") == dec("0.3"))
    }

    @Test(arguments: ["1e3", "+1", "1,5", ".5", "5.", "", "-", "1.2.3", " 1", "١"])
    func refusesNonPlainDecimals(text: String) {
        #expect(Rational(decimal: text) == nil)
    }

    @Test func largeValuesFallBackToBigIntegersExactly() {
        // 20 digits do not fit in 64 bits; neither does their square.
        let big = dec("12345678901234567890.5")
        #expect(big * big == dec("152415787532388367514250878776253619990.25"))
        #expect((big * big) / big == big)
        let max = Rational(Int(Int64.max))
        #expect(max + .one - .one == max)  // crosses the 64-bit limit and back
        #expect((max + .one).formatted() == "9223372036854775808")
        #expect(Rational(1) / Rational(Int(Int64.max)) < Rational(1) / Rational(Int(Int64.max) - 1))
        // Canonical form: equal values are equal whichever path made them.
        #expect(dec("0.50") == Rational(1) / Rational(2))
        #expect(Set([dec("0.5"), Rational(2) / Rational(4)]).count == 1)
        #expect(dec("1234567890123456789012.345").rounded(places: 2) == dec("1234567890123456789012.35"))
    }

    @Test func formatsShortestExactDecimal() {
        #expect(dec("72.50").formatted() == "72.5")
        #expect(dec("21.00").formatted() == "21")
        #expect((Rational(1) / Rational(3)).formatted(places: 3) == "0.333…")
        #expect(dec("-0.25").formatted() == "-0.25")
        #expect((Rational(-2) / Rational(3)).formatted(places: 4) == "-0.6666…")
    }

    /// Fractions are reduced by a binary GCD: whatever common factor they
    /// are built with, they equal (and hash like) the reduced fraction and
    /// format as long division says.
    @Test func reducesFractionsExactly() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<2000 {
            let a = next(200_001) - 100_000, b = next(100_000) + 1, k = next(1 << 20) + 1
            let value = Rational(a) / Rational(b)
            #expect(Rational(a * k) / Rational(b * k) == value)
            #expect(Set([Rational(a * k) / Rational(b * k), value]).count == 1)
            // Long division to 12 places, as the formatter does.
            var text = a < 0 ? "-" : ""
            text += String(abs(a) / b)
            var rest = abs(a) % b
            if rest != 0 {
                text += "."
                for _ in 0..<12 where rest != 0 {
                    text += String(rest * 10 / b)
                    rest = rest * 10 % b
                }
                if rest != 0 { text += "…" }
            }
            #expect(value.formatted(places: 12) == text, "\(a)/\(b)")
        }
        #expect(Rational(0) / Rational(7) == .zero)
        #expect((Rational(1 << 40) / Rational(1 << 38)).formatted() == "4")
    }

    @Test func bigValuesFormatAndHashLikeSmallOnes() {
        let big = dec("12345678901234567890")
        #expect((big / Rational(4)).formatted() == "3086419725308641972.5")
        #expect((-big / Rational(3)).formatted(places: 2) == "-4115226300411522630")
        #expect(((big + .one) / Rational(3)).formatted(places: 3) == "4115226300411522630.333…")
        // Back under 64 bits, a value is stored small again: equal and same hash.
        #expect(Set([(big * Rational(2)) / big, Rational(2)]).count == 1)
        // A denominator too large for the 64-bit fast path still formats exactly.
        let tiny = Rational(1) / Rational(Int(Int64.max))
        #expect(tiny.formatted(places: 3) == "0.000…")
    }
}

@Suite struct ValidityTests {
    @Test(arguments: [
        ("2026-03-02", 2, "2028-03-01"),
        ("2024-02-29", 2, "2026-02-28"),  // Civil Act art. 160: no 29 Feb → end of month
        ("2025-01-01", 2, "2026-12-31"),
        ("2024-02-29", 4, "2028-02-28"),  // 29 Feb exists again: the day before
        ("2027-03-01", 1, "2028-02-29"),  // the day before 1 March in a leap year
        ("2023-03-01", 2, "2025-02-28"),
        ("2026-12-31", 2, "2028-12-30"),
    ])
    func endsTheDayBeforeTheAnniversary(start: String, years: Int, expected: String) {
        let until = Validity.until(from: CalendarDate(iso: start)!, years: years)
        #expect(until.description == expected)
    }

    @Test(arguments: [
        "2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01T00:00", "2026-00-10", "2026-01-00",
        "0000-01-01", "2026/01/01", "2026-01-1a", "+026-01-01", "2026-01-01 ", "２０２６-01-01", "2026--1-01", "",
    ])
    func refusesImpossibleDates(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test(arguments: [("0001-01-01", 1, 1, 1), ("2026-03-02", 2026, 3, 2), ("9999-12-31", 9999, 12, 31)])
    func formatsAndParsesWithLeadingZeros(text: String, year: Int, month: Int, day: Int) {
        let date = CalendarDate(year: year, month: month, day: day)
        #expect(date?.description == text)
        #expect(CalendarDate(iso: text) == date)
    }

    @Test func acceptsLeapDay() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2000-02-29") != nil)
        #expect(CalendarDate(iso: "1900-02-29") == nil)
    }
}
