import Dispatch
import Foundation

/// Runs `work` over many inputs on all cores and delivers the results in
/// input order, a window at a time: memory holds one window, however many
/// inputs there are. `progress`, if given, is told how many inputs have
/// been delivered after each window (on the calling thread).
public enum Batch {
    public static func run<Output: Sendable>(
        _ inputs: [String], window: Int = 256,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
        work: @escaping @Sendable (String) -> Output,
        deliver: (String, Output) -> Void
    ) {
        var start = 0
        while start < inputs.count {
            let slice = Array(inputs[start..<min(start + window, inputs.count)])
            let results = Slots<Output>(count: slice.count)
            DispatchQueue.concurrentPerform(iterations: slice.count) { index in
                results.set(index, work(slice[index]))
            }
            for (index, input) in slice.enumerated() { deliver(input, results.get(index)) }
            start += window
            progress?(min(start, inputs.count), inputs.count)
        }
    }
}

/// Write-once slots filled concurrently, each index by exactly one thread.
private final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) { lock.lock(); storage[index] = value; lock.unlock() }
    func get(_ index: Int) -> T { lock.lock(); defer { lock.unlock() }; return storage[index]! }
}
