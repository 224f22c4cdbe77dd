import CertifyCLITestSupport
import CertifyModel
import CertifyRegistry
import Crypto
import Foundation
import Testing

/// Paths of the package, found from this file, so tests run from any directory.
enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static func sample(_ relative: String) -> String { root.appendingPathComponent("Samples").appendingPathComponent(relative).path }
}

/// One scratch directory per test.
final class Scratch: @unchecked Sendable {
    let directory: URL
    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("certify-registry-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: directory) }
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

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
