import CertifyReport
import CertifyXML
import Crypto
import PropertyBased
import Testing

/// Signed reports: every report signed verifies, and a single changed byte
/// in what the signature covers is refused.
@Suite struct ReportProperties {
    static let key = P256.Signing.PrivateKey()

    static func sign(_ submission: Case) throws -> [UInt8] {
        try ReportSigner(key: key, name: "Property 검토자").report(
            for: try submission.score(), engineVersion: "property", generatedAt: "2026-03-02T00:00:00Z")
    }

    static func verifies(_ bytes: [UInt8]) -> Bool { refusal(bytes) == nil }

    /// Why verification refuses the report, or nil when it verifies.
    static func refusal(_ bytes: [UInt8]) -> String? {
        do {
            _ = try ReportVerifier.verify(bytes, trusting: [key.publicKey], schema: Fixture.schemas.report)
            return nil
        } catch {
            return error.diagnostics.first?.message ?? "\(error.code)"
        }
    }

    @Test func aSignedReportAlwaysVerifies() async {
        await propertyCheck(count: 60, input: Case.generator) { submission in
            let signed = try Self.sign(submission)
            let refusal = Self.refusal(signed)
            #expect(refusal == nil, "\(submission)")
        }
    }

    /// The positions of the bytes that carry the signed content's meaning:
    /// character data and attribute values of the report outside the
    /// signature (markup and the spacing inside tags are normalized by
    /// canonicalization, so changing them may rightly leave it intact).
    static func contentPositions(_ bytes: [UInt8]) -> [Int] {
        let signature = Array("<ds:Signature".utf8)
        var end = bytes.count
        for i in stride(from: bytes.count - signature.count, through: 0, by: -1)
        where bytes[i..<(i + signature.count)].elementsEqual(signature) { end = i; break }
        var positions: [Int] = []
        var inTag = false, quote: UInt8? = nil
        var start = 0
        if let declarationEnd = (0..<(end - 1)).first(where: { bytes[$0] == UInt8(ascii: "?") && bytes[$0 + 1] == UInt8(ascii: ">") }) {
            start = declarationEnd + 2
        }
        for i in start..<end {
            let byte = bytes[i]
            if let q = quote {
                if byte == q { quote = nil } else { positions.append(i) }
            } else if inTag {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte }
                else if byte == UInt8(ascii: ">") { inTag = false }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
            } else if !(byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09) {
                positions.append(i)  // whitespace-only text between elements may be reformatted, not content
            }
        }
        return positions
    }

    struct Mutation: Sendable, CustomStringConvertible {
        var submission: Case
        var pick: Int
        var replacement: UInt8
        var description: String { "byte #\(pick) of the content → \(replacement)\n\(submission)" }
    }

    static let mutations = Generator<Mutation, Shrink.None<Mutation>>(run: { rng in
        Mutation(submission: Case.random(using: &rng), pick: Int.random(in: 0..<Int.max, using: &rng),
                 replacement: UInt8.random(in: 0...255, using: &rng))
    })

    @Test func anySingleByteChangeOfTheSignedContentIsRefused() async throws {
        await propertyCheck(count: 300, input: Self.mutations) { mutation in
            let original = try Self.sign(mutation.submission)
            let positions = Self.contentPositions(original)
            try #require(positions.count > 100)
            let at = positions[mutation.pick % positions.count]
            var changed = original
            // Any byte but the original, and never whitespace: a space for a
            // tab in an attribute value is normalized by the parser.
            var replacement = mutation.replacement
            if replacement == original[at] || [0x09, 0x0A, 0x0D, 0x20].contains(replacement) {
                replacement = original[at] == UInt8(ascii: "Z") ? UInt8(ascii: "Q") : UInt8(ascii: "Z")
            }
            changed[at] = replacement
            let verified = Self.verifies(changed)
            #expect(!verified, "verified after \(mutation)")
        }
    }

    /// Outside character data too: whatever single byte changes before the
    /// signature, the report verifies only if its canonical form — what the
    /// signature covers — is unchanged.
    @Test func aChangedReportVerifiesOnlyIfItsCanonicalFormIsUnchanged() async throws {
        await propertyCheck(count: 300, input: Self.mutations) { mutation in
            let original = try Self.sign(mutation.submission)
            let signatureStart = Self.contentPositions(original).last! + 1
            let at = mutation.pick % signatureStart
            guard original[at] != mutation.replacement else { return }
            var changed = original
            changed[at] = mutation.replacement
            let verified = Self.verifies(changed)
            guard verified else { return }
            let before = try SafeXMLParser.parse(original), after = try SafeXMLParser.parse(changed)
            #expect(before.exclusiveCanonical(excluding: before.root.elements.last!.handle)
                == after.exclusiveCanonical(excluding: after.root.elements.last!.handle), "\(mutation)")
        }
    }
}
