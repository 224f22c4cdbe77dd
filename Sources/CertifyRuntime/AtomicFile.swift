import CertifyModel
import Foundation

/// Files are written to a temporary file beside the target, then renamed:
/// a reader sees the old file or the whole new one, never half of it.
public enum AtomicFile {
    /// - Parameters:
    ///   - replace: replace an existing file; without it the new file is
    ///     linked into place, which fails if one exists (no check-then-act race).
    ///   - durable: fsync before it becomes visible (keys), not for reports.
    public static func write(
        _ bytes: [UInt8], to path: String, mode: mode_t = 0o644, replace: Bool = true, durable: Bool = false
    ) throws(CertifyError) {
        // Split at the last '/' by hand: Foundation's NSString path methods
        // crash on a one-character relative path ("s").
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = (slash == nil ? "." : directory) + "/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw CertifyError(.unwritable, .key(.cannotWrite(String(cString: strerror(errno)))), file: path)
        }
        var ok = fchmod(descriptor, mode) == 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while ok && offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { ok = false } else { offset += written }
            }
        }
        // Rename is what makes the write atomic for readers. Reports can be
        // regenerated, so they skip the disk flush; keys cannot, so they don't.
        if durable { ok = ok && fsync(descriptor) == 0 }
        close(descriptor)
        let placed = ok && (replace ? rename(temporary, path) == 0 : link(temporary, path) == 0)
        let reason = String(cString: strerror(errno))
        if !placed || !replace { unlink(temporary) }
        guard placed else {
            throw CertifyError(.unwritable, .key(.cannotWrite(errno == EEXIST ? nil : reason)), file: path)
        }
    }
}
