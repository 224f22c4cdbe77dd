import CertifyModel
import Foundation
import GRDB

/// Reading and writing the certificate tables (certificate, its
/// applicants, renewals, revocations) inside a transaction, with the
/// records of Schema.swift.
enum CertificateStore {
    /// Above this many certificates, the related rows are read whole
    /// rather than by an `IN (…)` list of ids.
    static let largestIDList = 500

    /// The certificates `request` selects, in log order, with their
    /// applicants, renewal links and revocations.
    static func certificates(_ db: Database, _ request: QueryInterfaceRequest<CertificateRecord>, whole: Bool = false) throws -> [Certificate] {
        let rows = try request.order(CertificateRecord.Columns.issuedIndex).fetchAll(db)
        guard !rows.isEmpty else { return [] }
        // The related rows of these certificates only, unless they are many.
        let ids: [String]? = whole || rows.count > largestIDList ? nil : rows.map(\.id)
        func related<Record: FetchableRecord & TableRecord>(_: Record.Type, _ column: Column) -> QueryInterfaceRequest<Record> {
            ids.map { Record.filter($0.contains(column)) } ?? Record.all()
        }
        var applicants: [String: [Applicant]] = [:]
        for row in try related(ApplicantRecord.self, ApplicantRecord.Columns.certificate)
            .order(ApplicantRecord.Columns.certificate, ApplicantRecord.Columns.position).fetchAll(db) {
            applicants[row.certificate, default: []].append(Applicant(id: row.applicant, name: row.name))
        }
        let predecessors = Dictionary(
            try related(RenewalRecord.self, RenewalRecord.Columns.certificate).fetchAll(db).map { ($0.certificate, $0.predecessor) },
            uniquingKeysWith: { first, _ in first })
        let successors = Dictionary(
            try related(RenewalRecord.self, RenewalRecord.Columns.predecessor).fetchAll(db).map { ($0.predecessor, $0.certificate) },
            uniquingKeysWith: { first, _ in first })
        let revocations = Dictionary(
            try related(RevocationRecord.self, RevocationRecord.Columns.certificate).fetchAll(db).map { ($0.certificate, $0) },
            uniquingKeysWith: { first, _ in first })
        // The day each successor starts (a successor is a later certificate, often not among `rows`).
        var starts = Dictionary(rows.map { ($0.id, $0.validFrom) }, uniquingKeysWith: { first, _ in first })
        let missing = Set(successors.values).subtracting(starts.keys)
        if !missing.isEmpty {
            for row in try CertificateRecord.filter(keys: Array(missing)).fetchAll(db) { starts[row.id] = row.validFrom }
        }
        return try rows.map { row in
            func date(_ text: String, _ column: String) throws -> CalendarDate {
                guard let date = CalendarDate(iso: text) else {
                    throw CertifyError(.auditFailed, Message.registry(.badDate(certificate: row.id, column: column)))
                }
                return date
            }
            let successor = successors[row.id]
            let revocation = revocations[row.id]
            return Certificate(
                id: row.id, applicants: applicants[row.id] ?? [Applicant(id: row.applicant, name: "")], rubric: row.rubric,
                rubricVersion: row.rubricVersion, reportSHA256: row.reportSHA256,
                validFrom: try date(row.validFrom, "valid_from"), validUntil: try date(row.validUntil, "valid_until"),
                predecessor: predecessors[row.id], issuedIndex: row.issuedIndex, latestIndex: row.latestIndex,
                issuedAt: row.issuedAt, successor: successor,
                successorFrom: successor.flatMap { starts[$0] }.flatMap(CalendarDate.init(iso:)),
                revokedOn: revocation.flatMap { CalendarDate(iso: $0.revokedOn) }, revocationReason: revocation?.reason)
        }
    }

    /// Every certificate, in log order.
    static func all(_ db: Database) throws -> [Certificate] {
        try certificates(db, CertificateRecord.all(), whole: true)
    }

    static func certificate(_ db: Database, id: String) throws -> Certificate? {
        try certificates(db, CertificateRecord.filter(key: id)).first
    }

    /// The certificates of an applicant (the lead) under a rubric: those a new one may renew.
    static func certificates(_ db: Database, applicant: String, rubric: String) throws -> [Certificate] {
        try certificates(db, CertificateRecord.filter(
            CertificateRecord.Columns.applicant == applicant && CertificateRecord.Columns.rubric == rubric))
    }

    /// Certificates with an applicant whose id or name is `LIKE` `pattern` (escaped with `\`).
    static func certificates(_ db: Database, applicantLike pattern: String) throws -> [Certificate] {
        let matching = ApplicantRecord
            .select(ApplicantRecord.Columns.certificate)
            .filter(ApplicantRecord.Columns.applicant.like(pattern, escape: "\\")
                || ApplicantRecord.Columns.name.like(pattern, escape: "\\"))
        return try certificates(db, CertificateRecord.filter(matching.contains(CertificateRecord.Columns.id)))
    }

    static func certificateID(_ db: Database, reportSHA256: String) throws -> String? {
        try CertificateRecord.select(CertificateRecord.Columns.id, as: String.self)
            .filter(CertificateRecord.Columns.reportSHA256 == reportSHA256).fetchOne(db)
    }

    /// The rows an event writes (also what `audit` expects of each event).
    static func apply(_ event: Event, index: Int, db: Database) throws {
        switch event.kind {
        case .issue, .renew:
            try CertificateRecord(
                id: event.certificate, applicant: event.applicants[0].id, rubric: event.rubric,
                rubricVersion: event.rubricVersion, reportSHA256: event.reportSHA256,
                validFrom: event.validFrom!.description, validUntil: event.validUntil!.description,
                issuedIndex: index, latestIndex: index, issuedAt: event.time
            ).insert(db)
            for (position, applicant) in event.applicants.enumerated() {
                try ApplicantRecord(certificate: event.certificate, position: position, applicant: applicant.id, name: applicant.name).insert(db)
            }
            try CertificateID.record(event.certificate, db)
            if let predecessor = event.predecessor {
                try RenewalRecord(certificate: event.certificate, predecessor: predecessor, logIndex: index).insert(db)
            }
        case .revoke:
            try RevocationRecord(certificate: event.certificate, reason: event.reason!, revokedOn: event.day!.description, logIndex: index)
                .insert(db)
            try CertificateRecord.filter(key: event.certificate).updateAll(db, CertificateRecord.Columns.latestIndex.set(to: index))
        }
    }
}
