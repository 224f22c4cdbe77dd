/// Byte-for-byte search, for checks on escaping: `String.contains` compares
/// whole Characters, so it would not find `<` where a mark before it joins
/// the two into one Character (`\u{600}<`).
public func containsBytes(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    return (0...(haystack.count - needle.count)).contains { start in haystack[start..<(start + needle.count)].elementsEqual(needle) }
}

/// The text around the first `marker` in `text` (`radius` characters on
/// each side), or a line saying it is missing: what a failed expectation
/// about a page shows instead of the whole page.
public func excerpt(of text: String, around marker: String, radius: Int = 120) -> String {
    guard let at = text.range(of: marker) else { return "'\(marker)' is not in the text" }
    let start = text.index(at.lowerBound, offsetBy: -radius, limitedBy: text.startIndex) ?? text.startIndex
    let end = text.index(at.upperBound, offsetBy: radius, limitedBy: text.endIndex) ?? text.endIndex
    return "…" + text[start..<end] + "…"
}
