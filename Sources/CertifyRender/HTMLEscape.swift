extension HTMLRenderer {
    /// Escapes text for element content and quoted attribute values alike
    /// (`&`, `<`, `>`, `"`, `'`). Characters HTML does not allow in a page
    /// (C0 controls other than tab and line ends, DEL and the C1 controls,
    /// noncharacters) become U+FFFD, so that untrusted text always yields a
    /// valid page. The report page and the cohort and compare pages use it.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || (0x7F...0x9F).contains(scalar.value)
                    || (0xFDD0...0xFDEF).contains(scalar.value) || scalar.value & 0xFFFE == 0xFFFE {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
