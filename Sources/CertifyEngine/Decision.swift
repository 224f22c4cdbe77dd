import CertifyModel

/// Turns a 2-decimal total into a grade, a pass/fail and a certification.
public enum Decision {
    /// The grade (nil for a pass/fail rubric) and whether the total reaches
    /// the certifying threshold.
    public static func decide(_ total: Rational, _ rule: DecisionRule) -> (grade: String?, passes: Bool) {
        switch rule {
        case .grades(let grades, let certifiedFrom):
            let index = grades.firstIndex { total >= $0.min }
            let certifyingIndex = grades.firstIndex { $0.id == certifiedFrom }
            guard let index else { return (nil, false) }
            return (grades[index].id, certifyingIndex.map { index <= $0 } ?? false)
        case .pass(let threshold):
            return (nil, total >= threshold)
        }
    }

    /// Certified: the total passes and no finding of severity error blocks it.
    public static func certified(passes: Bool, findings: [Finding]) -> Bool {
        passes && !findings.contains { $0.severity == .error }
    }
}
