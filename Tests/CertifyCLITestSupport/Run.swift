import Foundation

/// Runs the built `certify` binary, as a user would: from the project root
/// unless told otherwise, without CERTIFY_RUBRICS, in a UTF-8 locale. The
/// CLI tests of every test target share it.
public struct Run {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// `certify` beside the test bundle in the build directory.
    public static let binary: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("certify")

    /// The project root (this file is Tests/CertifyCLITestSupport/Run.swift).
    public static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    public init(_ arguments: [String], in directory: URL = Run.projectRoot, environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = Run.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["CERTIFY_RUBRICS"] = nil
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a large output cannot block.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }

    /// Standard output read as one JSON object (empty when it is not one).
    public var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:]
    }
}
