import CertifyModel

/// A small JSON writer: keys stay in the order the contract shows, numbers
/// are exact decimals (never a binary double), strings are escaped per RFC 8259.
struct JSONWriter {
    private(set) var output = ""

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
        writer.write(value)
        return writer.output
    }

    mutating func write(_ value: Value) {
        switch value {
        case .string(let text?): writeString(text)
        case .number(let number?): output += number.formatted(places: 10)
        case .string(nil), .number(nil), .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .object(let members):
            output += "{"
            for (index, (key, member)) in members.enumerated() {
                if index > 0 { output += ", " }
                writeString(key)
                output += ": "
                write(member)
            }
            output += "}"
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += ", " }
                write(item)
            }
            output += "]"
        }
    }

    private mutating func writeString(_ text: String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
