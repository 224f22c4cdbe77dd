import Foundation
import GRDB

/// The registry's tables, and one record type per table: every read and
/// write of the certificate tables goes through these records and GRDB's
/// query interface.
extension Registry {
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
        // The signed reports behind the certificates, for the certificate
        // page: not part of the log (its entries name each report by its
        // SHA-256, which `audit` checks these bytes against).
        migrator.registerMigration("reports") { db in
            try db.execute(sql: """
                CREATE TABLE report (
                  sha256 TEXT PRIMARY KEY,
                  grade TEXT,
                  total TEXT NOT NULL,
                  max TEXT NOT NULL,
                  body BLOB NOT NULL);
                """)
        }
        // Witness cosignatures (C2SP tlog-cosignature) collected for a
        // checkpoint: its signature lines, appended to the log's note when
        // it is published. The index finds the latest cosigned checkpoint.
        migrator.registerMigration("v2-cosignatures") { db in
            try db.execute(sql: """
                ALTER TABLE checkpoint ADD COLUMN cosignatures TEXT;
                CREATE INDEX checkpoint_cosigned ON checkpoint (size) WHERE cosignatures IS NOT NULL;
                """)
        }
        // A revocation takes effect on the Seoul date of its event; it was
        // the UTC date, a day early for events from 15:00 UTC on. Each is
        // recomputed from its log entry (`registry audit` replays the log
        // and would otherwise find the rows differ).
        migrator.registerMigration("v3-revocation-day-seoul") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT revocation.certificate, revocation.revoked_on, log_entry.body
                FROM revocation JOIN log_entry ON log_entry.idx = revocation.log_index
                """)
            for row in rows {
                let body: [UInt8] = [UInt8](row["body"] as Data)
                guard let day = (try? Event(parsing: body))?.day?.description else { continue }
                let revokedOn: String = row["revoked_on"]
                guard day != revokedOn else { continue }
                try db.execute(
                    sql: "UPDATE revocation SET revoked_on = ? WHERE certificate = ?",
                    arguments: [day, row["certificate"] as String])
            }
        }
        return migrator
    }
}

/// A row of one of the registry's tables (`databaseTableName`), read and
/// written through its Codable conformance; a record's `Columns` are its
/// coding keys, so a column is named once.
protocol RegistryRecord: Codable, FetchableRecord, PersistableRecord {}

/// The log's name and verifier key (one row).
struct LogMetaRecord: RegistryRecord {
    static let databaseTableName = "log_meta"
    var id = 1
    var origin: String
    var verifierKey: String
    enum CodingKeys: String, CodingKey { case id, origin, verifierKey = "verifier_key" }
}

/// A certificate as issued (`issue` or `renew`); `latestIndex` moves to its revocation.
struct CertificateRecord: RegistryRecord {
    static let databaseTableName = "certificate"
    var id: String
    /// The lead applicant's id (the first listed).
    var applicant: String
    var rubric: String
    var rubricVersion: String
    var reportSHA256: String
    var validFrom: String
    var validUntil: String
    var issuedIndex: Int
    var latestIndex: Int
    var issuedAt: String
    enum CodingKeys: String, CodingKey {
        case id, applicant, rubric, rubricVersion = "rubric_version", reportSHA256 = "report_sha256",
             validFrom = "valid_from", validUntil = "valid_until", issuedIndex = "issued_index",
             latestIndex = "latest_index", issuedAt = "issued_at"
    }
    enum Columns {
        static let id = Column(CodingKeys.id), applicant = Column(CodingKeys.applicant), rubric = Column(CodingKeys.rubric)
        static let reportSHA256 = Column(CodingKeys.reportSHA256), issuedIndex = Column(CodingKeys.issuedIndex)
        static let latestIndex = Column(CodingKeys.latestIndex)
    }
}

/// One applicant of a certificate, in the order the report lists them.
struct ApplicantRecord: RegistryRecord {
    static let databaseTableName = "certificate_applicant"
    var certificate: String
    var position: Int
    var applicant: String
    var name: String
    enum Columns {
        static let certificate = Column(CodingKeys.certificate), position = Column(CodingKeys.position)
        static let applicant = Column(CodingKeys.applicant), name = Column(CodingKeys.name)
    }
}

/// A renewal: `certificate` renews `predecessor`.
struct RenewalRecord: RegistryRecord {
    static let databaseTableName = "renewal"
    var certificate: String
    var predecessor: String
    var logIndex: Int
    enum CodingKeys: String, CodingKey { case certificate, predecessor, logIndex = "log_index" }
    enum Columns { static let certificate = Column(CodingKeys.certificate), predecessor = Column(CodingKeys.predecessor) }
}

/// A revocation, with its reason and day.
struct RevocationRecord: RegistryRecord {
    static let databaseTableName = "revocation"
    var certificate: String
    var reason: String
    var revokedOn: String
    var logIndex: Int
    enum CodingKeys: String, CodingKey { case certificate, reason, revokedOn = "revoked_on", logIndex = "log_index" }
    enum Columns { static let certificate = Column(CodingKeys.certificate) }
}

/// The last certificate number given for an id prefix.
struct SequenceRecord: RegistryRecord {
    static let databaseTableName = "certificate_sequence"
    var prefix: String
    var last: Int
}

/// A signed checkpoint of a tree size.
struct CheckpointRecord: RegistryRecord {
    static let databaseTableName = "checkpoint"
    var size: Int
    var note: String
    /// Witness cosignature lines (nil: none yet).
    var cosignatures: String? = nil
    enum Columns { static let size = Column(CodingKeys.size) }

    /// The note with the witnesses' cosignatures after the log's signature.
    var cosigned: String { note + (cosignatures ?? "") }
}
