import CertifyEngine
import CertifyModel
import CertifyRender
import CertifyRuntime
import Foundation
import Testing

/// Paths of the package, found from this file.
enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func file(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}

/// Runs the built `certify` binary (beside the test bundle) from the package root.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String

    static let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("certify")

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = Run.binary
        process.arguments = arguments
        process.currentDirectoryURL = Paths.root
        var env = ProcessInfo.processInfo.environment
        env["CERTIFY_RUBRICS"] = nil
        env["LC_ALL"] = nil
        env["LC_MESSAGES"] = nil
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}

/// One sample scored as a reviewer would: a dossier, with or without its reviews.
struct Sample: Sendable, CustomTestStringConvertible {
    var name: String
    var dossier: String
    var reviews: [String]

    var testDescription: String { name }

    /// Every dossier under Samples/city and Samples/service, the service
    /// ones both with their reviews and self-assessed; found by listing,
    /// so a new sample is covered without editing this list.
    static let all: [Sample] = {
        let manager = FileManager.default
        var samples: [Sample] = []
        let city = (try? manager.contentsOfDirectory(atPath: Paths.file("Samples/city").path)) ?? []
        for name in city.filter({ $0.hasSuffix(".xml") }).sorted() {
            samples.append(Sample(name: "city-" + name.dropLast(4), dossier: "Samples/city/" + name, reviews: []))
        }
        let service = (try? manager.contentsOfDirectory(atPath: Paths.file("Samples/service").path)) ?? []
        for folder in service.sorted() {
            let base = "Samples/service/\(folder)/"
            let files = (try? manager.contentsOfDirectory(atPath: Paths.file(base).path)) ?? []
            let reviews = files.filter { $0.hasPrefix("review") && $0.hasSuffix(".xml") }.sorted().map { base + $0 }
            samples.append(Sample(name: "service-\(folder)", dossier: base + "dossier.xml", reviews: reviews))
            samples.append(Sample(name: "service-\(folder)-self", dossier: base + "dossier.xml", reviews: []))
        }
        return samples
    }()

    /// `certify score` arguments for this sample.
    func scoreArguments(_ extra: [String]) -> [String] {
        ["score", "--date", "2026-03-02"] + extra + [dossier] + reviews.flatMap { ["--review", $0] }
    }

    /// `certify plan` arguments for this sample (`--judgments` only for a
    /// self-assessed one, where it is allowed and plans more).
    func planArguments(_ extra: [String]) -> [String] {
        ["plan", "--date", "2026-03-02"] + (reviews.isEmpty ? ["--judgments"] : []) + extra + [dossier]
            + reviews.flatMap { ["--review", $0] }
    }

    /// Scored in process (the same result the command prints).
    func result() throws -> ScoreResult {
        try Shared.certifier.score(
            dossierPath: Paths.file(dossier).path, reviewPaths: reviews.map { Paths.file($0).path },
            options: ScoringOptions(date: CalendarDate(iso: "2026-03-02")!))
    }

    /// The page `certify report --html` writes for this sample.
    func html(_ language: Language) throws -> String {
        HTMLRenderer.render(
            try result(),
            context: ReportContext(
                engineVersion: "0", generatedAt: "2026-03-02T09:00:00Z",
                signer: SignerInfo(keyID: String(repeating: "0", count: 64), name: nil)),
            language: language, reportFileName: "report.xml")
    }
}

enum Shared {
    static let certifier: Certifier = try! Certifier(
        rubricsDirectory: Paths.file("Rubrics"), schemas: .shipped())
}

/// The invalid samples, each with the command that shows its error.
struct InvalidSample: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var testDescription: String { name }

    static let all: [InvalidSample] = {
        let manager = FileManager.default
        let base = "Samples/invalid/"
        let entries = ((try? manager.contentsOfDirectory(atPath: Paths.file(base).path)) ?? []).sorted()
        var samples: [InvalidSample] = []
        for entry in entries where entry.hasSuffix(".xml") {
            samples.append(InvalidSample(name: entry, arguments: ["validate", base + entry]))
        }
        for entry in entries where !entry.contains(".") {
            let folder = base + entry + "/"
            let files = ((try? manager.contentsOfDirectory(atPath: Paths.file(folder).path)) ?? []).sorted()
            let reviews = files.filter { $0.hasPrefix("review") }.flatMap { ["--review", folder + $0] }
            samples.append(InvalidSample(name: entry, arguments: ["score", folder + "dossier.xml"] + reviews))
        }
        return samples
    }()
}
