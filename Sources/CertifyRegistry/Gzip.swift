/// gzip (RFC 1952) of DEFLATE (RFC 1951) with the fixed Huffman codes and
/// LZ77 matches over a 32 KiB window: what `serve` sends for entry bundles
/// to clients that accept gzip (C2SP `tlog-tiles` asks for entry bundles
/// to be compressed at the HTTP layer). Entry bundles repeat the same
/// event lines, so matches do most of the work; no dynamic Huffman tables.
/// Written here because the toolchain's Foundation exposes no zlib on
/// Linux, and the build needs nothing beyond the toolchain and libxml2-dev.
public enum Gzip {
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        var out = BitWriter()
        out.bytes = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]  // no name, no time, unknown OS
        out.write(1, bits: 1)  // BFINAL
        out.write(1, bits: 2)  // BTYPE 01: fixed Huffman codes
        let windowSize = 32 * 1024, minMatch = 3, maxMatch = 258, maxChain = 32
        var head = [Int32](repeating: -1, count: 1 << 15)
        var previous = [Int32](repeating: -1, count: windowSize)
        func hash(_ i: Int) -> Int {
            (Int(input[i]) << 10 ^ Int(input[i + 1]) << 5 ^ Int(input[i + 2])) & 0x7FFF
        }
        func insert(_ i: Int) {
            guard i + minMatch <= input.count else { return }
            let h = hash(i)
            previous[i & (windowSize - 1)] = head[h]
            head[h] = Int32(i)
        }
        var i = 0
        while i < input.count {
            var bestLength = 0, bestDistance = 0
            if i + minMatch <= input.count {
                var candidate = Int(head[hash(i)])
                var chain = 0
                let limit = min(maxMatch, input.count - i)
                while candidate >= 0 && i - candidate <= windowSize && chain < maxChain {
                    var length = 0
                    while length < limit && input[candidate + length] == input[i + length] { length += 1 }
                    if length > bestLength {
                        bestLength = length
                        bestDistance = i - candidate
                        if length == limit { break }
                    }
                    let next = Int(previous[candidate & (windowSize - 1)])
                    if next >= candidate { break }  // the slot was reused by a later position
                    candidate = next
                    chain += 1
                }
            }
            if bestLength >= minMatch {
                out.length(bestLength)
                out.distance(bestDistance)
                for j in i..<(i + bestLength) { insert(j) }
                i += bestLength
            } else {
                out.literal(Int(input[i]))
                insert(i)
                i += 1
            }
        }
        out.literal(256)  // end of block
        out.flush()
        let crc = CRC32.checksum(input), size = UInt32(truncatingIfNeeded: input.count)
        for value in [crc, size] { out.bytes += (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        return out.bytes
    }

    /// Least significant bit first, as DEFLATE packs its bits.
    struct BitWriter {
        var bytes: [UInt8] = []
        var buffer: UInt64 = 0
        var count = 0

        mutating func write(_ value: Int, bits: Int) {
            buffer |= UInt64(value) << count
            count += bits
            while count >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                count -= 8
            }
        }

        /// A Huffman code: its bits go most significant first.
        mutating func code(_ value: Int, bits: Int) {
            var reversed = 0
            for bit in 0..<bits where value & (1 << bit) != 0 { reversed |= 1 << (bits - 1 - bit) }
            write(reversed, bits: bits)
        }

        mutating func flush() {
            if count > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
            buffer = 0
            count = 0
        }

        /// A literal/length symbol (0–287) in the fixed code.
        mutating func literal(_ symbol: Int) {
            switch symbol {
            case 0...143: code(0x30 + symbol, bits: 8)
            case 144...255: code(0x190 + symbol - 144, bits: 9)
            case 256...279: code(symbol - 256, bits: 7)
            default: code(0xC0 + symbol - 280, bits: 8)
            }
        }

        static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                                   4097, 6145, 8193, 12289, 16385, 24577]
        static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

        mutating func length(_ length: Int) {
            var index = Self.lengthBase.count - 1
            while Self.lengthBase[index] > length { index -= 1 }
            literal(257 + index)
            write(length - Self.lengthBase[index], bits: Self.lengthExtra[index])
        }

        mutating func distance(_ distance: Int) {
            var index = Self.distanceBase.count - 1
            while Self.distanceBase[index] > distance { index -= 1 }
            code(index, bits: 5)
            write(distance - Self.distanceBase[index], bits: Self.distanceExtra[index])
        }
    }
}

/// CRC-32 (ISO-HDLC, reflected 0xEDB88320), gzip's checksum.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
