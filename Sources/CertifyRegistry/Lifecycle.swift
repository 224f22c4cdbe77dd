import CertifyModel

/// A certificate's status on a given day (registry.md).
public enum CertificateStatus: String, LocalizedWord, Codable {
    case valid
    /// Valid, in its last 3 months: renewal should be filed.
    case renewalDue = "renewal-due"
    case expired
    /// Renewed: a successor is in force from its first day.
    case superseded
    case revoked
    case notYetValid = "not-yet-valid"

    /// Whether the certificate is in force.
    public var inForce: Bool { self == .valid || self == .renewalDue }

    /// The texts, from Catalog/CertificateStatus.tsv.
    public static let wordTable = WordTable<CertificateStatus>(PackageResources.CertificateStatus_tsv)
}

/// A certificate as the registry holds it, with what later events said
/// about it (its successor, its revocation).
public struct Certificate: Sendable, Equatable {
    public var id: String
    /// The first is the certificate's applicant; joint applicants follow.
    public var applicants: [Applicant]
    public var rubric: String
    public var rubricVersion: String
    public var reportSHA256: String
    public var validFrom: CalendarDate
    public var validUntil: CalendarDate
    /// The certificate this one renews.
    public var predecessor: String?
    /// The entry that issued it, and its latest entry (the revocation, once revoked).
    public var issuedIndex: Int
    public var latestIndex: Int
    public var issuedAt: String
    public var successor: String?
    public var successorFrom: CalendarDate?
    public var revokedOn: CalendarDate?
    public var revocationReason: String?

    public var applicant: Applicant { applicants[0] }

    public init(id: String, applicants: [Applicant], rubric: String, rubricVersion: String, reportSHA256: String,
                validFrom: CalendarDate, validUntil: CalendarDate, predecessor: String? = nil, issuedIndex: Int,
                latestIndex: Int, issuedAt: String, successor: String? = nil, successorFrom: CalendarDate? = nil,
                revokedOn: CalendarDate? = nil, revocationReason: String? = nil) {
        self.id = id
        self.applicants = applicants
        self.rubric = rubric
        self.rubricVersion = rubricVersion
        self.reportSHA256 = reportSHA256
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.predecessor = predecessor
        self.issuedIndex = issuedIndex
        self.latestIndex = latestIndex
        self.issuedAt = issuedAt
        self.successor = successor
        self.successorFrom = successorFrom
        self.revokedOn = revokedOn
        self.revocationReason = revocationReason
    }

    /// The first day of the renewal window: the last 3 months of validity.
    public var renewalWindowStart: CalendarDate { Days.addingMonths(-3, to: Days.adding(1, to: validUntil)) }

    /// The status on `day`. A revocation takes effect on the day it was
    /// logged (the date in Seoul); a renewal supersedes from the successor's
    /// first day.
    public func status(on day: CalendarDate) -> CertificateStatus {
        if let revokedOn, revokedOn <= day { return .revoked }
        if day < validFrom { return .notYetValid }
        if let successorFrom, successorFrom <= day { return .superseded }
        if validUntil < day { return .expired }
        if renewalWindowStart <= day { return .renewalDue }
        return .valid
    }

    /// Whether a certificate starting on `day` for the same applicant and
    /// rubric renews this one: it starts in this one's renewal window or on
    /// the day after it ends.
    public func isRenewed(byStartOn day: CalendarDate) -> Bool {
        renewalWindowStart <= day && day <= Days.adding(1, to: validUntil)
    }
}

