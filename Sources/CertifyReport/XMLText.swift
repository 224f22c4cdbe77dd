/// Builds XML text with every inserted value escaped. Used for reports,
/// whose content is ours but whose values come from untrusted dossiers.
struct XMLText {
    private(set) var bytes: [UInt8] = []
    private var depth = 0

    init(depth: Int = 0) {
        self.depth = depth
        bytes.reserveCapacity(16 << 10)
    }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    private mutating func indent() {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private mutating func startTag(_ name: String, _ attributes: [(String, String?)]) {
        indent()
        raw("<" + name)
        for case let (key, value?) in attributes {
            raw(" " + key + "=\"")
            escape(value, attribute: true)
            raw("\"")
        }
    }

    /// `<name a="…"/>`
    mutating func empty(_ name: String, _ attributes: [(String, String?)] = []) {
        startTag(name, attributes)
        raw("/>")
    }

    /// `<name a="…">text</name>`
    mutating func text(_ name: String, _ attributes: [(String, String?)] = [], _ content: String) {
        startTag(name, attributes)
        raw(">")
        escape(content, attribute: false)
        raw("</" + name + ">")
    }

    /// `<name a="…">` children `</name>`
    mutating func element(_ name: String, _ attributes: [(String, String?)] = [], _ body: (inout XMLText) -> Void) {
        startTag(name, attributes)
        raw(">")
        depth += 1
        body(&self)
        depth -= 1
        indent()
        raw("</" + name + ">")
    }

    /// Escapes for text or attribute values; tabs, newlines and carriage
    /// returns in attributes become character references so that they
    /// survive attribute-value normalisation.
    private mutating func escape(_ text: String, attribute: Bool) {
        // Most values need no escape: copy them in one go.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 < 0x20 }) {
            bytes.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): raw("&amp;")
            case UInt8(ascii: "<"): raw("&lt;")
            case UInt8(ascii: ">"): raw("&gt;")
            case UInt8(ascii: "\"") where attribute: raw("&quot;")
            case UInt8(ascii: "\r"): raw("&#13;")
            case UInt8(ascii: "\n") where attribute: raw("&#10;")
            case UInt8(ascii: "\t") where attribute: raw("&#9;")
            default: bytes.append(byte)
            }
        }
    }
}
