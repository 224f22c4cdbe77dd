import CertifyCohort
import CertifyModel
import Testing

@Suite struct StatisticsTests {
    @Test func evenCountMedianAndQuartilesAreMediansOfHalves() throws {
        let d = try #require(Distribution([4, 100, 16, 60].map { Rational($0) }))
        #expect(d.count == 4)
        #expect(d.mean == Rational(45))
        #expect(d.median == Rational(38))  // (16 + 60) / 2
        #expect(d.q1 == Rational(10))      // median of 4, 16
        #expect(d.q3 == Rational(80))      // median of 60, 100
        #expect(d.min == Rational(4) && d.max == Rational(100))
    }

    @Test func oddCountLeavesTheMiddleValueOutOfBothHalves() throws {
        let d = try #require(Distribution([1, 2, 3, 4, 5, 6, 7].map { Rational($0) }))
        #expect(d.median == Rational(4))
        #expect(d.q1 == Rational(2))   // median of 1, 2, 3
        #expect(d.q3 == Rational(6))   // median of 5, 6, 7
        let five = try #require(Distribution([1, 2, 3, 4, 5].map { Rational($0) }))
        #expect(five.q1 == dec("1.5") && five.q3 == dec("4.5") && five.median == Rational(3))
    }

    @Test func oneValueAndNone() throws {
        let one = try #require(Distribution([dec("87.4")]))
        #expect(one.mean == dec("87.4") && one.median == dec("87.4") && one.q1 == dec("87.4") && one.q3 == dec("87.4"))
        #expect(Distribution([]) == nil)
    }

    @Test func meansAreExactAndPrintedHalfUp() throws {
        // (10.01 + 10.02 + 10.02) / 3 = 10.01666… → 10.02
        let d = try #require(Distribution([dec("10.01"), dec("10.02"), dec("10.02")]))
        #expect(d.mean == dec("30.05") / Rational(3))
        #expect(d.mean.pointsText == "10.02")
        // The median of two 2-decimal totals can end in 5 at the third place: half-up.
        let e = try #require(Distribution([dec("60.01"), dec("60.02")]))
        #expect(e.median == dec("60.015"))
        #expect(e.median.pointsColumnText == "60.02")
        #expect(dec("-1.005").pointsColumnText == "-1.01")
        #expect(Rational(7).pointsColumnText == "7.00" && dec("7.5").pointsColumnText == "7.50")
    }

    @Test func sharesArePercentagesOfCounts() {
        #expect(Share(1, of: 3).percent == Rational(100) / Rational(3))
        #expect(Share(1, of: 3).percent.pointsColumnText == "33.33")
        #expect(Share(2, of: 3).percent.pointsColumnText == "66.67")
        #expect(Share(0, of: 0).percent == .zero)
    }
}
