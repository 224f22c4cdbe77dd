import CertifyModel
import CertifyRender

/// Every word the cohort and compare outputs show a person, in Korean and
/// English. A label is a case, so a misspelt key does not compile (like
/// `Label` for the single-dossier outputs).
public enum CohortLabel: String, LocalizedWord {
    case cohort, compare, date, dossiers, count, certified, certifiedShare, notCertified, blockedCard,
        certifiedMark, blocked, grades, grade, total, totals, mean, median, q1, q3, min, max, maxPoints,
        atMax, atZero, missing, notSelected, areas, area, indicators, indicator, kinds, kind, invalid,
        invalidNone, file, error, id, applicant, yes, no, pass, fail, histogram, histogramPass, gradesByKind, outcomesByKind, indicatorDist, indicatorDistNote,
        partial, from, to, transitions, transitionsNote, changes, changesNone, movedBy, meanChange, change,
        onlyIn, onlyFrom, onlyTo, unscored, dossiersCompared, unknownRubric

    /// The texts, from Catalog/CohortLabel.tsv.
    public static let wordTable = WordTable<CohortLabel>(PackageResources.CohortLabel_tsv, borrowing: [Label.self, PlanLabel.self])

    /// The label of an outcome a rubric names (`pass`, `fail`), when
    /// Certify knows it. Applicant kinds use `Label(applicantKind:)`, the
    /// words every other output shows.
    public init?(named name: String) {
        switch name {
        case "pass": self = .pass
        case "fail": self = .fail
        default: return nil
        }
    }
}

/// The cohort and compare labels in one language.
public typealias CohortLabels = Words<CohortLabel>

extension Words where Entry == CohortLabel {
    /// An outcome or kind named by the rubric or dossier: translated when
    /// Certify knows the word (`pass`, `city`), else as written (`A`).
    public func word(_ name: String) -> String {
        if let label = CohortLabel(named: name) { return self[label] }
        if let kind = Label(applicantKind: name) { return Labels(language)[kind] }
        return name
    }
}
