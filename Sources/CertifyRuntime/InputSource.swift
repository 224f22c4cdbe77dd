import CertifyModel
import CertifyXML

/// One input document: bytes held in memory (a web upload) or a file read
/// when it is needed, and the name that located messages give it
/// (`FILE:LINE:COL: error: …`). Everything that loads a rubric, dossier,
/// review, report or key takes a source, so nothing has to touch the disk;
/// paths are a thin layer over it.
public struct InputSource: Sendable {
    private enum Storage: Sendable {
        case bytes([UInt8])
        case file
        /// A file read already: its bytes, or why it could not be read.
        case fileRead(Result<[UInt8], CertifyError>)
    }

    /// The display name: the path of a file, or the name of an upload.
    public let name: String
    private let storage: Storage

    private init(name: String, storage: Storage) {
        self.name = name
        self.storage = storage
    }

    /// Bytes already in memory, named `name` in messages.
    public static func bytes(_ bytes: [UInt8], name: String) -> InputSource {
        InputSource(name: name, storage: .bytes(bytes))
    }

    /// The file at `path`, read when the input is loaded.
    public static func file(_ path: String) -> InputSource {
        InputSource(name: path, storage: .file)
    }

    /// The file at `path`, read now (a batch reads every file on one thread,
    /// ahead of the threads that score them: `Batch.run(loadAhead:)`).
    public static func fileRead(_ path: String) -> InputSource {
        let read: Result<[UInt8], CertifyError>
        do throws(CertifyError) { read = .success(try InputFile.read(path)) } catch { read = .failure(error) }
        return InputSource(name: path, storage: .fileRead(read))
    }

    /// The path, for a source that is a file.
    public var path: String? {
        switch storage {
        case .file, .fileRead: name
        case .bytes: nil
        }
    }

    /// The bytes: never more than the parser's limit (a larger input is
    /// invalid input; an unreadable file is `.unreadable`).
    public func read() throws(CertifyError) -> [UInt8] {
        switch storage {
        case .bytes(let bytes):
            let limit = XMLLimits.default.maxBytes
            if bytes.count > limit {
                throw CertifyError(.invalidInput, .fileTooLarge(limit: limit), file: name)
            }
            return bytes
        case .file:
            return try InputFile.read(name)
        case .fileRead(let read):
            return try read.get()
        }
    }
}
