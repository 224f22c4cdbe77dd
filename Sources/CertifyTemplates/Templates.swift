import Mustache

/// The one look of Certify's HTML: the stylesheet and the mustache templates
/// that the web pages (`certify serve`), the report's page
/// (`certify report --html`) and the cohort and compare pages
/// (`certify cohort|compare --format html`) share — the `head` and `foot`
/// partials, the report's, cohort's and compare's bodies — embedded in the code (SwiftPM's `embedInCode`), so that
/// rendering reads no file and needs no resource bundle at run time.
///
/// Every value a template inserts goes through `{{ }}` (mustache's HTML
/// escaping) after `clean(_:)`; `{{{ }}}` is used for the stylesheet only,
/// which is ours.
public enum Templates {
    /// `certify.css`: served as `/static/certify.css` by the server and
    /// inlined in the report's, cohort's and compare's pages.
    public static let stylesheet = String(decoding: PackageResources.certify_css, as: UTF8.self)

    /// The shared templates by name (the file name without `.mustache`).
    public static let templates: [String: MustacheTemplate] = {
        var templates: [String: MustacheTemplate] = [:]
        for (name, bytes) in sources {
            do {
                templates[name] = try MustacheTemplate(string: String(decoding: bytes, as: UTF8.self))
            } catch {
                // Our own resource: the template tests parse every one.
                preconditionFailure("the shared template \(name) does not parse: \(error)")
            }
        }
        return templates
    }()

    /// The library of the shared templates only (the report's, cohort's and
    /// compare's pages).
    public static let library = MustacheLibrary(templates: templates)

    /// The templates of `directory` (the server's pages) with the shared
    /// ones, which they include as partials (`{{> head}}`).
    public static func library(adding directory: String) async throws -> MustacheLibrary {
        var library = try await MustacheLibrary(directory: directory)
        for (name, template) in templates { library.register(template, named: name) }
        return library
    }

    static let sources: [(String, [UInt8])] = [
        ("head", PackageResources.head_mustache),
        ("foot", PackageResources.foot_mustache),
        ("report", PackageResources.report_mustache),
        ("cohort", PackageResources.cohort_mustache),
        ("compare", PackageResources.compare_mustache),
        ("invalid", PackageResources.invalid_mustache),
    ]

    /// Renders `view` with the template `name` of `library`, every string of
    /// the view cleaned first (`clean(_:)`); nil when there is no such template.
    /// `constants` are added to the view as they are: Certify's own texts
    /// (the stylesheet, label tables), which need no cleaning — they are
    /// still escaped by `{{ }}` like everything else, except the stylesheet.
    public static func render(
        _ view: [String: Any], with name: String, in library: MustacheLibrary = library, constants: [String: Any] = [:]
    ) -> String? {
        var all = clean(view)
        for (key, value) in constants { all[key] = value }
        return library.render(all, withTemplate: name)
    }

    // MARK: - Untrusted text

    /// A view with every string in it, at any depth, made safe for
    /// mustache's HTML escaping (`cleanText(_:)`).
    public static func clean(_ view: [String: Any]) -> [String: Any] {
        view.mapValues(cleanValue)
    }

    static func cleanValue(_ value: Any) -> Any {
        switch value {
        case let text as String: cleanText(text)
        case let object as [String: Any]: clean(object)
        case let array as [Any]: array.map(cleanValue)
        default: value
        }
    }

    /// Text that escapes safely and makes a valid page:
    /// - characters HTML does not allow in a page (C0 controls other than
    ///   tab and line ends, DEL and the C1 controls, noncharacters) become
    ///   U+FFFD;
    /// - mustache escapes `& < > " '` one *Character* (grapheme cluster) at
    ///   a time, so one of them joined to a combining mark after it
    ///   (`"` + U+0301) or a prepended mark before it (U+0600 + `<`) would
    ///   pass unescaped: in such a cluster they become their full-width
    ///   forms (`＂ ＜`), which need no escaping.
    public static func cleanText(_ text: String) -> String {
        guard needsCleaning(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            let scalars = character.unicodeScalars
            for scalar in scalars {
                if !isAllowed(scalar) {
                    out.unicodeScalars.append("\u{FFFD}")
                } else if scalars.count > 1, let wide = fullWidth(scalar) {
                    out.unicodeScalars.append(wide)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Whether a scalar is not allowed, or a special touches a non-ASCII
    /// scalar (marks that join a cluster are all non-ASCII), in one pass
    /// over the scalars: most text needs no grapheme segmentation.
    static func needsCleaning(_ text: String) -> Bool {
        var previousIsASCII = true
        var previousIsSpecial = false
        for scalar in text.unicodeScalars {
            let ascii = scalar.isASCII
            if !isAllowed(scalar) { return true }
            let special = isSpecial(scalar)
            if (special && !previousIsASCII) || (previousIsSpecial && !ascii) { return true }
            previousIsASCII = ascii
            previousIsSpecial = special
        }
        return false
    }

    static func isSpecial(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "&" || scalar == "<" || scalar == ">" || scalar == "\"" || scalar == "'"
    }

    /// Whether HTML allows the character in a page's text.
    @inlinable
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return scalar == "\t" || scalar == "\n" || scalar == "\r" }
        if (0x7F...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE { return false }
        return true
    }

    static func fullWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "&", "<", ">", "\"", "'": Unicode.Scalar(scalar.value - 0x21 + 0xFF01)
        default: nil
        }
    }
}
