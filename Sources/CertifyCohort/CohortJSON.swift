import CertifyModel
import CertifyRender

/// `certify cohort --format json` (cohort.md): one object per rubric,
/// one per line when the cohort mixes rubrics (JSON Lines).
public enum CohortJSON {
    public static func render(_ groups: [CohortGroup], date: CalendarDate) -> String {
        groups.map { render($0, date: date) + "\n" }.joined()
    }

    public static func render(_ group: CohortGroup, date: CalendarDate) -> String {
        var json = JSONWriter()
        json.object { json in
            json.rubric("rubric", group.rubric)
            json.field("date", date.description)
            tally(&json, group, of: group, blocked: group.blocked)
            json.objects("byKind", group.kinds) { json, kind in
                json.field("kind", kind.kind)
                tally(&json, kind, of: group)
            }
            json.objects("areas", group.areas) { json, area in
                json.field("id", area.area.id)
                json.label("label", area.area.label)
                json.field("max", area.area.max)
                json.spread(area)
            }
            json.objects("indicators", group.indicators) { json, stats in
                json.field("id", stats.indicator.id)
                json.field("area", stats.areaID)
                json.label("label", stats.indicator.label)
                json.field("max", stats.indicator.max)
                json.field("mandatory", stats.indicator.mandatory)
                json.field("elective", stats.indicator.electiveGroup != nil)
                json.spread(stats)
                json.share("missing", stats.missing)
                json.share("notSelected", stats.notSelected)
            }
            json.objects("dossiers", group.dossiers) { json, dossier in
                json.field("id", dossier.id)
                json.field("applicant", dossier.applicantID)
                json.label("name", dossier.applicantName)
                json.field("kind", dossier.kind)
                json.outcome(dossier)
                json.field("file", dossier.file)
            }
            invalid(&json, group.invalid)
        }
        return String(decoding: json.bytes(), as: UTF8.self)
    }

    /// A set of dossiers counted: how many, how many certified, how many
    /// blocked (the whole cohort only), the grades when the rubric has
    /// them, the totals' distribution.
    static func tally(_ json: inout JSONWriter, _ set: some DossierSet, of group: CohortGroup, blocked: Share? = nil) {
        json.field("count", set.count)
        json.field("certified", set.certified.count)
        json.field("certifiedPercent", set.certified.percent)
        if let blocked { json.field("blocked", blocked.count) }
        if !group.gradeIDs.isEmpty {
            json.field("grades") { json in
                for (grade, count) in group.grades(of: set.dossiers) { json.key(escaping: grade); json.number(count) }
            }
        }
        json.distribution("total", set.total)
    }

    static func invalid(_ json: inout JSONWriter, _ invalid: [InvalidDossier]) {
        json.objects("invalid", invalid) { json, dossier in
            json.field("file", dossier.file)
            json.field("message", dossier.message)
        }
    }
}

/// `certify compare --format json` (cohort.md).
public enum CompareJSON {
    public static func render(_ comparisons: [Comparison], unscored: [InvalidDossier], date: CalendarDate) -> String {
        if comparisons.isEmpty {
            var json = JSONWriter()
            json.object { json in
                json.field("date", date.description)
                CohortJSON.invalid(&json, unscored)
            }
            return String(decoding: json.bytes(), as: UTF8.self) + "\n"
        }
        return comparisons.enumerated().map { index, comparison in
            render(comparison, extra: index == 0 ? unscored : [], date: date) + "\n"
        }.joined()
    }

    public static func render(_ comparison: Comparison, extra: [InvalidDossier] = [], date: CalendarDate) -> String {
        var json = JSONWriter()
        json.object { json in
            json.rubric("from", comparison.from)
            json.rubric("to", comparison.to)
            json.field("date", date.description)
            json.field("count", comparison.pairs.count)
            json.field("certified") { json in
                json.field("from", comparison.certifiedFrom.count)
                json.field("to", comparison.certifiedTo.count)
            }
            json.field("total") { json in
                json.distribution("from", comparison.totalFrom)
                json.distribution("to", comparison.totalTo)
            }
            json.objects("transitions", comparison.transitions) { json, transition in
                json.field("from", transition.from)
                json.field("to", transition.to)
                json.field("count", transition.count)
            }
            json.objects("changes", comparison.changes) { json, change in
                json.field("id", change.id)
                json.field("applicant", change.from.applicantID)
                json.field("kind", change.from.kind)
                json.field("file", change.from.file)
                for (name, outcome) in [("from" as StaticString, change.from), ("to", change.to)] {
                    json.field(name) { json in json.outcome(outcome) }
                }
                json.objects("indicators", change.indicators) { json, delta in
                    json.field("id", delta.id)
                    json.field("from", delta.from)
                    json.field("to", delta.to)
                    json.field("delta", delta.delta)
                }
            }
            json.objects("indicators", comparison.indicatorMeans) { json, mean in
                json.field("id", mean.indicator.id)
                json.field("meanFrom", mean.meanFrom)
                json.field("meanTo", mean.meanTo)
                json.field("meanDelta", mean.meanDelta)
            }
            json.key("onlyInFrom")
            json.array { json in for indicator in comparison.onlyInFrom { json.string(indicator.id) } }
            json.key("onlyInTo")
            json.array { json in for indicator in comparison.onlyInTo { json.string(indicator.id) } }
            CohortJSON.invalid(&json, comparison.invalid + extra)
        }
        return String(decoding: json.bytes(), as: UTF8.self)
    }
}

/// The members of cohort and compare records. Numbers are rounded half-up
/// to 2 places and written in the shortest exact form (`59.7`, `45`,
/// `8.33`), as `Rational.pointsText` prints them.
extension JSONWriter {
    mutating func field(_ name: StaticString, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: StaticString, _ value: Rational?) { key(name); number(value?.rounded(places: 2)) }
    mutating func field(_ name: StaticString, _ value: Int) { key(name); number(value) }
    mutating func field(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
    mutating func field(_ name: StaticString, _ body: (inout JSONWriter) -> Void) { key(name); object(body) }

    /// `name`'s value: an array of one object per element, whose members `body` writes.
    mutating func objects<Element>(
        _ name: StaticString, _ elements: [Element], _ body: (inout JSONWriter, borrowing Element) -> Void
    ) {
        key(name)
        objects(elements, body)
    }

    /// `name`'s value: an object whose members `body` writes, or `null`.
    mutating func object<Value>(_ name: StaticString, _ value: Value?, _ body: (inout JSONWriter, Value) -> Void) {
        key(name)
        guard let value else { null(); return }
        object { json in body(&json, value) }
    }

    mutating func distribution(_ name: StaticString, _ value: Distribution?) {
        object(name, value) { json, value in
            json.field("mean", value.mean)
            json.field("median", value.median)
            json.field("q1", value.q1)
            json.field("q3", value.q3)
            json.field("min", value.min)
            json.field("max", value.max)
        }
    }

    /// A dossier's result.
    mutating func outcome(_ dossier: DossierOutcome) {
        field("total", dossier.total)
        field("grade", dossier.grade)
        field("certified", dossier.certified)
    }

    /// How an area's or an indicator's points spread.
    mutating func spread(_ stats: some PointsSpread) {
        distribution("points", stats.distribution)
        share("atMax", stats.atMax)
        share("atZero", stats.atZero)
    }

    /// `{"count": 12, "percent": 7.41}`.
    mutating func share(_ name: StaticString, _ value: Share) {
        field(name) { json in
            json.field("count", value.count)
            json.field("percent", value.percent)
        }
    }

    mutating func label(_ name: StaticString, _ text: LocalizedText) {
        field(name) { json in
            if let ko = text.ko { json.field("ko", ko) }
            if let en = text.en { json.field("en", en) }
        }
    }

    /// A rubric's identity: `{"id": …, "version": …, "sha256": …}`.
    mutating func rubric(_ name: StaticString, _ rubric: Rubric?) {
        object(name, rubric) { json, rubric in
            json.field("id", rubric.id)
            json.field("version", rubric.version)
            json.field("sha256", rubric.sha256)
        }
    }
}
