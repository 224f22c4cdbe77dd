/// Terminal width of text: Hangul and other wide characters take 2 columns.
public func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
        return width + (wide ? 2 : 1)
    }
}

/// Pads `text` with spaces to `width` columns (on the left when `right`);
/// longer text is left as it is.
public func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - displayWidth(text)))
    return right ? fill + text : text + fill
}

/// Pads to `width` columns like `pad`, or cuts longer text to fit, ending it with "…".
public func cell(_ text: String, _ width: Int, right: Bool = false) -> String {
    var text = text
    if displayWidth(text) > width {
        while displayWidth(text) > width - 1, !text.isEmpty { text.removeLast() }
        text += "…"
    }
    return pad(text, width, right: right)
}
