import Foundation
import GRDB

/// The office's database: `DIR/office.sqlite`, SQLite in WAL mode through
/// GRDB, so the `office` commands work while the server runs. Every change
/// is one transaction with its action-log row; `synchronous = FULL` makes a
/// committed transaction durable before the caller is told it succeeded.
public final class OfficeStore: Sendable {
    public static let fileName = "office.sqlite"
    public let pool: DatabasePool
    public let directory: String

    /// Opens an existing office (`create: false`) or makes a new one in an
    /// empty or missing directory (`create: true`).
    public init(directory: String, create: Bool = false) throws(OfficeError) {
        self.directory = directory
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        let exists = FileManager.default.fileExists(atPath: path)
        if create, exists { throw OfficeError(.conflict, .dataDirInUse(path: directory)) }
        if !create, !exists { throw OfficeError(.notFound, .dataDirMissing(path: directory)) }
        do {
            if create {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            }
            pool = try DatabasePool(path: path, configuration: Self.configuration)
            try Schema.migrator.migrate(pool)
            if create { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
        } catch {
            throw OfficeError(.storage, .storage(detail: "\(error)"))
        }
    }

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    public func read<T>(_ body: (Database) throws -> T) throws(OfficeError) -> T {
        do { return try pool.read(body) } catch { throw Self.wrap(error) }
    }

    public func write<T>(_ body: (Database) throws -> T) throws(OfficeError) -> T {
        do { return try pool.write(body) } catch { throw Self.wrap(error) }
    }

    static func wrap(_ error: any Error) -> OfficeError {
        if let office = error as? OfficeError { return office }
        return OfficeError(.storage, .storage(detail: "\(error)"))
    }

    /// Creates an empty file only its owner may read or write, for SQLite to
    /// fill: a copy of the office must never be readable by others, even
    /// for a moment.
    private static func createPrivateFile(_ path: String) throws(OfficeError) {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw OfficeError(.storage, .storage(detail: "cannot create \(path)"))
        }
    }

    /// A consistent copy while the server runs (SQLite's online backup),
    /// written beside `path` and renamed into place, mode 0600, without
    /// sessions or pending one-time links.
    public func backup(to path: String) throws(OfficeError) {
        let temporary = path + ".part-\(getpid())"
        do {
            try? FileManager.default.removeItem(atPath: temporary)
            try Self.createPrivateFile(temporary)
            let copy = try DatabaseQueue(path: temporary)
            try pool.backup(to: copy)
            try copy.write { db in
                try SessionRow.deleteAll(db)
                try LoginFailure.deleteAll(db)
            }
            try copy.close()
            try? FileManager.default.removeItem(atPath: temporary + "-journal")
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw Self.wrap(error)
        }
    }

    /// Replaces the office's database with a backup (the server must be stopped).
    public static func restore(directory: String, from backup: String) throws(OfficeError) {
        do {
            let source = try DatabaseQueue(path: backup, configuration: {
                var c = Configuration()
                c.readonly = true
                return c
            }())
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let path = (directory as NSString).appendingPathComponent(fileName)
            let temporary = path + ".restore-\(getpid())"
            try? FileManager.default.removeItem(atPath: temporary)
            try createPrivateFile(temporary)
            let target = try DatabaseQueue(path: temporary)
            try source.backup(to: target)
            try target.close()
            try source.close()
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            throw wrap(error)
        }
    }
}
