import CLibXML2

/// Exclusive XML Canonicalization 1.0 without comments
/// (`http://www.w3.org/2001/10/xml-exc-c14n#`), by libxml2.
extension XMLDocument {
    /// The whole document (`URI=""`), leaving out the subtree at `excluded`
    /// — the enveloped-signature transform followed by exc-c14n.
    public func exclusiveCanonical(excluding excluded: XMLNodeHandle?) -> [UInt8]? {
        let target = excluded?.pointer
        return canonical(Visibility(subtree: nil, excluded: target))
    }

    /// The subtree rooted at `node` (e.g. a `SignedInfo`), with the namespace
    /// declarations it visibly uses.
    public func exclusiveCanonical(subtree node: XMLNodeHandle) -> [UInt8]? {
        canonical(Visibility(subtree: node.pointer, excluded: nil))
    }

    private func canonical(_ visibility: Visibility) -> [UInt8]? {
        guard let buffer = xmlAllocOutputBuffer(nil) else { return nil }
        defer { xmlOutputBufferClose(buffer) }
        let status = withExtendedLifetime(visibility) {
            xmlC14NExecute(
                pointer, isVisible, Unmanaged.passUnretained(visibility).toOpaque(),
                Int32(XML_C14N_EXCLUSIVE_1_0.rawValue), nil, 0, buffer)
        }
        guard status >= 0, xmlOutputBufferFlush(buffer) >= 0,
              let content = xmlOutputBufferGetContent(buffer) else { return nil }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlOutputBufferGetSize(buffer))))
    }
}

private final class Visibility {
    let subtree: UnsafeMutableRawPointer?
    let excluded: UnsafeMutableRawPointer?
    init(subtree: UnsafeMutableRawPointer?, excluded: UnsafeMutableRawPointer?) {
        self.subtree = subtree
        self.excluded = excluded
    }
}

private let typeOffset = MemoryLayout<xmlNode>.offset(of: \xmlNode.type)!

/// libxml2 asks this for every node, attribute and namespace node.
private let isVisible: xmlC14NIsVisibleCallback = { context, node, parent in
    guard let context else { return 1 }
    let visibility = Unmanaged<Visibility>.fromOpaque(context).takeUnretainedValue()
    // Namespace nodes are xmlNs, not xmlNode: judge them by their element.
    // (Both structs keep `type` at the same offset, as libxml2 guarantees.)
    var current: xmlNodePtr? = node
    if let node {
        // Load only the `type` field: the node may be a (smaller) xmlNs.
        let type = UnsafeRawPointer(node).load(fromByteOffset: typeOffset, as: xmlElementType.self)
        if type == XML_NAMESPACE_DECL || type == XML_ATTRIBUTE_NODE { current = parent }
    }
    var insideSubtree = visibility.subtree == nil
    while let here = current {
        let raw = UnsafeMutableRawPointer(here)
        if raw == visibility.excluded { return 0 }
        if raw == visibility.subtree { insideSubtree = true }
        current = here.pointee.parent
        if here.pointee.type == XML_DOCUMENT_NODE { break }
    }
    return insideSubtree ? 1 : 0
}
