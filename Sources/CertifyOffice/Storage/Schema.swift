import GRDB

/// The office database's migrations, applied in order at every open.
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
                t.column("accountID", .integer).notNull().references("account").indexed()
                t.column("codeHash", .text).notNull()
                t.column("usedAt", .datetime)
                t.primaryKey(["accountID", "codeHash"])
            }
            try db.create(table: "oneTimeLink") { t in
                t.primaryKey("tokenHash", .text)
                t.column("accountID", .integer).notNull().references("account").indexed()
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
                t.column("roundID", .integer).notNull().references("round")
                t.column("accountID", .integer).notNull().references("account").indexed()
                t.column("role", .text).notNull()
                t.column("code", .text).notNull()
                t.primaryKey(["roundID", "accountID", "role"])
            }
            try db.create(table: "application") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("reference", .text).notNull().unique()
                t.column("roundID", .integer).notNull().references("round").indexed()
                t.column("organisationID", .text).notNull().references("organisation").indexed()
                t.column("state", .text).notNull().indexed()
                t.column("draft", .text).notNull()
                t.column("draftRevision", .integer).notNull()
                t.column("submittedVersion", .integer).notNull()
                t.column("responseDue", .text)
                t.column("createdBy", .integer).notNull().references("account")
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(table: "blob") { t in
                t.primaryKey("sha256", .text)
                t.column("bytes", .blob).notNull()
            }
            try db.create(table: "applicationVersion") { t in
                t.column("applicationID", .integer).notNull().references("application")
                t.column("number", .integer).notNull()
                t.column("dossierSHA256", .text).notNull().references("blob")
                t.column("submittedAt", .datetime).notNull()
                t.column("submittedBy", .integer).notNull().references("account")
                t.primaryKey(["applicationID", "number"])
            }
            try db.create(table: "evidenceFile") { t in
                t.column("applicationID", .integer).notNull().references("application")
                t.column("sha256", .text).notNull().references("blob")
                t.column("fileName", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("uploadedAt", .datetime).notNull()
                t.column("uploadedBy", .integer).notNull().references("account")
                t.primaryKey(["applicationID", "sha256"])
            }
            try db.create(table: "returnRequest") { t in
                t.column("applicationID", .integer).notNull().references("application")
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
                t.column("applicationID", .integer).notNull().references("application")
                t.column("organisationID", .text).notNull()
                t.column("revision", .integer).notNull()
                t.column("accountID", .integer).notNull().references("account")
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
            try db.create(table: "assignment") { t in
                t.column("applicationID", .integer).notNull().references("application")
                t.column("accountID", .integer).notNull().references("account").indexed()
                t.column("role", .text).notNull()
                t.column("assignedAt", .datetime).notNull()
                t.column("assignedBy", .integer)
                t.column("remindedAt", .datetime)
                t.primaryKey(["applicationID", "accountID"])
            }
            try db.create(table: "conflict") { t in
                t.column("applicationID", .integer).notNull().references("application")
                t.column("accountID", .integer).notNull().references("account")
                t.column("reason", .text).notNull()
                t.column("at", .datetime).notNull()
                t.primaryKey(["applicationID", "accountID"])
            }
            try db.create(table: "reviewDraft") { t in
                t.column("applicationID", .integer).notNull().references("application")
                t.column("accountID", .integer).notNull().references("account")
                t.column("fields", .text).notNull()
                t.column("revision", .integer).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.primaryKey(["applicationID", "accountID"])
            }
            try db.create(table: "review") { t in
                t.column("applicationID", .integer).notNull().references("application")
                t.column("accountID", .integer).notNull().references("account")
                t.column("number", .integer).notNull()
                t.column("cycle", .integer).notNull()
                t.column("code", .text).notNull()
                t.column("xmlSHA256", .text).notNull().references("blob")
                t.column("submittedAt", .datetime).notNull()
                t.primaryKey(["applicationID", "accountID", "number"])
            }
            try db.create(table: "panelNote") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("applicationID", .integer).notNull().references("application").indexed()
                t.column("cycle", .integer).notNull()
                t.column("note", .text).notNull()
                t.column("accountID", .integer).notNull().references("account")
                t.column("at", .datetime).notNull()
            }
            try db.create(table: "decision") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("applicationID", .integer).notNull().references("application").indexed()
                t.column("cycle", .integer).notNull()
                t.column("version", .integer).notNull()
                t.column("certified", .boolean).notNull()
                t.column("grade", .text)
                t.column("total", .text).notNull()
                t.column("decisionDate", .text).notNull()
                t.column("validUntil", .text)
                t.column("note", .text).notNull()
                t.column("chairID", .integer).notNull().references("account")
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
                t.column("decisionID", .integer).notNull().references("decision")
                t.column("action", .text).notNull()
                t.column("reason", .text)
                t.column("certificate", .text)
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("doneAt", .datetime)
                t.column("problem", .text)
            }
            try db.create(table: "appeal") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("applicationID", .integer).notNull().references("application").indexed()
                t.column("decisionID", .integer).notNull().references("decision")
                t.column("reason", .text).notNull()
                t.column("filedBy", .integer).notNull().references("account")
                t.column("filedAt", .datetime).notNull()
                t.column("reopenedAt", .datetime)
            }
        }
        return migrator
    }
}
