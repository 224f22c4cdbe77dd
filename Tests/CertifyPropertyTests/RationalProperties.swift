import BigInt
import CertifyModel
import PropertyBased
import Testing

/// Rational arithmetic against an oracle computed with BigInt alone: the
/// fast 64-bit paths and the BigInt fallback must agree with plain fractions.
@Suite struct RationalProperties {
    /// A fraction in lowest terms, positive denominator, computed with BigInt.
    struct Fraction: Equatable, Sendable, CustomStringConvertible {
        var n: BigInt
        var d: BigInt
        init(_ n: BigInt, _ d: BigInt) {
            precondition(d != 0)
            var n = n, d = d
            if d < 0 { n = -n; d = -d }
            let g = BigInt(n.magnitude.greatestCommonDivisor(with: d.magnitude))
            self.n = g > 1 ? n / g : n
            self.d = g > 1 ? d / g : d
        }
        init(_ r: Rational) { n = r.numerator; d = r.denominator }
        var description: String { "\(n)/\(d)" }
    }

    /// Integers of every size the arithmetic treats differently: small,
    /// near the 64-bit limits (overflow of the fast path), and beyond.
    static func integer(using rng: inout any SeededRandomNumberGenerator) -> BigInt {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return BigInt(Int.random(in: -10...10, using: &rng))
        case 1: return BigInt(Int.random(in: -1_000_000...1_000_000, using: &rng))
        case 2: return BigInt([Int64.min, Int64.max, Int64.min + 1, Int64.max - 1, 1 << 62, -(1 << 62), 1 << 32]
                                .randomElement(using: &rng)!)
        case 3: return BigInt(Int64.random(in: .min ... .max, using: &rng))
        case 4:
            let words = (0..<Int.random(in: 1...3, using: &rng)).map { _ in UInt.random(in: .min ... .max, using: &rng) }
            let magnitude = BigInt(BigUInt(words: words))
            return Bool.random(using: &rng) ? -magnitude : magnitude
        default: return BigInt(Int32.random(in: .min ... .max, using: &rng))
        }
    }

    static func fraction(using rng: inout any SeededRandomNumberGenerator) -> (Rational, Fraction) {
        let n = integer(using: &rng)
        var d = integer(using: &rng)
        if d == 0 { d = 1 }
        return (Rational(n, d), Fraction(n, d))
    }

    struct Operands: CustomStringConvertible, Sendable {
        var a: Rational, b: Rational
        var places: Int
        var description: String { "a = \(a.numerator)/\(a.denominator), b = \(b.numerator)/\(b.denominator), places \(places)" }
    }

    static let operands = Generator<Operands, Shrink.None<Operands>>(run: { rng in
        Operands(a: fraction(using: &rng).0, b: fraction(using: &rng).0, places: Int.random(in: 0...20, using: &rng))
    })

    @Test func constructionIsCanonical() async {
        let fractions = Generator<(Rational, Fraction), Shrink.None<(Rational, Fraction)>>(run: { rng in
            RationalProperties.fraction(using: &rng)
        })
        await propertyCheck(count: 1000, input: fractions) { pair in
            #expect(Fraction(pair.0) == pair.1)
            // Equal values are equal and hash alike, whatever their representation.
            let scaled = Rational(pair.1.n * 7, pair.1.d * 7)
            #expect(scaled == pair.0 && scaled.hashValue == pair.0.hashValue)
        }
    }

    @Test func arithmeticAgreesWithTheOracle() async {
        await propertyCheck(count: 2000, input: Self.operands) { o in
            let a = Fraction(o.a), b = Fraction(o.b)
            #expect(Fraction(o.a + o.b) == Fraction(a.n * b.d + b.n * a.d, a.d * b.d), "\(o)")
            #expect(Fraction(o.a - o.b) == Fraction(a.n * b.d - b.n * a.d, a.d * b.d), "\(o)")
            #expect(Fraction(o.a * o.b) == Fraction(a.n * b.n, a.d * b.d), "\(o)")
            if b.n != 0 {
                #expect(Fraction(o.a / o.b) == Fraction(a.n * b.d, a.d * b.n), "\(o)")
            }
            #expect(Fraction(-o.a) == Fraction(-a.n, a.d), "\(o)")
            #expect((o.a < o.b) == (a.n * b.d < b.n * a.d), "\(o)")
            #expect((o.a == o.b) == (a == b), "\(o)")
            #expect(o.a.isNegative == (a.n < 0) && o.a.isInteger == (a.d == 1), "\(o)")
        }
    }

    @Test func roundingIsHalfAwayFromZero() async {
        await propertyCheck(count: 2000, input: Self.operands) { o in
            let a = Fraction(o.a)
            let scale = BigInt(10).power(o.places)
            // round(|a| × 10^p) half up, with the sign put back.
            let (q, r) = (a.n.magnitude * scale.magnitude).quotientAndRemainder(dividingBy: a.d.magnitude)
            let rounded = r * 2 >= a.d.magnitude ? q + 1 : q
            let expected = Fraction(a.n < 0 ? -BigInt(rounded) : BigInt(rounded), scale)
            #expect(Fraction(o.a.rounded(places: o.places)) == expected, "\(o)")
        }
    }

    /// A decimal literal parses to digits / 10^fraction-digits; the shortest
    /// exact formatting of a finite decimal gives back an equal value.
    @Test func decimalLiteralsParseExactly() async {
        let literal = Generator<String, Shrink.None<String>>(run: { rng in
            let whole = String((0..<Int.random(in: 1...25, using: &rng)).map { _ in "0123456789".randomElement(using: &rng)! })
            let fraction = Bool.random(using: &rng)
                ? "." + String((0..<Int.random(in: 1...12, using: &rng)).map { _ in "0123456789".randomElement(using: &rng)! }) : ""
            return (Bool.random(using: &rng) ? "-" : "") + whole + fraction
        })
        await propertyCheck(count: 2000, input: literal) { text in
            let parsed = try #require(Rational(decimal: text), "\(text)")
            let digits = BigInt(text.replacingOccurrences(of: ".", with: ""))!
            let places = text.split(separator: ".").dropFirst().first?.count ?? 0
            #expect(Fraction(parsed) == Fraction(digits, BigInt(10).power(places)), "\(text)")
            #expect(Rational(decimal: parsed.formatted(places: 20)) == parsed, "\(text)")
        }
    }
}
