import CertifyModel
import Testing

@Suite struct ByteWriterTests {
    /// Whatever is appended, and however often the buffer grows, the bytes
    /// are those an array would hold.
    @Test(arguments: [1, 16, 100])
    func holdsWhatWasAppendedAcrossGrowth(capacity: Int) {
        var writer = ByteWriter(capacity: capacity)
        var expected: [UInt8] = []
        for round in 0..<300 {
            writer.append(UInt8(round % 251))
            expected.append(UInt8(round % 251))
            writer.append("→ static ")
            expected += Array("→ static ".utf8)
            let text = String(repeating: "한", count: round % 7) + "\(round)"
            writer.append(contentsOf: text)
            expected += Array(text.utf8)
            writer.append(repeating: UInt8(ascii: " "), count: round % 5)
            expected += Array(repeating: UInt8(ascii: " "), count: round % 5)
            writer.append(contentsOf: [UInt8](repeating: 0xAB, count: round % 40))
            expected += [UInt8](repeating: 0xAB, count: round % 40)
        }
        #expect(writer.count == expected.count)
        #expect(writer.withBytes { Array($0) } == expected)
        #expect(writer.array() == expected)
    }

    /// Pieces of every length up to past the word-copy sizes, appended at
    /// every offset within a word, hold exactly their bytes, and the bytes
    /// before them are untouched (the small-copy paths store overlapping
    /// words; the sanitizer run checks they read nothing outside a piece).
    @Test func piecesOfEveryLengthAtEveryOffsetHoldTheirBytes() {
        var generator = SystemRandomNumberGenerator()
        for offset in 0..<8 {
            for length in 0...40 {
                let piece = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let pad = [UInt8](repeating: 0x5A, count: offset)
                var writer = ByteWriter(capacity: 16)
                writer.append(contentsOf: pad)
                writer.append(contentsOf: piece)
                writer.append(0xEE)
                #expect(writer.array() == pad + piece + [0xEE], "offset \(offset), length \(length)")
            }
        }
    }

    @Test func hexIsLowercaseTwoDigitsPerByte() {
        #expect(Hex.lowercase([0x00, 0x0F, 0xA0, 0xFF]) == "000fa0ff")
        #expect(Hex.lowercase([]) == "")
    }
}
