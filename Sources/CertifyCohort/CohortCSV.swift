import CertifyModel
import CertifyRender

/// `certify cohort --format csv`: one row per dossier, invalid ones too
/// (with their first error and no scores); a column per indicator of every
/// rubric in the cohort, in order of first appearance.
public enum CohortCSV {
    public static func render(_ groups: [CohortGroup], language: Language) -> String {
        var ids: [String] = []
        for group in groups {
            for indicator in group.rubric?.indicators ?? [] where !ids.contains(indicator.id) { ids.append(indicator.id) }
        }
        var csv = CSVWriter()
        csv.row(["file", "rubric", "version", "id", "applicant", "name", "kind", "total", "grade", "certified"] + ids + ["error"])
        for group in groups {
            let rubric = group.rubric
            let columns = ids.map { id in rubric.flatMap { Comparison.position(of: id, in: $0) } }
            for dossier in group.dossiers {
                let points = columns.map { $0.map { dossier.points[$0].pointsColumnText } ?? "" }
                csv.row([CSVWriter.defused(dossier.file), dossier.rubric.id, dossier.rubric.version, CSVWriter.defused(dossier.id),
                         CSVWriter.defused(dossier.applicantID), CSVWriter.defused(dossier.applicantName.text(language)), dossier.kind, dossier.total.pointsColumnText,
                         dossier.grade ?? "", dossier.certified ? "true" : "false"] + points + [""])
            }
            for invalid in group.invalid {
                csv.row([CSVWriter.defused(invalid.file), rubric?.id ?? "", rubric?.version ?? "", "", "", "", "", "", "", ""]
                        + ids.map { _ in "" } + [CSVWriter.defused(invalid.message)])
            }
        }
        return csv.text
    }
}

/// `certify compare --format csv`: one row per dossier compared (changed
/// or not), then the dossiers that could not be compared.
public enum CompareCSV {
    public static func render(_ comparisons: [Comparison], unscored: [InvalidDossier]) -> String {
        var csv = CSVWriter()
        csv.row(["file", "id", "applicant", "kind", "from_rubric", "from_total", "from_grade", "from_certified",
                 "to_rubric", "to_total", "to_grade", "to_certified", "changed", "total_delta", "moved_most", "error"])
        for comparison in comparisons {
            let changed = Set(comparison.changes.map(\.from.file))
            let from = "\(comparison.from.id) \(comparison.from.version)"
            let to = "\(comparison.to.id) \(comparison.to.version)"
            for (old, new) in comparison.pairs {
                let moved = comparison.deltas(old, new).prefix(3)
                    .map { "\($0.id) \($0.delta.isNegative ? "" : "+")\($0.delta.pointsColumnText)" }.joined(separator: "; ")
                csv.row([CSVWriter.defused(old.file), CSVWriter.defused(old.id), CSVWriter.defused(old.applicantID), old.kind, from, old.total.pointsColumnText, old.grade ?? "",
                         old.certified ? "true" : "false", to, new.total.pointsColumnText, new.grade ?? "",
                         new.certified ? "true" : "false", changed.contains(old.file) ? "true" : "false",
                         (new.total - old.total).pointsColumnText, moved, ""])
            }
            for invalid in comparison.invalid {
                csv.row([CSVWriter.defused(invalid.file), "", "", "", from, "", "", "", to, "", "", "", "", "", "", CSVWriter.defused(invalid.message)])
            }
        }
        for invalid in unscored {
            csv.row([CSVWriter.defused(invalid.file)] + Array(repeating: "", count: 14) + [CSVWriter.defused(invalid.message)])
        }
        return csv.text
    }
}
