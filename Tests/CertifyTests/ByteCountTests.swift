@testable import CertifyXML
import Testing

/// The word-at-a-time counts behind every element's start-tag position,
/// against a byte-by-byte count on buffers of every length and alignment.
@Suite struct ByteCountTests {
    @Test func countsMatchAByteByByteCount() {
        var generator = SystemRandomNumberGenerator()
        // Bytes the position scan meets: ASCII, newlines, '<' and UTF-8 lead and continuation bytes.
        let alphabet: [UInt8] = [0x0A, 0x3C, 0x20, 0x61, 0x7F, 0x80, 0xBF, 0xC0, 0xE2, 0xEA, 0xFF, 0x00]
        for length in 0..<40 {
            for _ in 0..<50 {
                let bytes = (0..<length + 3).map { _ in alphabet.randomElement(using: &generator)! }
                for offset in 0..<3 {
                    let slice = Array(bytes[offset..<offset + length])
                    slice.withUnsafeBufferPointer { buffer in
                        #expect(ByteCount.of(0x0A, in: buffer) == slice.filter { $0 == 0x0A }.count, "\(slice)")
                        #expect(ByteCount.of(0x3C, in: buffer) == slice.filter { $0 == 0x3C }.count, "\(slice)")
                        #expect(ByteCount.characters(in: buffer) == slice.filter { $0 & 0xC0 != 0x80 }.count, "\(slice)")
                    }
                }
            }
        }
    }
}

extension ByteCountTests {
    @Test func theLastByteIsFoundAtEveryDistance() {
        for length in 0..<40 {
            for position in [nil] + (0..<length).map(Optional.some) {
                var bytes = [UInt8](repeating: 0x61, count: length)
                // A decoy before the one to find.
                if let position { bytes[position] = 0x3C; if position > 2 { bytes[position - 2] = 0x3C } }
                bytes.withUnsafeBufferPointer { buffer in
                    let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 8)!
                    let found = ByteCount.last(0x3C, from: base, before: base + length).map { $0 - base }
                    #expect(found == position, "length \(length)")
                }
            }
        }
    }
}

extension ByteCountTests {
    /// The one-pass count back to a tag's `<`, against a byte-by-byte
    /// reference: nil when a newline comes first or there is no `<`.
    @Test func charactersBackMatchAByteByByteScan() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x0A, 0x3C, 0x20, 0x61, 0x7F, 0x80, 0xBF, 0xC0, 0xE2, 0xEA, 0xFF, 0x00]
        for length in 0..<40 {
            for _ in 0..<50 {
                let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
                var expected: Int?
                var characters = 0
                for byte in bytes.reversed() {
                    if byte == 0x3C { expected = characters + 1; break }
                    if byte == 0x0A { break }
                    if byte & 0xC0 != 0x80 { characters += 1 }
                }
                bytes.withUnsafeBufferPointer { buffer in
                    let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 8)!
                    let found = ByteCount.charactersBack(to: 0x3C, unless: 0x0A, from: base, before: base + length)
                    #expect(found == expected, "\(bytes)")
                }
            }
        }
    }
}
