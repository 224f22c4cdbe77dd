import CertifyModel

/// Builds XML text with every inserted value escaped. Used for reports,
/// whose content is ours but whose values come from untrusted dossiers.
struct XMLText: ~Copyable {
    private var out = ByteWriter(capacity: 16 << 10)
    private var depth = 0

    init(depth: Int = 0) {
        self.depth = depth
    }

    /// The document written, as UTF-8.
    consuming func bytes() -> [UInt8] { out.array() }

    mutating func raw(_ text: String) { out.append(contentsOf: text) }

    private mutating func indent() {
        out.append(UInt8(ascii: "\n"))
        out.append(repeating: UInt8(ascii: " "), count: depth * 2)
    }

    private mutating func startTag(_ name: String, _ attributes: [(String, String?)]) {
        indent()
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name)
        for case let (key, value?) in attributes {
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: key)
            out.append("=\"")
            escape(value, attribute: true)
            out.append(UInt8(ascii: "\""))
        }
    }

    /// `<name a="…"/>`
    mutating func empty(_ name: String, _ attributes: [(String, String?)] = []) {
        startTag(name, attributes)
        out.append("/>")
    }

    /// `<name a="…">text</name>`
    mutating func text(_ name: String, _ attributes: [(String, String?)] = [], _ content: String) {
        startTag(name, attributes)
        out.append(UInt8(ascii: ">"))
        escape(content, attribute: false)
        endTag(name)
    }

    /// `<name a="…">` children `</name>`
    mutating func element(_ name: String, _ attributes: [(String, String?)] = [], _ body: (inout XMLText) -> Void) {
        startTag(name, attributes)
        out.append(UInt8(ascii: ">"))
        depth += 1
        body(&self)
        depth -= 1
        indent()
        endTag(name)
    }

    private mutating func endTag(_ name: String) {
        out.append("</")
        out.append(contentsOf: name)
        out.append(UInt8(ascii: ">"))
    }

    /// Escapes for text or attribute values; tabs, newlines and carriage
    /// returns in attributes become character references so that they
    /// survive attribute-value normalisation.
    private mutating func escape(_ text: String, attribute: Bool) {
        // Most values need no escape: copy them in one go.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 < 0x20 }) {
            out.append(contentsOf: text)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append("&amp;")
            case UInt8(ascii: "<"): out.append("&lt;")
            case UInt8(ascii: ">"): out.append("&gt;")
            case UInt8(ascii: "\"") where attribute: out.append("&quot;")
            case UInt8(ascii: "\r"): out.append("&#13;")
            case UInt8(ascii: "\n") where attribute: out.append("&#10;")
            case UInt8(ascii: "\t") where attribute: out.append("&#9;")
            default: out.append(byte)
            }
        }
    }
}
