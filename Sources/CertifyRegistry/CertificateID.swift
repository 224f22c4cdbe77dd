import GRDB

/// Certificate ids: `PREFIX-YEAR-NNNN`, the prefix from the rubric id (its
/// first part, then the initials of the others: kr-smart-city → KR-SC), the
/// year the validity starts, and a sequence per prefix and year kept in
/// `certificate_sequence` (no scan of the certificates per id).
public enum CertificateID {
    public static func prefix(rubric: String, year: Int) -> String {
        let parts = rubric.split(separator: "-").map { $0.filter { $0.isASCII && ($0.isLetter || $0.isNumber) } }.filter { !$0.isEmpty }
        guard let first = parts.first else { return "CERT-\(year)" }
        let rest = parts.dropFirst().map { String($0.prefix(1)) }.joined()
        return ([first.uppercased()] + (rest.isEmpty ? [] : [rest.uppercased()]) + [String(year)]).joined(separator: "-")
    }

    /// The next id for a certificate under `rubric` starting in `year`.
    static func next(_ db: Database, rubric: String, year: Int) throws -> String {
        let prefix = prefix(rubric: rubric, year: year)
        let last = try SequenceRecord.fetchOne(db, key: prefix)?.last ?? 0
        let number = String(last + 1)
        return prefix + "-" + String(repeating: "0", count: max(0, 4 - number.count)) + number
    }

    /// Records that `id` was given: its number is the last of its prefix, unless a higher one was.
    static func record(_ id: String, _ db: Database) throws {
        guard let dash = id.lastIndex(of: "-"), let number = Int(id[id.index(after: dash)...]) else { return }
        let prefix = String(id[..<dash])
        if let existing = try SequenceRecord.fetchOne(db, key: prefix), existing.last >= number { return }
        try SequenceRecord(prefix: prefix, last: number).save(db)
    }
}
