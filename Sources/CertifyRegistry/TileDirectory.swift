import CertifyModel
import CertifyRuntime
import Foundation

/// `registry tiles --out DIR`: the log as files any static web server can
/// serve under a prefix — `DIR/checkpoint` and `DIR/tile/...`, the paths of
/// C2SP `tlog-tiles`. Tiles are written before the checkpoint (a reader
/// never gets a checkpoint whose tiles are missing), each atomically; a
/// tile already there is kept when its bytes are the same and refused when
/// they differ (a tile never changes: the directory is another log's, or
/// was tampered with). Partial tiles of earlier exports stay: clients that
/// hold an earlier checkpoint may still ask for them.
public enum TileDirectory {
    public struct Written: Sendable, Equatable {
        /// The tree size of the checkpoint written.
        public var size: Int
        /// Tiles written now, and tiles found already there with the same bytes.
        public var written: Int
        public var kept: Int
    }

    public static func write(_ registry: Registry, to directory: String) throws(CertifyError) -> Written {
        var written = 0, kept = 0
        var made = Set<String>()
        let note = try registry.snapshot { (tile, bytes) throws(CertifyError) in
            let path = directory + "/" + tile.path
            if let existing = FileManager.default.contents(atPath: path) {
                guard Array(existing) == bytes else {
                    throw CertifyError(.invalidInput, Message.tlog(.tileDiffers(path: path)))
                }
                kept += 1
                return
            }
            let parent = (path as NSString).deletingLastPathComponent
            if !made.contains(parent) {
                do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
                    throw CertifyError(.unwritable, .key(.cannotWrite(error.localizedDescription)), file: parent)
                }
                made.insert(parent)
            }
            try AtomicFile.write(bytes, to: path)
            written += 1
        }
        if !FileManager.default.fileExists(atPath: directory) {
            do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw CertifyError(.unwritable, .key(.cannotWrite(error.localizedDescription)), file: directory)
            }
        }
        try AtomicFile.write(Array(note.utf8), to: directory + "/checkpoint")
        let size = note.split(separator: "\n", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        return Written(size: size, written: written, kept: kept)
    }
}
