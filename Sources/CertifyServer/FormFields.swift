import CertifyModel

/// The self-check form's fields as a person reads them: each field's name
/// in words, the form it expects, and the form with what was typed made
/// canonical (`TypedInput`). Field names are the rubric's (`value-ID`,
/// `kpi-ID-N-target`, …); nothing here knows a particular indicator.
struct FormFields {
    let rubric: Rubric
    let language: Language

    private func t(_ word: PageWord, _ values: String...) -> String {
        word.text(language, values: values)
    }

    /// The row number (1-based) and the rest of `prefix-N-rest`.
    private static func row(_ name: String, after prefix: String) -> (Int, String)? {
        guard name.hasPrefix(prefix) else { return nil }
        let rest = name.dropFirst(prefix.count)
        guard let dash = rest.firstIndex(of: "-"), let index = Int(rest[..<dash]) else { return nil }
        return (index + 1, String(rest[rest.index(after: dash)...]))
    }

    /// The field's name as its label says it.
    func label(_ name: String) -> String {
        switch name {
        case "dossier-id": return t(.dossierID)
        case "submitted": return t(.submitted)
        case "reviewer": return t(.reviewerID)
        default: break
        }
        if let (row, rest) = Self.row(name, after: "applicant-") {
            let key: PageWord = ["id": .applicantID, "kind": .applicantKind, "role": .applicantRole,
                                 "name_ko": .nameKo, "name_en": .nameEn][rest] ?? .applicantID
            return "\(t(.applicant, String(row))) · \(t(key))"
        }
        if let (row, rest) = Self.row(name, after: "evidence-"), !name.hasPrefix("evidence-of-") {
            let key: PageWord = ["id": .evidenceID, "href": .evidenceHref, "sha256": .evidenceSHA256, "title": .evidenceTitle][rest]
                ?? .evidenceID
            return "\(t(.evidenceRow, String(row))) · \(t(key))"
        }
        for indicator in rubric.indicators {
            let id = indicator.id
            let named = "\(id) \(indicator.label.text(language))"
            if name == "value-\(id)" || name == "value-\(id)-other" || name == "judgment-\(id)-score" { return named }
            if name == "elective-\(id)" { return "\(named) · \(t(.elective))" }
            if name == "evidence-of-\(id)" { return "\(named) · \(t(.evidenceOf))" }
            if name == "judgment-\(id)-comment" { return "\(named) · \(t(.comment))" }
            if let (row, rest) = Self.row(name, after: "kpi-\(id)-") {
                let key: PageWord = ["id": .kpiID, "direction": .kpiDirection, "target": .kpiTarget, "achieved": .kpiAchieved,
                                     "unit": .kpiUnit, "label": .kpiLabel][rest] ?? .kpiID
                return "\(named) · \(t(.kpi, String(row))) · \(t(key))"
            }
        }
        return name
    }

    /// The form the field takes, in words ("a whole number, 0 or more").
    func expected(_ name: String) -> String {
        if name == "submitted" || name == "date" { return t(.expectDate) }
        if name.hasSuffix("-sha256") { return t(.expectSHA256) }
        if name == "dossier-id" || name == "reviewer" || name.hasSuffix("-id") { return t(.expectID) }
        if name.hasSuffix("-target") || name.hasSuffix("-achieved") { return t(.decimal) }
        if name.hasPrefix("value-"), let indicator = rubric.indicator(String(name.dropFirst("value-".count))) {
            switch indicator.input {
            case .count: return t(.wholeNumber)
            case .decimal: return t(.decimal)
            case .percent: return t(.percent)
            default: break
            }
        }
        return t(.expectText)
    }

    /// A problem with what was typed into one field.
    struct Problem {
        var field: String
        var message: String
    }

    /// The form with every typed number and date canonical, and the fields
    /// that could not be read (they keep what was typed, for the person to
    /// fix; the XML is written without them).
    func canonical(_ values: FormValues) -> (values: FormValues, problems: [Problem]) {
        var out = values
        var problems: [Problem] = []
        func fix(_ name: String, _ read: (String) -> String?, example: String) {
            let typed = values.trimmed(name)
            guard !typed.isEmpty else { return }
            if let canonical = read(typed) {
                out.set(name, canonical)
            } else {
                problems.append(Problem(field: name, message: t(.typedUnreadable, label(name), typed, expected(name), example)))
            }
        }
        fix("submitted", TypedInput.date, example: "2026-03-02")
        for indicator in rubric.indicators {
            switch indicator.input {
            // A count is read as any number here: "3.5" or "-2" is the
            // binder's to refuse, in the catalog's words, with every other
            // value's problem (this only takes what the schema would refuse).
            case .count: fix("value-\(indicator.id)", { TypedInput.number($0, whole: false) }, example: "12")
            case .decimal: fix("value-\(indicator.id)", { TypedInput.number($0, whole: false) }, example: "3.5")
            case .percent: fix("value-\(indicator.id)", { TypedInput.number($0, whole: false, percent: true) }, example: "87.5")
            case .kpis:
                for row in 0..<values.rows("kpi-\(indicator.id)", minimum: 1) {
                    for part in ["target", "achieved"] {
                        fix("kpi-\(indicator.id)-\(row)-\(part)", { TypedInput.number($0, whole: false, percent: true) }, example: "95")
                    }
                }
            default: break
            }
        }
        return (out, problems)
    }

    /// The fields a dossier to download needs a person to fill in (the
    /// writer would otherwise put placeholders in): the dossier's id and the
    /// first applicant's id and name.
    static let requiredFields = ["dossier-id", "applicant-0-id"]

    func required(_ values: FormValues) -> [Problem] {
        var names = Self.requiredFields.filter { values.trimmed($0).isEmpty }
        if values.trimmed("applicant-0-name_ko").isEmpty && values.trimmed("applicant-0-name_en").isEmpty {
            names.append(language == .ko ? "applicant-0-name_ko" : "applicant-0-name_en")
        }
        return names.map { name in
            Problem(field: name, message: t(.fieldRequired, label(name), expected(name)))
        }
    }
}

extension CertifyServer {
    /// The root element's local name of an XML file (after the prolog,
    /// comments and processing instructions), or nil when there is none.
    static func rootName(_ bytes: [UInt8]) -> String? {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") { index += 2; continue }
            var end = index + 1
            while end < bytes.count, !" \t\r\n/>".utf8.contains(bytes[end]) { end += 1 }
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            return name.split(separator: ":").last.map(String.init)
        }
        return nil
    }

    /// A file of the other kind where a dossier or a review was asked for
    /// (a review uploaded as the dossier): said in the page's words instead
    /// of the schema's.
    static func wrongFile(_ part: Part, expected: String, language: Language) -> Diagnostic? {
        guard let root = rootName(part.bytes), ["dossier", "review"].contains(root), root != expected else { return nil }
        return Diagnostic((expected == "dossier" ? PageWord.wrongFileDossier : .wrongFileReview).text(language, part.displayName))
    }
}
