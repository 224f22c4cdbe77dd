import CertifyEngine
import CertifyModel
import CertifyRender
import CertifyRuntime
import CertifyTestSupport
import Foundation
import Testing

extension Paths {
    /// The golden files of this target.
    static let golden = file("Tests/CertifyMessageTests/Golden")
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
