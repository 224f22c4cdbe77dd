/// Lowercase hexadecimal, as every SHA-256 in Certify's formats is written.
public enum Hex {
    public static func lowercase(_ bytes: UnsafeRawBufferPointer) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            let table = digits.utf8Start
            var index = 0
            for byte in bytes {
                out[index] = table[Int(byte >> 4)]
                out[index + 1] = table[Int(byte & 0xF)]
                index += 2
            }
            return index
        }
    }

    public static func lowercase(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { lowercase($0) }
    }

    /// 0-9, a-f or A-F (`| 0x20` lowercases A-F and maps nothing else into a-f).
    @inlinable
    public static func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte | 0x20)
    }
}
