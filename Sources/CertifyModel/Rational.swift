import BigInt

/// An exact rational number. All scoring arithmetic uses it: no binary
/// floating point anywhere, and no rounding until a rule says to round.
///
/// Scores are small numbers, so values are kept in 64-bit integers while
/// they fit (every operation checks for overflow) and in `BigInt` beyond.
/// The form is canonical — lowest terms, positive denominator, small
/// whenever it fits — so equality and hashing are exact.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value when `big` is nil: numerator and denominator in lowest
    /// terms, denominator positive. Plain integers, so a `Rational` copies
    /// as cheaply as the numbers it holds.
    private let n: Int64
    private let d: Int64
    /// The value, when it does not fit in 64 bits (then `n` and `d` are 0).
    private let big: BigParts?

    private final class BigParts: Sendable, Hashable {
        let n: BigInt
        let d: BigInt
        init(_ n: BigInt, _ d: BigInt) { self.n = n; self.d = d }
        static func == (a: BigParts, b: BigParts) -> Bool { a.n == b.n && a.d == b.d }
        func hash(into hasher: inout Hasher) { hasher.combine(n); hasher.combine(d) }
    }

    /// Numerator and denominator when they fit in 64 bits.
    private var small: (n: Int64, d: Int64)? { big == nil ? (n, d) : nil }

    public var numerator: BigInt { big?.n ?? BigInt(n) }

    public var denominator: BigInt { big?.d ?? BigInt(d) }

    public init(_ numerator: BigInt, _ denominator: BigInt = 1) {
        precondition(denominator != 0, "division by zero")
        var n = numerator
        var d = denominator
        if d < 0 { n = -n; d = -d }
        let g = BigInt(n.magnitude.greatestCommonDivisor(with: d.magnitude))
        if g > 1 { n /= g; d /= g }
        if let small = Int64(exactly: n), let smallD = Int64(exactly: d), small != .min {
            self.init(canonical: small, smallD)
        } else {
            self.init(canonical: 0, 0, big: BigParts(n, d))
        }
    }

    private init(canonical n: Int64, _ d: Int64, big: BigParts? = nil) {
        self.n = n
        self.d = d
        self.big = big
    }

    /// From 64-bit parts, falling back to `BigInt` only if normalising overflows.
    private init(small n: Int64, _ d: Int64) {
        precondition(d != 0, "division by zero")
        self = Rational.normalised(n, d)
    }

    private static func normalised(_ n: Int64, _ d: Int64) -> Rational {
        guard n != .min, d != .min else { return Rational(BigInt(n), BigInt(d)) }
        if d == 1 { return Rational(canonical: n, 1) }
        var n = n, d = d
        if d < 0 { n = -n; d = -d }
        let g = gcd(n.magnitude, d.magnitude)
        if g > 1 { n /= Int64(g); d /= Int64(g) }
        return Rational(canonical: n, d)
    }

    public init(_ value: Int) { self.init(small: Int64(value), 1) }

    /// Binary GCD (Stein): shifts and subtractions instead of divisions.
    private static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        if a == 0 { return b }
        if b == 0 { return a }
        let shift = (a | b).trailingZeroBitCount
        var a = a >> a.trailingZeroBitCount, b = b
        repeat {
            b >>= b.trailingZeroBitCount
            if a > b { swap(&a, &b) }
            b -= a
        } while b != 0
        return a << shift
    }

    /// Parses a plain decimal literal: `-?[0-9]+(\.[0-9]+)?`. Nothing else
    /// (no exponent, no sign `+`, no grouping, no spaces) is accepted.
    public init?(decimal text: String) {
        var negative = false
        var digits: Int64 = 0
        var digitCount = 0
        var fractionDigits = 0
        var seenDot = false
        var wholeDigits = 0
        var first = true
        for byte in text.utf8 {
            defer { first = false }
            if first && byte == UInt8(ascii: "-") { negative = true; continue }
            if byte == UInt8(ascii: ".") {
                guard !seenDot, wholeDigits > 0 else { return nil }
                seenDot = true
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            if seenDot { fractionDigits += 1 } else { wholeDigits += 1 }
            digitCount += 1
            if digitCount <= 18 { digits = digits * 10 + Int64(byte - UInt8(ascii: "0")) }
        }
        guard wholeDigits > 0, !seenDot || fractionDigits > 0 else { return nil }
        if digitCount <= 18 {
            var scale: Int64 = 1
            for _ in 0..<fractionDigits { scale *= 10 }
            self.init(small: negative ? -digits : digits, scale)
            return
        }
        let plain = text.replacingOccurrences(of: ".", with: "")
        guard let whole = BigInt(plain) else { return nil }
        self.init(whole, BigInt(10).power(fractionDigits))
    }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    /// The value as an `Int`, when it is a whole number that fits.
    public var intValue: Int? {
        if big == nil { return d == 1 ? Int(exactly: n) : nil }
        return big!.d == 1 ? Int(exactly: big!.n) : nil
    }

    public var isInteger: Bool { big.map { $0.d == 1 } ?? (d == 1) }

    public var isNegative: Bool { big.map { $0.n < 0 } ?? (n < 0) }

    public static func + (a: Rational, b: Rational) -> Rational {
        if let (an, ad) = a.small, let (bn, bd) = b.small {
            let (x, o1) = an.multipliedReportingOverflow(by: bd)
            let (y, o2) = bn.multipliedReportingOverflow(by: ad)
            let (n, o3) = x.addingReportingOverflow(y)
            let (d, o4) = ad.multipliedReportingOverflow(by: bd)
            if !(o1 || o2 || o3 || o4) { return Rational(small: n, d) }
        }
        return Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }

    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }

    public static func * (a: Rational, b: Rational) -> Rational {
        if let (an, ad) = a.small, let (bn, bd) = b.small {
            let (n, o1) = an.multipliedReportingOverflow(by: bn)
            let (d, o2) = ad.multipliedReportingOverflow(by: bd)
            if !(o1 || o2) { return Rational(small: n, d) }
        }
        return Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }

    public static func / (a: Rational, b: Rational) -> Rational {
        if let (an, ad) = a.small, let (bn, bd) = b.small {
            precondition(bn != 0, "division by zero")
            let (n, o1) = an.multipliedReportingOverflow(by: bd)
            let (d, o2) = ad.multipliedReportingOverflow(by: bn)
            if !(o1 || o2) { return Rational(small: n, d) }
        }
        return Rational(a.numerator * b.denominator, a.denominator * b.numerator)
    }

    public static func += (a: inout Rational, b: Rational) { a = a + b }

    public static prefix func - (a: Rational) -> Rational {
        if let big = a.big { return Rational(-big.n, big.d) }
        return Rational(small: -a.n, a.d)  // n is never Int64.min
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        if let (an, ad) = a.small, let (bn, bd) = b.small {
            let (x, o1) = an.multipliedReportingOverflow(by: bd)
            let (y, o2) = bn.multipliedReportingOverflow(by: ad)
            if !(o1 || o2) { return x < y }
        }
        return a.numerator * b.denominator < b.numerator * a.denominator
    }

    public func clamped(to range: ClosedRange<Rational>) -> Rational {
        Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }

    /// Rounds half-up (half away from zero) to `places` decimal places.
    public func rounded(places: Int) -> Rational {
        // An integer (most points) is its own rounding.
        if big == nil, d == 1, places >= 0 { return self }
        if let (n, d) = small, places <= 18 {
            var scale: Int64 = 1
            for _ in 0..<places { scale *= 10 }
            let (scaled, overflow) = n.magnitude.multipliedReportingOverflow(by: UInt64(scale))
            if !overflow {
                let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: UInt64(d))
                let rounded = remainder >= UInt64(d) - remainder ? quotient + 1 : quotient
                if let value = Int64(exactly: rounded) { return Rational(small: n < 0 ? -value : value, scale) }
            }
        }
        let scale = BigInt(10).power(places)
        let scaled = numerator.magnitude * scale.magnitude
        let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: denominator.magnitude)
        let rounded = remainder * 2 >= denominator.magnitude ? quotient + 1 : quotient
        return Rational(isNegative ? -BigInt(rounded) : BigInt(rounded), scale)
    }

    /// The least multiple of 10^-places not below this value (rounds toward
    /// +∞): `roundedUp(places: 0)` is the ceiling.
    public func roundedUp(places: Int) -> Rational {
        if let (n, d) = small, places <= 18 {
            var scale: Int64 = 1
            for _ in 0..<places { scale *= 10 }
            let (scaled, overflow) = n.multipliedReportingOverflow(by: scale)
            if !overflow {
                let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: d)
                return Rational(small: remainder > 0 ? quotient + 1 : quotient, scale)
            }
        }
        let scale = BigInt(10).power(places)
        var (quotient, remainder) = (numerator * scale).quotientAndRemainder(dividingBy: denominator)
        if remainder > 0 { quotient += 1 }
        return Rational(quotient, scale)
    }

    /// The shortest exact decimal when there is one (`72.5`, `21`, `8.33`);
    /// otherwise `places` digits followed by `…` (`4.333…`).
    public func formatted(places: Int = 6) -> String {
        if big == nil, d == 1 { return String(n) }
        return withDecimal(places: places) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 of `formatted(places:)`, for writers that
    /// build bytes; 64-bit values are formatted on the stack.
    public func withDecimal<R>(places: Int = 6, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if big == nil, d <= Int64.max / 10, places <= Rational.smallDecimalPlaces {
            return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Rational.smallDecimalBytes) { buffer in
                let count = writeSmallDecimal(places: places, into: buffer.baseAddress!)
                return try body(UnsafeBufferPointer(start: buffer.baseAddress!, count: count))
            }
        }
        var bytes: [UInt8] = isNegative ? [UInt8(ascii: "-")] : []
        let (whole, remainder) = numerator.magnitude.quotientAndRemainder(dividingBy: denominator.magnitude)
        bytes.append(contentsOf: String(whole).utf8)
        if remainder != 0 {
            bytes.append(UInt8(ascii: "."))
            var rest = remainder
            for _ in 0..<places where rest != 0 {
                rest *= 10
                let (digit, next) = rest.quotientAndRemainder(dividingBy: denominator.magnitude)
                bytes.append(contentsOf: String(digit).utf8)
                rest = next
            }
            if rest != 0 { bytes.append(contentsOf: "…".utf8) }
        }
        return try bytes.withUnsafeBufferPointer(body)
    }

    public var description: String { formatted() }

    /// Points as Certify states them (rubrics.md): rounded half-up to 2
    /// places, in the shortest exact form (`72.5`, `21`, `8.33`).
    public var pointsText: String { rounded(places: 2).formatted() }

    /// Points in a table column: rounded half-up, always 2 decimals (`25.40`).
    public var pointsColumnText: String {
        let text = pointsText
        guard let dot = text.firstIndex(of: ".") else { return text + ".00" }
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        return text + String(repeating: "0", count: Swift.max(0, 2 - decimals))
    }

    /// The most places and bytes `writeSmallDecimal` handles: sign, 19
    /// digits, point, 32 places and "…" fit in 64 bytes.
    static let smallDecimalPlaces = 32
    static let smallDecimalBytes = 64

    /// Whether `writeSmallDecimal` can format this value.
    var hasSmallDecimal: Bool { big == nil && d <= Int64.max / 10 }

    /// Writes `formatted(places:)` of a value with `hasSmallDecimal` into
    /// `buffer` (at least `smallDecimalBytes` long) and returns the count.
    /// Not generic, so callers pay no metadata look-up per number.
    func writeSmallDecimal(places: Int, into buffer: UnsafeMutablePointer<UInt8>) -> Int {
        precondition(hasSmallDecimal && places <= Rational.smallDecimalPlaces)
        var count = 0
        func put(_ byte: UInt8) {
            buffer[count] = byte
            count += 1
        }
        if n < 0 { put(UInt8(ascii: "-")) }
        let denominator = UInt64(d)
        let (whole, remainder) = n.magnitude.quotientAndRemainder(dividingBy: denominator)
        let start = count
        var digits = whole
        repeat {
            put(UInt8(ascii: "0") + UInt8(digits % 10))
            digits /= 10
        } while digits > 0
        var digitsWritten = UnsafeMutableBufferPointer(start: buffer + start, count: count - start)
        digitsWritten.reverse()
        if remainder != 0 {
            put(UInt8(ascii: "."))
            var rest = remainder
            for _ in 0..<places where rest != 0 {
                // rest < d ≤ Int64.max / 10, so rest × 10 fits.
                let (digit, next) = (rest * 10).quotientAndRemainder(dividingBy: denominator)
                put(UInt8(ascii: "0") + UInt8(digit))
                rest = next
            }
            // A loop, not `forEach(put)`: `put` passed as a value would box
            // `count`, and every write would pay an exclusivity check.
            if rest != 0 { for byte in "…".utf8 { put(byte) } }
        }
        return count
    }
}

extension ByteWriter {
    /// Appends `number.formatted(places:)`; 64-bit values are written in place.
    public mutating func append(_ number: Rational, places: Int) {
        guard number.hasSmallDecimal, places <= Rational.smallDecimalPlaces else {
            number.withDecimal(places: places) { append($0) }
            return
        }
        if capacity - written < Rational.smallDecimalBytes { grow(toHold: Rational.smallDecimalBytes) }
        written += number.writeSmallDecimal(places: places, into: base + written)
    }
}
