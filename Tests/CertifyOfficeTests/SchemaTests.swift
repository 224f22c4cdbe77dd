import CertifyOffice
import CertifyTestSupport
import Foundation
import GRDB
import Testing

/// The office database's schema is its stored format: a data directory made
/// by an earlier build must open and mean the same, so every table, column,
/// constraint, index and trigger keeps the SQL it was created with. A change
/// of the schema is a new migration that appends here, never an edit of the
/// statements below (which also pin what the schema builder generates from
/// `Schema.migrator`'s definitions).
@Suite struct SchemaTests {
    /// `sqlite_master` of a new office, in creation order, one statement a line.
    static let pinned = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        CREATE TABLE "setting" ("key" TEXT PRIMARY KEY NOT NULL, "value" TEXT NOT NULL);
        CREATE TABLE "organisation" ("id" TEXT PRIMARY KEY NOT NULL, "name" TEXT NOT NULL);
        CREATE TABLE "account" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "email" TEXT NOT NULL UNIQUE COLLATE NOCASE, "name" TEXT NOT NULL, "kind" TEXT NOT NULL, "passwordHash" TEXT, "organisationID" TEXT REFERENCES "organisation"("id"), "organisationConfirmed" BOOLEAN NOT NULL DEFAULT 0, "totpSecret" TEXT, "totpLastStep" INTEGER, "secondFactorAt" DATETIME, "disabled" BOOLEAN NOT NULL DEFAULT 0, "createdAt" DATETIME NOT NULL, "generation" INTEGER NOT NULL DEFAULT 0, "affiliations" TEXT NOT NULL DEFAULT '');
        CREATE TABLE sqlite_sequence(name,seq);
        CREATE TABLE "recoveryCode" ("accountID" INTEGER NOT NULL REFERENCES "account"("id"), "codeHash" TEXT NOT NULL, "usedAt" DATETIME, PRIMARY KEY ("accountID", "codeHash"));
        CREATE INDEX "recoveryCode_on_accountID" ON "recoveryCode"("accountID");
        CREATE TABLE "oneTimeLink" ("tokenHash" TEXT PRIMARY KEY NOT NULL, "accountID" INTEGER NOT NULL REFERENCES "account"("id"), "email" TEXT NOT NULL, "purpose" TEXT NOT NULL, "expiresAt" DATETIME NOT NULL, "usedAt" DATETIME);
        CREATE INDEX "oneTimeLink_on_accountID" ON "oneTimeLink"("accountID");
        CREATE TABLE "round" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL, "rubricID" TEXT NOT NULL, "rubricVersion" TEXT NOT NULL, "opens" TEXT NOT NULL, "closes" TEXT NOT NULL, "reviewDeadline" TEXT NOT NULL, "responseDays" INTEGER NOT NULL, "appealDays" INTEGER NOT NULL, "reviewerCount" INTEGER NOT NULL, "closed" BOOLEAN NOT NULL DEFAULT 0);
        CREATE TABLE "roundRole" ("roundID" INTEGER NOT NULL REFERENCES "round"("id"), "accountID" INTEGER NOT NULL REFERENCES "account"("id"), "role" TEXT NOT NULL, "code" TEXT NOT NULL, PRIMARY KEY ("roundID", "accountID", "role"));
        CREATE INDEX "roundRole_on_accountID" ON "roundRole"("accountID");
        CREATE TABLE "application" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "reference" TEXT NOT NULL UNIQUE, "roundID" INTEGER NOT NULL REFERENCES "round"("id"), "organisationID" TEXT NOT NULL REFERENCES "organisation"("id"), "state" TEXT NOT NULL, "draft" TEXT NOT NULL, "draftRevision" INTEGER NOT NULL, "submittedVersion" INTEGER NOT NULL, "responseDue" TEXT, "createdBy" INTEGER NOT NULL REFERENCES "account"("id"), "updatedAt" DATETIME NOT NULL, "coApplicants" TEXT NOT NULL DEFAULT '', "cycle" INTEGER NOT NULL DEFAULT 1, "renewalOf" INTEGER, "appealDue" TEXT);
        CREATE INDEX "application_on_roundID" ON "application"("roundID");
        CREATE INDEX "application_on_organisationID" ON "application"("organisationID");
        CREATE INDEX "application_on_state" ON "application"("state");
        CREATE TABLE "blob" ("sha256" TEXT PRIMARY KEY NOT NULL, "bytes" BLOB NOT NULL);
        CREATE TABLE "applicationVersion" ("applicationID" INTEGER NOT NULL REFERENCES "application"("id"), "number" INTEGER NOT NULL, "dossierSHA256" TEXT NOT NULL REFERENCES "blob"("sha256"), "submittedAt" DATETIME NOT NULL, "submittedBy" INTEGER NOT NULL REFERENCES "account"("id"), PRIMARY KEY ("applicationID", "number"));
        CREATE TABLE "evidenceFile" ("applicationID" INTEGER NOT NULL REFERENCES "application"("id"), "sha256" TEXT NOT NULL REFERENCES "blob"("sha256"), "fileName" TEXT NOT NULL, "size" INTEGER NOT NULL, "uploadedAt" DATETIME NOT NULL, "uploadedBy" INTEGER NOT NULL REFERENCES "account"("id"), PRIMARY KEY ("applicationID", "sha256"));
        CREATE TABLE "returnRequest" ("applicationID" INTEGER NOT NULL REFERENCES "application"("id"), "version" INTEGER NOT NULL, "indicator" TEXT NOT NULL, "text" TEXT NOT NULL, PRIMARY KEY ("applicationID", "version", "indicator"));
        CREATE TABLE "session" ("keyHash" TEXT PRIMARY KEY NOT NULL, "value" BLOB NOT NULL, "expiresAt" DATETIME);
        CREATE TABLE "loginFailure" ("key" TEXT NOT NULL, "at" DATETIME NOT NULL);
        CREATE INDEX "loginFailure_on_key" ON "loginFailure"("key");
        CREATE TABLE "actionLog" ("seq" INTEGER PRIMARY KEY, "time" TEXT NOT NULL, "accountID" INTEGER, "action" TEXT NOT NULL, "object" TEXT NOT NULL, "stored" TEXT, "previous" TEXT NOT NULL, "hash" TEXT NOT NULL);
        CREATE INDEX "actionLog_on_object" ON "actionLog"("object");
        CREATE TRIGGER actionLogNoUpdate BEFORE UPDATE ON actionLog
        BEGIN SELECT RAISE(ABORT, 'the action log is append-only'); END;
        CREATE TRIGGER actionLogNoDelete BEFORE DELETE ON actionLog
        BEGIN SELECT RAISE(ABORT, 'the action log is append-only'); END;
        CREATE TABLE "notice" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "accountID" INTEGER REFERENCES "account"("id"), "recipient" TEXT NOT NULL, "subject" TEXT NOT NULL, "body" TEXT NOT NULL, "createdAt" DATETIME NOT NULL, "sentAt" DATETIME, "attempts" INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX "notice_on_accountID" ON "notice"("accountID");
        CREATE TABLE "jointConsent" ("applicationID" INTEGER NOT NULL REFERENCES "application"("id"), "organisationID" TEXT NOT NULL, "revision" INTEGER NOT NULL, "accountID" INTEGER NOT NULL REFERENCES "account"("id"), "at" DATETIME NOT NULL, PRIMARY KEY ("applicationID", "organisationID", "revision"));
        CREATE INDEX applicationJoint ON application(coApplicants) WHERE coApplicants != '';
        CREATE INDEX "applicationOrganisationUpdated" ON "application"("organisationID", "updatedAt");
        CREATE TABLE "assignment" ("applicationID" INTEGER NOT NULL REFERENCES "application"("id"), "accountID" INTEGER NOT NULL REFERENCES "account"("id"), "role" TEXT NOT NULL, "assignedAt" DATETIME NOT NULL, "assignedBy" INTEGER, "remindedAt" DATETIME, PRIMARY KEY ("applicationID", "accountID"));
        CREATE INDEX "assignment_on_accountID" ON "assignment"("accountID");
        CREATE TABLE "conflict" ("applicationID" INTEGER NOT NULL REFERENCES "application"("id"), "accountID" INTEGER NOT NULL REFERENCES "account"("id"), "reason" TEXT NOT NULL, "at" DATETIME NOT NULL, PRIMARY KEY ("applicationID", "accountID"));
        CREATE TABLE "reviewDraft" ("applicationID" INTEGER NOT NULL REFERENCES "application"("id"), "accountID" INTEGER NOT NULL REFERENCES "account"("id"), "fields" TEXT NOT NULL, "revision" INTEGER NOT NULL, "updatedAt" DATETIME NOT NULL, PRIMARY KEY ("applicationID", "accountID"));
        CREATE TABLE "review" ("applicationID" INTEGER NOT NULL REFERENCES "application"("id"), "accountID" INTEGER NOT NULL REFERENCES "account"("id"), "number" INTEGER NOT NULL, "cycle" INTEGER NOT NULL, "code" TEXT NOT NULL, "xmlSHA256" TEXT NOT NULL REFERENCES "blob"("sha256"), "submittedAt" DATETIME NOT NULL, PRIMARY KEY ("applicationID", "accountID", "number"));
        CREATE TABLE "panelNote" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "applicationID" INTEGER NOT NULL REFERENCES "application"("id"), "cycle" INTEGER NOT NULL, "note" TEXT NOT NULL, "accountID" INTEGER NOT NULL REFERENCES "account"("id"), "at" DATETIME NOT NULL);
        CREATE INDEX "panelNote_on_applicationID" ON "panelNote"("applicationID");
        CREATE TABLE "decision" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "applicationID" INTEGER NOT NULL REFERENCES "application"("id"), "cycle" INTEGER NOT NULL, "version" INTEGER NOT NULL, "certified" BOOLEAN NOT NULL, "grade" TEXT, "total" TEXT NOT NULL, "decisionDate" TEXT NOT NULL, "validUntil" TEXT, "note" TEXT NOT NULL, "chairID" INTEGER NOT NULL REFERENCES "account"("id"), "decidedAt" DATETIME NOT NULL, "reviews" TEXT NOT NULL, "reportSHA256" TEXT REFERENCES "blob"("sha256"), "signedAt" DATETIME, "signerKey" TEXT, "signerName" TEXT, "generatedAt" TEXT, "remindedAppeal" BOOLEAN NOT NULL DEFAULT 0, "remindedRenewal" BOOLEAN NOT NULL DEFAULT 0);
        CREATE INDEX "decision_on_applicationID" ON "decision"("applicationID");
        CREATE UNIQUE INDEX "decisionCycle" ON "decision"("applicationID", "cycle");
        CREATE TABLE "registryTask" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "decisionID" INTEGER NOT NULL REFERENCES "decision"("id"), "action" TEXT NOT NULL, "reason" TEXT, "certificate" TEXT, "attempts" INTEGER NOT NULL DEFAULT 0, "doneAt" DATETIME, "problem" TEXT);
        CREATE TABLE "appeal" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "applicationID" INTEGER NOT NULL REFERENCES "application"("id"), "decisionID" INTEGER NOT NULL REFERENCES "decision"("id"), "reason" TEXT NOT NULL, "filedBy" INTEGER NOT NULL REFERENCES "account"("id"), "filedAt" DATETIME NOT NULL, "reopenedAt" DATETIME);
        CREATE INDEX "appeal_on_applicationID" ON "appeal"("applicationID");
        """

    @Test func newOfficeHasThePinnedSchema() throws {
        let f = try Fixture()
        let statements = try f.office.store.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
        }
        let actual = statements.joined(separator: ";\n") + ";"
        let firstDifference = zip(actual.split(separator: "\n"), Self.pinned.split(separator: "\n")).enumerated()
            .first { $0.element.0 != $0.element.1 }
            .map { " at line \($0.offset + 1): \($0.element.0)" } ?? ""
        #expect(actual == Self.pinned, "the office's schema differs from its pinned stored format\(firstDifference)")
    }

    /// Each record and the table it reads and writes. Most take GRDB's
    /// default, the type name with a lowercase initial, so renaming a record
    /// type would move its rows to another table: this list says which.
    static let recordTables: [(record: any TableRecord.Type, table: String)] = [
        (Setting.self, "setting"), (Organisation.self, "organisation"), (Account.self, "account"),
        (RecoveryCode.self, "recoveryCode"), (OneTimeLink.self, "oneTimeLink"), (Round.self, "round"),
        (RoundRole.self, "roundRole"), (OfficeApplication.self, "application"), (Blob.self, "blob"),
        (ApplicationVersion.self, "applicationVersion"), (EvidenceFile.self, "evidenceFile"),
        (ReturnRequest.self, "returnRequest"), (SessionRow.self, "session"), (LoginFailure.self, "loginFailure"),
        (ActionRow.self, "actionLog"), (NoticeRow.self, "notice"), (JointConsent.self, "jointConsent"),
        (Assignment.self, "assignment"), (Conflict.self, "conflict"), (ReviewDraft.self, "reviewDraft"),
        (SubmittedReview.self, "review"), (PanelNote.self, "panelNote"), (OfficeDecision.self, "decision"),
        (RegistryTask.self, "registryTask"), (Appeal.self, "appeal"),
    ]

    @Test func everyTableHasItsRecord() throws {
        for (record, table) in Self.recordTables {
            #expect(record.databaseTableName == table, "\(record) reads the table \(record.databaseTableName), not \(table)")
        }
        let f = try Fixture()
        let tables = try f.office.store.read { db in
            try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('grdb_migrations', 'sqlite_sequence')")
        }
        #expect(Set(Self.recordTables.map(\.table)) == tables, "a table without a record, or a record without a table")
    }
}
