import CertifyModel
import Foundation
import GRDB

/// A signed decision with exactly the inputs `certify verify REPORT
/// --dossier dossier.xml --review ...` needs to re-score it.
public struct ExportedDecision: Sendable {
    public struct Review: Sendable {
        /// The reviewer's round code (R-01…), as the sheet names it.
        public var code: String
        public var bytes: Data
    }

    public var reference: String
    public var decision: OfficeDecision
    /// The folder it goes in: the application's reference, or
    /// `<reference>-<decision id>` when the application has several signed
    /// decisions (an appeal), so that every one is exported and named.
    public var folder: String
    /// The signed report, bytes as stored.
    public var report: Data
    /// The dossier version the decision was made on.
    public var dossier: Data
    /// The reviews the result used, in code order.
    public var reviews: [Review]
}

extension Office {
    /// The signed decisions, oldest first (the command line's export: the
    /// operator holds the data directory, so no account is asked).
    public func signedDecisions() throws(OfficeError) -> [(decision: OfficeDecision, reference: String, folder: String)] {
        try store.read { db in
            let decisions = try OfficeDecision.filter(Column("reportSHA256") != nil).order(Column("id")).fetchAll(db)
            var counts: [Int64: Int] = [:]
            for decision in decisions { counts[decision.applicationID, default: 0] += 1 }
            var references: [Int64: String] = [:]
            return try decisions.map { decision -> (decision: OfficeDecision, reference: String, folder: String) in
                if references[decision.applicationID] == nil {
                    references[decision.applicationID] = try OfficeApplication.fetchOne(db, key: decision.applicationID)?.reference
                }
                let reference = references[decision.applicationID] ?? "application-\(decision.applicationID)"
                let folder = counts[decision.applicationID]! > 1 ? "\(reference)-\(decision.id!)" : reference
                return (decision, reference, folder)
            }
        }
    }

    /// One signed decision's report, dossier and reviews.
    public func exported(_ decision: OfficeDecision, reference: String, folder: String) throws(OfficeError) -> ExportedDecision {
        try store.read { db in
            guard let digest = decision.reportSHA256, let report = try Blob.fetchOne(db, key: digest),
                  let version = try ApplicationVersion.fetchOne(db, key: ["applicationID": decision.applicationID, "number": decision.version]),
                  let dossier = try Blob.fetchOne(db, key: version.dossierSHA256) else { throw OfficeError(.notFound, .notFound) }
            let reviews = try decision.reviewDigests.map { digest throws -> ExportedDecision.Review in
                guard let review = try SubmittedReview.filter(Column("applicationID") == decision.applicationID
                                                              && Column("xmlSHA256") == digest).fetchOne(db),
                      let blob = try Blob.fetchOne(db, key: digest) else { throw OfficeError(.notFound, .notFound) }
                return ExportedDecision.Review(code: review.code, bytes: blob.bytes)
            }
            return ExportedDecision(reference: reference, decision: decision, folder: folder, report: report.bytes,
                                    dossier: dossier.bytes, reviews: reviews)
        }
    }
}
