import CertifyModel
import CertifyReport
import CertifyRuntime
import Crypto
import Foundation
import GRDB

/// The certificate registry: SQLite (through GRDB, WAL) holding the
/// certificates, renewal links and revocations (CertificateStore), and the
/// append-only log of every event with all its Merkle subtree hashes and a
/// signed checkpoint per tree size (MerkleLog). Each event, its tree
/// hashes, its checkpoint and the rows it changes are written in one
/// transaction. Which reports it accepts is `CertifiedReport.verify`.
///
/// Read-only use (a web server): `Registry.open(at:readOnly: true)`, then
/// `certificate(_:)`, `status(of:on:)`, `certificates(on:)`,
/// `search(applicant:)`, `inclusionProof(certificate:size:)`,
/// `latestCheckpoint()`.
public final class Registry: @unchecked Sendable {
    public let path: String
    public let origin: String
    public let verifier: NoteVerifier
    let queue: DatabaseQueue
    let readOnly: Bool
    private var cachedSigner: NoteSigner?

    /// Where the log's private key lives: beside the database.
    public static func keyPath(for path: String) -> String { path + ".key" }

    /// The default database: `$CERTIFY_REGISTRY`, else `certify-registry.sqlite`.
    public static func defaultPath(_ option: String?) -> String {
        if let option { return option }
        if let environment = ProcessInfo.processInfo.environment["CERTIFY_REGISTRY"], !environment.isEmpty { return environment }
        return "certify-registry.sqlite"
    }

    private init(path: String, queue: DatabaseQueue, readOnly: Bool) throws(CertifyError) {
        self.path = path
        self.queue = queue
        self.readOnly = readOnly
        let meta: LogMetaRecord?
        do { meta = try queue.read { try LogMetaRecord.fetchOne($0, key: 1) } } catch { throw Self.databaseError(error, path) }
        guard let meta, let verifier = NoteVerifier(encoded: meta.verifierKey), verifier.name == meta.origin else {
            throw CertifyError(.invalidInput, Message.registry(.notARegistry), file: path)
        }
        self.origin = meta.origin
        self.verifier = verifier
    }

    static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.journalMode = .wal
        // Two writers queue for each other's transactions instead of failing.
        configuration.busyMode = .timeout(60)
        configuration.prepareDatabase { db in
            // NORMAL in WAL mode: a committed transaction is in the WAL and
            // survives the process being killed at any moment; the WAL is
            // fsynced at checkpoints and by `flush()`, which the commands
            // call before they exit 0 (one fsync per command, not per event).
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        return configuration
    }

    static func databaseError(_ error: any Error, _ path: String) -> CertifyError {
        if let error = error as? CertifyError { return error }
        if let error = error as? DatabaseError {
            return CertifyError(.unreadable, Message.registry(.database(error.message ?? "\(error.resultCode)")), file: path)
        }
        return CertifyError(.unreadable, Message.registry(.database("\(error)")), file: path)
    }

    // MARK: - Creating and opening

    /// Creates the database and the log's Ed25519 key (`PATH.key`, mode
    /// 0600, in Go's note signer format); returns the registry. Refuses to
    /// touch an existing database or key.
    public static func create(at path: String, origin: String) throws(CertifyError) -> Registry {
        guard NoteSigner.isValidName(origin) else {
            throw CertifyError(.invalidInput, Message.registry(.originBad))
        }
        for existing in [path, keyPath(for: path)] where FileManager.default.fileExists(atPath: existing) {
            throw CertifyError(.invalidInput, Message.registry(.registryExists), file: existing)
        }
        let signer = NoteSigner(name: origin, key: Curve25519.Signing.PrivateKey())
        try AtomicFile.write(Array((signer.encoded + "\n").utf8), to: keyPath(for: path), mode: 0o600, replace: false, durable: true)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: false))
            try migrator.migrate(queue)
            try queue.inTransaction(.immediate) { db in
                try LogMetaRecord(origin: origin, verifierKey: signer.verifier.encoded).insert(db)
                // The empty tree's checkpoint, so that there always is one.
                try CheckpointRecord(size: 0, note: try signer.sign(Checkpoint(origin: origin, size: 0, root: RFC9162.emptyHash).text))
                    .insert(db)
                return .commit
            }
            let registry = try Registry(path: path, queue: queue, readOnly: false)
            registry.cachedSigner = signer
            return registry
        } catch {
            unlink(keyPath(for: path))
            for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
            throw databaseError(error, path)
        }
    }

    /// Opens an existing registry. Read-only opens (a web server, `status`,
    /// `audit`) write nothing, except once: a registry written by an
    /// earlier build is brought up to date first (its migrations run), since
    /// its stored rows may disagree with what this build derives from the
    /// log (`audit` would report them, `status` would show them).
    public static func open(at path: String, readOnly: Bool = false) throws(CertifyError) -> Registry {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw CertifyError(.unreadable, Message.registry(.noRegistry), file: path)
        }
        do {
            if readOnly, try isOutOfDate(path) {
                let writer = try DatabaseQueue(path: path, configuration: configuration(readOnly: false))
                try migrator.migrate(writer)
                try writer.close()
            }
            let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: readOnly))
            if !readOnly { try migrator.migrate(queue) }
            return try Registry(path: path, queue: queue, readOnly: readOnly)
        } catch { throw databaseError(error, path) }
    }

    /// Whether `path` is a registry (its first migration applied) that lacks
    /// a later one. Any other file is left for `init` to refuse, unwritten.
    private static func isOutOfDate(_ path: String) throws -> Bool {
        let reader = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
        defer { try? reader.close() }
        return try reader.read { db in
            try migrator.appliedIdentifiers(db).contains("v1") && !migrator.hasCompletedMigrations(db)
        }
    }

    /// The log's signing key, read from `PATH.key` as `Keys` reads a private
    /// key (refused if group or others can read it), and refused if it is
    /// not this log's key.
    func signer() throws(CertifyError) -> NoteSigner {
        if let cachedSigner { return cachedSigner }
        let keyFile = Self.keyPath(for: path)
        let bytes = try Keys.secretFile(at: keyFile, .logKey)
        guard let signer = NoteSigner(encoded: String(decoding: bytes, as: UTF8.self)) else {
            throw CertifyError(.badKey, Message.registry(.notSignerKey), file: keyFile)
        }
        guard signer.verifier == verifier else {
            throw CertifyError(.badKey, Message.registry(.notLogKey(verifier: verifier.encoded)), file: keyFile)
        }
        cachedSigner = signer
        return signer
    }

    // MARK: - Writing

    /// Puts every committed event on disk (fsync of the WAL and the
    /// database): after it returns, they survive a power loss too.
    public func flush() throws(CertifyError) {
        for file in [path + "-wal", path] {
            let descriptor = Foundation.open(file, O_RDONLY | O_CLOEXEC)
            if descriptor < 0 {
                if errno == ENOENT && file.hasSuffix("-wal") { continue }
                throw CertifyError(.unwritable, Message.registry(.cannotSync(String(cString: strerror(errno)))), file: file)
            }
            defer { close(descriptor) }
            if fsync(descriptor) != 0 {
                throw CertifyError(.unwritable, Message.registry(.cannotSync(String(cString: strerror(errno)))), file: file)
            }
        }
    }

    /// The outcome of one `add`.
    public struct Added: Sendable {
        public var certificate: Certificate
        /// The event written, or nil when the report was already registered.
        public var event: Event.Kind?
        public var index: Int
    }

    /// Appends `event` to the log and writes its rows, in the transaction of `db`.
    private func append(_ event: Event, db: Database, signer: NoteSigner) throws -> Added {
        let index = try MerkleLog.append(event.encoded, db: db, signer: signer)
        try CertificateStore.apply(event, index: index, db: db)
        return Added(certificate: try CertificateStore.certificate(db, id: event.certificate)!, event: event.kind, index: index)
    }

    /// Registers a verified, certified report: an `issue` event, or a
    /// `renew` event linked to its predecessor. The same report twice is a
    /// no-op. One transaction: the entry, its hashes, its checkpoint, the rows.
    public func register(_ report: CertifiedReport) throws(CertifyError) -> Added {
        let signer = try signer()
        do {
            var added: Added?
            try queue.inTransaction(.immediate) { db in
                if let existing = try CertificateStore.certificateID(db, reportSHA256: report.reportSHA256) {
                    let certificate = try CertificateStore.certificate(db, id: existing)!
                    added = Added(certificate: certificate, event: nil, index: certificate.latestIndex)
                    // The log is unchanged; a report registered before reports
                    // were kept is kept now.
                    return try Self.keep(report, db: db) ? .commit : .rollback
                }
                let predecessor = try CertificateStore.certificates(db, applicant: report.applicants[0].id, rubric: report.rubric)
                    .filter { $0.successor == nil && $0.revokedOn == nil && $0.isRenewed(byStartOn: report.validFrom) }
                    .max { ($0.validUntil, $0.issuedIndex) < ($1.validUntil, $1.issuedIndex) }
                let id = try CertificateID.next(db, rubric: report.rubric, year: report.validFrom.year)
                var event = Event(kind: predecessor == nil ? .issue : .renew, certificate: id, time: Event.now())
                event.applicants = report.applicants
                event.rubric = report.rubric
                event.rubricVersion = report.rubricVersion
                event.reportSHA256 = report.reportSHA256
                event.validFrom = report.validFrom
                event.validUntil = report.validUntil
                event.predecessor = predecessor?.id
                added = try append(event, db: db, signer: signer)
                _ = try Self.keep(report, db: db)
                return .commit
            }
            return added!
        } catch { throw Self.databaseError(error, path) }
    }

    /// Revokes a certificate with a reason (a `revoke` event); it stays in
    /// the log and in the registry, `revoked` from today (in Seoul).
    public func revoke(_ id: String, reason: String) throws(CertifyError) -> Added {
        let reason = reason.trimmingCharacters(in: .whitespaces)
        guard Event.isLine(reason) else {
            throw CertifyError(.invalidInput, Message.registry(.reasonBad))
        }
        let signer = try signer()
        do {
            var added: Added?
            try queue.inTransaction(.immediate) { db in
                guard let certificate = try CertificateStore.certificate(db, id: id) else {
                    throw CertifyError(.notFound, Message.registry(.noCertificate(id)), file: path)
                }
                if let day = certificate.revokedOn {
                    throw CertifyError(.invalidInput, Message.registry(.alreadyRevoked(certificate: id, day: "\(day)", reason: certificate.revocationReason ?? "")), file: path)
                }
                var event = Event(kind: .revoke, certificate: id, time: Event.now())
                event.reason = reason
                added = try append(event, db: db, signer: signer)
                return .commit
            }
            return added!
        } catch { throw Self.databaseError(error, path) }
    }

    // MARK: - Reading certificates

    func read<T>(_ body: (Database) throws -> T) throws(CertifyError) -> T {
        do { return try queue.read(body) } catch { throw Self.databaseError(error, path) }
    }

    /// One certificate, or nil.
    public func certificate(_ id: String) throws(CertifyError) -> Certificate? {
        try read { try CertificateStore.certificate($0, id: id) }
    }

    /// The certificate registered from the report with this SHA-256, if any.
    public func certificate(reportSHA256: String) throws(CertifyError) -> Certificate? {
        try read { db in
            try CertificateStore.certificateID(db, reportSHA256: reportSHA256).flatMap { try CertificateStore.certificate(db, id: $0) }
        }
    }

    /// The status of a certificate on a day (nil: no such certificate).
    public func status(of id: String, on day: CalendarDate) throws(CertifyError) -> CertificateStatus? {
        try certificate(id)?.status(on: day)
    }

    /// Every certificate, in log order; filtered by status on `day` and by
    /// renewal windows opening by `day + dueWithin` (still in force on `day`).
    public func certificates(on day: CalendarDate, status: CertificateStatus? = nil, dueWithin: Int? = nil) throws(CertifyError) -> [Certificate] {
        try read { try CertificateStore.all($0) }.filter { certificate in
            let now = certificate.status(on: day)
            if let status, now != status { return false }
            if let dueWithin {
                guard now.inForce, certificate.renewalWindowStart <= Days.adding(dueWithin, to: day) else { return false }
            }
            return true
        }
    }

    /// Certificates whose applicants' id or name contains `text`
    /// (case-insensitive for ASCII), in log order.
    public func search(applicant text: String, limit: Int = 200) throws(CertifyError) -> [Certificate] {
        let pattern = "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        return try read { try CertificateStore.certificates($0, applicantLike: pattern) }.prefix(limit).map { $0 }
    }

    // MARK: - The log

    /// The number of entries.
    public func size() throws(CertifyError) -> Int { try read { try MerkleLog.size($0) } }

    /// The bytes of entry `index`.
    public func entry(_ index: Int) throws(CertifyError) -> [UInt8] {
        guard let bytes = try read({ try MerkleLog.entry($0, index: index) }) else {
            throw CertifyError(.notFound, Message.registry(.noEntry(index: index, size: try size())), file: path)
        }
        return Array(bytes)
    }

    /// The signed checkpoint of the tree of `size` entries, with the
    /// witness cosignatures collected for it (default: the published one —
    /// the latest cosigned, once the log has any; else the latest).
    public func checkpoint(size: Int? = nil) throws(CertifyError) -> String {
        guard let note = try read({ try MerkleLog.checkpoint($0, size: size) }) else {
            throw CertifyError(.notFound, Message.registry(.noCheckpoint(size: size ?? 0, logSize: try self.size())), file: path)
        }
        return note
    }

    public func latestCheckpoint() throws(CertifyError) -> String { try checkpoint() }

    /// An inclusion proof of entry `index` in the tree of `size` entries
    /// (default: the latest), with that tree's signed checkpoint.
    public func inclusionProof(index: Int, size: Int? = nil) throws(CertifyError) -> InclusionProof {
        try read { db in
            let current = try MerkleLog.size(db)
            let size = size ?? current
            guard size <= current, index >= 0, index < size else {
                throw CertifyError(.notFound, Message.registry(.entryOutsideTree(index: index, size: size, logSize: current)), file: path)
            }
            let proof = try RFC9162.inclusionProof(index: index, size: size, try MerkleLog.Hashes(db))
            guard let note = try MerkleLog.checkpoint(db, size: size) else {
                throw CertifyError(.auditFailed, Message.registry(.checkpointMissing(size: size)), file: path)
            }
            return InclusionProof(index: index, size: size, proof: proof, checkpoint: note)
        }
    }

    /// The inclusion proof of a certificate's latest entry.
    public func inclusionProof(certificate id: String, size: Int? = nil) throws(CertifyError) -> InclusionProof {
        guard let certificate = try certificate(id) else { throw CertifyError(.notFound, Message.registry(.noCertificate(id)), file: path) }
        return try inclusionProof(index: certificate.latestIndex, size: size)
    }

    /// A consistency proof between the trees of sizes `from` and `to`.
    public func consistencyProof(from: Int, to: Int) throws(CertifyError) -> ConsistencyProof {
        try read { db in
            let current = try MerkleLog.size(db)
            guard 0 < from, from <= to, to <= current else {
                throw CertifyError(.notFound, Message.registry(.rangeBad(logSize: current)), file: path)
            }
            return ConsistencyProof(from: from, to: to, proof: try RFC9162.PROOF(from, to, try MerkleLog.Hashes(db)))
        }
    }
}
