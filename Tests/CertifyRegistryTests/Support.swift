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

/// Runs a program (the built `certify` by default), as a user would.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
    var data: Data

    static let binary: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("certify")

    init(_ arguments: [String], program: String? = nil, in directory: URL = Paths.root,
         environment: [String: String] = [:], input: Data? = nil) throws {
        let process = Process()
        process.executableURL = program.map(URL.init(fileURLWithPath:)) ?? Run.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["CERTIFY_RUBRICS"] = nil
        env["CERTIFY_REGISTRY"] = nil
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        let writer = input.map { bytes in
            Thread { inPipe.fileHandleForWriting.write(bytes); try? inPipe.fileHandleForWriting.close() }
        }
        if let writer { writer.start() } else { try? inPipe.fileHandleForWriting.close() }
        let errBox = ErrBox()
        let errThread = Thread { errBox.data = err.fileHandleForReading.readDataToEndOfFile() }
        errThread.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errBox.done { usleep(1000) }
        status = process.terminationStatus
        data = outData
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errBox.data ?? Data(), as: UTF8.self)
    }

    final class ErrBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Data?
        var data: Data? {
            get { lock.lock(); defer { lock.unlock() }; return value }
            set { lock.lock(); value = newValue; lock.unlock() }
        }
        var done: Bool { data != nil }
    }
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
