import CLibXML2
import CertifyModel

/// A libxml2 error as the catalog describes it: its code mapped to a
/// `Message.XMLError.Kind`, with the element, attribute and values libxml2
/// reports in the error's fields (`node`, `str1`…`str3`, `int1`), never read
/// from its English text. `english` keeps that text for the English output.
func describe(_ error: UnsafePointer<xmlError>, english: String) -> Message.XMLError {
    let e = error.pointee
    let code = Int(e.code)
    let str1 = e.str1.map { String(cString: $0) }
    let str2 = e.str2.map { String(cString: $0) }
    let str3 = e.str3.map { String(cString: $0) }
    let int1 = Int(e.int1)
    let node = e.node?.assumingMemoryBound(to: xmlNode.self)
    let element = node.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? $0.pointee.name.map { String(cString: $0) } : nil }
    typealias Kind = Message.XMLError.Kind
    func make(_ kind: Kind, element named: String? = nil, attribute: String? = nil) -> Message.XMLError {
        Message.XMLError(kind, element: named ?? element, attribute: attribute, english: english)
    }
    /// A schema error about a value: the attribute of the element holding
    /// it, unless the element's own text is that value.
    func valued(_ kind: Kind) -> Message.XMLError {
        make(kind, attribute: node.flatMap { attribute(holding: str1 ?? "", on: $0) })
    }
    switch e.domain {
    case Int32(XML_FROM_SCHEMASV.rawValue):
        let value = str1 ?? ""
        switch code {
        case Int(XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1.rawValue), Int(XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_2.rawValue),
             Int(XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_3.rawValue):
            return valued(.notOfType(value: value))
        // A length facet names the value, its length and the bound; for an
        // element's text it leaves the value out (str1 the length, str2 the
        // bound, no str3).
        case Int(XML_SCHEMAV_CVC_LENGTH_VALID.rawValue):
            let (shown, length, bound) = str3 == nil ? ("", value, str2 ?? "") : (value, str2 ?? "", str3!)
            return str3 == nil ? make(.lengthDiffers(value: shown, length: length, allowed: bound))
                : valued(.lengthDiffers(value: shown, length: length, allowed: bound))
        case Int(XML_SCHEMAV_CVC_MINLENGTH_VALID.rawValue):
            let (shown, length, bound) = str3 == nil ? ("", value, str2 ?? "") : (value, str2 ?? "", str3!)
            return str3 == nil ? make(.tooShort(value: shown, length: length, minimum: bound))
                : valued(.tooShort(value: shown, length: length, minimum: bound))
        case Int(XML_SCHEMAV_CVC_MAXLENGTH_VALID.rawValue):
            let (shown, length, bound) = str3 == nil ? ("", value, str2 ?? "") : (value, str2 ?? "", str3!)
            return str3 == nil ? make(.tooLong(value: shown, length: length, maximum: bound))
                : valued(.tooLong(value: shown, length: length, maximum: bound))
        case Int(XML_SCHEMAV_CVC_MININCLUSIVE_VALID.rawValue):
            return valued(.belowMinimum(value: value, minimum: str2 ?? ""))
        case Int(XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID.rawValue):
            return valued(.aboveMaximum(value: value, maximum: str2 ?? ""))
        case Int(XML_SCHEMAV_CVC_MINEXCLUSIVE_VALID.rawValue):
            return valued(.notAbove(value: value, bound: str2 ?? ""))
        case Int(XML_SCHEMAV_CVC_MAXEXCLUSIVE_VALID.rawValue):
            return valued(.notBelow(value: value, bound: str2 ?? ""))
        case Int(XML_SCHEMAV_CVC_TOTALDIGITS_VALID.rawValue), Int(XML_SCHEMAV_CVC_FRACTIONDIGITS_VALID.rawValue):
            return valued(.tooManyDigits(value: value))
        case Int(XML_SCHEMAV_CVC_PATTERN_VALID.rawValue):
            return valued(.notInPattern(value: value))
        case Int(XML_SCHEMAV_CVC_ENUMERATION_VALID.rawValue):
            return valued(.notInSet(value: value, allowed: str2 ?? ""))
        case Int(XML_SCHEMAV_ELEMENT_CONTENT.rawValue), Int(XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4.rawValue):
            return make(.contentOutOfOrder(expected: expectedElements(english)))
        case Int(XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1.rawValue), Int(XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2.rawValue):
            return make(.attributeNotAllowed(value))
        case Int(XML_SCHEMAV_CVC_COMPLEX_TYPE_4.rawValue):
            return make(.attributeMissing(value))
        case Int(XML_SCHEMAV_CVC_IDC.rawValue):
            // A keyref with no key: no node; str1 the element, str2 the
            // key-sequence, str3 the keyref. A duplicate: the element's
            // node; str1 the key-sequence.
            if node == nil, let str3, !str3.isEmpty {
                return make(.unknownReference(value: keySequence(str2 ?? "")), element: localName(value))
            }
            return make(.duplicateKey(value: keySequence(value)))
        default: return make(schemaErrorKinds[code] ?? .other(code: code))
        }
    default:
        switch code {
        case Int(XML_ERR_INVALID_CHAR.rawValue), Int(XML_ERR_INVALID_ENCODING.rawValue):
            // Bytes that are not UTF-8 come listed in str1 ("0xE4 0xB8 …");
            // a character XML forbids, as its code point in int1.
            if let str1, str1.contains("0x") { return make(.notUTF8(bytes: hexBytes(str1))) }
            if code == Int(XML_ERR_INVALID_ENCODING.rawValue) { return make(.notUTF8(bytes: "")) }
            return make(.invalidCharacter(int1))
        case Int(XML_ERR_UNDECLARED_ENTITY.rawValue), Int(XML_WAR_UNDECLARED_ENTITY.rawValue):
            return make(.undeclaredEntity(str1 ?? ""))
        case Int(XML_ERR_UNKNOWN_ENCODING.rawValue), Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue),
             Int(XML_ERR_ENCODING_NAME.rawValue):
            return make(.unsupportedEncoding(str1 ?? ""))
        case Int(XML_ERR_ATTRIBUTE_WITHOUT_VALUE.rawValue): return make(.attributeWithoutValue(str1 ?? ""))
        case Int(XML_ERR_ATTRIBUTE_REDEFINED.rawValue): return make(.attributeTwice(str1 ?? ""))
        case Int(XML_ERR_GT_REQUIRED.rawValue):
            return make(.greaterThanRequired(tag: str1.flatMap { $0.isEmpty ? nil : $0 }, line: int1))
        case Int(XML_ERR_TAG_NAME_MISMATCH.rawValue):
            return make(.tagMismatch(open: str1 ?? "", line: int1, close: str2 ?? ""))
        case Int(XML_ERR_TAG_NOT_FINISHED.rawValue): return make(.endOfDataInTag(tag: str1 ?? "", line: int1))
        case Int(XML_NS_ERR_UNDEFINED_NAMESPACE.rawValue): return make(.prefixUndeclared(prefix: str1 ?? "", name: str2 ?? ""))
        default: return make(parserErrorKinds[code] ?? .other(code: code))
        }
    }
}

/// The kinds of the schema errors that need none of the error's fields.
private let schemaErrorKinds = errorKinds([
    ([XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1], .mustBeEmpty),
    ([XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2, XML_SCHEMAV_CVC_TYPE_3_1_2], .noChildElements),
    ([XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3], .noText),
    ([XML_SCHEMAV_CVC_ELT_1, XML_SCHEMAV_CVC_WILDCARD], .noDeclaration),
    ([XML_SCHEMAV_CVC_ELT_5_2_2_1, XML_SCHEMAV_CVC_ELT_5_2_2_2_1, XML_SCHEMAV_CVC_ELT_5_2_2_2_2, XML_SCHEMAV_CVC_AU],
     .fixedValue),
])

/// The kinds of the parser (and namespace and encoding) errors that need
/// none of the error's fields.
private let parserErrorKinds = errorKinds([
    ([XML_ERR_DOCUMENT_EMPTY, XML_ERR_DOCUMENT_START], .documentEmpty),
    ([XML_ERR_DOCUMENT_END, XML_ERR_EXTRA_CONTENT, XML_ERR_NOT_WELL_BALANCED], .contentAfterRoot),
    ([XML_ERR_INVALID_HEX_CHARREF, XML_ERR_INVALID_DEC_CHARREF, XML_ERR_INVALID_CHARREF], .invalidCharacterReference),
    ([XML_ERR_ENTITYREF_NO_NAME], .ampersandWithoutName),
    ([XML_ERR_ENTITYREF_SEMICOL_MISSING], .entityReferenceNotClosed),
    ([XML_ERR_LT_IN_ATTRIBUTE], .lessThanInAttribute),
    ([XML_ERR_ATTRIBUTE_NOT_STARTED, XML_ERR_LITERAL_NOT_STARTED, XML_ERR_STRING_NOT_STARTED], .attributeNotQuoted),
    ([XML_ERR_ATTRIBUTE_NOT_FINISHED, XML_ERR_LITERAL_NOT_FINISHED, XML_ERR_STRING_NOT_CLOSED], .attributeNotClosed),
    ([XML_ERR_COMMENT_NOT_FINISHED], .commentNotClosed),
    ([XML_ERR_HYPHEN_IN_COMMENT], .hyphensInComment),
    ([XML_ERR_PI_NOT_STARTED, XML_ERR_PI_NOT_FINISHED], .processingInstructionNotClosed),
    ([XML_ERR_XMLDECL_NOT_STARTED, XML_ERR_XMLDECL_NOT_FINISHED, XML_ERR_STANDALONE_VALUE], .declarationNotClosed),
    ([XML_ERR_RESERVED_XML_NAME], .declarationNotAtStart),
    ([XML_ERR_VERSION_MISSING], .declarationWithoutVersion),
    ([XML_ERR_CDATA_NOT_FINISHED, XML_ERR_MISPLACED_CDATA_END], .cdataNotClosed),
    ([XML_ERR_SPACE_REQUIRED], .spaceRequired),
    ([XML_ERR_NAME_REQUIRED, XML_ERR_LT_REQUIRED], .nameRequired),
    ([XML_ERR_EQUAL_REQUIRED], .equalsRequired),
    ([XML_ERR_LTSLASH_REQUIRED], .endTagRequired),
    ([XML_NS_ERR_QNAME, XML_NS_ERR_COLON], .badQualifiedName),
    ([XML_NS_ERR_ATTRIBUTE_REDEFINED], .namespacedAttributeTwice),
    ([XML_NS_ERR_EMPTY], .emptyNamespace),
    ([XML_IO_ENCODER, XML_I18N_CONV_FAILED], .notUTF8(bytes: "")),
])

/// A table from error codes to kinds, each code listed once.
private func errorKinds(_ rows: [([xmlParserErrors], Message.XMLError.Kind)]) -> [Int: Message.XMLError.Kind] {
    Dictionary(uniqueKeysWithValues: rows.flatMap { codes, kind in codes.map { (Int($0.rawValue), kind) } })
}

/// The attribute of `element` whose value is `value`, unless the element's
/// own text is that value (then the error is about the text).
private func attribute(holding value: String, on element: xmlNodePtr) -> String? {
    var text = ""
    var child = element.pointee.children
    while let current = child {
        if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content { text += String(cString: content) }
        child = current.pointee.next
    }
    if text == value { return nil }
    var attribute = element.pointee.properties
    while let current = attribute {
        if attributeValue(current) == value { return current.pointee.name.map { String(cString: $0) } }
        attribute = current.pointee.next
    }
    return nil
}

/// The local names of the `{namespace}name` tokens libxml2 lists between
/// the last "(" and ")" of an element-content error: the elements expected.
private func expectedElements(_ message: String) -> [String] {
    guard let open = message.lastIndex(of: "(") else { return [] }
    var names: [String] = []
    var rest = message[message.index(after: open)...]
    while let close = rest.firstIndex(of: "}") {
        let tail = rest[rest.index(after: close)...]
        let name = tail.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
        if !name.isEmpty { names.append(String(name)) }
        rest = tail
    }
    return names
}

/// `{urn:…}indicator` → `indicator`.
private func localName(_ qualified: String) -> String {
    qualified.lastIndex(of: "}").map { String(qualified[qualified.index(after: $0)...]) } ?? qualified
}

/// `['A-1']` → `A-1` (fields of a compound key stay comma-separated).
private func keySequence(_ text: String) -> String {
    var inner = Substring(text)
    if inner.hasPrefix("[") && inner.hasSuffix("]") { inner = inner.dropFirst().dropLast() }
    if inner.hasPrefix("'") && inner.hasSuffix("'") && inner.count >= 2 { inner = inner.dropFirst().dropLast() }
    return String(inner)
}

/// The `0x..` tokens of libxml2's byte listing, space-separated.
private func hexBytes(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0.isNewline }).filter { $0.hasPrefix("0x") }.joined(separator: " ")
}
