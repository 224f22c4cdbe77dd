import CertifyModel
import CertifyRuntime
import Foundation

/// A witness's durable state: the latest cosigned checkpoint of each log,
/// as records appended to a file that is kept preallocated (zeros), so
/// that an append is one write and one `fdatasync` of data blocks the
/// file already has — about one disk flush per cosignature. A record is a
/// big-endian uint32 length, the CRC-32 of the note, and the note; the
/// write also zeroes the next record's length, so a reader stops there.
/// Loading takes the last valid record of each log and stops at the first
/// zero length or bad checksum (a write torn by a crash: that checkpoint
/// was never answered, since the answer waits for the flush). When the
/// space is used up, the file is rewritten with one record per log, to a
/// temporary file that is flushed, renamed over it, and its directory
/// flushed.
final class WitnessJournal {
    let path: String
    private var descriptor: Int32 = -1
    private var offset = 0
    private var capacity = 0
    static let minimumCapacity = 1 << 20

    init(path: String) {
        self.path = path
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    func failure(_ what: String) -> CertifyError {
        CertifyError(.unwritable, Message.tlog(.witnessCannotSave(reason: "\(what): \(String(cString: strerror(errno)))")), file: path)
    }

    /// Reads the state (nil entries: none yet) and opens the file for appends.
    func load() throws(CertifyError) -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else {
            try rewrite([:])
            return [:]
        }
        let refused = CertifyError(.invalidInput, Message.tlog(.witnessStateUnreadable(path: path)), file: path)
        guard let data = FileManager.default.contents(atPath: path), data.count >= 4 else { throw refused }
        let bytes = Array(data)
        var logs: [String: String] = [:]
        var at = 0
        while at + 8 <= bytes.count {
            let length = Int(Self.uint32(bytes, at))
            guard length > 0, at + 8 + length <= bytes.count else { break }
            let note = Array(bytes[(at + 8)..<(at + 8 + length)])
            guard CRC32.checksum(note) == Self.uint32(bytes, at + 4) else { break }
            guard let text = String(bytes: note, encoding: .utf8), let parsed = SignedNote(text),
                  let head = CheckpointHead(parsed.text) else { throw refused }
            logs[head.origin] = text
            at += 8 + length
        }
        if at == 0 && bytes.prefix(4) != [0, 0, 0, 0] { throw refused }  // not a journal at all
        descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open") }
        offset = at
        capacity = bytes.count
        return logs
    }

    /// Appends a log's new checkpoint durably; `all` is the whole state
    /// after it, written afresh when the file is full.
    func append(_ note: String, all: [String: String]) throws(CertifyError) {
        let record = Self.record(note)
        guard offset + record.count + 4 <= capacity else {
            try rewrite(all)
            return
        }
        let written = (record + [0, 0, 0, 0]).withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        guard written == record.count + 4 else { throw failure("write") }
        guard fdatasync(descriptor) == 0 else { throw failure("fdatasync") }
        offset += record.count
    }

    static func record(_ note: String) -> [UInt8] {
        let bytes = Array(note.utf8)
        return bigEndian(UInt32(bytes.count)) + bigEndian(CRC32.checksum(bytes)) + bytes
    }

    /// One record per log, in a new file of zeros beyond them, in place of the old.
    func rewrite(_ logs: [String: String]) throws(CertifyError) {
        var bytes = logs.keys.sorted().flatMap { Self.record(logs[$0]!) }
        let used = bytes.count
        bytes += [UInt8](repeating: 0, count: max(Self.minimumCapacity, 4 * used) - used)
        try AtomicFile.write(bytes, to: path, mode: 0o644, replace: true, durable: true)
        // The rename is durable once the directory is flushed.
        let slash = path.lastIndex(of: "/")
        let directory = open(slash.map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? ".", O_RDONLY | O_CLOEXEC)
        guard directory >= 0 else { throw failure("open directory") }
        defer { close(directory) }
        guard fsync(directory) == 0 else { throw failure("fsync directory") }
        if descriptor >= 0 { close(descriptor) }
        descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open") }
        offset = used
        capacity = bytes.count
    }

    static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        bytes[at..<(at + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
}
