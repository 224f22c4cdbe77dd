import CertifyModel

/// A small JSON writer: keys stay in the order the contract shows, numbers
/// are exact decimals (never a binary double), strings are escaped per RFC 8259.
struct JSONWriter {
    /// UTF-8 bytes: appending bytes is much cheaper than growing a String.
    private(set) var bytes: [UInt8] = []

    enum Value {
        case string(String?)
        case number(Rational?)
        case bool(Bool)
        case null
        case object([(String, Value)])
        case array([Value])
    }

    static func render(_ value: Value) -> String {
        var writer = JSONWriter()
        writer.bytes.reserveCapacity(8192)
        writer.write(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Value) {
        switch value {
        case .string(let text?): writeString(text)
        case .number(let number?): bytes.append(contentsOf: number.formatted(places: 10).utf8)
        case .string(nil), .number(nil), .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .object(let members):
            append("{")
            for (index, (key, member)) in members.enumerated() {
                if index > 0 { append(", ") }
                writeString(key)
                append(": ")
                write(member)
            }
            append("}")
        case .array(let items):
            append("[")
            for (index, item) in items.enumerated() {
                if index > 0 { append(", ") }
                write(item)
            }
            append("]")
        }
    }

    /// Escapes per RFC 8259: quote, backslash and control characters, plus
    /// U+2028/U+2029 (E2 80 A8/A9) so that the output is safe in JavaScript too.
    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Most strings need no escape: copy them in one go.
            if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
                bytes.append(contentsOf: utf8)
                return
            }
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case UInt8(ascii: "\n"): append("\\n")
                case UInt8(ascii: "\r"): append("\\r")
                case UInt8(ascii: "\t"): append("\\t")
                case 0..<0x20: escape(UInt32(byte))
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80
                    && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 2
                default: bytes.append(byte)
                }
                index += 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ scalar: UInt32) {
        let hex = Array("0123456789abcdef".utf8)
        append("\\u")
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int((scalar >> UInt32(shift)) & 0xF)]) }
    }
}
