import CertifyModel
import Foundation

/// The rubrics of a directory: every `*.xml` in it (not its subfolders).
public struct RubricCatalog: Sendable {
    public struct Entry: Sendable {
        public var rubric: Rubric
        public var path: String
    }

    /// The directory the rubrics came from, if they came from one.
    public let directory: URL?
    public let entries: [Entry]

    /// Every `*.xml` of `directory` (not its subfolders), sorted by name.
    public init(directory: URL, schemas: Schemas) throws(CertifyError) {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".xml") }.sorted()
        } catch {
            throw CertifyError(.unreadable, .rubricsDirectoryUnreadable, file: directory.path)
        }
        try self.init(files.map { InputSource.file(directory.appendingPathComponent($0).path) },
                      schemas: schemas, directory: directory)
    }

    /// Rubrics from any sources (files or bytes held in memory). Two rubrics
    /// with the same id and version are an error, as is any invalid one.
    public init(_ sources: [InputSource], schemas: Schemas, directory: URL? = nil) throws(CertifyError) {
        self.directory = directory
        var entries: [Entry] = []
        var diagnostics: [Diagnostic] = []
        for source in sources {
            do throws(CertifyError) {
                let (rubric, file) = try RubricCatalog.load(source, schemas: schemas)
                if let twin = entries.first(where: { $0.rubric.id == rubric.id && $0.rubric.version == rubric.version }) {
                    diagnostics.append(Diagnostic(
                        .rubricDefinedTwice(id: rubric.id, version: rubric.version, path: twin.path),
                        at: file.document.root.location, file: source.name))
                }
                entries.append(Entry(rubric: rubric, path: source.name))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw CertifyError(.invalidInput, diagnostics) }
        self.entries = entries
    }

    /// One rubric, parsed safely, validated against the rubric schema and
    /// checked (e.g. a revised rubric to compare with).
    public static func load(_ source: InputSource, schemas: Schemas) throws(CertifyError) -> (Rubric, InputFile) {
        let file = try InputFile(source, schemas: schemas, expected: [.rubric])
        do { return (try Rubric.decode(file.document.root, sha256: file.sha256), file) } catch { throw file.located(error) }
    }

    /// The rubric a dossier names, or a located error that lists what exists.
    public func rubric(for dossier: Dossier) throws(CertifyError) -> Rubric {
        if let entry = entries.first(where: { $0.rubric.id == dossier.rubricID && $0.rubric.version == dossier.rubricVersion }) {
            return entry.rubric
        }
        let versions = entries.filter { $0.rubric.id == dossier.rubricID }.map(\.rubric.version)
        let message: Message = versions.isEmpty
            ? .unknownRubric(id: dossier.rubricID, available: entries.map { "\($0.rubric.id) \($0.rubric.version)" })
            : .unknownRubricVersion(id: dossier.rubricID, version: dossier.rubricVersion, available: versions)
        throw CertifyError(.invalidInput, [Diagnostic(message, at: dossier.location)])
    }
}
