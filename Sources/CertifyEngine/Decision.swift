import CertifyModel

/// Turns a 2-decimal total into a grade and a pass/fail.
enum Decision {
    static func decide(_ total: Rational, _ rule: DecisionRule) -> (grade: String?, passes: Bool) {
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
}
