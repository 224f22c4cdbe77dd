import ArgumentParser
import CertifyModel
import CertifyRuntime
import Foundation

/// stdout for results, stderr for located diagnostics. stdout is buffered
/// (results of many dossiers leave in large blocks). Used from the main
/// thread only: workers hand their results back first.
enum Output {
    nonisolated(unsafe) private static var buffer: [UInt8] = []
    /// The language of located errors on stderr and of the lines commands
    /// without `--lang` print: the command's `--lang`, else the one chosen at
    /// start-up (`Language.chosen`; `FILE:LINE:COL: error:` itself stays).
    nonisolated(unsafe) static var language: Language = .chosen

    static func write(_ text: String) {
        write(bytes: text.utf8)
    }

    static func write(bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func report(_ error: CertifyError) {
        flush()
        let text = error.diagnostics.map { $0.rendered(language) + "\n" }.joined()
        writeAll(2, Array(text.utf8))
    }

    /// Located warnings, on standard error after what is written so far.
    static func warn(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        flush()
        writeAll(2, Array(diagnostics.map { $0.rendered(language) + "\n" }.joined().utf8))
    }

    static func flush() {
        writeAll(1, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

extension Output {
    /// Runs `work` over `inputs` (`Batch`) and writes each record in input
    /// order, a blank line between text records when there are several; a
    /// failure is reported on stderr and the run goes on. Ends with the exit
    /// code of the worst failure, if any: `score` and `plan` end this way.
    static func records(_ inputs: [String], text: Bool, progress: ((Int, Int) -> Void)? = nil,
                        work: @escaping @Sendable (InputSource) throws(CertifyError) -> [UInt8]) throws {
        var failures: [CertifyError.Code] = []
        // Files are read on one thread, ahead of the workers (`Batch`).
        Batch.run(inputs, progress: progress, loadAhead: InputSource.fileRead, work: { source -> Result<[UInt8], CertifyError> in
            do throws(CertifyError) { return .success(try work(source)) } catch { return .failure(error) }
        }, deliver: { _, outcome in
            switch outcome {
            case .success(let bytes):
                if text && inputs.count > 1 { write("\n") }
                write(bytes: bytes)
            case .failure(let error):
                report(error)
                failures.append(error.code)
            }
        })
        flush()
        if !failures.isEmpty { throw ExitCode(worstOf: failures) }
    }
}
