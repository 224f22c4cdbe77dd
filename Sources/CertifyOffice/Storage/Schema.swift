import GRDB

/// The office database's migrations, applied in order at every open. The SQL
/// they generate is the stored format (SchemaTests pins it): a change of the
/// schema is a new migration, never an edit of one that has shipped.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "organisation") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
            }
            try db.create(table: "account") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("email", .text).notNull().unique(onConflict: .abort).collate(.nocase)
                t.column("name", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("passwordHash", .text)
                t.column("organisationID", .text).references("organisation")
                t.column("organisationConfirmed", .boolean).notNull().defaults(to: false)
                t.column("totpSecret", .text)
                t.column("totpLastStep", .integer)
                t.column("secondFactorAt", .datetime)
                t.column("disabled", .boolean).notNull().defaults(to: false)
                t.column("createdAt", .datetime).notNull()
                t.column("generation", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "recoveryCode") { t in
                t.reference("accountID", to: "account").indexed()
                t.column("codeHash", .text).notNull()
                t.column("usedAt", .datetime)
                t.primaryKey(["accountID", "codeHash"])
            }
            try db.create(table: "oneTimeLink") { t in
                t.primaryKey("tokenHash", .text)
                t.reference("accountID", to: "account").indexed()
                t.column("email", .text).notNull()
                t.column("purpose", .text).notNull()
                t.column("expiresAt", .datetime).notNull()
                t.column("usedAt", .datetime)
            }
            try db.create(table: "round") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("rubricID", .text).notNull()
                t.column("rubricVersion", .text).notNull()
                t.column("opens", .text).notNull()
                t.column("closes", .text).notNull()
                t.column("reviewDeadline", .text).notNull()
                t.column("responseDays", .integer).notNull()
                t.column("appealDays", .integer).notNull()
                t.column("reviewerCount", .integer).notNull()
                t.column("closed", .boolean).notNull().defaults(to: false)
            }
            try db.create(table: "roundRole") { t in
                t.reference("roundID", to: "round")
                t.reference("accountID", to: "account").indexed()
                t.column("role", .text).notNull()
                t.column("code", .text).notNull()
                t.primaryKey(["roundID", "accountID", "role"])
            }
            try db.create(table: "application") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("reference", .text).notNull().unique()
                t.reference("roundID", to: "round").indexed()
                t.reference("organisationID", to: "organisation", .text).indexed()
                t.column("state", .text).notNull().indexed()
                t.column("draft", .text).notNull()
                t.column("draftRevision", .integer).notNull()
                t.column("submittedVersion", .integer).notNull()
                t.column("responseDue", .text)
                t.reference("createdBy", to: "account")
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(table: "blob") { t in
                t.primaryKey("sha256", .text)
                t.column("bytes", .blob).notNull()
            }
            try db.create(table: "applicationVersion") { t in
                t.reference("applicationID", to: "application")
                t.column("number", .integer).notNull()
                t.reference("dossierSHA256", to: "blob", .text)
                t.column("submittedAt", .datetime).notNull()
                t.reference("submittedBy", to: "account")
                t.primaryKey(["applicationID", "number"])
            }
            try db.create(table: "evidenceFile") { t in
                t.reference("applicationID", to: "application")
                t.reference("sha256", to: "blob", .text)
                t.column("fileName", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("uploadedAt", .datetime).notNull()
                t.reference("uploadedBy", to: "account")
                t.primaryKey(["applicationID", "sha256"])
            }
            try db.create(table: "returnRequest") { t in
                t.reference("applicationID", to: "application")
                t.column("version", .integer).notNull()
                t.column("indicator", .text).notNull()
                t.column("text", .text).notNull()
                t.primaryKey(["applicationID", "version", "indicator"])
            }
            try db.create(table: "session") { t in
                t.primaryKey("keyHash", .text)
                t.column("value", .blob).notNull()
                t.column("expiresAt", .datetime)
            }
            try db.create(table: "loginFailure") { t in
                t.column("key", .text).notNull().indexed()
                t.column("at", .datetime).notNull()
            }
            try db.create(table: "actionLog") { t in
                t.primaryKey("seq", .integer)
                t.column("time", .text).notNull()
                t.column("accountID", .integer)
                t.column("action", .text).notNull()
                t.column("object", .text).notNull().indexed()
                t.column("stored", .text)
                t.column("previous", .text).notNull()
                t.column("hash", .text).notNull()
            }
            // Append-only: the database refuses to change or delete a row of
            // the action log (an edit behind its back must drop the trigger
            // first, and `office audit` finds the edit anyway).
            try db.execute(sql: """
                CREATE TRIGGER actionLogNoUpdate BEFORE UPDATE ON actionLog
                BEGIN SELECT RAISE(ABORT, 'the action log is append-only'); END;
                CREATE TRIGGER actionLogNoDelete BEFORE DELETE ON actionLog
                BEGIN SELECT RAISE(ABORT, 'the action log is append-only'); END;
                """)
        }
        migrator.registerMigration("v2-notices") { db in
            try db.create(table: "notice") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("accountID", .integer).references("account").indexed()
                t.column("recipient", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("body", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("sentAt", .datetime)
                t.column("attempts", .integer).notNull().defaults(to: 0)
            }
        }
        migrator.registerMigration("v3-joint") { db in
            try db.alter(table: "application") { t in
                t.add(column: "coApplicants", .text).notNull().defaults(to: "")
            }
            try db.create(table: "jointConsent") { t in
                t.reference("applicationID", to: "application")
                t.column("organisationID", .text).notNull()
                t.column("revision", .integer).notNull()
                t.reference("accountID", to: "account")
                t.column("at", .datetime).notNull()
                t.primaryKey(["applicationID", "organisationID", "revision"])
            }
        }
        migrator.registerMigration("v4-dashboard") { db in
            // Dashboards find an organisation's applications by its id and
            // the joint ones that name it; only joint applications are indexed here.
            try db.execute(sql: "CREATE INDEX applicationJoint ON application(coApplicants) WHERE coApplicants != ''")
            try db.create(index: "applicationOrganisationUpdated", on: "application", columns: ["organisationID", "updatedAt"])
        }
        migrator.registerMigration("v5-panel") { db in
            try db.alter(table: "account") { t in
                t.add(column: "affiliations", .text).notNull().defaults(to: "")
            }
            try db.alter(table: "application") { t in
                t.add(column: "cycle", .integer).notNull().defaults(to: 1)
                t.add(column: "renewalOf", .integer)
                t.add(column: "appealDue", .text)
            }
            try db.createMemberTable("assignment", accountIndexed: true) { t in
                t.column("role", .text).notNull()
                t.column("assignedAt", .datetime).notNull()
                t.column("assignedBy", .integer)
                t.column("remindedAt", .datetime)
            }
            try db.createMemberTable("conflict") { t in
                t.column("reason", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.createMemberTable("reviewDraft") { t in
                t.column("fields", .text).notNull()
                t.column("revision", .integer).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.createMemberTable("review", key: ["number"]) { t in
                t.column("number", .integer).notNull()
                t.column("cycle", .integer).notNull()
                t.column("code", .text).notNull()
                t.reference("xmlSHA256", to: "blob", .text)
                t.column("submittedAt", .datetime).notNull()
            }
            try db.createApplicationRowTable("panelNote") { t in
                t.column("cycle", .integer).notNull()
                t.column("note", .text).notNull()
                t.reference("accountID", to: "account")
                t.column("at", .datetime).notNull()
            }
            try db.createApplicationRowTable("decision") { t in
                t.column("cycle", .integer).notNull()
                t.column("version", .integer).notNull()
                t.column("certified", .boolean).notNull()
                t.column("grade", .text)
                t.column("total", .text).notNull()
                t.column("decisionDate", .text).notNull()
                t.column("validUntil", .text)
                t.column("note", .text).notNull()
                t.reference("chairID", to: "account")
                t.column("decidedAt", .datetime).notNull()
                t.column("reviews", .text).notNull()
                t.column("reportSHA256", .text).references("blob")
                t.column("signedAt", .datetime)
                t.column("signerKey", .text)
                t.column("signerName", .text)
                t.column("generatedAt", .text)
                t.column("remindedAppeal", .boolean).notNull().defaults(to: false)
                t.column("remindedRenewal", .boolean).notNull().defaults(to: false)
            }
            // One decision per application and review cycle (a send-back stores none).
            try db.create(index: "decisionCycle", on: "decision", columns: ["applicationID", "cycle"], unique: true)
            try db.create(table: "registryTask") { t in
                t.autoIncrementedPrimaryKey("id")
                t.reference("decisionID", to: "decision")
                t.column("action", .text).notNull()
                t.column("reason", .text)
                t.column("certificate", .text)
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("doneAt", .datetime)
                t.column("problem", .text)
            }
            try db.createApplicationRowTable("appeal") { t in
                t.reference("decisionID", to: "decision")
                t.column("reason", .text).notNull()
                t.reference("filedBy", to: "account")
                t.column("filedAt", .datetime).notNull()
                t.column("reopenedAt", .datetime)
            }
        }
        return migrator
    }
}

extension TableDefinition {
    /// The column `name`, never null, holding the primary key of a row of
    /// `table` (an integer id unless `type` says otherwise): what most of the
    /// office's tables hold to name an application, an account or a blob.
    /// The same definition as `column(name, type).notNull().references(table)`:
    /// the SQL it generates is the stored format SchemaTests pins.
    @discardableResult
    func reference(_ name: String, to table: String, _ type: Database.ColumnType = .integer) -> ColumnDefinition {
        column(name, type).notNull().references(table)
    }
}

extension Database {
    /// Creates a table of one panel member's part in one application (its
    /// assignment, conflict, review draft, reviews): `applicationID` and
    /// `accountID` first, then the columns `body` adds, keyed by the two and
    /// then `key` (the primary key is written after the columns whatever
    /// the order of the calls, so the SQL is that of spelling it all out).
    func createMemberTable(_ name: String, key: [String] = [], accountIndexed: Bool = false,
                           body: (TableDefinition) -> Void) throws {
        try create(table: name) { t in
            t.reference("applicationID", to: "application")
            let account = t.reference("accountID", to: "account")
            if accountIndexed { account.indexed() }
            body(t)
            t.primaryKey(["applicationID", "accountID"] + key)
        }
    }

    /// Creates a table of numbered rows of one application (the chair's
    /// notes, decisions, appeals): an autoincremented `id`, an indexed
    /// `applicationID`, then the columns `body` adds.
    func createApplicationRowTable(_ name: String, body: (TableDefinition) -> Void) throws {
        try create(table: name) { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("applicationID", to: "application").indexed()
            body(t)
        }
    }
}
