import CertifyModel

/// The English texts of the rules whose arguments differ from dossier to
/// dossier (a linear value, panel scores, recognised ids, KPI attainments)
/// and of the KPIs put in words, written piece by piece into one buffer.
///
/// The catalog (`Message.english`) builds them by string interpolation, a
/// dozen appends each, which cost as much as the rest of a JSON record; a
/// batch writes one or more per dossier. These are the catalog's words in
/// the catalog's order, and `RuleTextTests` holds them to it for every
/// shape of argument (the Korean texts are written by the catalog alone).
enum RuleText {
    /// The English text of `message`, or nil when it is not one of these.
    static func english(_ message: Message) -> String? {
        var out = ByteWriter(capacity: 256)
        guard write(message, to: &out) else { return nil }
        return out.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes the English text of `message` as a JSON string, straight from
    /// its pieces (no `String` in between); false when it is not one of these.
    static func writeEnglish(_ message: Message, to json: inout JSONWriter) -> Bool {
        var out = ByteWriter(capacity: 256)
        guard write(message, to: &out) else { return false }
        out.withBytes { json.string(utf8: $0) }
        return true
    }

    private static func write(_ message: Message, to out: inout ByteWriter) -> Bool {
        switch message {
        case .ruleLinear(let max, let value, let lo, let hi, let points):
            out.append("linear "); number(max, &out); out.append(" × clamp((")
            number(value, &out); out.append(" − "); number(lo, &out); out.append(") / (")
            number(hi, &out); out.append(" − "); number(lo, &out); out.append("), 0, 1) = ")
            number(points, &out)
        case .ruleRecognisedCount(let ids, let band):
            recognised(ids, &out)
            out.append(": ")
            if let band {
                out.append("band ["); number(band.min, &out); out.append(", ")
                if let upper = band.upper { number(upper, &out) } else { out.append("…") }
                out.append(") → "); number(band.points, &out)
            } else {
                out.append("below the first band: 0")
            }
        case .ruleRecognisedEach(let ids, let each, let raw, let capped):
            recognised(ids, &out)
            out.append(" × "); number(each, &out); out.append(" = "); number(raw, &out)
            if let capped { out.append(", capped at "); number(capped, &out) }
        case .ruleKPIAttainment(let mean, let attainments, let max, let zeroAt, let fullAt, let points):
            out.append("mean attainment "); out.append(mean, places: 4)
            out.append(" over "); integer(attainments.count, &out)
            out.append(attainments.count == 1 ? " accepted KPI (" : " accepted KPIs (")
            for (index, attainment) in attainments.enumerated() {
                if index > 0 { out.append(", ") }
                out.append(contentsOf: attainment.id); out.append(" "); out.append(attainment.attainment, places: 4)
            }
            out.append("): "); number(max, &out); out.append(" × clamp((")
            out.append(mean, places: 4); out.append(" − "); number(zeroAt, &out); out.append(") / (")
            number(fullAt, &out); out.append(" − "); number(zeroAt, &out); out.append("), 0, 1) = ")
            out.append(points, places: 4)
        case .ruleJudgment(let selfAssessed, let scores, let dropped, let mean, let max, let low, let span, let points):
            out.append(selfAssessed ? "self-assessed {" : "panel {")
            for (index, score) in scores.enumerated() {
                if index > 0 { out.append(", ") }
                integer(score, &out)
            }
            out.append("}")
            if dropped.count == 2 {
                out.append(", highest "); integer(dropped[0], &out)
                out.append(" and lowest "); integer(dropped[1], &out); out.append(" dropped")
            }
            out.append(": mean "); out.append(mean, places: 3); out.append(" → "); number(max, &out)
            out.append(" × ("); out.append(mean, places: 3); out.append(" − "); number(low, &out)
            out.append(") / "); number(span, &out); out.append(" = "); out.append(points, places: 3)
        case .ruleRounded(let rule, let points):
            guard write(rule, to: &out) else { return false }
            out.append(" → "); number(points, &out)
        case .kpiInputs(let kpis):
            for (index, kpi) in kpis.enumerated() {
                if index > 0 { out.append("; ") }
                out.append(contentsOf: kpi.id); out.append(" "); out.append(contentsOf: kpi.direction.rawValue)
                out.append(": "); out.append(contentsOf: kpi.achieved)
                if let unit = kpi.unit { out.append(" "); out.append(contentsOf: unit) }
                out.append(" of "); out.append(contentsOf: kpi.target)
                if let unit = kpi.unit { out.append(" "); out.append(contentsOf: unit) }
            }
        default:
            return false
        }
        return true
    }

    /// "N recognised" and, when there are any, the ids in parentheses.
    private static func recognised(_ ids: [String], _ out: inout ByteWriter) {
        integer(ids.count, &out)
        out.append(" recognised")
        guard !ids.isEmpty else { return }
        out.append(" (")
        for (index, id) in ids.enumerated() {
            if index > 0 { out.append(", ") }
            out.append(contentsOf: id)
        }
        out.append(")")
    }

    /// A number as interpolation writes it (`Rational.description`).
    private static func number(_ value: Rational, _ out: inout ByteWriter) {
        out.append(value, places: 6)
    }

    private static func integer(_ value: Int, _ out: inout ByteWriter) {
        out.append(contentsOf: String(value))
    }
}
