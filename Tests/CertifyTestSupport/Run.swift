import Foundation

/// Runs the built `certify` binary (or another program), as a user would:
/// from the project root unless told otherwise, without CERTIFY_RUBRICS or
/// CERTIFY_REGISTRY, in the English UTF-8 locale (`LANG=C.UTF-8`, no
/// `LC_ALL` or `LC_MESSAGES`) unless `environment` sets one. The CLI tests
/// of every test target share it.
public struct Run {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// Standard output as bytes (for BOMs and binary entries).
    public var data: Data

    /// `certify` beside the test bundle in the build directory.
    public static let binary: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("certify")

    /// Runs `program` (default `certify`) with `arguments` in `directory`,
    /// `environment` added, `input` on standard input; waits for it.
    public init(_ arguments: [String], program: String? = nil, in directory: URL = Paths.root,
                environment: [String: String] = [:], input: Data? = nil) throws {
        let process = Process()
        process.executableURL = program.map(URL.init(fileURLWithPath:)) ?? Run.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["CERTIFY_RUBRICS"] = nil
        env["CERTIFY_REGISTRY"] = nil
        env["LC_ALL"] = nil
        env["LC_MESSAGES"] = nil
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
        // Read both pipes at once so that a large output on either cannot block.
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

    /// Standard output read as one JSON object (empty when it is not one).
    public var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
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
