import Foundation

extension Labels {
    /// `text` with `%1`, `%2`, … replaced by `values` in order: the one way
    /// a label (`Label`, or the cohort's `CohortLabel`) takes its values.
    public static func fill(_ text: String, _ values: [String]) -> String {
        var text = text
        for (index, value) in values.enumerated() {
            text = text.replacingOccurrences(of: "%\(index + 1)", with: value)
        }
        return text
    }
}
