import CertifyModel

/// The lines `certify registry` and `certify office` print, in Korean and
/// English; `%1`, `%2`, … stand for values (`text(_:_:)`), filled in order,
/// so text a user gave (a path, a reason) is always the last. The field
/// names of `registry status` end padded so that values line up in a column.
enum CLIWord: String, LocalizedWord {
    case registryIssued, registryRenewed, registryAlreadyRegistered, registryRevoked, registryAuditPassed
    case statusCertificate, statusOn, statusApplicant, statusJoint, statusRubric, statusValidity, statusRenews
    case statusRenewedBy, statusRevoked, statusReport, statusLogEntry
    case officeCreated, officeSetPassword, officeBackupWritten, officeRestored, officePurged

    /// The texts, from Catalog/CLIWord.tsv.
    static let wordTable = WordTable<CLIWord>(PackageResources.CLIWord_tsv)
}
