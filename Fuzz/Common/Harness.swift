// Shared by every fuzz target (compiled into each; see scripts/fuzz).
// Everything is in memory: the fuzzer's bytes are the document.
import CertifyEngine
import CertifyModel
import CertifyRuntime
import CertifyXML
import Foundation

enum Harness {
    /// The repository this harness was compiled from.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let schemas: Schemas = try! Schemas(directory: root.appendingPathComponent("Rubrics/schema"))
    static let catalog: RubricCatalog = try! RubricCatalog(directory: root.appendingPathComponent("Rubrics"), schemas: schemas)
    static let date = CalendarDate(iso: "2026-03-02")!

    /// What `InputFile` does for a file, on bytes: safe parse, schema check.
    static func document(_ bytes: [UInt8], _ schema: XMLSchema) throws(CertifyError) -> XMLDocument {
        let document: XMLDocument
        do { document = try SafeXMLParser.parse(bytes) } catch {
            throw CertifyError(.invalidInput, error.problems.map { Diagnostic($0) })
        }
        let problems = schema.validate(document)
        if !problems.isEmpty { throw CertifyError(.invalidInput, problems.map { Diagnostic($0) }) }
        return document
    }

    /// Scores and renders as the CLI does; every diagnostic is rendered too,
    /// so that message building is exercised.
    static func scoreAndRender(_ dossier: Dossier, reviews: [Review]) {
        do throws(CertifyError) {
            let rubric = try catalog.rubric(for: dossier)
            let submission = try Binder.bind(dossier, reviews: reviews, to: rubric)
            for official in [false, true] {
                let result = Scorer.score(submission, rubric: rubric, options: ScoringOptions(date: date, official: official))
                consume(JSONRenderer.render(result).count)
                consume(TextRenderer.render(result, language: .ko).utf8.count)
                consume(TextRenderer.render(result, language: .en).utf8.count)
            }
        } catch {
            for diagnostic in error.diagnostics { consume(diagnostic.rendered.utf8.count) }
        }
    }

    /// Keeps a value alive so that the optimizer cannot drop the work.
    @inline(never) static func consume(_ value: Int) { sink &+= value }
    nonisolated(unsafe) static var sink = 0

    static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }
}
