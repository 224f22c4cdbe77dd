import CertifyModel
import CertifyRuntime
import Foundation
import GRDB

/// What changed from one submitted version to the next, per indicator:
/// what the secretariat reads after a return is answered.
public struct VersionChange: Sendable, Equatable {
    /// The indicator's id, or `evidence`, `electives`, `applicants`.
    public var item: String
    public var before: String
    public var after: String
}

extension Office {
    /// The changes of every version after the first, by version number.
    public func differences(of application: OfficeApplication) throws(OfficeError) -> [Int: [VersionChange]] {
        let versions = try versions(of: application)
        guard versions.count > 1 else { return [:] }
        let dossiers = try store.read { db in
            try versions.map { version in try Blob.fetchOne(db, key: version.dossierSHA256).map { Array($0.bytes) } ?? [] }
        }
        var out: [Int: [VersionChange]] = [:]
        for index in 1..<versions.count {
            out[versions[index].number] = Self.changes(from: dossiers[index - 1], to: dossiers[index], name: application.reference,
                                                       certifier: certifier)
        }
        return out
    }

    /// The items of a dossier in words, for comparison.
    static func items(_ bytes: [UInt8], certifier: Certifier, name: String) -> [String: String] {
        guard let (dossier, _) = try? certifier.loadDossier(.bytes(bytes, name: name)) else { return [:] }
        var items: [String: String] = [:]
        for value in dossier.values {
            items[value.indicator] = value.hasItems ? value.items.joined(separator: ", ") : value.text
        }
        for kpi in dossier.kpis {
            items["\(kpi.indicator) \(kpi.id)"] = "\(kpi.achieved) / \(kpi.target)\(kpi.unit.map { " \($0)" } ?? "")"
        }
        for judgment in dossier.judgments { items[judgment.indicator] = judgment.score }
        items["electives"] = dossier.electives.map(\.indicator).sorted().joined(separator: ", ")
        items["evidence"] = dossier.evidence.map { "\($0.id) \($0.sha256.prefix(12))" }.sorted().joined(separator: ", ")
        items["applicants"] = dossier.applicants.map(\.id).joined(separator: ", ")
        return items
    }

    static func changes(from before: [UInt8], to after: [UInt8], name: String, certifier: Certifier) -> [VersionChange] {
        let old = items(before, certifier: certifier, name: name)
        let new = items(after, certifier: certifier, name: name)
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            let a = old[key] ?? "", b = new[key] ?? ""
            return a == b ? nil : VersionChange(item: key, before: a, after: b)
        }
    }
}
