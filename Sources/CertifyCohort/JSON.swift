import CertifyModel

/// A small JSON writer for cohort outputs: keys in the order written,
/// numbers exact (rounded half-up to 2 decimals, never a binary double),
/// strings escaped per RFC 8259 (and U+2028/U+2029 for JavaScript).
struct JSON {
    private(set) var text = ""
    private var needsComma: [Bool] = []

    private mutating func separate() {
        if let last = needsComma.last {
            if last { text += ", " }
            needsComma[needsComma.count - 1] = true
        }
    }

    mutating func key(_ name: String) {
        separate()
        JSON.quote(name, into: &text)
        text += ": "
        needsComma.append(false)  // the value takes no comma
        pendingKey = true
    }

    private var pendingKey = false

    private mutating func beginValue() {
        if pendingKey {
            pendingKey = false
            needsComma.removeLast()
        } else {
            separate()
        }
    }

    mutating func object(_ body: (inout JSON) -> Void) {
        beginValue()
        text += "{"
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        text += "}"
    }

    mutating func array(_ body: (inout JSON) -> Void) {
        beginValue()
        text += "["
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        text += "]"
    }

    mutating func string(_ value: String?) {
        beginValue()
        if let value { JSON.quote(value, into: &text) } else { text += "null" }
    }

    /// Rounded half-up to 2 decimals.
    mutating func number(_ value: Rational?) {
        beginValue()
        text += value.map(Decimal2.short) ?? "null"
    }

    mutating func int(_ value: Int) {
        beginValue()
        text += String(value)
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        text += value ? "true" : "false"
    }

    mutating func null() {
        beginValue()
        text += "null"
    }

    // Conveniences: a key and its value.
    mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Rational?) { key(name); number(value) }
    mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    mutating func field(_ name: String, _ body: (inout JSON) -> Void) { key(name); object(body) }

    static func quote(_ value: String, into out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
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

extension JSON {
    mutating func distribution(_ name: String, _ value: Distribution?) {
        key(name)
        guard let value else { null(); return }
        object { json in
            json.field("mean", value.mean)
            json.field("median", value.median)
            json.field("q1", value.q1)
            json.field("q3", value.q3)
            json.field("min", value.min)
            json.field("max", value.max)
        }
    }

    /// `{"count": 12, "percent": 7.41}`.
    mutating func share(_ name: String, _ value: Share) {
        field(name) { json in
            json.field("count", value.count)
            json.field("percent", value.percent)
        }
    }

    mutating func label(_ name: String, _ text: LocalizedText) {
        field(name) { json in
            if let ko = text.ko { json.field("ko", ko) }
            if let en = text.en { json.field("en", en) }
        }
    }

    mutating func rubric(_ name: String, _ rubric: Rubric?) {
        key(name)
        guard let rubric else { null(); return }
        object { json in
            json.field("id", rubric.id)
            json.field("version", rubric.version)
            json.field("sha256", rubric.sha256)
        }
    }
}
