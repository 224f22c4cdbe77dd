import CertifyModel
import CertifyRuntime

/// What people type into the pages' forms, made into the canonical text a
/// dossier or review holds. Only the forms are lenient: the XML, the CLI
/// and the API stay strict, and the value written into the XML is always
/// the canonical one.
///
/// Accepted, for numbers: full-width digits and signs ("４５"), thousands
/// separators in groups of three ("1,200"), a unit word after the number
/// ("5건", "12 %"); for dates: dots, slashes or spaces between the parts,
/// with or without leading zeros ("2026.03.02", "2026. 3. 2.").
enum TypedInput {
    /// The text with full-width ASCII forms (U+FF01–FF5E) and the
    /// ideographic space as their ASCII counterparts, trimmed.
    static func halfWidth(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            case 0x2212: out.append("-")
            default: out.append(scalar)
            }
        }
        return String(out).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// A decimal number as the schema writes it (`-?digits(.digits)?`).
    static func isCanonicalNumber(_ text: String, whole: Bool) -> Bool {
        var rest = Substring(text)
        if !whole, rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, first.allSatisfy(isDigit) else { return false }
        if parts.count == 1 { return true }
        return !whole && parts.count == 2 && !parts[1].isEmpty && parts[1].allSatisfy(isDigit)
    }

    /// A number of an indicator or KPI as typed → its canonical text, or
    /// nil when it is not a number of that kind. `whole`: a count.
    /// `percent`: a trailing "%" is its unit.
    static func number(_ typed: String, whole: Bool, percent: Bool = false) -> String? {
        var text = halfWidth(typed)
        // A unit after the number: "%" for a percentage, else a word of
        // Hangul syllables or letters ("건", "개소", "명", "km").
        if percent, text.hasSuffix("%") {
            text = String(text.dropLast())
        } else if let last = text.lastIndex(where: { isDigit($0) }) {
            let unit = text[text.index(after: last)...].trimmingCharacters(in: .whitespaces)
            if !unit.isEmpty, unit.count <= 4, unit.unicodeScalars.allSatisfy({ isUnitScalar($0) }) {
                text = String(text[...last])
            }
        }
        text = text.trimmingCharacters(in: .whitespaces)
        // Thousands separators only in groups of three ("1,200", not "3,5":
        // a decimal comma is ambiguous and stays refused).
        if text.contains(",") {
            let sign = text.hasPrefix("-") ? "-" : ""
            let body = text.dropFirst(sign.count)
            let point = body.firstIndex(of: ".") ?? body.endIndex
            let groups = body[..<point].split(separator: ",", omittingEmptySubsequences: false)
            guard let head = groups.first, (1...3).contains(head.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            text = sign + groups.joined() + body[point...]
        }
        return isCanonicalNumber(text, whole: whole) ? text : nil
    }

    private static func isUnitScalar(_ scalar: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7A3).contains(scalar.value) || (scalar.isASCII && scalar.properties.isAlphabetic)
    }

    /// A date as typed → `YYYY-MM-DD`, or nil when it is not a date.
    static func date(_ typed: String) -> String? {
        let text = halfWidth(typed)
        let parts = text.split(whereSeparator: { ".-/ ".contains($0) }).map(String.init)
        let fields: [String]
        if parts.count == 1, parts[0].count == 8, parts[0].allSatisfy(isDigit) {
            let digits = parts[0]
            fields = [String(digits.prefix(4)), String(digits.dropFirst(4).prefix(2)), String(digits.suffix(2))]
        } else {
            fields = parts
        }
        guard fields.count == 3, fields[0].count == 4, (1...2).contains(fields[1].count), (1...2).contains(fields[2].count),
              fields.allSatisfy({ $0.allSatisfy(isDigit) }) else { return nil }
        func two(_ s: String) -> String { s.count == 1 ? "0" + s : s }
        let iso = "\(fields[0])-\(two(fields[1]))-\(two(fields[2]))"
        return CalendarDate(iso: iso) == nil ? nil : iso
    }
}
