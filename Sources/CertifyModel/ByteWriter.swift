/// A growable buffer of output bytes for the writers that produce JSON and
/// XML for every dossier scored. Appending is a bounds check and a copy:
/// no reference counting, uniqueness or exclusivity checks, which matter
/// when a record is built from a thousand small pieces.
public struct ByteWriter: ~Copyable {
    // Visible to the inlinable appends, which other modules inline.
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var written: Int

    /// Bytes written so far.
    public var count: Int { written }

    public init(capacity: Int = 8192) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        written = 0
    }

    deinit { base.deallocate() }

    @inlinable
    public mutating func append(_ byte: UInt8) {
        if written == capacity { grow(toHold: 1) }
        base[written] = byte
        written += 1
    }

    @inlinable @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if capacity - written < bytes.count { grow(toHold: bytes.count) }
        ByteWriter.copy(source, to: base + written, count: bytes.count)
        written += bytes.count
    }

    @inlinable @inline(__always)
    public mutating func append(_ text: StaticString) {
        if text.hasPointerRepresentation {
            append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        } else {
            text.withUTF8Buffer { append($0) }
        }
    }

    /// Appends `name` in double quotes, then `mark` and, if `spaced`, a
    /// space (a JSON member key and its colon), with one check of the room
    /// left.
    @inlinable
    public mutating func append(quoted name: StaticString, then mark: UInt8, spaced: Bool) {
        guard name.hasPointerRepresentation else {
            append(UInt8(ascii: "\""))
            append(name)
            append(UInt8(ascii: "\""))
            append(mark, spaced: spaced)
            return
        }
        let length = name.utf8CodeUnitCount
        let total = length + 4
        if capacity - written < total { grow(toHold: total) }
        let start = base + written
        start[0] = UInt8(ascii: "\"")
        ByteWriter.copy(name.utf8Start, to: start + 1, count: length)
        start[length + 1] = UInt8(ascii: "\"")
        start[length + 2] = mark
        start[length + 3] = UInt8(ascii: " ")  // in the room checked; counted only if `spaced`
        written += spaced ? total : total - 1
    }

    /// Appends `mark` and, if `spaced`, a space (a JSON separator).
    @inlinable @inline(__always)
    public mutating func append(_ mark: UInt8, spaced: Bool) {
        if capacity - written < 2 { grow(toHold: 2) }
        base[written] = mark
        base[written + 1] = UInt8(ascii: " ")  // in the room checked; counted only if `spaced`
        written += spaced ? 2 : 1
    }

    /// Appends the UTF-8 of `text`.
    public mutating func append(contentsOf text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ append($0) }) { return done }
        for byte in text.utf8 { append(byte) }
    }

    public mutating func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends `repeats` copies of `byte`.
    public mutating func append(repeating byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        if capacity - written < repeats { grow(toHold: repeats) }
        (base + written).update(repeating: byte, count: repeats)
        written += repeats
    }

    /// The bytes written so far.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: written))
    }

    /// The bytes written, as an array (the buffer is freed).
    public consuming func array() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: written))
    }

    /// Copies `count` bytes. Most pieces of a record are a few bytes (a
    /// key, a separator, a number), for which a call of `memcpy` costs more
    /// than the copy: up to 16 bytes are copied as two overlapping words
    /// (or halves of one), each inside both buffers.
    @inlinable @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        switch count {
        case 8...16:
            let head = from.loadUnaligned(as: UInt64.self), tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        case 4..<8:
            let head = from.loadUnaligned(as: UInt32.self), tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        case 1..<4:
            target[0] = source[0]
            target[count / 2] = source[count / 2]
            target[count - 1] = source[count - 1]
        case 0:
            break
        default:
            target.update(from: source, count: count)
        }
    }

    @usableFromInline @inline(never)
    mutating func grow(toHold extra: Int) {
        let needed = written + extra
        var size = capacity * 2
        while size < needed { size *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        grown.update(from: base, count: written)
        base.deallocate()
        base = grown
        capacity = size
    }
}
