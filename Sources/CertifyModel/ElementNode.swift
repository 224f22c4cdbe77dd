/// What the decoders of rubrics, dossiers and reviews read of an XML
/// element. The model knows no XML library: CertifyXML's view of the
/// libxml2 tree conforms, and so could any other parser's elements.
public protocol ElementNode {
    /// The local name.
    var name: String { get }
    /// Whether the local name is `name`, compared where it is (a decoder
    /// tells every child apart by name; no string is made to do it).
    func hasName(_ name: StaticString) -> Bool
    var namespace: String? { get }
    /// Where the start tag is, for located messages.
    var location: SourcePosition { get }
    /// `xml:lang`, if given.
    var language: String? { get }
    /// The concatenated text content.
    var text: String { get }
    /// The child elements, in document order.
    var elements: [Self] { get }
    /// The value of an attribute without a namespace.
    func attribute(_ name: String) -> String?
    /// The child elements with this local name.
    func elements(named name: String) -> [Self]
    /// The first child element with this local name.
    func element(named name: String) -> Self?
}
