/// What each kind of failure means to the outside world, in one table:
/// the command line's exit code (formats.md, reports.md; sysexits where the
/// spec is silent) and the web API's HTTP status (server.md). Rows are in
/// order of precedence: when a run meets several failures, the first row
/// among them decides its exit code.
extension CertifyError.Code {
    public struct Outcome: Sendable {
        public let code: CertifyError.Code
        public let exitCode: Int32
        public let httpStatus: Int
    }

    public static let outcomes: [Outcome] = [
        Outcome(code: .configuration, exitCode: 70, httpStatus: 500),         // EX_SOFTWARE
        Outcome(code: .unreadable, exitCode: 66, httpStatus: 400),            // EX_NOINPUT
        Outcome(code: .unwritable, exitCode: 73, httpStatus: 500),            // EX_CANTCREAT
        Outcome(code: .invalidInput, exitCode: 65, httpStatus: 422),          // EX_DATAERR
        Outcome(code: .badKey, exitCode: 65, httpStatus: 422),
        Outcome(code: .keyPermissions, exitCode: 77, httpStatus: 422),        // EX_NOPERM
        Outcome(code: .usage, exitCode: 64, httpStatus: 400),                 // EX_USAGE
        Outcome(code: .malformedRequest, exitCode: 64, httpStatus: 400),
        Outcome(code: .unsupportedMediaType, exitCode: 64, httpStatus: 415),
        Outcome(code: .tooLarge, exitCode: 65, httpStatus: 413),
        Outcome(code: .signatureInvalid, exitCode: 1, httpStatus: 422),
        Outcome(code: .disagreement, exitCode: 4, httpStatus: 409),
        Outcome(code: .notCurrent, exitCode: 3, httpStatus: 409),
        Outcome(code: .auditFailed, exitCode: 1, httpStatus: 409),
        Outcome(code: .notFound, exitCode: 65, httpStatus: 404),
    ]

    private var outcome: Outcome? { Self.outcomes.first { $0.code == self } }

    /// The process exit code; a code missing from the table is a bug (70).
    public var exitCode: Int32 { outcome?.exitCode ?? 70 }

    /// The HTTP status; a code missing from the table is a bug (500).
    public var httpStatus: Int { outcome?.httpStatus ?? 500 }

    /// The failure that decides a run's exit code: the first in the table,
    /// then any code the table lacks; nil when there is none.
    public static func worst(_ codes: some Sequence<CertifyError.Code>) -> CertifyError.Code? {
        let codes = Set(codes)
        return outcomes.first { codes.contains($0.code) }?.code ?? codes.min { $0.name < $1.name }
    }
}
