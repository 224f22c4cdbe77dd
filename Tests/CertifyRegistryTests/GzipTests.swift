import CertifyRegistry
import CertifyTestSupport
import Foundation
import Testing

/// `Gzip.compress` read back by the system's gzip (another implementation):
/// empty input, runs longer than a match, text like entry bundles, random
/// bytes and inputs beyond the 32 KiB window.
@Suite struct GzipTests {
    let scratch = Scratch()

    func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let file = scratch.path("in-\(UUID().uuidString).gz")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try toolPath("gzip"))
        process.arguments = ["-dc", file]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return Array(data)
    }

    @Test func theSystemGzipReadsWhatItWrites() throws {
        var generator = SystemRandomNumberGenerator()
        var inputs: [[UInt8]] = [[], [7], Array(repeating: 0x41, count: 1000), Array("abcabcabcabd".utf8)]
        let event = "certify-registry-event/v1\ntype issue\ncertificate KR-SC-2026-0001\napplicant KR-HANSOL\n"
        inputs.append(Array((0..<2000).map { event.replacingOccurrences(of: "0001", with: String(format: "%04d", $0)) }.joined().utf8))
        inputs.append((0..<70_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        inputs.append((0..<100_000).map { UInt8(truncatingIfNeeded: ($0 * $0) >> 7 % 251) })
        for input in inputs {
            let compressed = Gzip.compress(input)
            #expect(try gunzip(compressed) == input, "\(input.count) bytes")
        }
        // Text like an entry bundle shrinks several times.
        #expect(Gzip.compress(inputs[4]).count * 4 < inputs[4].count)
    }
}
