import ArgumentParser
import CertifyModel

/// Failures become exit codes here and only here, through the one table of
/// `CertifyError.Code.outcomes` (which the web API's statuses share).
extension ExitCode {
    /// The exit code of one failure.
    init(_ error: CertifyError) { self.init(error.code.exitCode) }

    /// The exit code of a run that met these failures: the worst decides
    /// (e.g. unreadable input over invalid input).
    init(worstOf codes: [CertifyError.Code]) {
        self.init(CertifyError.Code.worst(codes)?.exitCode ?? 0)
    }
}

/// Runs `body`; a failure is reported on stderr and ends the command with
/// its exit code. For the set-up steps of a command, before any output.
func orExit<T>(_ body: () throws(CertifyError) -> T) throws -> T {
    do { return try body() } catch { throw failure(error) }
}

/// Reports `error` on stderr and gives the exit code that ends the command:
/// the error's own, or `code`'s where the command documents another.
func failure(_ error: CertifyError, exit code: CertifyError.Code? = nil) -> ExitCode {
    Output.report(error)
    return ExitCode((code ?? error.code).exitCode)
}
