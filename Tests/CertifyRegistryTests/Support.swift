import CertifyTestSupport
import CertifyModel
import CertifyRegistry
import Crypto
import Foundation
import Testing

/// Finds an installed tool; a missing one is a failure, never a skip
/// (scripts/ensure-deps installs them).
func toolPath(_ name: String) throws -> String {
    let candidates = ["/usr/bin/", "/usr/local/bin/", "/bin/", "/usr/lib/go/bin/"].map { $0 + name }
    return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, "\(name) is not installed (run scripts/ensure-deps)")
}

/// A certified report as `CertifiedReport.verify` would read one, for
/// tests of the log and the lifecycle that need no signed XML.
func facts(_ n: Int, applicant: String? = nil, rubric: String = "kr-smart-city", from: String = "2026-03-02", until: String = "2028-03-01") -> CertifiedReport {
    CertifiedReport(
        reportSHA256: SHA256.hash(data: Array("report \(n) \(applicant ?? "") \(from)".utf8)).map { String(format: "%02x", $0) }.joined(),
        applicants: [Applicant(id: applicant ?? "KR-T\(n)", name: "시험시 \(n) / Test City \(n)")],
        rubric: rubric, rubricVersion: "1.0",
        validFrom: CalendarDate(iso: from)!, validUntil: CalendarDate(iso: until)!)
}

extension CalendarDate {
    static func d(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
}
