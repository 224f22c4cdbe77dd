import CertifyXML

/// The XML namespaces of Certify's formats (formats.md).
public enum CertifyNamespace {
    public static let rubric = "urn:certify:rubric:1"
    public static let dossier = "urn:certify:dossier:1"
    public static let review = "urn:certify:review:1"
    public static let report = "urn:certify:report:1"
}

/// Collects diagnostics while reading elements whose shape the XSD has
/// already checked; it still guards every value it converts.
struct ElementReader {
    var diagnostics: [Diagnostic] = []

    mutating func fail(_ message: String, at position: SourcePosition) {
        diagnostics.append(Diagnostic(message, at: position))
    }

    mutating func required(_ element: XMLElementRef, _ name: String) -> String {
        if let value = element.attribute(name) { return value }
        fail("<\(element.name)> needs the attribute '\(name)'", at: element.location)
        return ""
    }

    mutating func number(_ element: XMLElementRef, _ name: String, context: String) -> Rational {
        let text = required(element, name)
        if let value = Rational(decimal: text) { return value }
        if !text.isEmpty { fail("\(context): '\(name)' must be a decimal number, got '\(text)'", at: element.location) }
        return .zero
    }

    mutating func integer(_ element: XMLElementRef, _ name: String, context: String) -> Int {
        let text = required(element, name)
        if let value = Int(text) { return value }
        if !text.isEmpty { fail("\(context): '\(name)' must be an integer, got '\(text)'", at: element.location) }
        return 0
    }

    mutating func boolean(_ element: XMLElementRef, _ name: String, default value: Bool) -> Bool {
        switch element.attribute(name) {
        case nil: return value
        case "true", "1": return true
        case "false", "0": return false
        case let other?:
            fail("'\(name)' must be true or false, got '\(other)'", at: element.location)
            return value
        }
    }

    /// `<label xml:lang="ko">…</label>` children as one localized text.
    func localized(_ elements: [XMLElementRef]) -> LocalizedText {
        var text = LocalizedText()
        for element in elements {
            text[tag: element.language ?? "en"] = element.text.trimmingWhitespace
        }
        return text
    }
}

public typealias XMLElementRef = CertifyXML.XMLElement

extension String {
    var trimmingWhitespace: String {
        // Nearly every value is already trimmed: ASCII non-space at both ends.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
