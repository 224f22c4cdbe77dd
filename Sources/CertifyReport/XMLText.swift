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

    private mutating func escape(_ text: String, attribute: Bool) {
        XMLEscape.append(text, attribute: attribute, to: &out)
    }
}
