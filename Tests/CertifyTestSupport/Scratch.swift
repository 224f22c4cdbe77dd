import Foundation

/// A scratch directory for one test, removed when the value goes.
public final class Scratch: Sendable {
    public let directory: URL

    public init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("certify-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// The directory's path.
    public var path: String { directory.path }

    /// The path of `name` in the directory (nothing is created).
    public func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes `text` as UTF-8 to `name` (its folders created) and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        write(name, Data(text.utf8))
    }

    /// Writes `data` to `name` (its folders created) and returns its path.
    @discardableResult
    public func write(_ name: String, _ data: Data) -> String {
        let url = directory.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: url)
        return url.path
    }
}
