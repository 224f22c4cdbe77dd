import CertifyTemplates

extension HTMLRenderer {
    /// Escapes text for element content and quoted attribute values alike
    /// (`&`, `<`, `>`, `"`, `'`). Characters HTML does not allow in a page
    /// (C0 controls other than tab and line ends, DEL and the C1 controls,
    /// noncharacters) become U+FFFD, so that untrusted text always yields a
    /// valid page (the same rule as `Templates.cleanText`, which the
    /// templated pages use). The cohort and compare pages use it; the
    /// report's page is escaped by its mustache template.
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
                if Templates.isAllowed(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "\u{FFFD}"
                }
            }
        }
        return out
    }
}
