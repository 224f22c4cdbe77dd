import CertifyModel
import CertifyReport
import CertifyRuntime
import Crypto
import Foundation
import GRDB

/// What a report verified with a trusted key says about the certificate it
/// grants: the facts an `issue` or `renew` event records.
public struct CertifiedReport: Sendable, Equatable {
    public var reportSHA256: String
    public var applicants: [Applicant]
    public var rubric: String
    public var rubricVersion: String
    public var validFrom: CalendarDate
    public var validUntil: CalendarDate

    public init(reportSHA256: String, applicants: [Applicant], rubric: String, rubricVersion: String,
                validFrom: CalendarDate, validUntil: CalendarDate) {
        self.reportSHA256 = reportSHA256
        self.applicants = applicants
        self.rubric = rubric
        self.rubricVersion = rubricVersion
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// Checks a signed report with `certify verify`'s policy (`ReportAudit`)
    /// and reads what it certifies. Refused (invalid input, with the
    /// reason) unless the signature verifies with one of `keys` and the
    /// decision is certified. A certified report past its validity is
    /// accepted: the registry records history, and shows it as expired.
    public static func verify(_ bytes: [UInt8], file: String, trusting keys: [P256.Signing.PublicKey],
                              schemas: Schemas) throws(CertifyError) -> CertifiedReport {
        let audit: ReportAudit
        do {
            audit = try ReportAudit.run(report: .bytes(bytes, name: file), trusting: keys, schemas: schemas,
                                        on: CalendarDate.today(in: TimeZone(identifier: "UTC")!))
        } catch {
            throw CertifyError(.invalidInput, error.diagnostics.map { diagnostic in
                Diagnostic(
                    .registry(.notRegistered(english: diagnostic.message, korean: diagnostic.message(.ko))),
                    at: diagnostic.position, file: diagnostic.file, severity: diagnostic.severity)
            })
        }
        let summary = audit.summary
        func refuse(_ problem: Message.RegistryProblem) -> CertifyError {
            CertifyError(.invalidInput, [Diagnostic(.registry(problem), file: file)])
        }
        guard summary.certified else { throw refuse(.notCertified) }
        guard let from = summary.validFrom, let until = summary.validUntil, from <= until else {
            throw refuse(.noValidityPeriod)
        }
        var applicants: [Applicant] = []
        for party in summary.parties {
            let name = party.names.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                .joined(separator: " / ")
            guard Event.isToken(party.id) else { throw refuse(.applicantIDBad(party.id)) }
            guard Event.isLine(name) else { throw refuse(.applicantNameBad(party.id)) }
            applicants.append(Applicant(id: party.id, name: name))
        }
        guard !applicants.isEmpty else { throw refuse(.noApplicant) }
        guard Event.isToken(summary.rubricID), Event.isToken(summary.rubricVersion) else {
            throw refuse(.rubricIDBad)
        }
        return CertifiedReport(reportSHA256: InputFile.sha256(bytes), applicants: applicants, rubric: summary.rubricID,
                               rubricVersion: summary.rubricVersion, validFrom: from, validUntil: until)
    }
}

/// The certificate registry: SQLite (through GRDB, WAL) holding the
/// certificates, renewal links and revocations, and the append-only log of
/// every event with all its Merkle subtree hashes and a signed checkpoint
/// per tree size. Each event, its tree hashes, its checkpoint and the rows
/// it changes are written in one transaction.
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
        let meta: (String, String)?
        do {
            meta = try queue.read { db in
                try Row.fetchOne(db, sql: "SELECT origin, verifier_key FROM log_meta WHERE id = 1").map { ($0[0], $0[1]) }
            }
        } catch { throw Self.databaseError(error, path) }
        guard let (origin, key) = meta, let verifier = NoteVerifier(encoded: key), verifier.name == origin else {
            throw CertifyError(.invalidInput, Message.registry(.notARegistry), file: path)
        }
        self.origin = origin
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

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE log_meta (
                  id INTEGER PRIMARY KEY CHECK (id = 1),
                  origin TEXT NOT NULL,
                  verifier_key TEXT NOT NULL);
                -- Entry N of the log: the exact bytes of one event.
                CREATE TABLE log_entry (
                  idx INTEGER PRIMARY KEY,
                  body BLOB NOT NULL);
                -- Every complete subtree's hash: level L, index I covers leaves I·2^L ..< (I+1)·2^L.
                CREATE TABLE tree_hash (
                  level INTEGER NOT NULL,
                  idx INTEGER NOT NULL,
                  hash BLOB NOT NULL,
                  PRIMARY KEY (level, idx)) WITHOUT ROWID;
                -- The signed checkpoint (C2SP signed note) of every tree size.
                CREATE TABLE checkpoint (
                  size INTEGER PRIMARY KEY,
                  note TEXT NOT NULL);
                CREATE TABLE certificate (
                  id TEXT PRIMARY KEY,
                  applicant TEXT NOT NULL,
                  rubric TEXT NOT NULL,
                  rubric_version TEXT NOT NULL,
                  report_sha256 TEXT NOT NULL UNIQUE,
                  valid_from TEXT NOT NULL,
                  valid_until TEXT NOT NULL,
                  issued_index INTEGER NOT NULL UNIQUE,
                  latest_index INTEGER NOT NULL,
                  issued_at TEXT NOT NULL);
                CREATE INDEX certificate_by_applicant ON certificate (applicant, rubric);
                CREATE TABLE certificate_applicant (
                  certificate TEXT NOT NULL REFERENCES certificate (id),
                  position INTEGER NOT NULL,
                  applicant TEXT NOT NULL,
                  name TEXT NOT NULL,
                  PRIMARY KEY (certificate, position));
                CREATE INDEX applicant_by_id ON certificate_applicant (applicant);
                CREATE TABLE renewal (
                  certificate TEXT PRIMARY KEY REFERENCES certificate (id),
                  predecessor TEXT NOT NULL UNIQUE REFERENCES certificate (id),
                  log_index INTEGER NOT NULL);
                -- The last number given per id prefix (KR-SC-2026 → 1 for KR-SC-2026-0001).
                CREATE TABLE certificate_sequence (
                  prefix TEXT PRIMARY KEY,
                  last INTEGER NOT NULL);
                CREATE TABLE revocation (
                  certificate TEXT PRIMARY KEY REFERENCES certificate (id),
                  reason TEXT NOT NULL,
                  revoked_on TEXT NOT NULL,
                  log_index INTEGER NOT NULL UNIQUE);
                """)
        }
        return migrator
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
                try db.execute(sql: "INSERT INTO log_meta (id, origin, verifier_key) VALUES (1, ?, ?)",
                               arguments: [origin, signer.verifier.encoded])
                // The empty tree's checkpoint, so that there always is one.
                let note = try signer.sign(Checkpoint(origin: origin, size: 0, root: RFC9162.emptyHash).text)
                try db.execute(sql: "INSERT INTO checkpoint (size, note) VALUES (0, ?)", arguments: [note])
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

    /// Opens an existing registry. Read-only opens never write (a web server).
    public static func open(at path: String, readOnly: Bool = false) throws(CertifyError) -> Registry {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw CertifyError(.unreadable, Message.registry(.noRegistry), file: path)
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: readOnly))
            if !readOnly { try migrator.migrate(queue) }
            return try Registry(path: path, queue: queue, readOnly: readOnly)
        } catch { throw databaseError(error, path) }
    }

    /// The log's signing key, read from `PATH.key` (refused if group or
    /// others can read it, or if it is not this log's key).
    func signer() throws(CertifyError) -> NoteSigner {
        if let cachedSigner { return cachedSigner }
        let keyFile = Self.keyPath(for: path)
        let descriptor = Foundation.open(keyFile, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CertifyError(.unreadable, Message.registry(.logKeyUnreadable(String(cString: strerror(errno)))), file: keyFile)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size < 4096 else {
            throw CertifyError(.unreadable, Message.registry(.logKeyNotSmallFile), file: keyFile)
        }
        if status.st_mode & 0o077 != 0 {
            throw CertifyError(.keyPermissions, String(format: "the log key is readable by group or others (mode %03o); run: chmod 600 %@", Int(status.st_mode & 0o777), keyFile), file: keyFile)
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        let count = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
        guard count == bytes.count, let signer = NoteSigner(encoded: String(decoding: bytes, as: UTF8.self)) else {
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

    /// Registers a verified, certified report: an `issue` event, or a
    /// `renew` event linked to its predecessor. The same report twice is a
    /// no-op. One transaction: the entry, its hashes, its checkpoint, the rows.
    public func register(_ report: CertifiedReport) throws(CertifyError) -> Added {
        let signer = try signer()
        do {
            var added: Added?
            try queue.inTransaction(.immediate) { db in
                if let existing = try Self.certificateID(db, reportSHA256: report.reportSHA256) {
                    let certificate = try Self.certificate(db, id: existing)!
                    added = Added(certificate: certificate, event: nil, index: certificate.latestIndex)
                    return .rollback
                }
                let candidates = try Self.certificates(db, where: "c.applicant = ? AND c.rubric = ?",
                                                       [report.applicants[0].id, report.rubric])
                let predecessor = candidates
                    .filter { $0.successor == nil && $0.revokedOn == nil && $0.isRenewed(byStartOn: report.validFrom) }
                    .max { ($0.validUntil, $0.issuedIndex) < ($1.validUntil, $1.issuedIndex) }
                let id = try Self.nextID(db, rubric: report.rubric, year: report.validFrom.year)
                var event = Event(kind: predecessor == nil ? .issue : .renew, certificate: id, time: Event.now())
                event.applicants = report.applicants
                event.rubric = report.rubric
                event.rubricVersion = report.rubricVersion
                event.reportSHA256 = report.reportSHA256
                event.validFrom = report.validFrom
                event.validUntil = report.validUntil
                event.predecessor = predecessor?.id
                let index = try MerkleLog.append(event.encoded, db: db, signer: signer)
                try Self.apply(event, index: index, db: db)
                added = Added(certificate: try Self.certificate(db, id: id)!, event: event.kind, index: index)
                return .commit
            }
            return added!
        } catch { throw Self.databaseError(error, path) }
    }

    /// Revokes a certificate with a reason (a `revoke` event); it stays in
    /// the log and in the registry, `revoked` from today (UTC).
    public func revoke(_ id: String, reason: String) throws(CertifyError) -> Added {
        let reason = reason.trimmingCharacters(in: .whitespaces)
        guard Event.isLine(reason) else {
            throw CertifyError(.invalidInput, Message.registry(.reasonBad))
        }
        let signer = try signer()
        do {
            var added: Added?
            try queue.inTransaction(.immediate) { db in
                guard let certificate = try Self.certificate(db, id: id) else {
                    throw CertifyError(.notFound, Message.registry(.noCertificate(id)), file: path)
                }
                if let day = certificate.revokedOn {
                    throw CertifyError(.invalidInput, Message.registry(.alreadyRevoked(certificate: id, day: "\(day)", reason: certificate.revocationReason ?? "")), file: path)
                }
                var event = Event(kind: .revoke, certificate: id, time: Event.now())
                event.reason = reason
                let index = try MerkleLog.append(event.encoded, db: db, signer: signer)
                try Self.apply(event, index: index, db: db)
                added = Added(certificate: try Self.certificate(db, id: id)!, event: .revoke, index: index)
                return .commit
            }
            return added!
        } catch { throw Self.databaseError(error, path) }
    }

    /// The rows an event writes (also what `audit` expects of each event).
    static func apply(_ event: Event, index: Int, db: Database) throws {
        switch event.kind {
        case .issue, .renew:
            try db.cachedStatement(sql: """
                INSERT INTO certificate (id, applicant, rubric, rubric_version, report_sha256, valid_from, valid_until,
                  issued_index, latest_index, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [event.certificate, event.applicants[0].id, event.rubric, event.rubricVersion, event.reportSHA256,
                                 event.validFrom!.description, event.validUntil!.description, index, index, event.time])
            for (position, applicant) in event.applicants.enumerated() {
                try db.cachedStatement(sql: "INSERT INTO certificate_applicant (certificate, position, applicant, name) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [event.certificate, position, applicant.id, applicant.name])
            }
            if let dash = event.certificate.lastIndex(of: "-"), let number = Int(event.certificate[event.certificate.index(after: dash)...]) {
                try db.cachedStatement(sql: """
                    INSERT INTO certificate_sequence (prefix, last) VALUES (?, ?)
                    ON CONFLICT (prefix) DO UPDATE SET last = MAX(last, excluded.last)
                    """).execute(arguments: [String(event.certificate[..<dash]), number])
            }
            if let predecessor = event.predecessor {
                try db.execute(sql: "INSERT INTO renewal (certificate, predecessor, log_index) VALUES (?, ?, ?)",
                               arguments: [event.certificate, predecessor, index])
            }
        case .revoke:
            try db.execute(sql: "INSERT INTO revocation (certificate, reason, revoked_on, log_index) VALUES (?, ?, ?, ?)",
                           arguments: [event.certificate, event.reason!, event.day!.description, index])
            try db.execute(sql: "UPDATE certificate SET latest_index = ? WHERE id = ?", arguments: [index, event.certificate])
        }
    }

    /// Certificate ids: `PREFIX-YEAR-NNNN`, the prefix from the rubric id
    /// (its first part, then the initials of the others: kr-smart-city →
    /// KR-SC), the year the validity starts, and a sequence per prefix and year.
    public static func idPrefix(rubric: String, year: Int) -> String {
        let parts = rubric.split(separator: "-").map { $0.filter { $0.isASCII && ($0.isLetter || $0.isNumber) } }.filter { !$0.isEmpty }
        guard let first = parts.first else { return "CERT-\(year)" }
        let rest = parts.dropFirst().map { String($0.prefix(1)) }.joined()
        return ([first.uppercased()] + (rest.isEmpty ? [] : [rest.uppercased()]) + [String(year)]).joined(separator: "-")
    }

    static func nextID(_ db: Database, rubric: String, year: Int) throws -> String {
        let prefix = idPrefix(rubric: rubric, year: year)
        let last = try Int.fetchOne(db.cachedStatement(sql: "SELECT last FROM certificate_sequence WHERE prefix = ?"),
                                    arguments: [prefix]) ?? 0
        let number = String(last + 1)
        return prefix + "-" + String(repeating: "0", count: max(0, 4 - number.count)) + number
    }

    // MARK: - Reading certificates

    static let selectCertificates = """
        SELECT c.id, c.applicant, c.rubric, c.rubric_version, c.report_sha256, c.valid_from, c.valid_until,
               c.issued_index, c.latest_index, c.issued_at,
               p.predecessor, s.certificate AS successor, sc.valid_from AS successor_from,
               r.revoked_on, r.reason,
               (SELECT json_group_array(json_array(a.applicant, a.name)) FROM
                  (SELECT applicant, name FROM certificate_applicant WHERE certificate = c.id ORDER BY position) a) AS applicants
        FROM certificate c
        LEFT JOIN renewal p ON p.certificate = c.id
        LEFT JOIN renewal s ON s.predecessor = c.id
        LEFT JOIN certificate sc ON sc.id = s.certificate
        LEFT JOIN revocation r ON r.certificate = c.id
        """

    static func certificates(_ db: Database, where condition: String = "1", _ arguments: StatementArguments = [],
                             order: String = "c.issued_index") throws -> [Certificate] {
        try Row.fetchAll(db.cachedStatement(sql: "\(selectCertificates) WHERE \(condition) ORDER BY \(order)"), arguments: arguments).map(certificate(from:))
    }

    static func certificate(from row: Row) throws -> Certificate {
        func date(_ column: String) throws -> CalendarDate {
            guard let text: String = row[column], let date = CalendarDate(iso: text) else {
                throw CertifyError(.auditFailed, Message.registry(.badDate(certificate: row["id"] as String? ?? "?", column: column)))
            }
            return date
        }
        let json: String = row["applicants"] ?? "[]"
        let pairs = (try? JSONDecoder().decode([[String]].self, from: Data(json.utf8))) ?? []
        var applicants = pairs.filter { $0.count == 2 }.map { Applicant(id: $0[0], name: $0[1]) }
        if applicants.isEmpty { applicants = [Applicant(id: row["applicant"], name: "")] }
        return Certificate(
            id: row["id"], applicants: applicants, rubric: row["rubric"], rubricVersion: row["rubric_version"],
            reportSHA256: row["report_sha256"], validFrom: try date("valid_from"), validUntil: try date("valid_until"),
            predecessor: row["predecessor"], issuedIndex: row["issued_index"], latestIndex: row["latest_index"],
            issuedAt: row["issued_at"], successor: row["successor"],
            successorFrom: (row["successor_from"] as String?).flatMap(CalendarDate.init(iso:)),
            revokedOn: (row["revoked_on"] as String?).flatMap(CalendarDate.init(iso:)), revocationReason: row["reason"])
    }

    static func certificate(_ db: Database, id: String) throws -> Certificate? {
        try certificates(db, where: "c.id = ?", [id]).first
    }

    static func certificateID(_ db: Database, reportSHA256: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM certificate WHERE report_sha256 = ?"), arguments: [reportSHA256])
    }

    func read<T>(_ body: (Database) throws -> T) throws(CertifyError) -> T {
        do { return try queue.read(body) } catch { throw Self.databaseError(error, path) }
    }

    /// One certificate, or nil.
    public func certificate(_ id: String) throws(CertifyError) -> Certificate? {
        try read { try Self.certificate($0, id: id) }
    }

    /// The certificate registered from the report with this SHA-256, if any.
    public func certificate(reportSHA256: String) throws(CertifyError) -> Certificate? {
        try read { db in try Self.certificateID(db, reportSHA256: reportSHA256).flatMap { try Self.certificate(db, id: $0) } }
    }

    /// The status of a certificate on a day (nil: no such certificate).
    public func status(of id: String, on day: CalendarDate) throws(CertifyError) -> CertificateStatus? {
        try certificate(id)?.status(on: day)
    }

    /// Every certificate, in log order; filtered by status on `day` and by
    /// renewal windows opening by `day + dueWithin` (still in force on `day`).
    public func certificates(on day: CalendarDate, status: CertificateStatus? = nil, dueWithin: Int? = nil) throws(CertifyError) -> [Certificate] {
        try read { try Self.certificates($0) }.filter { certificate in
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
        return try read { db in
            try Self.certificates(db, where: """
                c.id IN (SELECT certificate FROM certificate_applicant
                         WHERE applicant LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')
                """, [pattern, pattern]).prefix(limit).map { $0 }
        }
    }

    // MARK: - The log

    /// The number of entries.
    public func size() throws(CertifyError) -> Int { try read { try MerkleLog.size($0) } }

    /// The bytes of entry `index`.
    public func entry(_ index: Int) throws(CertifyError) -> [UInt8] {
        guard let bytes = try read({ try Data.fetchOne($0, sql: "SELECT body FROM log_entry WHERE idx = ?", arguments: [index]) }) else {
            throw CertifyError(.notFound, Message.registry(.noEntry(index: index, size: try size())), file: path)
        }
        return Array(bytes)
    }

    /// The signed checkpoint of the tree of `size` entries (default: the latest).
    public func checkpoint(size: Int? = nil) throws(CertifyError) -> String {
        let note = try read { db -> String? in
            if let size { return try String.fetchOne(db, sql: "SELECT note FROM checkpoint WHERE size = ?", arguments: [size]) }
            return try String.fetchOne(db, sql: "SELECT note FROM checkpoint ORDER BY size DESC LIMIT 1")
        }
        guard let note else { throw CertifyError(.notFound, Message.registry(.noCheckpoint(size: size ?? 0, logSize: try self.size())), file: path) }
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
            let hashes = try MerkleLog.Hashes(db)
            let proof = try RFC9162.inclusionProof(index: index, size: size, hashes)
            guard let note = try String.fetchOne(db, sql: "SELECT note FROM checkpoint WHERE size = ?", arguments: [size]) else {
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

/// `prove --format json`: `{"index", "size", "proof": [base64], "checkpoint"}`.
public struct InclusionProof: Sendable, Equatable {
    public var index: Int
    public var size: Int
    public var proof: [RFC9162.Hash]
    public var checkpoint: String

    public var json: String {
        "{\"index\":\(index),\"size\":\(size),\"proof\":[\(proof.map { "\"\(Data($0).base64EncodedString())\"" }.joined(separator: ","))],\"checkpoint\":\(JSONText.string(checkpoint))}"
    }
}

/// `consistency --format json`: `{"from", "to", "proof": [base64]}`.
public struct ConsistencyProof: Sendable, Equatable {
    public var from: Int
    public var to: Int
    public var proof: [RFC9162.Hash]

    public var json: String {
        "{\"from\":\(from),\"to\":\(to),\"proof\":[\(proof.map { "\"\(Data($0).base64EncodedString())\"" }.joined(separator: ","))]}"
    }
}

/// JSON string literals.
public enum JSONText {
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}":
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    public static func optional(_ text: String?) -> String { text.map(string) ?? "null" }
}

/// The log's tables: entries, the hash of every complete subtree, a
/// signed checkpoint per size.
enum MerkleLog {
    static func size(_ db: Database) throws -> Int {
        (try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(idx) FROM log_entry"))).map { $0 + 1 } ?? 0
    }

    /// Complete-subtree hashes read from `tree_hash`, one cached statement.
    struct Hashes: RFC9162.SubtreeHashes {
        let statement: Statement
        init(_ db: Database) throws {
            statement = try db.cachedStatement(sql: "SELECT hash FROM tree_hash WHERE level = ? AND idx = ?")
        }
        func hash(level: Int, index: Int) throws -> RFC9162.Hash {
            guard let hash = try Data.fetchOne(statement, arguments: [level, index]), hash.count == 32 else {
                throw CertifyError(.auditFailed, Message.registry(.treeHashMissing(level: level, index: index)))
            }
            return Array(hash)
        }
    }

    /// Appends an entry: its leaf hash, every subtree it completes, and the
    /// signed checkpoint of the new size. Returns the entry's index.
    static func append(_ entry: [UInt8], db: Database, signer: NoteSigner) throws -> Int {
        let index = try size(db)
        try db.cachedStatement(sql: "INSERT INTO log_entry (idx, body) VALUES (?, ?)").execute(arguments: [index, Data(entry)])
        let insert = try db.cachedStatement(sql: "INSERT INTO tree_hash (level, idx, hash) VALUES (?, ?, ?)")
        var hash = RFC9162.leafHash(entry)
        try insert.execute(arguments: [0, index, Data(hash)])
        let hashes = try Hashes(db)
        var level = 0, position = index
        while position & 1 == 1 {  // a right child completes its parent
            hash = RFC9162.nodeHash(try hashes.hash(level: level, index: position - 1), hash)
            level += 1
            position >>= 1
            try insert.execute(arguments: [level, position, Data(hash)])
        }
        let size = index + 1
        let root = try RFC9162.MTH(size: size, hashes)
        let note = try signer.sign(Checkpoint(origin: signer.name, size: size, root: root).text)
        try db.cachedStatement(sql: "INSERT INTO checkpoint (size, note) VALUES (?, ?)").execute(arguments: [size, note])
        return index
    }
}
