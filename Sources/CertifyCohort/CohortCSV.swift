import CertifyModel
import Foundation

/// CSV that Excel opens as it is: UTF-8 with a byte order mark (so Korean
/// is read as UTF-8), CRLF line ends, RFC 4180 quoting. Numbers are written
/// with 2 decimals. Text from untrusted input that a spreadsheet would
/// take for a formula (first character `=`, `+`, `-`, `@`, tab or CR) is
/// prefixed with `'` (OWASP's advice against CSV injection); numbers
/// Certify writes are never prefixed.
struct CSV {
    private(set) var text = "\u{FEFF}"

    mutating func row(_ cells: [String]) {
        text += cells.map(CSV.quote).joined(separator: ",") + "\r\n"
    }

    /// RFC 4180: a cell holding a comma, quote, CR or LF is quoted, its
    /// quotes doubled; leading or trailing spaces are quoted too.
    static func quote(_ cell: String) -> String {
        let special = cell.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
            || cell.first == " " || cell.last == " "
        guard special else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Untrusted text, defused for spreadsheets.
    static func text(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }
}

/// `certify cohort --format csv`: one row per dossier, invalid ones too
/// (with their first error and no scores); a column per indicator of every
/// rubric in the cohort, in order of first appearance.
public enum CohortCSV {
    public static func render(_ groups: [CohortGroup], language: Language) -> String {
        var ids: [String] = []
        for group in groups {
            for indicator in group.rubric?.indicators ?? [] where !ids.contains(indicator.id) { ids.append(indicator.id) }
        }
        var csv = CSV()
        csv.row(["file", "rubric", "version", "id", "applicant", "name", "kind", "total", "grade", "certified"] + ids + ["error"])
        for group in groups {
            let rubric = group.rubric
            let columns = ids.map { id in rubric.flatMap { Comparison.position(of: id, in: $0) } }
            for dossier in group.dossiers {
                let points = columns.map { $0.map { Decimal2.fixed(dossier.points[$0]) } ?? "" }
                csv.row([CSV.text(dossier.file), dossier.rubric.id, dossier.rubric.version, CSV.text(dossier.id),
                         CSV.text(dossier.applicantID), CSV.text(dossier.applicantName.text(language)), dossier.kind, Decimal2.fixed(dossier.total),
                         dossier.grade ?? "", dossier.certified ? "true" : "false"] + points + [""])
            }
            for invalid in group.invalid {
                csv.row([CSV.text(invalid.file), rubric?.id ?? "", rubric?.version ?? "", "", "", "", "", "", "", ""]
                        + ids.map { _ in "" } + [CSV.text(invalid.message)])
            }
        }
        return csv.text
    }
}

/// `certify compare --format csv`: one row per dossier compared (changed
/// or not), then the dossiers that could not be compared.
public enum CompareCSV {
    public static func render(_ comparisons: [Comparison], unscored: [InvalidDossier]) -> String {
        var csv = CSV()
        csv.row(["file", "id", "applicant", "kind", "from_rubric", "from_total", "from_grade", "from_certified",
                 "to_rubric", "to_total", "to_grade", "to_certified", "changed", "total_delta", "moved_most", "error"])
        for comparison in comparisons {
            let changed = Set(comparison.changes.map(\.from.file))
            let from = "\(comparison.from.id) \(comparison.from.version)"
            let to = "\(comparison.to.id) \(comparison.to.version)"
            for (old, new) in comparison.pairs {
                let moved = comparison.deltas(old, new).prefix(3)
                    .map { "\($0.id) \($0.delta.isNegative ? "" : "+")\(Decimal2.fixed($0.delta))" }.joined(separator: "; ")
                csv.row([CSV.text(old.file), CSV.text(old.id), CSV.text(old.applicantID), old.kind, from, Decimal2.fixed(old.total), old.grade ?? "",
                         old.certified ? "true" : "false", to, Decimal2.fixed(new.total), new.grade ?? "",
                         new.certified ? "true" : "false", changed.contains(old.file) ? "true" : "false",
                         Decimal2.fixed(new.total - old.total), moved, ""])
            }
            for invalid in comparison.invalid {
                csv.row([CSV.text(invalid.file), "", "", "", from, "", "", "", to, "", "", "", "", "", "", CSV.text(invalid.message)])
            }
        }
        for invalid in unscored {
            csv.row([CSV.text(invalid.file)] + Array(repeating: "", count: 14) + [CSV.text(invalid.message)])
        }
        return csv.text
    }
}
