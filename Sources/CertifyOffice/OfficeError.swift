import CertifyModel

/// What went wrong with an office action, with the catalog's message. The
/// kind decides the HTTP status and the exit code in one place each
/// (`OfficeError.Kind.status`, the CLI's exit-code table).
public struct OfficeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The input is not acceptable (a form field, a file, an option): 422 / exit 65.
        case invalid
        /// The caller may not see the object: 404 (never its data) / exit 66.
        case notFound
        /// The caller may see the object but not do this: 403 / exit 77.
        case forbidden
        /// The object changed since the caller read it, or the action does
        /// not fit its state: 409 / exit 75.
        case conflict
        /// Not signed in, or the sign-in failed: 401 / exit 77.
        case unauthenticated
        /// Too many attempts: 429.
        case throttled
        /// The data directory or its database cannot be used: exit 74.
        case storage

        public var status: Int {
            switch self {
            case .invalid: 422
            case .notFound: 404
            case .forbidden: 403
            case .conflict: 409
            case .unauthenticated: 401
            case .throttled: 429
            case .storage: 503
            }
        }
    }

    public var kind: Kind
    public var message: OfficeMessage
    /// The form field the problem belongs to, if any (the error summary links to it).
    public var field: String?
    /// The located problems of a dossier, when the message is about one.
    public var diagnostics: [Diagnostic]
    /// Further problems of the same form, reported together.
    public var others: [OfficeError] = []

    /// This problem and the others of its form.
    public var all: [OfficeError] {
        var first = self
        first.others = []
        return [first] + others
    }

    /// One error carrying every problem of a form, or nil if there are none.
    public static func combined(_ problems: [OfficeError]) -> OfficeError? {
        guard var first = problems.first else { return nil }
        first.others = Array(problems.dropFirst())
        return first
    }

    public init(_ kind: Kind, _ message: OfficeMessage, field: String? = nil, diagnostics: [Diagnostic] = []) {
        self.kind = kind
        self.message = message
        self.field = field
        self.diagnostics = diagnostics
    }

    public static func == (a: OfficeError, b: OfficeError) -> Bool {
        a.kind == b.kind && a.message == b.message && a.field == b.field
    }

    public func text(_ language: Language) -> String { message.text(language) }
    public var description: String { message.text(.en) }
}
