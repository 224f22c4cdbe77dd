import CertifyModel

/// The distinct recognised ids of a set input, with findings for the rest.
/// Shared by the two set methods.
struct RecognisedSet {
    var recognised: [String] = []
    var findings: [Finding] = []

    init(_ items: [String], recognising known: [String], indicator: Indicator) {
        // A list holds a few items: each is compared with those before it.
        // The schema bounds no list, so a long one is checked with a set.
        var seen = items.count > 8 ? Set<String>(minimumCapacity: items.count) : nil
        var unknown: [String] = []
        var repeated: [String] = []
        recognised.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let first = seen != nil ? seen!.insert(item).inserted : !items[..<index].contains(item)
            guard first else { repeated.append(item); continue }
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
