import CertifyModel

/// A dossier (and its reviews) checked against a rubric: every value is
/// typed and in range. Only `Binder` creates one, so the scorer never has
/// to handle malformed input.
public struct Submission: Sendable {
    public var dossier: Dossier
    public var reviews: [Review]
    /// The checked input of each indicator, by its position in the rubric's
    /// `indicators` (`nil`: none given).
    public var inputs: [BoundInput?]
    /// Elective group id → declared indicator ids, in dossier order.
    public var declaredElectives: [String: [String]]
    /// Judgments come from the dossier itself (no review given).
    public var selfAssessed: Bool { reviews.isEmpty }
}

public struct BoundInput: Sendable {
    public var value: IndicatorInput
    /// The input as the applicant wrote it, for the trace.
    public var asGiven: GivenInput
    public var evidence: [Evidence]

    public init(value: IndicatorInput, asGiven: GivenInput, evidence: [Evidence]) {
        self.value = value
        self.asGiven = asGiven
        self.evidence = evidence
    }
}

public enum IndicatorInput: Sendable {
    case number(Rational)
    case boolean(Bool)
    case choice(String)
    case set([String])
    case kpis([KPIInput])
    case judgments([ReviewerScore])
}

public struct KPIInput: Sendable {
    public var id: String
    public var label: String
    public var unit: String?
    public var direction: KPI.Direction
    public var target: Rational
    public var achieved: Rational
    /// Reviewers who rejected the KPI, and how many reviews there were.
    public var rejectedBy: [String]
    public var reviewCount: Int

    /// Rejected when more than half of the reviews reject it.
    public var accepted: Bool { rejectedBy.count * 2 <= reviewCount }
}

public struct ReviewerScore: Sendable, Hashable {
    /// `nil` for a self-assessed score.
    public var reviewer: String?
    public var score: Int

    public init(reviewer: String?, score: Int) {
        self.reviewer = reviewer
        self.score = score
    }
}
