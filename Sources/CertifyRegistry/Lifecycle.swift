import CertifyModel

/// A certificate's status on a given day (registry.md).
public enum CertificateStatus: String, Sendable, CaseIterable, Codable {
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

    public var label: (ko: String, en: String) {
        switch self {
        case .valid: ("유효", "valid")
        case .renewalDue: ("갱신 대상", "renewal due")
        case .expired: ("만료", "expired")
        case .superseded: ("갱신됨", "superseded")
        case .revoked: ("취소", "revoked")
        case .notYetValid: ("효력 발생 전", "not yet valid")
        }
    }
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
    /// logged (UTC); a renewal supersedes from the successor's first day.
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

/// Calendar arithmetic on `CalendarDate` (proleptic Gregorian).
public enum Days {
    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    public static func ordinal(_ date: CalendarDate) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (date.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + date.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func date(ordinal: Int) -> CalendarDate? {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return CalendarDate(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// `date` plus `days` (clamped to the calendar's range).
    public static func adding(_ days: Int, to date: CalendarDate) -> CalendarDate {
        self.date(ordinal: ordinal(date) + days) ?? (days < 0 ? CalendarDate(year: 1, month: 1, day: 1)! : CalendarDate(year: 9999, month: 12, day: 31)!)
    }

    /// `date` plus `months`, the day clamped to the end of a shorter month.
    public static func addingMonths(_ months: Int, to date: CalendarDate) -> CalendarDate {
        let total = date.year * 12 + (date.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        guard (1...9999).contains(year) else { return date }
        return CalendarDate(year: year, month: month, day: min(date.day, CalendarDate.daysIn(month: month, year: year)))!
    }
}
