import CertifyModel

/// A streaming JSON writer: keys stay in the order the contract shows,
/// numbers are exact decimals (never a binary double), strings are escaped
/// per RFC 8259. It writes UTF-8 bytes directly, with no intermediate tree.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// One entry per open object or array: whether it has a member yet.
    private var levels: [Bool] = []
    /// A key was just written: its value takes no separator.
    private var afterKey = false

    init(capacity: Int = 8192) { bytes.reserveCapacity(capacity) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func separate() {
        guard let last = levels.indices.last else { return }
        if levels[last] { append(", ") }
        levels[last] = true
    }

    private mutating func beginValue() {
        if afterKey { afterKey = false } else { separate() }
    }

    /// A member key; the next value written is its value.
    mutating func key(_ name: StaticString) {
        separate()
        append("\"")
        append(name)
        append("\": ")
        afterKey = true
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        beginValue()
        append("{")
        levels.append(false)
        body(&self)
        levels.removeLast()
        append("}")
    }

    mutating func array(_ body: (inout JSONWriter) -> Void) {
        beginValue()
        append("[")
        levels.append(false)
        body(&self)
        levels.removeLast()
        append("]")
    }

    mutating func string(_ text: String?) {
        beginValue()
        guard let text else { append("null"); return }
        writeString(text)
    }

    mutating func number(_ number: Rational?) {
        beginValue()
        guard let number else { append("null"); return }
        bytes.append(contentsOf: number.formatted(places: 10).utf8)
    }

    mutating func bool(_ flag: Bool) {
        beginValue()
        append(flag ? "true" : "false")
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
