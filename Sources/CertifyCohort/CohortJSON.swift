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
            json.field("count", group.count)
            json.field("certified", group.certified.count)
            json.field("certifiedPercent", group.certified.percent)
            json.field("blocked", group.blocked.count)
            if !group.gradeIDs.isEmpty { grades(&json, group.grades()) }
            json.distribution("total", group.total)
            json.key("byKind")
            json.objects(group.kinds) { json, kind in
                json.field("kind", kind.kind)
                json.field("count", kind.dossiers.count)
                json.field("certified", kind.certified.count)
                json.field("certifiedPercent", kind.certified.percent)
                if !group.gradeIDs.isEmpty { grades(&json, group.grades(of: kind.dossiers)) }
                json.distribution("total", kind.total)
            }
            json.key("areas")
            json.objects(group.areas) { json, area in
                json.field("id", area.area.id)
                json.label("label", area.area.label)
                json.field("max", area.area.max)
                json.distribution("points", area.distribution)
                json.share("atMax", area.atMax)
                json.share("atZero", area.atZero)
            }
            json.key("indicators")
            json.objects(group.indicators) { json, stats in
                json.field("id", stats.indicator.id)
                json.field("area", stats.areaID)
                json.label("label", stats.indicator.label)
                json.field("max", stats.indicator.max)
                json.field("mandatory", stats.indicator.mandatory)
                json.field("elective", stats.indicator.electiveGroup != nil)
                json.distribution("points", stats.distribution)
                json.share("atMax", stats.atMax)
                json.share("atZero", stats.atZero)
                json.share("missing", stats.missing)
                json.share("notSelected", stats.notSelected)
            }
            json.key("dossiers")
            json.objects(group.dossiers) { json, dossier in
                json.field("id", dossier.id)
                json.field("applicant", dossier.applicantID)
                json.label("name", dossier.applicantName)
                json.field("kind", dossier.kind)
                json.field("total", dossier.total)
                json.field("grade", dossier.grade)
                json.field("certified", dossier.certified)
                json.field("file", dossier.file)
            }
            invalid(&json, group.invalid)
        }
        return String(decoding: json.bytes(), as: UTF8.self)
    }

    static func grades(_ json: inout JSONWriter, _ grades: [(grade: String, count: Int)]) {
        json.field("grades") { json in
            for (grade, count) in grades { json.key(escaping: grade); json.number(count) }
        }
    }

    static func invalid(_ json: inout JSONWriter, _ invalid: [InvalidDossier]) {
        json.key("invalid")
        json.objects(invalid) { json, dossier in
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

    static func side(_ json: inout JSONWriter, _ name: StaticString, _ rubric: Rubric) {
        json.field(name) { json in
            json.field("id", rubric.id)
            json.field("version", rubric.version)
            json.field("sha256", rubric.sha256)
        }
    }

    public static func render(_ comparison: Comparison, extra: [InvalidDossier] = [], date: CalendarDate) -> String {
        var json = JSONWriter()
        json.object { json in
            side(&json, "from", comparison.from)
            side(&json, "to", comparison.to)
            json.field("date", date.description)
            json.field("count", comparison.pairs.count)
            json.field("certified") { json in
                json.field("from", comparison.certifiedFrom.count)
                json.field("to", comparison.certifiedTo.count)
            }
            json.key("total")
            json.object { json in
                json.distribution("from", comparison.totalFrom)
                json.distribution("to", comparison.totalTo)
            }
            json.key("transitions")
            json.objects(comparison.transitions) { json, transition in
                json.field("from", transition.from)
                json.field("to", transition.to)
                json.field("count", transition.count)
            }
            json.key("changes")
            json.objects(comparison.changes) { json, change in
                json.field("id", change.id)
                json.field("applicant", change.from.applicantID)
                json.field("kind", change.from.kind)
                json.field("file", change.from.file)
                for (name, outcome) in [("from" as StaticString, change.from), ("to", change.to)] {
                    json.field(name) { json in
                        json.field("total", outcome.total)
                        json.field("grade", outcome.grade)
                        json.field("certified", outcome.certified)
                    }
                }
                json.key("indicators")
                json.objects(change.indicators) { json, delta in
                    json.field("id", delta.id)
                    json.field("from", delta.from)
                    json.field("to", delta.to)
                    json.field("delta", delta.delta)
                }
            }
            json.key("indicators")
            json.objects(comparison.indicatorMeans) { json, mean in
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

    mutating func distribution(_ name: StaticString, _ value: Distribution?) {
        key(name)
        guard let value else { null(); return }
        object { json in
            json.field("mean", value.mean)
            json.field("median", value.median)
            json.field("q1", value.q1)
            json.field("q3", value.q3)
            json.field("min", value.min)
            json.field("max", value.max)
        }
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

    mutating func rubric(_ name: StaticString, _ rubric: Rubric?) {
        key(name)
        guard let rubric else { null(); return }
        object { json in
            json.field("id", rubric.id)
            json.field("version", rubric.version)
            json.field("sha256", rubric.sha256)
        }
    }
}
