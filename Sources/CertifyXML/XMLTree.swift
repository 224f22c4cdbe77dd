import CLibXML2
import CertifyModel

/// A read-only view of one element of a parsed document.
///
/// Everything above `CertifyXML` reads documents through these views, so no
/// other module sees a C pointer. A view keeps its document alive; nothing
/// is copied until asked for (a name, an attribute value, a text), so a
/// decoder pays only for what it keeps.
public struct XMLElement: @unchecked Sendable, Equatable, ElementNode {
    // @unchecked: the tree is never mutated after parsing (see XMLDocument).
    let node: xmlNodePtr
    let document: XMLDocument

    init(_ node: xmlNodePtr, in document: XMLDocument) {
        self.node = node
        self.document = document
    }

    /// Two views are equal when they show the same node.
    public static func == (a: XMLElement, b: XMLElement) -> Bool { a.node == b.node }

    /// The local name.
    public var name: String { libxmlString(node.pointee.name) }

    /// The namespace URI, if any.
    public var namespace: String? { node.pointee.ns?.pointee.href.map { libxmlString($0) } }

    public func hasName(_ name: StaticString) -> Bool {
        sameText(node.pointee.name, name)
    }

    /// Whether this element is `name` in `namespace` (compared in place).
    public func isNamed(_ name: String, in namespace: String?) -> Bool {
        sameText(node.pointee.name, name) && sameNamespace(node.pointee.ns, namespace)
    }

    /// Where the start tag begins in the source.
    public var location: SourcePosition { StartTag.position(of: node) }

    /// The node, for canonicalization; valid while its document lives.
    public var handle: XMLNodeHandle { XMLNodeHandle(pointer: UnsafeMutableRawPointer(node)) }

    /// Every attribute, in document order.
    public var attributes: [XMLAttribute] {
        var result: [XMLAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            result.append(XMLAttribute(
                name: libxmlString(current.pointee.name),
                namespace: current.pointee.ns?.pointee.href.map { libxmlString($0) },
                value: attributeValue(current)))
            attribute = current.pointee.next
        }
        return result
    }

    /// The value of an attribute in no namespace.
    public func attribute(_ name: String) -> String? {
        // The name's bytes once, not once for every attribute compared.
        var name = name
        return name.withUTF8 { name in
            var attribute = node.pointee.properties
            while let current = attribute {
                if sameText(current.pointee.name, name) && sameNamespace(current.pointee.ns, nil) {
                    return attributeValue(current)
                }
                attribute = current.pointee.next
            }
            return nil
        }
    }

    /// The value of `xml:lang`, if present.
    public var language: String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if sameText(current.pointee.name, "lang"), let href = current.pointee.ns?.pointee.href,
               sameText(href, XMLNamespace.xml) {
                return attributeValue(current)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Element and text children, in document order (comments and
    /// processing instructions carry no data and are left out).
    public var children: [XMLChild] {
        var result: [XMLChild] = []
        forEachChild { child in
            switch child.pointee.type {
            case XML_ELEMENT_NODE: result.append(.element(XMLElement(child, in: document)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                result.append(.text(child.pointee.content.map { libxmlString($0) } ?? ""))
            default: break
            }
        }
        return result
    }

    /// Child elements, in document order.
    public var elements: [XMLElement] {
        var result: [XMLElement] = []
        result.reserveCapacity(Int(xmlChildElementCount(node)))
        forEachChild { child in
            if child.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(child, in: document)) }
        }
        return result
    }

    /// Child elements with a given local name (in this element's namespace).
    public func elements(named name: String) -> [XMLElement] {
        var result: [XMLElement] = []
        // Room for every child element (a count is cheaper than an array's
        // growth, which copies it at 1, 2, 4, 8, … elements).
        result.reserveCapacity(Int(xmlChildElementCount(node)))
        forEachChild { child in
            if isChild(child, named: name) { result.append(XMLElement(child, in: document)) }
        }
        return result
    }

    /// The first child element with a given local name.
    public func element(named name: String) -> XMLElement? {
        var child = node.pointee.children
        while let current = child {
            if isChild(current, named: name) { return XMLElement(current, in: document) }
            child = current.pointee.next
        }
        return nil
    }

    /// The first (or last) child element, whatever its name.
    public func firstElement(last: Bool = false) -> XMLElement? {
        var child = last ? node.pointee.last : node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { return XMLElement(current, in: document) }
            child = last ? current.pointee.prev : current.pointee.next
        }
        return nil
    }

    /// The concatenated text of the direct text children.
    public var text: String {
        // Usually one text child: its string, not one appended to an empty one.
        if let only = node.pointee.children, only.pointee.next == nil {
            let type = only.pointee.type
            guard type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE else { return "" }
            return only.pointee.content.map { libxmlString($0) } ?? ""
        }
        var result = ""
        forEachChild { child in
            if child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE,
               let content = child.pointee.content {
                result += libxmlString(content)
            }
        }
        return result
    }

    private func forEachChild(_ body: (xmlNodePtr) -> Void) {
        var child = node.pointee.children
        while let current = child {
            body(current)
            child = current.pointee.next
        }
    }

    private func isChild(_ child: xmlNodePtr, named name: String) -> Bool {
        guard child.pointee.type == XML_ELEMENT_NODE, sameText(child.pointee.name, name) else { return false }
        // Same namespace as this element: usually the very same declaration.
        let mine = node.pointee.ns, theirs = child.pointee.ns
        if mine == theirs { return true }
        guard let mine, let theirs else { return false }
        return xmlStrEqual(mine.pointee.href, theirs.pointee.href) != 0
    }
}

/// An attribute's value: the text of its children (entities are never
/// substituted, so there are only text nodes).
func attributeValue(_ attribute: xmlAttrPtr) -> String {
    var child = attribute.pointee.children
    if let only = child, only.pointee.next == nil {
        return only.pointee.content.map { libxmlString($0) } ?? ""
    }
    var result = ""
    while let current = child {
        if let content = current.pointee.content { result += libxmlString(content) }
        child = current.pointee.next
    }
    return result
}

/// A NUL-terminated libxml2 string (UTF-8: libxml2 converts every input)
/// as a `String`, for every name, value and text the views read: the same
/// as `String(cString:)`, ill-formed bytes repaired alike, but copied
/// straight into the string's own storage (for a dossier's names, values
/// and texts, about a fifth fewer instructions).
func libxmlString(_ cString: UnsafePointer<xmlChar>) -> String {
    let count = Int(xmlStrlen(cString))
    guard count > 0 else { return "" }
    return String(unsafeUninitializedCapacity: count) { buffer in
        buffer.baseAddress!.update(from: cString, count: count)
        return count
    }
}

/// Whether a NUL-terminated libxml2 string equals `text`, without copying.
func sameText(_ cString: UnsafePointer<xmlChar>, _ text: StaticString) -> Bool {
    text.withUTF8Buffer { sameText(cString, $0) }
}

/// Whether a NUL-terminated libxml2 string equals `text`, without copying.
func sameText(_ cString: UnsafePointer<xmlChar>?, _ text: String) -> Bool {
    guard let cString else { return false }
    var text = text
    return text.withUTF8 { sameText(cString, $0) }
}

/// Whether a NUL-terminated libxml2 string has the bytes `utf8`.
func sameText(_ cString: UnsafePointer<xmlChar>, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    for index in utf8.indices {
        // A NUL in `utf8` cannot match (and must not read past cString's end).
        guard utf8[index] != 0, cString[index] == utf8[index] else { return false }
    }
    return cString[utf8.count] == 0
}

private func sameNamespace(_ ns: xmlNsPtr?, _ uri: String?) -> Bool {
    guard let uri else { return ns?.pointee.href == nil }
    return sameText(ns?.pointee.href, uri)
}

/// An opaque reference to a node of a parsed document (no C types leak out).
public struct XMLNodeHandle: @unchecked Sendable, Hashable {
    let pointer: UnsafeMutableRawPointer
}

public enum XMLChild: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
}

public struct XMLAttribute: Sendable, Equatable {
    public var name: String
    public var namespace: String?
    public var value: String

    public init(name: String, namespace: String? = nil, value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}

enum XMLNamespace {
    /// Bound to the prefix `xml` (`xml:lang`), compared with libxml2's strings where they are.
    static let xml: StaticString = "http://www.w3.org/XML/1998/namespace"
}
