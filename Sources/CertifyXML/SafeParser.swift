import CLibXML2
import CXMLArena
import CertifyModel

/// A parsed document that owns its libxml2 tree.
///
/// Only `CertifyXML` sees the C tree; callers read it through `root`.
public final class XMLDocument: @unchecked Sendable {
    // @unchecked: Certify never modifies a tree after parsing; validation
    // may add to it (XMLSchema.validate), and is done by one thread at a time.
    let pointer: xmlDocPtr
    private let rootNode: xmlNodePtr
    /// The arena slot the tree was made in (-1: the system allocator's).
    let slot: Int32

    init(pointer: xmlDocPtr, rootNode: xmlNodePtr, slot: Int32) {
        self.pointer = pointer
        self.rootNode = rootNode
        self.slot = slot
        certify_arena_adopt(slot)
    }

    deinit {
        // A tree wholly in its arena slot goes when the slot is reused; any
        // other is freed block by block. (What validation adds to a tree is
        // taken in the same slot, or marks the slot as spilled.)
        if certify_arena_whole(slot) == 0 { xmlFreeDoc(pointer) }
        certify_arena_release(slot)
    }

    /// The root element.
    public var root: XMLElement { XMLElement(rootNode, in: self) }

    func position(of node: UnsafeMutableRawPointer?) -> SourcePosition {
        guard var node = node?.assumingMemoryBound(to: xmlNode.self) else { return .unknown }
        // Attributes and text report the position of their element.
        while node.pointee.type != XML_ELEMENT_NODE {
            guard let parent = node.pointee.parent else { return .unknown }
            node = parent
        }
        return StartTag.position(of: node)
    }
}

/// Parses untrusted XML with libxml2, refusing everything that could make a
/// document read other files, reach the network or expand without bound.
///
/// - Any DOCTYPE is refused as soon as the parser meets it, before its
///   internal subset (and so any entity declaration) is read.
/// - Entities are never substituted; an undeclared entity is an error.
/// - No network (`XML_PARSE_NONET`), no external DTD, no XInclude processing,
///   and a process-wide external entity loader that refuses everything.
/// - Size, depth, element-count and text-length limits (`XMLLimits`).
public enum SafeXMLParser {
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(XMLFailure) -> XMLDocument {
        LibXML2.initialize()
        guard bytes.count <= limits.maxBytes else {
            throw XMLFailure([XMLProblem(.fileTooLarge(size: bytes.count, limit: limits.maxBytes))])
        }
        guard !bytes.isEmpty else {
            throw XMLFailure([XMLProblem(.empty, at: .init(line: 1, column: 1))])
        }
        let state = ParseState(limits: limits)
        let slot = certify_arena_begin()
        defer { certify_arena_end() }
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let ctxt = parserContext(buffer) else { return nil }
            defer { xmlFreeParserCtxt(ctxt) }
            xmlCtxtUseOptions(ctxt, parserOptions)
            ctxt.pointee._private = Unmanaged.passUnretained(state).toOpaque()
            if let sax = ctxt.pointee.sax {
                sax.pointee.internalSubset = refuseDoctype
                sax.pointee.externalSubset = nil
                sax.pointee.startElementNs = startElement
                sax.pointee.endElementNs = endElement
                sax.pointee.serror = collectParserError
            }
            // libxml2 raises some errors with no parser context (a failed
            // encoding conversion, an error growing the input): they go to
            // this thread's structured handler, which would otherwise print
            // them, unlocated, on stderr. During the parse they are this
            // document's problems.
            xmlSetStructuredErrorFunc(UnsafeMutableRawPointer(ctxt), collectParserError)
            _ = withExtendedLifetime(state) { xmlParseDocument(ctxt) }
            LibXML2.silenceStrayErrors()
            let doc = ctxt.pointee.myDoc
            ctxt.pointee.myDoc = nil
            if ctxt.pointee.wellFormed == 0 && state.problems.isEmpty {
                state.problems.append(XMLProblem(.notWellFormed))
            }
            return doc
        }
        guard let document, state.problems.isEmpty else {
            if let document { xmlFreeDoc(document) }
            throw XMLFailure(state.problems.isEmpty
                ? [XMLProblem(.cannotParse)] : state.problems)
        }
        guard let rootNode = xmlDocGetRootElement(document) else {
            xmlFreeDoc(document)
            throw XMLFailure([XMLProblem(.noRoot)])
        }
        let problems = LengthCheck(limits: limits).problems(below: rootNode)
        guard problems.isEmpty else {
            xmlFreeDoc(document)
            throw XMLFailure(problems)
        }
        return XMLDocument(pointer: document, rootNode: rootNode, slot: slot)
    }
}

// XML_PARSE_COMPACT keeps short texts inside their nodes (one allocation
// fewer each): the tree is never modified after parsing, which is all that
// option asks.
private let parserOptions: Int32 = [
    XML_PARSE_NONET, XML_PARSE_NOCDATA, XML_PARSE_NOXINCNODE, XML_PARSE_BIG_LINES, XML_PARSE_COMPACT,
].reduce(Int32(0)) { $0 | Int32($1.rawValue) }

/// A parser context for `buffer`, which libxml2 copies whole into its
/// input buffer. A memory context still asks its (empty) source for more
/// at every step within 250 bytes of the end, about a hundred times a
/// document; when the document is UTF-8 for sure (`DeclaredEncoding`) it
/// is told there is no source, so that it stops asking. A document in
/// another encoding keeps the source: libxml2 converts it as it asks.
private func parserContext(_ buffer: UnsafeBufferPointer<UInt8>) -> xmlParserCtxtPtr? {
    let context = buffer.withMemoryRebound(to: CChar.self) { chars in
        xmlCreateMemoryParserCtxt(chars.baseAddress, Int32(buffer.count))
    }
    if let input = context?.pointee.input?.pointee.buf, DeclaredEncoding.isUTF8(buffer) {
        input.pointee.readcallback = nil
    }
    return context
}

/// Whether a document is UTF-8 without a doubt: it starts (after an
/// optional UTF-8 byte-order mark) with an XML declaration that names no
/// encoding or names UTF-8, or with a start tag and no declaration. Then
/// libxml2 installs no converter. Anything else (UTF-16, a declared legacy
/// encoding, leading space, a malformed declaration) answers false.
enum DeclaredEncoding {
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = UnsafeBufferPointer(rebasing: bytes[(starts(bytes, with: byteOrderMark, at: 0) ? 3 : 0)...])
        guard text.count >= 2, text[0] == UInt8(ascii: "<") else { return false }
        let next = text[1]
        if next != UInt8(ascii: "?") {
            // A start tag: its name's first byte is a letter, `_`, `:` or not ASCII.
            return next >= 0x80 || next == UInt8(ascii: "_") || next == UInt8(ascii: ":")
                || (next | 0x20 >= UInt8(ascii: "a") && next | 0x20 <= UInt8(ascii: "z"))
        }
        // `<?xml`, a space, and the declaration up to `?>` (it is short).
        guard starts(text, with: declarationStart, at: 0), text.count > declarationStart.count,
              isSpace(text[declarationStart.count]),
              let end = (declarationStart.count..<min(text.count, 256) - 1).first(where: {
                  text[$0] == UInt8(ascii: "?") && text[$0 + 1] == UInt8(ascii: ">")
              })
        else { return false }
        let declaration = UnsafeBufferPointer(rebasing: text[declarationStart.count..<end])
        // No encoding named: UTF-8. `encoding` other than after a space
        // (EncodingDecl ::= S 'encoding' Eq …) makes a malformed
        // declaration, left to libxml2 as it always was.
        guard let at = declaration.indices.first(where: { starts(declaration, with: encodingName, at: $0) }) else {
            return true
        }
        guard isSpace(declaration[at - 1]) else { return false }
        // `=` (spaces around it allowed), then the name in matching quotes.
        var cursor = at + encodingName.count
        func skipSpaces() { while cursor < declaration.count, isSpace(declaration[cursor]) { cursor += 1 } }
        skipSpaces()
        guard cursor < declaration.count, declaration[cursor] == UInt8(ascii: "=") else { return false }
        cursor += 1
        skipSpaces()
        guard cursor < declaration.count,
              declaration[cursor] == UInt8(ascii: "\"") || declaration[cursor] == UInt8(ascii: "'"),
              let close = declaration[(cursor + 1)...].firstIndex(of: declaration[cursor])
        else { return false }
        let name = String(decoding: declaration[(cursor + 1)..<close], as: UTF8.self).lowercased()
        return name == "utf-8" || name == "utf8"
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, with prefix: [UInt8], at start: Int) -> Bool {
        start + prefix.count <= bytes.count && prefix.indices.allSatisfy { bytes[start + $0] == prefix[$0] }
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let declarationStart = Array("<?xml".utf8)
    private static let encodingName = Array("encoding".utf8)
}

enum LibXML2 {
    private static let once: Void = {
        // Before libxml2 allocates anything it keeps: its per-document
        // blocks come from a per-thread region (CXMLArena).
        _ = certify_arena_install()
        xmlInitParser()
        // libxml2 2.9 builds its table of XSD built-in types on the first
        // schema compiled, with no lock: two threads compiling their first
        // schemas at once both build it, and one table is leaked (or read
        // half built). Built here, once, before any schema.
        xmlSchemaInitTypes()
        // No `<?oasis-xml-catalog?>` processing instruction is acted on:
        // nothing is resolved through catalogs, and a first one would
        // otherwise set up libxml2's process-wide catalog inside a parse.
        xmlCatalogSetDefaults(XML_CATA_ALLOW_NONE)
        // Nothing we parse may pull in another resource: not a DTD, not an
        // entity, not a schema. Refuse every external load in this process.
        xmlSetExternalEntityLoader { _, _, _ in nil }
        // Threads started from now on print no libxml2 error of their own:
        // every error Certify reports comes located, through its handlers.
        xmlThrDefSetStructuredErrorFunc(nil, ignoreError)
    }()

    static func initialize() {
        _ = once
        silenceStrayErrors()
    }

    /// On this thread, errors raised outside a handler are dropped instead
    /// of printed (libxml2 keeps the handler per thread).
    static func silenceStrayErrors() { xmlSetStructuredErrorFunc(nil, ignoreError) }
}

private let ignoreError: xmlStructuredErrorFunc = { _, _ in }

/// Mutable state shared with the SAX callbacks through `ctxt->_private`.
final class ParseState {
    let limits: XMLLimits
    var problems: [XMLProblem] = []
    var depth = 0
    var elements = 0
    /// Some bytes did not convert from the document's encoding.
    var undecodable = false

    init(limits: XMLLimits) { self.limits = limits }

    static func from(_ ctx: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, ParseState)? {
        guard let ctxt = ctx?.assumingMemoryBound(to: xmlParserCtxt.self),
              let raw = ctxt.pointee._private else { return nil }
        return (ctxt, Unmanaged<ParseState>.fromOpaque(raw).takeUnretainedValue())
    }

    func refuse(_ check: Message.ParserCheck, _ ctxt: xmlParserCtxtPtr, at position: SourcePosition? = nil) {
        problems.append(XMLProblem(check, at: position ?? currentPosition(ctxt)))
        xmlStopParser(ctxt)
    }
}

private func currentPosition(_ ctxt: xmlParserCtxtPtr) -> SourcePosition {
    guard let input = ctxt.pointee.input else { return .unknown }
    return SourcePosition(line: Int(input.pointee.line), column: Int(input.pointee.col))
}

/// Where each element's start tag begins, kept in the node's own
/// application field (`_private`) rather than in a side table: line in the
/// high bits, column in the low 20 bits.
enum StartTag {
    static func record(_ position: SourcePosition, on node: xmlNodePtr) {
        let line = UInt(min(position.line, 1 << 40)), column = UInt(min(position.column, (1 << 20) - 1))
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: line << 20 | column)
    }

    static func position(of node: xmlNodePtr) -> SourcePosition {
        guard let packed = node.pointee._private else { return .unknown }
        let bits = UInt(bitPattern: packed)
        return SourcePosition(line: Int(bits >> 20), column: Int(bits & ((1 << 20) - 1)))
    }
}

/// The position of the `<` that opened the start tag the parser has just read.
///
/// Runs for every element, so it reads the tag's bytes a word at a time: the
/// `<` is the last one before the parser's cursor (a start tag holds no other
/// `<`), and its column is the cursor's less the characters in between
/// (UTF-8 continuation bytes are not characters).
private func startTagPosition(_ ctxt: xmlParserCtxtPtr) -> SourcePosition {
    let end = currentPosition(ctxt)
    guard let input = ctxt.pointee.input, let base = input.pointee.base,
          let cursor = input.pointee.cur, cursor > base else { return end }
    // Nearly every tag is on one line: one pass back to the `<` counts its
    // characters, unless a newline comes first.
    if let characters = ByteCount.charactersBack(to: UInt8(ascii: "<"), unless: UInt8(ascii: "\n"), from: base, before: cursor) {
        return SourcePosition(line: end.line, column: max(1, end.column - characters))
    }
    guard let open = ByteCount.last(UInt8(ascii: "<"), from: base, before: cursor) else { return end }
    let tag = UnsafeBufferPointer(start: open, count: cursor - open)
    let newlines = ByteCount.of(UInt8(ascii: "\n"), in: tag)
    if newlines == 0 {
        return SourcePosition(line: end.line, column: max(1, end.column - ByteCount.characters(in: tag)))
    }
    // A tag over several lines: count the characters from the line's start.
    var lineStart = open
    while lineStart > base, (lineStart - 1).pointee != UInt8(ascii: "\n") { lineStart -= 1 }
    let column = 1 + ByteCount.characters(in: UnsafeBufferPointer(start: lineStart, count: open - lineStart))
    return SourcePosition(line: max(1, end.line - newlines), column: column)
}

/// Counts in a buffer of UTF-8, eight bytes at a time.
enum ByteCount {
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The high bit of each byte of `word` that is `byte` (exact: no carry
    /// crosses bytes).
    @inline(__always)
    private static func marks(_ byte: UInt8, in word: UInt64) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
    }

    /// How many bytes of `bytes` are `byte`.
    static func of(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        count(in: bytes, word: { marks(byte, in: $0) }, byte: { $0 == byte })
    }

    /// The last `byte` in `start..<end`, if any.
    static func last(_ byte: UInt8, from start: UnsafePointer<UInt8>, before end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        var cursor = end
        while cursor - start >= 8 {
            let found = marks(byte, in: UnsafeRawPointer(cursor - 8).loadUnaligned(as: UInt64.self).littleEndian)
            // The highest address is the most significant byte.
            if found != 0 { return cursor - 8 + (63 - found.leadingZeroBitCount) / 8 }
            cursor -= 8
        }
        while cursor > start {
            cursor -= 1
            if cursor.pointee == byte { return cursor }
        }
        return nil
    }

    /// The characters from the last `stop` before `end` (counting it) up
    /// to `end`, when no `barrier` comes between them; nil otherwise, or
    /// when there is no `stop` from `start` on.
    static func charactersBack(
        to stop: UInt8, unless barrier: UInt8, from start: UnsafePointer<UInt8>, before end: UnsafePointer<UInt8>
    ) -> Int? {
        var cursor = end, characters = 0
        while cursor - start >= 8 {
            let word = UnsafeRawPointer(cursor - 8).loadUnaligned(as: UInt64.self).littleEndian
            let found = marks(stop, in: word) | marks(barrier, in: word)
            if found == 0 {
                characters += 8 - continuations(in: word)
                cursor -= 8
                continue
            }
            // The nearest to `end` is the highest address: the most significant byte.
            let index = (63 - found.leadingZeroBitCount) / 8
            guard (cursor - 8 + index).pointee == stop else { return nil }
            // The bytes after it in this word, then the stop itself.
            return characters + (7 - index) - continuations(in: word >> (8 * (index + 1))) + 1
        }
        while cursor > start {
            cursor -= 1
            let byte = cursor.pointee
            if byte == stop { return characters + 1 }
            if byte == barrier { return nil }
            if byte & 0xC0 != 0x80 { characters += 1 }
        }
        return nil
    }

    /// How many bytes of a word are UTF-8 continuation bytes (10xxxxxx);
    /// zero bytes (a word shifted right) are not.
    @inline(__always)
    private static func continuations(in word: UInt64) -> Int {
        continuationMarks(in: word).nonzeroBitCount
    }

    /// The high bit of each continuation byte of a word: high bit set and
    /// the next bit clear.
    @inline(__always)
    private static func continuationMarks(in word: UInt64) -> UInt64 {
        word & ~(word << 1) & 0x8080_8080_8080_8080
    }

    /// How many characters `bytes` holds: the bytes that are not UTF-8
    /// continuation bytes (10xxxxxx).
    static func characters(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count - count(in: bytes, word: continuationMarks, byte: { $0 & 0xC0 == 0x80 })
    }

    /// `word` marks the high bit of each byte counted in a word; `byte` says
    /// whether one byte is counted.
    @inline(__always)
    private static func count(
        in bytes: UnsafeBufferPointer<UInt8>, word: (UInt64) -> UInt64, byte: (UInt8) -> Bool
    ) -> Int {
        guard let start = bytes.baseAddress else { return 0 }
        var total = 0, index = 0
        while index + 8 <= bytes.count {
            total += word(UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self)).nonzeroBitCount
            index += 8
        }
        while index < bytes.count {
            if byte(bytes[index]) { total += 1 }
            index += 1
        }
        return total
    }
}

private let xincludeNamespaces: [StaticString] = ["http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude"]

private let refuseDoctype: internalSubsetSAXFunc = { ctx, _, _, _ in
    guard let (ctxt, state) = ParseState.from(ctx) else { return }
    state.refuse(.doctype, ctxt)
}

private let startElement: startElementNsSAX2Func = {
    ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, nbDefaulted, attributes in
    guard let ctxt = ctx?.assumingMemoryBound(to: xmlParserCtxt.self), let raw = ctxt.pointee._private else { return }
    // The state outlives the parse (`withExtendedLifetime`): no reference
    // count is taken for it at every element.
    Unmanaged<ParseState>.fromOpaque(raw)._withUnsafeGuaranteedRef { state in
        startElement(ctxt, state, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, nbDefaulted, attributes)
    }
}

private func startElement(
    _ ctxt: xmlParserCtxtPtr, _ state: ParseState,
    _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
    _ nbNamespaces: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    _ nbAttributes: Int32, _ nbDefaulted: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    let ctx = UnsafeMutableRawPointer(ctxt)
    state.depth += 1
    state.elements += 1
    if state.depth > state.limits.maxDepth {
        return state.refuse(.tooDeep(limit: state.limits.maxDepth), ctxt, at: startTagPosition(ctxt))
    }
    if state.elements > state.limits.maxElements {
        return state.refuse(.tooManyElements(limit: state.limits.maxElements), ctxt, at: startTagPosition(ctxt))
    }
    if let uri, xincludeNamespaces.contains(where: { sameText(uri, $0) }) {
        return state.refuse(.xinclude, ctxt, at: startTagPosition(ctxt))
    }
    xmlSAX2StartElementNs(
        ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, nbDefaulted, attributes)
    if let node = ctxt.pointee.node {
        StartTag.record(startTagPosition(ctxt), on: node)
    }
}

private let endElement: endElementNsSAX2Func = { ctx, localname, prefix, uri in
    guard let raw = ctx?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return }
    Unmanaged<ParseState>.fromOpaque(raw)._withUnsafeGuaranteedRef { $0.depth -= 1 }
    xmlSAX2EndElementNs(ctx, localname, prefix, uri)
}

private let collectParserError: xmlStructuredErrorFunc = { ctx, error in
    guard let error, let (ctxt, state) = ParseState.from(ctx) else { return }
    guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    let message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
    // An I/O error is a refused load (every external load is refused),
    // except the encoder's, which is bad input like any conversion error.
    let kind: XMLProblem.Kind =
        error.pointee.domain == Int32(XML_FROM_IO.rawValue) && error.pointee.code != Int32(XML_IO_ENCODER.rawValue)
        ? .refused : .malformed
    // Errors raised without a context carry no line: use the parser's.
    let position = error.pointee.line > 0
        ? SourcePosition(line: Int(error.pointee.line), column: Int(error.pointee.int2))
        : currentPosition(ctxt)
    // After a refusal libxml2 reports "parsing stopped" errors; keep only ours.
    if state.problems.last?.kind == .refused, kind == .malformed { return }
    // After bytes that do not convert from the declared encoding, the rest
    // (the same bytes again, "encoder error", "premature end of data") only
    // repeats it: the first is the one to fix.
    if state.undecodable { return }
    let domain = error.pointee.domain
    if domain == Int32(XML_FROM_I18N.rawValue) || error.pointee.code == Int32(XML_IO_ENCODER.rawValue) {
        state.undecodable = true
    }
    state.problems.append(XMLProblem(kind, describe(error, english: clean(message)), at: position))
}

/// One line: libxml2 ends messages with a newline and puts some details
/// (the bytes that are not UTF-8) on a line of their own.
func clean(_ message: String) -> String {
    var text = message
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return text.split(whereSeparator: \.isNewline).joined(separator: " ")
}

/// What the SAX limits cannot see: the length of each text and attribute
/// value, and entity references (none may survive parsing).
struct LengthCheck {
    let limits: XMLLimits

    func problems(below root: xmlNodePtr) -> [XMLProblem] {
        var problems: [XMLProblem] = []
        check(root, into: &problems)
        return problems
    }

    private func check(_ element: xmlNodePtr, into problems: inout [XMLProblem]) {
        var attribute = element.pointee.properties
        while let current = attribute {
            var length = 0
            var child = current.pointee.children
            while let text = child {
                length += text.pointee.content.map { Int(xmlStrlen($0)) } ?? 0
                child = text.pointee.next
            }
            if length > limits.maxTextBytes {
                problems.append(XMLProblem(.attributeTooLong(limit: limits.maxTextBytes), at: StartTag.position(of: element)))
            }
            attribute = current.pointee.next
        }
        var child = element.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                check(current, into: &problems)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content, Int(xmlStrlen(content)) > limits.maxTextBytes {
                    problems.append(XMLProblem(.textTooLong(limit: limits.maxTextBytes), at: StartTag.position(of: element)))
                }
            case XML_ENTITY_REF_NODE, XML_ENTITY_NODE:
                problems.append(XMLProblem(.entityReference, at: StartTag.position(of: element)))
            default:
                break
            }
            child = current.pointee.next
        }
    }
}
