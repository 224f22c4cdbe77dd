extension Rubric {
    /// The texts a rubric offers in fewer languages than its others: when
    /// some title, label or description has Korean and English and another
    /// has only one of them, a reader of the other language meets a text
    /// in a language not theirs. One located warning per such text (the
    /// first element of the text), in document order; none when every text
    /// has the same languages.
    public static func languageWarnings(_ root: some ElementNode) -> [Diagnostic] {
        var texts: [RubricText] = []
        func collect(_ element: some ElementNode, owner: String?) {
            var groups: [String: RubricText] = [:]
            var order: [String] = []
            for child in element.elements where ["title", "label", "description"].contains(child.name) {
                if groups[child.name] == nil {
                    groups[child.name] = RubricText(element: child.name, owner: owner, at: child.location, languages: [])
                    order.append(child.name)
                }
                groups[child.name]!.languages.insert(child.language ?? "en")
            }
            texts += order.map { groups[$0]! }
            for child in element.elements where ["elective-group", "area", "indicator", "choices", "choice"].contains(child.name) {
                collect(child, owner: child.attribute("id") ?? child.attribute("value") ?? owner)
            }
        }
        collect(root, owner: nil)
        let all = texts.reduce(into: Set<String>()) { $0.formUnion($1.languages) }
        let wanted = all.intersection(Language.allCases.map(\.rawValue))
        guard wanted.count > 1 else { return [] }
        return texts.compactMap { text in
            let missing = wanted.subtracting(text.languages)
            guard !missing.isEmpty else { return nil }
            return Diagnostic(
                .rubricTextLanguages(element: text.element, owner: text.owner, missing: missing.sorted()),
                at: text.at, severity: .warning)
        }
    }
}

/// One text of a rubric (its elements of one name under one owner) and the
/// languages it is given in.
private struct RubricText {
    var element: String
    var owner: String?
    var at: SourcePosition
    var languages: Set<String>
}
