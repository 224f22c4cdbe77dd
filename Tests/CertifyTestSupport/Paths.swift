import Foundation

/// Paths of the package, found from this file (Tests/CertifyTestSupport/Paths.swift),
/// so that tests run from any directory. Every test target uses these; a
/// target's own fixtures are an extension in that target.
public enum Paths {
    /// The project root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// The shipped rubrics.
    public static let rubrics = root.appendingPathComponent("Rubrics")
    /// The samples (`Samples/`).
    public static let samples = root.appendingPathComponent("Samples")
    /// The fictional rubrics of CertifyTests' fixtures (green-campus and
    /// others), which the planner and property tests score as well.
    public static let fixtureRubrics = root.appendingPathComponent("Tests/CertifyTests/Fixtures/rubrics")

    /// A file of the package, by its path from the root.
    public static func file(_ relative: String) -> URL { root.appendingPathComponent(relative) }
    /// The path of a file of the package, by its path from the root.
    public static func path(_ relative: String) -> String { file(relative).path }
    /// The path of a sample, by its path under `Samples/`.
    public static func sample(_ relative: String) -> String { sampleURL(relative).path }
    /// A sample, by its path under `Samples/`.
    public static func sampleURL(_ relative: String) -> URL { samples.appendingPathComponent(relative) }
}
