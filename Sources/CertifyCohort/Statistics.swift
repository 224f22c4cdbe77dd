import CertifyModel

/// Mean, median and quartiles of exact values (cohort.md): the median of
/// an even count is the mean of the two middle values; the quartiles are
/// the medians of the lower and upper halves, the middle value of an odd
/// count belonging to neither. Nothing is rounded here: renderers round
/// half-up to 2 decimals when they print.
public struct Distribution: Sendable, Equatable {
    public var count: Int
    public var mean: Rational
    public var median: Rational
    public var q1: Rational
    public var q3: Rational
    public var min: Rational
    public var max: Rational

    /// nil for no values.
    public init?(_ values: [Rational]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        mean = sorted.reduce(Rational.zero, +) / Rational(sorted.count)
        median = Distribution.median(sorted[...])
        let half = sorted.count / 2
        if sorted.count == 1 {
            q1 = sorted[0]
            q3 = sorted[0]
        } else {
            q1 = Distribution.median(sorted[0..<half])
            q3 = Distribution.median(sorted[(sorted.count + 1) / 2..<sorted.count])
        }
        min = sorted[0]
        max = sorted[sorted.count - 1]
    }

    /// The median of sorted, non-empty values.
    static func median(_ sorted: ArraySlice<Rational>) -> Rational {
        let middle = sorted.startIndex + sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return (sorted[middle - 1] + sorted[middle]) / Rational(2)
    }
}

/// How many of a whole: kept as counts, shown as a percentage.
public struct Share: Sendable, Equatable {
    public var count: Int
    public var of: Int

    public init(_ count: Int, of: Int) {
        self.count = count
        self.of = of
    }

    /// The exact percentage (0 when the whole is empty).
    public var percent: Rational {
        of == 0 ? .zero : Rational(count * 100) / Rational(of)
    }
}
