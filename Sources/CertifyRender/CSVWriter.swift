import Foundation

/// CSV that Excel opens as it is: UTF-8 with a byte order mark (so Korean
/// is read as UTF-8), CRLF line ends, RFC 4180 quoting. Cells are written
/// as given: pass text that comes from untrusted input through
/// `defused(_:)`, so that a spreadsheet does not take it for a formula;
/// numbers Certify writes are passed as they are.
///
///     var csv = CSVWriter()
///     csv.row(["file", "total"])
///     csv.row([CSVWriter.defused(file), total.pointsColumnText])
///     let text = csv.text  // "\u{FEFF}file,total\r\n…"
public struct CSVWriter: Sendable {
    /// The document so far: the byte order mark, then one line per row.
    public private(set) var text = CSVWriter.byteOrderMark

    public init() {}

    /// Appends one row, each cell quoted as RFC 4180 requires, ended by CRLF.
    public mutating func row(_ cells: [String]) {
        text += CSVWriter.line(cells)
    }

    /// The byte order mark a streamed document starts with.
    public static let byteOrderMark = "\u{FEFF}"

    /// One row as `row(_:)` appends it, for a document written row by row
    /// (after `byteOrderMark`).
    public static func line(_ cells: [String]) -> String {
        cells.map(CSVWriter.quote).joined(separator: ",") + "\r\n"
    }

    /// RFC 4180: a cell holding a comma, quote, CR or LF is quoted, its
    /// quotes doubled; leading or trailing spaces are quoted too.
    public static func quote(_ cell: String) -> String {
        let special = cell.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
            || cell.first == " " || cell.last == " "
        guard special else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Untrusted text, defused for spreadsheets: text whose first character
    /// would start a formula (`=`, `+`, `-`, `@`, tab or CR) gets a leading
    /// `'` (OWASP's advice against CSV injection); other text is unchanged.
    public static func defused(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }
}
