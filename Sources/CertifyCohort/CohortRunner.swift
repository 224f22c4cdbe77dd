import CertifyEngine
import CertifyModel
import CertifyRuntime

/// Scores many dossiers on all cores (`Batch`, a window at a time) and
/// keeps only what the statistics need, so that memory grows with the
/// number of dossiers by a few hundred bytes each.
public enum CohortRunner {
    public typealias Progress = (_ done: Int, _ total: Int) -> Void

    /// Every dossier scored (or reported invalid), grouped by rubric. The
    /// errors of invalid dossiers are handed to `failed` in input order.
    public static func cohort(
        _ inputs: [String], scorer: CohortScorer, progress: Progress? = nil,
        failed: (InvalidDossier) -> Void = { _ in }
    ) -> [CohortGroup] {
        enum Outcome: Sendable {
            case scored(DossierOutcome)
            case invalid(InvalidDossier)
        }
        var builder = CohortBuilder()
        Batch.run(inputs, progress: progress, work: { path -> Outcome in
            let loaded: CohortScorer.Loaded
            do throws(CohortScorer.Failure) { loaded = try scorer.load(path) } catch {
                return .invalid(InvalidDossier(file: path, error: error.error, rubric: error.rubric))
            }
            do throws(CertifyError) {
                return .scored(DossierOutcome(try scorer.score(loaded, path: path), file: path))
            } catch { return .invalid(InvalidDossier(file: path, error: error, rubric: loaded.rubric)) }
        }, deliver: { _, outcome in
            switch outcome {
            case .scored(let dossier): builder.add(dossier)
            case .invalid(let invalid):
                builder.add(invalid)
                failed(invalid)
            }
        })
        return builder.build()
    }

    /// Every dossier scored under its own rubric and under `other`: one
    /// comparison per rubric named that `other` can be compared with.
    /// `unscored` holds the dossiers invalid under their own rubric whose
    /// rubric is unknown, and those whose rubric shares nothing with `other`.
    public static func compare(
        _ inputs: [String], scorer: CohortScorer, with other: Rubric, progress: Progress? = nil,
        failed: (InvalidDossier) -> Void = { _ in }
    ) -> (comparisons: [Comparison], unscored: [InvalidDossier]) {
        enum Outcome: Sendable {
            case pair(DossierOutcome, DossierOutcome)
            case invalid(InvalidDossier)
        }
        var comparisons: [Comparison] = []
        var unscored: [InvalidDossier] = []
        Batch.run(inputs, progress: progress, work: { path -> Outcome in
            let loaded: CohortScorer.Loaded
            do throws(CohortScorer.Failure) { loaded = try scorer.load(path) } catch {
                return .invalid(InvalidDossier(file: path, error: error.error, rubric: error.rubric))
            }
            guard Comparison.comparable(loaded.rubric, other) else {
                let message = Message.compareNothingShared(
                    rubric: loaded.rubric.id, version: loaded.rubric.version, other: other.id, otherVersion: other.version)
                return .invalid(InvalidDossier(
                    file: path, error: CertifyError(.invalidInput, [Diagnostic(message, at: loaded.dossier.location, file: path)]),
                    rubric: nil))
            }
            let before: ScoreResult
            do throws(CertifyError) { before = try scorer.score(loaded, path: path) } catch {
                return .invalid(InvalidDossier(file: path, error: error, rubric: loaded.rubric))
            }
            do throws(CertifyError) {
                let after = try scorer.score(loaded, path: path, under: other)
                return .pair(DossierOutcome(before, file: path), DossierOutcome(after, file: path))
            } catch {
                var located = error
                located.diagnostics = error.diagnostics.map { diagnostic in
                    Diagnostic(
                        .compareUnder(
                            rubric: other.id, version: other.version, english: diagnostic.message,
                            korean: diagnostic.message(.ko)),
                        at: diagnostic.position, file: diagnostic.file, severity: diagnostic.severity)
                }
                return .invalid(InvalidDossier(file: path, error: located, rubric: loaded.rubric))
            }
        }, deliver: { _, outcome in
            func index(_ rubric: Rubric) -> Int {
                if let found = comparisons.firstIndex(where: { $0.from === rubric }) { return found }
                comparisons.append(Comparison(from: rubric, to: other))
                return comparisons.count - 1
            }
            switch outcome {
            case .pair(let before, let after):
                comparisons[index(before.rubric)].pairs.append((before, after))
            case .invalid(let invalid):
                failed(invalid)
                if let rubric = invalid.rubric, Comparison.comparable(rubric, other) {
                    comparisons[index(rubric)].invalid.append(invalid)
                } else {
                    unscored.append(invalid)
                }
            }
        })
        return (comparisons, unscored)
    }
}
