import CertifyModel
import CertifyXML
import Foundation

/// Where Certify's own files are: the shipped `Rubrics/` with its `schema/`.
/// Found whatever the working directory: next to the executable (walking up
/// from `.build/<config>/certify`), else the source checkout it was built from.
public enum Installation {
    public static func shippedRubrics() -> URL? {
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent("Rubrics"))
            candidates.append(directory.appendingPathComponent("share/certify/Rubrics"))
            directory.deleteLastPathComponent()
        }
        // Sources/CertifyRuntime/Installation.swift → the package root.
        let source = URL(fileURLWithPath: #filePath)
        candidates.append(source.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rubrics"))
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("schema/dossier.xsd").path)
        }
    }

    /// `--rubrics`, else `$CERTIFY_RUBRICS`, else the shipped rubrics.
    public static func rubricsDirectory(option: String?) throws(CertifyError) -> URL {
        if let option { return URL(fileURLWithPath: option) }
        if let environment = ProcessInfo.processInfo.environment["CERTIFY_RUBRICS"], !environment.isEmpty {
            return URL(fileURLWithPath: environment)
        }
        guard let shipped = shippedRubrics() else {
            throw CertifyError(.configuration, .installation(.noRubricsDirectory))
        }
        return shipped
    }
}

/// The compiled XSDs of the input formats. Compiled once, shared by threads.
public final class Schemas: Sendable {
    public let rubric: XMLSchema
    public let dossier: XMLSchema
    public let review: XMLSchema
    public let report: XMLSchema

    public init(directory: URL) throws(CertifyError) {
        func load(_ name: String) throws(CertifyError) -> XMLSchema {
            let path = directory.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CertifyError(.configuration, .installation(.unreadableSchema), file: path)
            }
            do { return try XMLSchema(bytes: [UInt8](data)) } catch {
                throw CertifyError(.configuration, error.problems.map { Diagnostic($0, file: path) })
            }
        }
        rubric = try load("rubric.xsd")
        dossier = try load("dossier.xsd")
        review = try load("review.xsd")
        report = try load("report.xsd")  // required: verification fails closed without it
    }

    /// The schemas shipped with Certify.
    public static func shipped() throws(CertifyError) -> Schemas {
        guard let rubrics = Installation.shippedRubrics() else {
            throw CertifyError(.configuration, .installation(.noSchemas))
        }
        return try Schemas(directory: rubrics.appendingPathComponent("schema"))
    }
}
