/// JSON Canonicalization Scheme (RFC 8785) for the flat objects the action
/// log hashes: members sorted by key (the keys are ASCII, so code-unit order
/// is byte order), strings escaped as ECMAScript's JSON.stringify does,
/// integers as plain decimals, no white space.
public enum CanonicalJSON {
    public enum Value: Sendable, Equatable {
        case string(String), integer(Int64), bool(Bool), null
    }

    public static func encode(_ members: [String: Value]) -> String {
        var out = "{"
        for (index, key) in members.keys.sorted().enumerated() {
            if index > 0 { out += "," }
            append(key, to: &out)
            out += ":"
            switch members[key]! {
            case .string(let text): append(text, to: &out)
            case .integer(let number): out += String(number)
            case .bool(let flag): out += flag ? "true" : "false"
            case .null: out += "null"
            }
        }
        return out + "}"
    }

    static func append(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{09}": out += "\\t"
            case "\u{0A}": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\u{0D}": out += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
