import CertifyModel
import CertifyRuntime
import Foundation

/// The fields of a self-check form, by name, as the browser sent them (or
/// as read from an uploaded dossier). Field names are derived from the
/// rubric: `value-ID`, `elective-ID`, `kpi-ID-N-target`, …; nothing here
/// knows any particular indicator.
struct FormValues: Sendable {
    var fields: [String: [String]] = [:]

    init() {}

    init(_ body: FormBody) {
        for part in body.parts where part.filename == nil { fields[part.name, default: []].append(part.text) }
        // An evidence row's file chosen without script: its SHA-256 is
        // computed here (with script, the browser fills the field and the
        // file is not sent). The file itself is not kept.
        for part in body.parts where part.name.hasPrefix("evidence-") && part.name.hasSuffix("-file") {
            guard let filename = part.filename, !filename.isEmpty else { continue }
            let prefix = String(part.name.dropLast("-file".count))
            set("\(prefix)-sha256", InputFile.sha256(part.bytes))
            if trimmed("\(prefix)-href").isEmpty { set("\(prefix)-href", filename) }
        }
    }

    func one(_ name: String) -> String { fields[name]?.first ?? "" }
    func trimmed(_ name: String) -> String { one(name).trimmingCharacters(in: .whitespacesAndNewlines) }
    func many(_ name: String) -> [String] { fields[name] ?? [] }
    mutating func set(_ name: String, _ value: String) { fields[name] = [value] }

    /// Rows of a repeated group (`prefix-N-…`): one more than the highest N
    /// present, at least `minimum`.
    func rows(_ prefix: String, minimum: Int) -> Int {
        var highest = -1
        for key in fields.keys where key.hasPrefix(prefix + "-") {
            let rest = key.dropFirst(prefix.count + 1)
            if let dash = rest.firstIndex(of: "-"), let index = Int(rest[..<dash]), index < 200 {
                highest = max(highest, index)
            }
        }
        return max(highest + 1, minimum)
    }

    /// The form of an uploaded dossier.
    init(dossier: Dossier, rubric: Rubric) {
        set("dossier-id", dossier.id)
        set("submitted", dossier.submitted ?? "")
        for (index, applicant) in dossier.applicants.enumerated() {
            set("applicant-\(index)-id", applicant.id)
            set("applicant-\(index)-kind", applicant.kind)
            set("applicant-\(index)-role", applicant.role ?? "")
            set("applicant-\(index)-name_ko", applicant.name.ko ?? "")
            set("applicant-\(index)-name_en", applicant.name.en ?? "")
        }
        for (index, evidence) in dossier.evidence.enumerated() {
            set("evidence-\(index)-id", evidence.id)
            set("evidence-\(index)-href", evidence.href ?? "")
            set("evidence-\(index)-sha256", evidence.sha256)
            set("evidence-\(index)-title", evidence.title)
        }
        for value in dossier.values {
            let indicator = rubric.indicator(value.indicator)
            if indicator?.input == .set || value.hasItems {
                let recognised = Set(FormValues.recognised(indicator))
                fields["value-\(value.indicator)"] = value.items.filter(recognised.contains)
                set("value-\(value.indicator)-other", value.items.filter { !recognised.contains($0) }.joined(separator: "\n"))
            } else {
                set("value-\(value.indicator)", value.text)
            }
            if !value.evidence.isEmpty { set("evidence-of-\(value.indicator)", value.evidence.joined(separator: " ")) }
        }
        for elective in dossier.electives { set("elective-\(elective.indicator)", "yes") }
        var kpiRows: [String: Int] = [:]
        for kpi in dossier.kpis {
            let row = kpiRows[kpi.indicator, default: 0]
            kpiRows[kpi.indicator] = row + 1
            let prefix = "kpi-\(kpi.indicator)-\(row)"
            set("\(prefix)-id", kpi.id)
            set("\(prefix)-direction", kpi.direction.rawValue)
            set("\(prefix)-target", kpi.target)
            set("\(prefix)-achieved", kpi.achieved)
            set("\(prefix)-unit", kpi.unit ?? "")
            set("\(prefix)-label", kpi.label)
        }
        for judgment in dossier.judgments { set("value-\(judgment.indicator)", judgment.score) }
    }

    static func recognised(_ indicator: Indicator?) -> [String] {
        switch indicator?.method {
        case .recognisedCount(let recognised, _), .recognisedEach(let recognised, _): recognised
        default: []
        }
    }
}

/// Writes the dossier XML of a form, one element per line, and remembers
/// which form field each line came from, so that a located error of the
/// real pipeline (parser, schema, binder) points back to its field.
struct DossierWriter {
    private(set) var lines: [String] = []
    /// Line number (1-based) → the id of the field to link to.
    private(set) var fieldOfLine: [Int: String] = [:]

    static let defaultDossierID = "SELF-CHECK"

    static func write(_ values: FormValues, rubric: Rubric) -> DossierWriter {
        var writer = DossierWriter()
        writer.build(values, rubric)
        return writer
    }

    var xml: String { lines.joined(separator: "\n") + "\n" }

    private mutating func line(_ text: String, field: String? = nil) {
        lines.append(text)
        if let field { fieldOfLine[lines.count] = field }
    }

    /// Values escaped as attribute values everywhere (line ends too), so
    /// that each element stays on its line (`fieldOfLine`).
    static func escape(_ text: String) -> String { XMLEscape.string(text, attribute: true) }

    private static func attributes(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { key, value in value.map { " \(key)=\"\(escape($0))\"" } }.joined()
    }

    private mutating func build(_ values: FormValues, _ rubric: Rubric) {
        line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        let id = values.trimmed("dossier-id").isEmpty ? Self.defaultDossierID : values.trimmed("dossier-id")
        line("<dossier xmlns=\"\(CertifyNamespace.dossier)\"" + Self.attributes([
            ("id", id), ("rubric", rubric.id), ("rubric-version", rubric.version)]) + ">", field: "dossier-id")
        let applicantRows = values.rows("applicant", minimum: 1)
        var wroteApplicant = false
        for row in 0..<applicantRows {
            let prefix = "applicant-\(row)"
            let fields = ["id", "kind", "role", "name_ko", "name_en"].map { values.trimmed("\(prefix)-\($0)") }
            let blank = [fields[0], fields[2], fields[3], fields[4]].allSatisfy(\.isEmpty)
            if blank && (row > 0 || wroteApplicant) { continue }
            wroteApplicant = true
            let kind = fields[1].isEmpty ? (rubric.applicantKinds.first ?? "") : fields[1]
            line("  <applicant" + Self.attributes([
                ("id", fields[0].isEmpty ? "APPLICANT" : fields[0]), ("kind", kind),
                ("role", fields[2].isEmpty ? nil : fields[2])]) + ">", field: "\(prefix)-id")
            if fields[3].isEmpty && fields[4].isEmpty {
                line("    <name xml:lang=\"en\">\(Self.escape(fields[0].isEmpty ? "Applicant" : fields[0]))</name>", field: "\(prefix)-name_ko")
            }
            if !fields[3].isEmpty { line("    <name xml:lang=\"ko\">\(Self.escape(fields[3]))</name>", field: "\(prefix)-name_ko") }
            if !fields[4].isEmpty { line("    <name xml:lang=\"en\">\(Self.escape(fields[4]))</name>", field: "\(prefix)-name_en") }
            line("  </applicant>", field: "\(prefix)-id")
        }
        let submitted = values.trimmed("submitted")
        if !submitted.isEmpty { line("  <submitted>\(Self.escape(submitted))</submitted>", field: "submitted") }
        for row in 0..<values.rows("evidence", minimum: 1) {
            let prefix = "evidence-\(row)"
            let fields = ["id", "href", "sha256", "title"].map { values.trimmed("\(prefix)-\($0)") }
            if fields.allSatisfy(\.isEmpty) { continue }
            line("  <evidence" + Self.attributes([
                ("id", fields[0]), ("href", fields[1].isEmpty ? nil : fields[1]), ("sha256", fields[2])])
                + ">\(Self.escape(fields[3]))</evidence>", field: "\(prefix)-id")
        }
        for indicator in rubric.indicators { value(indicator, values) }
        for indicator in rubric.indicators where indicator.electiveGroup != nil {
            if values.one("elective-\(indicator.id)") == "yes" {
                line("  <elective indicator=\"\(Self.escape(indicator.id))\"/>", field: "elective-\(indicator.id)")
            }
        }
        line("</dossier>")
    }

    private mutating func value(_ indicator: Indicator, _ values: FormValues) {
        let id = indicator.id
        let field = "value-\(id)"
        let evidence = values.trimmed("evidence-of-\(id)").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let evidenceAttribute = evidence.isEmpty ? nil : evidence
        switch indicator.input {
        case .set:
            var items = values.many(field).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            items += values.one("\(field)-other").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            items = items.filter { !$0.isEmpty }
            if items.isEmpty && evidenceAttribute == nil { return }
            line("  <value" + Self.attributes([("indicator", id), ("evidence", evidenceAttribute)]) + ">"
                + items.map { "<item>\(Self.escape($0))</item>" }.joined() + "</value>", field: field)
        case .kpis:
            for row in 0..<values.rows("kpi-\(id)", minimum: 1) {
                let prefix = "kpi-\(id)-\(row)"
                let fields = ["id", "direction", "target", "achieved", "unit", "label"].map { values.trimmed("\(prefix)-\($0)") }
                if [fields[0], fields[2], fields[3], fields[4], fields[5]].allSatisfy(\.isEmpty) { continue }
                line("  <kpi" + Self.attributes([
                    ("indicator", id), ("id", fields[0]), ("direction", fields[1].isEmpty ? "higher" : fields[1]),
                    ("target", fields[2]), ("achieved", fields[3]), ("unit", fields[4].isEmpty ? nil : fields[4]),
                ]) + ">\(Self.escape(fields[5]))</kpi>", field: "\(prefix)-id")
            }
        case .judgment:
            let score = values.trimmed(field)
            if score.isEmpty { return }
            line("  <judgment" + Self.attributes([("indicator", id), ("score", score)]) + "/>", field: field)
        case .count, .decimal, .percent, .boolean, .enum:
            let text = values.trimmed(field)
            if text.isEmpty { return }
            line("  <value" + Self.attributes([("indicator", id), ("evidence", evidenceAttribute)])
                + ">\(Self.escape(text))</value>", field: field)
        }
    }
}
