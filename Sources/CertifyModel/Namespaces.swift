/// The XML namespaces of Certify's formats (formats.md).
public enum CertifyNamespace {
    public static let rubric = "urn:certify:rubric:1"
    public static let dossier = "urn:certify:dossier:1"
    public static let review = "urn:certify:review:1"
    public static let report = "urn:certify:report:1"
}

/// Collects diagnostics while reading elements whose shape the XSD has
/// already checked; it still guards every value it converts.
@usableFromInline
struct ElementReader {
    @usableFromInline var diagnostics: [Diagnostic] = []

    @inlinable
    init() {}

    /// A reader for a document whose root must be `<name>` in `namespace`:
    /// any other root is refused at once, before anything is read.
    @inlinable
    init(root: some ElementNode, _ name: String, in namespace: String) throws(CertifyError) {
        guard root.name == name, root.namespace == namespace else {
            throw CertifyError(.invalidInput, [Diagnostic(
                .expectedRoot(element: name, namespace: namespace), at: root.location)])
        }
    }

    /// The document read, unless anything was reported while reading it:
    /// then every diagnostic, in the order reported.
    @inlinable
    func result<Document>(_ document: consuming Document) throws(CertifyError) -> Document {
        guard diagnostics.isEmpty else { throw CertifyError(.invalidInput, diagnostics) }
        return document
    }

    @inlinable
    mutating func fail(_ message: Message, at position: SourcePosition) {
        diagnostics.append(Diagnostic(message, at: position))
    }

    /// A child element the document's format does not have.
    @inlinable
    mutating func unexpected(_ element: some ElementNode) {
        fail(.unexpectedElement(element.name), at: element.location)
    }

    @inlinable
    mutating func required(_ element: some ElementNode, _ name: String) -> String {
        if let value = element.attribute(name) { return value }
        fail(.missingAttribute(element: element.name, attribute: name), at: element.location)
        return ""
    }

    mutating func number(_ element: some ElementNode, _ name: String, context: Message.DecodeContext) -> Rational {
        let text = required(element, name)
        if let value = Rational(decimal: text) { return value }
        if !text.isEmpty { fail(.notDecimalAttribute(context, attribute: name, given: text), at: element.location) }
        return .zero
    }

    mutating func integer(_ element: some ElementNode, _ name: String, context: Message.DecodeContext) -> Int {
        let text = required(element, name)
        if let value = Int(text) { return value }
        if !text.isEmpty { fail(.notIntegerAttribute(context, attribute: name, given: text), at: element.location) }
        return 0
    }

    mutating func boolean(_ element: some ElementNode, _ name: String, default value: Bool) -> Bool {
        switch element.attribute(name) {
        case nil: return value
        case "true", "1": return true
        case "false", "0": return false
        case let other?:
            fail(.notBooleanAttribute(attribute: name, given: other), at: element.location)
            return value
        }
    }

    /// A required attribute whose value is one of an enumeration's raw values.
    @inlinable
    mutating func enumeration<Value: RawRepresentable & CaseIterable>(
        _ element: some ElementNode, _ name: String, context: Message.DecodeContext
    ) -> Value? where Value.RawValue == String {
        let text = required(element, name)
        if let value = Value(rawValue: text) { return value }
        if !text.isEmpty {
            fail(.notEnumAttribute(context, attribute: name, allowed: Value.allCases.map(\.rawValue), given: text),
                 at: element.location)
        }
        return nil
    }

    /// `<label xml:lang="ko">…</label>` children as one localized text.
    @inlinable
    func localized(_ elements: [some ElementNode]) -> LocalizedText {
        var text = LocalizedText()
        for element in elements {
            text[tag: element.language ?? "en"] = element.text.trimmingWhitespace
        }
        return text
    }
}


extension String {
    @inlinable
    var trimmingWhitespace: String {
        // Nearly every value is already trimmed: it starts and ends with a
        // printable ASCII character, a Hangul syllable or a CJK ideograph.
        // None of these is whitespace, and a grapheme cluster ending with
        // one cannot start with whitespace.
        if let first = unicodeScalars.first, let last = unicodeScalars.last,
           String.plainlyNotWhitespace(first), String.plainlyNotWhitespace(last) {
            return self
        }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    @inlinable
    static func plainlyNotWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x7E, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true
        default: false
        }
    }

    /// The items of an `xs:list` value: split on XML's white space (space,
    /// tab, CR and LF) alone, as a schema validator splits it. A no-break or
    /// ideographic space is part of an item, not a separator.
    @inlinable
    var xmlListItems: [String] {
        // Split on bytes: these four never occur inside a multi-byte character.
        utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
            .map { String(Substring($0)) }
    }
}
