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
        // Told from the UTF-8 at both ends: the scalars' own views decode
        // more than they need to.
        if utf8.withContiguousStorageIfAvailable({ String.plainEnds($0) }) == true { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    @inlinable
    static func plainlyNotWhitespace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x21...0x7E, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true
        default: false
        }
    }

    /// Whether well-formed UTF-8 starts and ends with a scalar that is
    /// plainly not white space. Only one and three bytes long scalars are
    /// decoded: the others are never plainly so.
    @inlinable
    static func plainEnds(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = utf8.count
        guard count > 0 else { return false }
        func scalar(at start: Int) -> UInt32? {
            let lead = utf8[start]
            if lead < 0x80 { return UInt32(lead) }
            guard lead & 0xF0 == 0xE0, start + 2 < count else { return nil }
            return UInt32(lead & 0x0F) << 12 | UInt32(utf8[start + 1] & 0x3F) << 6 | UInt32(utf8[start + 2] & 0x3F)
        }
        guard let first = scalar(at: 0), plainlyNotWhitespace(first) else { return false }
        // The last scalar: one byte, or three ending the text (the lead of
        // a three-byte scalar three bytes from the end).
        let last = utf8[count - 1] < 0x80
            ? UInt32(utf8[count - 1]) : count >= 3 && utf8[count - 3] & 0xF0 == 0xE0 ? scalar(at: count - 3) : nil
        guard let last else { return false }
        return plainlyNotWhitespace(last)
    }

    /// The items of an `xs:list` value: split on XML's white space (space,
    /// tab, CR and LF) alone, as a schema validator splits it. A no-break or
    /// ideographic space is part of an item, not a separator.
    @inlinable
    var xmlListItems: [String] {
        // Split on bytes: these four never occur inside a multi-byte character.
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        // Usually one item, or a few: a loop over the bytes, not the
        // generic `split` (which cost a thousand instructions a list).
        let items = utf8.withContiguousStorageIfAvailable { bytes -> [String] in
            if !bytes.isEmpty, !bytes.contains(where: isSpace) { return [self] }
            var items: [String] = [], start: Int?
            for index in 0...bytes.count {
                if index == bytes.count || isSpace(bytes[index]) {
                    if let first = start {
                        items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<index]), as: UTF8.self))
                    }
                    start = nil
                } else if start == nil {
                    start = index
                }
            }
            return items
        }
        return items ?? utf8.split(whereSeparator: isSpace).map { String(Substring($0)) }
    }
}
