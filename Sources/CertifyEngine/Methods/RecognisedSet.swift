import CertifyModel

/// The distinct recognised ids of a set input, with findings for the rest.
/// Shared by the two set methods.
struct RecognisedSet {
    var recognised: [String] = []
    var findings: [Finding] = []

    init(_ items: [String], recognising known: [String], indicator: Indicator) {
        var seen = Set<String>()
        var unknown: [String] = []
        var repeated: [String] = []
        for item in items {
            guard seen.insert(item).inserted else { repeated.append(item); continue }
            if known.contains(item) { recognised.append(item) } else { unknown.append(item) }
        }
        if !unknown.isEmpty {
            findings.append(Finding(
                .warning, indicator: indicator.id,
                message: .notRecognised(unknown: unknown, recognised: known)))
        }
        if !repeated.isEmpty {
            findings.append(Finding(
                .info, indicator: indicator.id,
                message: .listedTwice(repeated)))
        }
    }
}
