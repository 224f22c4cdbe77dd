import CertifyModel
import Foundation

/// The rubrics of a directory: every `*.xml` in it (not its subfolders).
public struct RubricCatalog: Sendable {
    public struct Entry: Sendable {
        public var rubric: Rubric
        public var path: String
    }

    public let directory: URL
    public let entries: [Entry]

    public init(directory: URL, schemas: Schemas) throws(CertifyError) {
        self.directory = directory
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".xml") }.sorted()
        } catch {
            throw CertifyError(.unreadable, "cannot read the rubrics directory", file: directory.path)
        }
        var entries: [Entry] = []
        var diagnostics: [Diagnostic] = []
        for name in files {
            let path = directory.appendingPathComponent(name).path
            do throws(CertifyError) {
                let file = try InputFile(path: path, schemas: schemas, expected: [.rubric])
                let rubric: Rubric
                do { rubric = try Rubric.decode(file.document.root, sha256: file.sha256) } catch { throw file.located(error) }
                if let twin = entries.first(where: { $0.rubric.id == rubric.id && $0.rubric.version == rubric.version }) {
                    diagnostics.append(Diagnostic(
                        "rubric \(rubric.id) \(rubric.version) is also defined in \(twin.path)",
                        at: file.document.root.location, file: path))
                }
                entries.append(Entry(rubric: rubric, path: path))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw CertifyError(.invalidInput, diagnostics) }
        self.entries = entries
    }

    /// The rubric a dossier names, or a located error that lists what exists.
    public func rubric(for dossier: Dossier) throws(CertifyError) -> Rubric {
        if let entry = entries.first(where: { $0.rubric.id == dossier.rubricID && $0.rubric.version == dossier.rubricVersion }) {
            return entry.rubric
        }
        let versions = entries.filter { $0.rubric.id == dossier.rubricID }.map(\.rubric.version)
        let message = versions.isEmpty
            ? "unknown rubric '\(dossier.rubricID)'; available: \(entries.map { "\($0.rubric.id) \($0.rubric.version)" }.joined(separator: ", "))"
            : "rubric \(dossier.rubricID) has no version '\(dossier.rubricVersion)'; available: \(versions.joined(separator: ", "))"
        throw CertifyError(.invalidInput, [Diagnostic(message, at: dossier.location)])
    }
}
