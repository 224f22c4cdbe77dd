import Synchronization

/// A streaming JSON writer: keys stay in the order the contract shows,
/// numbers are exact decimals (never a binary double), strings are escaped
/// per RFC 8259. It writes UTF-8 bytes directly, with no intermediate tree.
/// Every JSON output of Certify is written with it: the CLI's records with
/// a space after `,` and `:`, the server's own answers and the registry's
/// proofs without (`compact`).
///
///     var json = JSONWriter()
///     json.object { json in
///         json.key("total"); json.number(total)
///         json.key("grades"); json.object { json in json.key(escaping: grade); json.number(count) }
///     }
///     let utf8 = json.bytes()
public struct JSONWriter: ~Copyable {
    @usableFromInline var out = ByteWriter(capacity: 8192)
    /// One bit per open object or array (bit 0 the innermost): whether it
    /// has a member yet. JSON records here nest a handful of levels deep.
    @usableFromInline var hasMembers: UInt64 = 0
    @usableFromInline var depth = 0
    /// A key was just written: its value takes no separator.
    @usableFromInline var afterKey = false
    /// Whether `,` (between members and elements) and `:` (after a key)
    /// take a space after them (not in compact or canonical JSON).
    @usableFromInline let spaced: Bool
    /// RFC 8785 (JCS) string escapes: `\b` and `\f` short, U+2028/9 as they are.
    private let canonical: Bool

    /// - Parameter compact: no space after `,` and `:`.
    /// - Parameter canonical: strings escaped as the JSON Canonicalization
    ///   Scheme (RFC 8785) requires (with `compact`, and keys written in
    ///   sorted order by the caller, the output is canonical JSON).
    public init(compact: Bool = false, canonical: Bool = false) {
        spaced = !(compact || canonical)
        self.canonical = canonical
    }

    /// The record written, as text.
    public consuming func text() -> String { String(decoding: out.array(), as: UTF8.self) }

    /// The record written, as UTF-8.
    public consuming func bytes() -> [UInt8] { out.array() }

    @inlinable
    mutating func separate() {
        guard depth > 0 else { return }
        if hasMembers & 1 != 0 { out.append(UInt8(ascii: ","), spaced: spaced) }
        hasMembers |= 1
    }

    @inlinable
    mutating func beginValue() {
        if afterKey { afterKey = false } else { separate() }
    }

    @inlinable
    mutating func open(_ bracket: UInt8) {
        beginValue()
        out.append(bracket)
        precondition(depth < 64, "JSON nested too deep")
        hasMembers <<= 1
        depth += 1
    }

    @inlinable
    mutating func close(_ bracket: UInt8) {
        hasMembers >>= 1
        depth -= 1
        out.append(bracket)
    }

    /// A member key known when Certify is compiled (written as it is: it
    /// must need no escaping); the next value written is its value.
    @inlinable
    public mutating func key(_ name: StaticString) {
        separate()
        out.append(quoted: name, then: UInt8(ascii: ":"), spaced: spaced)
        afterKey = true
    }

    /// Members encoded beforehand (`EncodedJSONStorage.members`), written
    /// as if each had been written here.
    @inlinable
    public mutating func members(_ encoded: EncodedJSON) {
        guard !encoded.bytes.isEmpty else { return }
        separate()
        out.append(encoded.bytes)
    }

    /// A value encoded beforehand (`EncodedJSONStorage.value`), written as
    /// if it had been written here.
    @inlinable
    public mutating func value(encoded: EncodedJSON) {
        beginValue()
        out.append(encoded.bytes)
    }

    /// A member key from input (a grade, an id), escaped like a string;
    /// the next value written is its value.
    public mutating func key(escaping name: String) {
        separate()
        writeString(name)
        out.append(UInt8(ascii: ":"), spaced: spaced)
        afterKey = true
    }

    /// An object whose members `body` writes.
    @inlinable
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    /// An array whose elements `body` writes.
    @inlinable
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// An array of one object per element, whose members `body` writes.
    /// Inlinable, so that it is specialised where it is called, as the
    /// nested `array`/`object` calls it stands for were.
    ///
    /// The elements are lent to `body` where they are, not copied out of
    /// the array (a copy retains and releases each string they hold).
    @inlinable
    public mutating func objects<Element>(_ elements: [Element], _ body: (inout JSONWriter, borrowing Element) -> Void) {
        array { json in
            elements.withUnsafeBufferPointer { elements in
                for index in elements.indices { json.object { json in body(&json, elements[index]) } }
            }
        }
    }

    /// A string, escaped; `null` for nil.
    public mutating func string(_ text: String?) {
        beginValue()
        guard let text else { out.append("null"); return }
        writeString(text)
    }

    /// A string given as UTF-8 bytes (valid UTF-8, e.g. a text written
    /// piece by piece into a `ByteWriter`), escaped.
    public mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        beginValue()
        out.append(UInt8(ascii: "\""))
        write(escaping: utf8)
        out.append(UInt8(ascii: "\""))
    }

    /// An exact decimal: the shortest exact form, up to 10 places
    /// (`72.5`, `21`); `null` for nil. Round first to print fewer places.
    public mutating func number(_ number: Rational?) {
        beginValue()
        guard let number else { out.append("null"); return }
        out.append(number, places: 10)
    }

    /// An integer (a count).
    public mutating func number(_ value: Int) {
        beginValue()
        out.append(contentsOf: String(value))
    }

    /// `null`.
    @inlinable
    public mutating func null() {
        beginValue()
        out.append("null")
    }

    /// `true` or `false`.
    @inlinable
    public mutating func bool(_ flag: Bool) {
        beginValue()
        out.append(flag ? "true" : "false")
    }

    /// Ends a JSON Lines record.
    public mutating func newline() { out.append(UInt8(ascii: "\n")) }

    /// Escapes per RFC 8259: quote, backslash and control characters, plus
    /// U+2028/U+2029 (E2 80 A8/A9) so that the output is safe in JavaScript too.
    private mutating func writeString(_ text: String) {
        out.append(UInt8(ascii: "\""))
        if text.utf8.withContiguousStorageIfAvailable({ write(escaping: $0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { write(escaping: $0) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private mutating func write(escaping utf8: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while true {
            // Copy the run up to the next byte that may need an escape in one go.
            let run = index
            index = JSONWriter.endOfPlainRun(utf8, from: index)
            out.append(UnsafeBufferPointer(rebasing: utf8[run..<index]))
            guard index < utf8.count else { return }
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""): out.append("\\\"")
            case UInt8(ascii: "\\"): out.append("\\\\")
            case UInt8(ascii: "\n"): out.append("\\n")
            case UInt8(ascii: "\r"): out.append("\\r")
            case UInt8(ascii: "\t"): out.append("\\t")
            case 0x08 where canonical: out.append("\\b")
            case 0x0C where canonical: out.append("\\f")
            case 0..<0x20: escape(UInt32(byte))
            case 0xE2 where !canonical && index + 2 < utf8.count && utf8[index + 1] == 0x80
                && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                escape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                index += 2
            default: out.append(byte)  // another character starting with E2
            }
            index += 1
        }
    }

    /// The index of the first byte from `start` on that may need an escape
    /// (`utf8.count` if none): eight bytes at a time while none of them
    /// may, then byte by byte.
    @inline(__always)
    private static func endOfPlainRun(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = utf8.baseAddress {
            while index + 8 <= utf8.count,
                  !mayNeedEscape(word: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
        }
        while index < utf8.count && !mayNeedEscape(utf8[index]) { index += 1 }
        return index
    }

    /// Whether any of eight bytes may need an escape (`mayNeedEscape`):
    /// the word-at-a-time tests of "a byte less than n" and "a zero byte"
    /// (after XOR with the byte sought), which never miss one.
    @inline(__always)
    private static func mayNeedEscape(word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C)) || hasZero(word ^ (ones &* 0xE2))
    }

    /// Control characters, quote, backslash and the lead byte of U+2028/9.
    @inline(__always)
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
    }

    private mutating func escape(_ scalar: UInt32) {
        let hex: StaticString = "0123456789abcdef"
        out.append("\\u")
        hex.withUTF8Buffer { hex in
            for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((scalar >> UInt32(shift)) & 0xF)]) }
        }
    }
}

/// JSON encoded once and copied into many records (the parts of a score
/// record a rubric fixes): a view of bytes an `EncodedJSONStorage` keeps,
/// valid as long as that storage lives.
///
/// A view copies without reference counting, and that is its point: the
/// threads of a batch write the same encodings into their records at once.
/// Were they arrays, every record would retain and release the arrays'
/// shared buffers, counts the cores take turns to own (docs/performance.md).
public struct EncodedJSON: @unchecked Sendable {
    // @unchecked: the bytes are written once, before any view of them exists.
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
}

/// Encodes JSON once (`members`, `value`) and keeps the bytes for the
/// `EncodedJSON` views it returns, until it is freed: an object holding
/// views holds the storage they came from.
public final class EncodedJSONStorage: Sendable {
    private struct Block: @unchecked Sendable {
        // @unchecked: written once, before the block is kept; freed with the storage.
        let bytes: UnsafeMutableBufferPointer<UInt8>
    }

    private let blocks = Mutex<[Block]>([])

    public init() {}

    deinit {
        blocks.withLock { blocks in for block in blocks { block.bytes.deallocate() } }
    }

    /// The members `body` writes, as `"key": value, …` without the braces,
    /// for `JSONWriter.members(_:)`.
    public func members(_ body: (inout JSONWriter) -> Void) -> EncodedJSON {
        var json = JSONWriter()
        json.object(body)
        let bytes = json.bytes()
        return keep(bytes.dropFirst().dropLast())
    }

    /// The one value `body` writes, for `JSONWriter.value(encoded:)`.
    public func value(_ body: (inout JSONWriter) -> Void) -> EncodedJSON {
        var json = JSONWriter()
        body(&json)
        return keep(json.bytes()[...])
    }

    private func keep(_ bytes: ArraySlice<UInt8>) -> EncodedJSON {
        let block = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Swift.max(bytes.count, 1))
        _ = block.initialize(fromContentsOf: bytes)
        let kept = Block(bytes: block)
        blocks.withLock { $0.append(kept) }
        return EncodedJSON(bytes: UnsafeBufferPointer(rebasing: block[..<bytes.count]))
    }
}
