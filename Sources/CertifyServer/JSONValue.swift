import CertifyModel

/// A small JSON tree for the server's own answers (rubric listings, problem
/// details). Score and plan records are not built here: they come from the
/// CLI's renderers, byte for byte.
enum JSONValue: Sendable {
    case string(String)
    /// A number as its exact decimal text.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Members in the order given.
    case object([(String, JSONValue)])
    /// JSON text made elsewhere, written as it is (the registry's
    /// `prove --format json` object, byte for byte).
    case raw(String)

    /// Exact to 6 places (rubric numbers are short decimals).
    static func rational(_ value: Rational) -> JSONValue { .number(value.rounded(places: 6).formatted()) }
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }
    static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
    static func localized(_ text: LocalizedText) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let ko = text.ko { members.append(("ko", .string(ko))) }
        if let en = text.en { members.append(("en", .string(en))) }
        return .object(members)
    }

    var rendered: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .string(let text): JSONValue.quote(text, into: &out)
        case .number(let text): out += text
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .raw(let text): out += text
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                JSONValue.quote(key, into: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
