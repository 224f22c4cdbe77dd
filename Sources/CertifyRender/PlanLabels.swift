import CertifyModel

/// The words of `certify plan`, in Korean and English. A label is a case,
/// so a misspelt key does not compile.
public enum PlanLabel: String, LocalizedWord {
    case current, goal, unreachable, reached, option, changed, steps, declare, undeclare, add, margin, above, risks,
         noRisks, missing, certified, notCertified, noneGiven, best

    /// The texts, from Catalog/PlanLabel.tsv.
    public static let wordTable = WordTable<PlanLabel>(PackageResources.PlanLabel_tsv, borrowing: [Label.self])
}

/// `PlanLabel` words in one language.
public typealias PlanLabels = Words<PlanLabel>
