import BigInt

/// An exact rational number. All scoring arithmetic uses it: no binary
/// floating point anywhere, and no rounding until a rule says to round.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Always in lowest terms; the denominator is always positive.
    public let numerator: BigInt
    public let denominator: BigInt

    public init(_ numerator: BigInt, _ denominator: BigInt = 1) {
        precondition(denominator != 0, "division by zero")
        var n = numerator
        var d = denominator
        if d < 0 { n = -n; d = -d }
        let g = BigInt(n.magnitude.greatestCommonDivisor(with: d.magnitude))
        if g > 1 { n /= g; d /= g }
        self.numerator = n
        self.denominator = d
    }

    public init(_ value: Int) { self.init(BigInt(value), 1) }

    /// Parses a plain decimal literal: `-?[0-9]+(\.[0-9]+)?`. Nothing else
    /// (no exponent, no sign `+`, no grouping, no spaces) is accepted.
    public init?(decimal text: String) {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard let whole = BigInt(String(parts[0] + fraction)) else { return nil }
        self.init(negative ? -whole : whole, BigInt(10).power(fraction.count))
    }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    public var isInteger: Bool { denominator == 1 }
    public var isNegative: Bool { numerator < 0 }

    public static func + (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func - (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func * (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    public static func / (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator, a.denominator * b.numerator)
    }
    public static func += (a: inout Rational, b: Rational) { a = a + b }
    public static prefix func - (a: Rational) -> Rational { Rational(-a.numerator, a.denominator) }

    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    public func clamped(to range: ClosedRange<Rational>) -> Rational {
        Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }

    /// Rounds half-up (half away from zero) to `places` decimal places.
    public func rounded(places: Int) -> Rational {
        let scale = BigInt(10).power(places)
        let scaled = numerator.magnitude * scale.magnitude
        let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: denominator.magnitude)
        let rounded = remainder * 2 >= denominator.magnitude ? quotient + 1 : quotient
        return Rational(isNegative ? -BigInt(rounded) : BigInt(rounded), scale)
    }

    /// The shortest exact decimal when there is one (`72.5`, `21`, `8.33`);
    /// otherwise `places` digits followed by `…` (`4.333…`).
    public func formatted(places: Int = 6) -> String {
        let sign = isNegative ? "-" : ""
        let (whole, remainder) = numerator.magnitude.quotientAndRemainder(dividingBy: denominator.magnitude)
        guard remainder != 0 else { return sign + String(whole) }
        var fraction = ""
        var rest = remainder
        for _ in 0..<places where rest != 0 {
            rest *= 10
            let (digit, next) = rest.quotientAndRemainder(dividingBy: denominator.magnitude)
            fraction += String(digit)
            rest = next
        }
        return sign + String(whole) + "." + fraction + (rest == 0 ? "" : "…")
    }

    public var description: String { formatted() }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
