// Shared by every fuzz target (compiled into each; see scripts/fuzz).
// Everything is in memory: the fuzzer's bytes go through the certifier's
// bytes API (`InputSource.bytes`), the path the CLI takes for files.
import CertifyEngine
import CertifyModel
import CertifyRender
import CertifyRuntime
import CertifyXML
import Foundation

enum Harness {
    /// The repository this harness was compiled from.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let schemas: Schemas = try! Schemas(directory: root.appendingPathComponent("Rubrics/schema"))
    static let certifier: Certifier = try! Certifier(rubricsDirectory: root.appendingPathComponent("Rubrics"), schemas: schemas)
    static let date = CalendarDate(iso: "2026-03-02")!

    /// Binds with `certifier`, then scores (plain and official) and renders
    /// as the CLI does; every diagnostic is rendered too.
    static func bindScoreAndRender(_ certifier: Certifier, dossier: InputSource, reviews: [InputSource]) {
        do throws(CertifyError) {
            let (submission, rubric) = try certifier.bind(dossier: dossier, reviews: reviews)
            scoreAndRender(submission, rubric: rubric)
        } catch {
            rendered(error)
        }
    }

    /// The same for a dossier and reviews already loaded.
    static func bindScoreAndRender(_ dossier: Dossier, reviews: [Review], rubric: Rubric) {
        do throws(CertifyError) {
            scoreAndRender(try Binder.bind(dossier, reviews: reviews, to: rubric), rubric: rubric)
        } catch {
            rendered(error)
        }
    }

    static func scoreAndRender(_ submission: Submission, rubric: Rubric) {
        for official in [false, true] {
            let result = Scorer.score(submission, rubric: rubric, options: ScoringOptions(date: date, official: official))
            consume(JSONRenderer.render(result).count)
            consume(TextRenderer.render(result, language: .ko).utf8.count)
            consume(TextRenderer.render(result, language: .en).utf8.count)
        }
    }

    static func rendered(_ error: CertifyError) {
        for diagnostic in error.diagnostics { consume(diagnostic.rendered.utf8.count) }
    }

    /// Keeps a value alive so that the optimizer cannot drop the work.
    @inline(never) static func consume(_ value: Int) { sink &+= value }
    nonisolated(unsafe) static var sink = 0

    static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    static func file(_ relative: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: root.appendingPathComponent(relative).path)!)
    }
}
