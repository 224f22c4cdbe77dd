import CLibXML2
import CXMLArena
import CertifyModel

/// A compiled XML Schema. Compile once at start-up; validating is thread-safe
/// (each call uses its own validation context).
public final class XMLSchema: @unchecked Sendable {
    // @unchecked: a compiled xmlSchema is read-only after xmlSchemaParse.
    private let pointer: xmlSchemaPtr

    /// Compiles a schema from its bytes. The schema may not import or include
    /// other files: nothing is loaded from elsewhere.
    public init(bytes: [UInt8]) throws(XMLFailure) {
        LibXML2.initialize()
        let collector = ProblemCollector(document: nil)
        let compiled: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                guard let parser = xmlSchemaNewMemParserCtxt(base, Int32(buffer.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(parser) }
                let context = Unmanaged.passUnretained(collector).toOpaque()
                xmlSchemaSetParserStructuredErrors(parser, collectSchemaError, context)
                return withExtendedLifetime(collector) { xmlSchemaParse(parser) }
            }
        }
        guard let compiled else { throw XMLFailure(collector.problems) }
        pointer = compiled
    }

    deinit { xmlSchemaFree(pointer) }

    /// Every way the document departs from the schema, located.
    public func validate(_ document: XMLDocument) -> [XMLProblem] {
        // In the document's own slot when this thread made it: validation
        // can add to the tree (an `xsi:type` adds the `xml` namespace's
        // declaration), and the slot lives as long as the document.
        let window = certify_arena_begin_in(document.slot) == 1
        defer { if window { certify_arena_end() } }
        guard let context = xmlSchemaNewValidCtxt(pointer) else {
            return [XMLProblem(.schemaContext)]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = ProblemCollector(document: document)
        xmlSchemaSetValidStructuredErrors(
            context, collectSchemaError, Unmanaged.passUnretained(collector).toOpaque())
        let result = withExtendedLifetime(collector) { xmlSchemaValidateDoc(context, document.pointer) }
        if result != 0 && collector.problems.isEmpty {
            collector.problems.append(XMLProblem(.schemaMismatch))
        }
        return collector.problems
    }
}


private final class ProblemCollector {
    let document: XMLDocument?
    var problems: [XMLProblem] = []
    init(document: XMLDocument?) { self.document = document }
}

private let collectSchemaError: xmlStructuredErrorFunc = { ctx, error in
    guard let ctx, let error else { return }
    let collector = Unmanaged<ProblemCollector>.fromOpaque(ctx).takeUnretainedValue()
    guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    var position = SourcePosition(line: Int(error.pointee.line), column: Int(error.pointee.int2))
    if let document = collector.document, let node = error.pointee.node {
        let located = document.position(of: node)
        if located != .unknown { position = located }
    }
    let message = error.pointee.message.map { String(cString: $0) } ?? "schema error"
    collector.problems.append(XMLProblem(.schema, describe(error, english: clean(message)), at: position))
}
