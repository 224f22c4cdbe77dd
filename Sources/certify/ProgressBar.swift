import Foundation

/// A progress bar on standard error for batch work: drawn only when
/// standard error is a terminal and the work has run for more than a
/// second, redrawn at most ten times a second, erased when done. Silent
/// otherwise (pipes, files, CI logs, short runs).
final class ProgressBar {
    private let label: String
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var drawn = false
    private let enabled: Bool

    init(_ label: String, enabled: Bool = isatty(2) == 1) {
        self.label = label
        self.enabled = enabled
    }

    /// A callback for `Batch.run(progress:)`, or nil when nothing will be
    /// drawn. A command that prints its results as it goes (`streaming`)
    /// draws no bar when standard output is a terminal too: the bar would
    /// be drawn over its results.
    static func bar(_ label: String, streaming: Bool = false) -> ((Int, Int) -> Void)? {
        guard isatty(2) == 1, !(streaming && isatty(1) == 1) else { return nil }
        let progress = ProgressBar(label)
        return { done, total in progress.update(done, of: total) }
    }

    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        if done >= total {
            if drawn { write("\r\u{1B}[K") }
            drawn = false
            return
        }
        guard now - start >= 1_000_000_000, now - lastDraw >= 100_000_000 else { return }
        lastDraw = now
        drawn = true
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        write("\r\(label) \(bar) \(done)/\(total)\u{1B}[K")
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { raw in _ = Foundation.write(2, raw.baseAddress, raw.count) }
    }
}
