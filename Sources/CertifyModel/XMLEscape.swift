/// Escapes text for XML: the one escaper of the XML Certify writes (the
/// reports' `XMLText`, the dossier the self-check form builds).
public enum XMLEscape {
    /// Appends `text` escaped for element content (`&`, `<`, `>`, CR) or,
    /// with `attribute`, for a quoted attribute value: also `"`, and tabs and
    /// line ends as character references, so that they survive
    /// attribute-value normalisation.
    public static func append(_ text: String, attribute: Bool, to out: inout ByteWriter) {
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

    /// `text` escaped (see `append`).
    public static func string(_ text: String, attribute: Bool) -> String {
        var out = ByteWriter(capacity: text.utf8.count + 16)
        append(text, attribute: attribute, to: &out)
        return String(decoding: out.array(), as: UTF8.self)
    }
}
