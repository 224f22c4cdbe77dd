import CertifyOffice
import Foundation
import GRDB
import Hummingbird

/// hummingbird-auth's session storage over the office's database: each
/// session is a row keyed by the SHA-256 of its key, so the database (and
/// a backup) never holds a usable session id.
struct GRDBPersistDriver: PersistDriver {
    let store: OfficeStore
    let clock: OfficeClock

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let row = try row(key, value, expires)
        do {
            try store.write { db in try row.insert(db) }
        } catch {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        var row = try row(key, value, expires)
        try store.write { db in
            if expires == nil, let existing = try SessionRow.fetchOne(db, key: row.keyHash) { row.expiresAt = existing.expiresAt }
            try row.save(db)
        }
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        let now = clock.now()
        guard let row = try store.read({ try SessionRow.fetchOne($0, key: SessionRow.keyHash(key)) }) else { return nil }
        if let expires = row.expiresAt, expires <= now { return nil }
        return try? JSONDecoder().decode(Object.self, from: row.value)
    }

    func remove(key: String) async throws {
        _ = try store.write { db in try SessionRow.deleteOne(db, key: SessionRow.keyHash(key)) }
    }

    func run() async throws {}
    func shutdown() async throws {}

    /// Deletes expired sessions (at start-up and now and then).
    func purgeExpired() throws {
        let now = clock.now()
        _ = try store.write { db in try SessionRow.filter(Column("expiresAt") <= now).deleteAll(db) }
    }

    private func row<Object: Encodable>(_ key: String, _ value: Object, _ expires: Duration?) throws -> SessionRow {
        SessionRow(key: key, value: try JSONEncoder().encode(value),
                   expiresAt: expires.map { clock.now() + TimeInterval($0.components.seconds) })
    }
}

/// What a session remembers: whose it is, the account's generation when it
/// began (a change of password, role or status ends it), its CSRF token,
/// and whether the second factor was entered.
struct OfficeSession: Codable, Sendable {
    var accountID: Int64
    var generation: Int64
    var csrf: String
    var createdAt: Date
    var secondFactorDone: Bool
    /// When the idle timer was last renewed (renewed at most once a minute,
    /// so that reading pages does not write to the database on every request).
    var renewedAt: Date
}
