/// A plain-Swift copy of a parsed XML element, detached from libxml2.
///
/// Everything above `CertifyXML` works on these values only, so no other
/// module needs to know about C pointers or libxml2 lifetimes.
public struct XMLElement: Sendable, Equatable {
    public var name: String
    public var namespace: String?
    public var attributes: [XMLAttribute]
    public var children: [XMLChild]
    public var location: SourcePosition
    /// The libxml2 node this element was copied from, for canonicalization;
    /// valid while its `XMLDocument` lives.
    public var handle: XMLNodeHandle?

    public init(
        name: String, namespace: String?, attributes: [XMLAttribute] = [],
        children: [XMLChild] = [], location: SourcePosition = .unknown, handle: XMLNodeHandle? = nil
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.location = location
        self.handle = handle
    }

    /// The value of an attribute in no namespace.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name && $0.namespace == nil }?.value
    }

    /// The value of `xml:lang`, if present.
    public var language: String? {
        attributes.first { $0.name == "lang" && $0.namespace == XMLNamespace.xml }?.value
    }

    /// Child elements, in document order.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// Child elements with a given local name (in this element's namespace).
    public func elements(named name: String) -> [XMLElement] {
        elements.filter { $0.name == name && $0.namespace == namespace }
    }

    /// The first child element with a given local name.
    public func element(named name: String) -> XMLElement? {
        elements.first { $0.name == name && $0.namespace == namespace }
    }

    /// The concatenated text of the direct text children.
    public var text: String {
        var result = ""
        for child in children { if case .text(let t) = child { result += t } }
        return result
    }
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

public enum XMLNamespace {
    public static let xml = "http://www.w3.org/XML/1998/namespace"
}

/// A line and column in a source file; 0 means unknown.
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let unknown = SourcePosition(line: 0, column: 0)

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}
