import Foundation

/// Runs `work` over many inputs on all cores and delivers the results in
/// input order on the calling thread, as a pipeline: one worker thread per
/// core takes the next input as soon as it is free, while the calling
/// thread delivers the results already made. At most `window` results are
/// made and not yet delivered, however many inputs there are, so memory
/// holds one window. `progress`, if given, is told how many inputs have
/// been delivered after every `window` of them and at the end (on the
/// calling thread).
///
/// A pipeline, not a barrier per window: with a barrier every core waited
/// for the window's slowest input and then for its delivery (scoring
/// 10,000 dossiers used 1.84 of 2 cores on average, 1.88 as a pipeline,
/// the rest being start-up; docs/performance.md).
public enum Batch {
    /// - Parameter workers: worker threads, by default one per core (with
    ///   one, or one input, the work runs on the calling thread).
    public static func run<Output: Sendable>(
        _ inputs: [String], window: Int = 256, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
        work: @escaping @Sendable (String) -> Output,
        deliver: (String, Output) -> Void
    ) {
        run(inputs, window: window, workers: workers, progress: progress, load: { $0 }, ahead: false, work: work,
            deliver: deliver)
    }

    /// The same, in two stages: one thread of its own loads the inputs in
    /// order (`load`, e.g. reads a file), never more than a window ahead of
    /// delivery, and the workers do the rest. Opening and reading files is
    /// work the kernel does for the whole process under shared locks: on
    /// two threads at once the same 10,000 reads took 2.3 times the CPU
    /// they took on one (docs/performance.md).
    public static func run<Loaded: Sendable, Output: Sendable>(
        _ inputs: [String], window: Int = 256, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
        loadAhead load: @escaping @Sendable (String) -> Loaded,
        work: @escaping @Sendable (Loaded) -> Output,
        deliver: (String, Output) -> Void
    ) {
        run(inputs, window: window, workers: workers, progress: progress, load: load, ahead: true, work: work,
            deliver: deliver)
    }

    private static func run<Loaded: Sendable, Output: Sendable>(
        _ inputs: [String], window: Int, workers: Int, progress: ((_ done: Int, _ total: Int) -> Void)?,
        load: @escaping @Sendable (String) -> Loaded, ahead: Bool,
        work: @escaping @Sendable (Loaded) -> Output, deliver: (String, Output) -> Void
    ) {
        let window = max(window, 1)
        let workers = min(workers, inputs.count)
        guard workers > 1 else {
            for (index, input) in inputs.enumerated() {
                deliver(input, work(load(input)))
                if (index + 1) % window == 0 || index + 1 == inputs.count { progress?(index + 1, inputs.count) }
            }
            return
        }
        let pipeline = Pipeline(inputs: inputs, window: window, workers: workers, load: load, ahead: ahead, work: work)
        if ahead { Thread { pipeline.loadAll() }.start() }
        for _ in 0..<workers {
            let thread = Thread { pipeline.produce() }
            thread.stackSize = 8 << 20  // libxml2 recurses per level of nesting (limited by XMLLimits)
            thread.start()
        }
        for index in inputs.indices {
            deliver(inputs[index], pipeline.take(index))
            if (index + 1) % window == 0 || index + 1 == inputs.count { progress?(index + 1, inputs.count) }
        }
        pipeline.waitForWorkers()
    }
}

/// The state the loader, the workers and the delivering thread share, under
/// one lock: the next input to start, how many are loaded and delivered,
/// and rings of `window` slots for the inputs loaded and not yet started
/// and for the results made and not yet delivered.
private final class Pipeline<Loaded: Sendable, Output: Sendable>: @unchecked Sendable {
    private let inputs: [String]
    private let window: Int
    private let load: @Sendable (String) -> Loaded
    private let work: @Sendable (Loaded) -> Output
    /// Whether a thread of its own loads the inputs (`loadAll`); else each
    /// worker loads the input it starts.
    private let ahead: Bool
    private let condition = NSCondition()
    private var slots: [Output?]
    private var loadedSlots: [Loaded?]
    private var next = 0
    /// Inputs loaded so far, in order (with `ahead`).
    private var loaded = 0
    private var delivered = 0
    private let workers: Int
    private var finishedWorkers = 0
    /// Results made so far, in any order.
    private var made = 0
    /// Whoever waits says so, so that a thread signals only when someone
    /// waits for what it did (a wake-up is a system call, and a switch of
    /// threads on a busy core). The delivering thread, faster than the
    /// workers, waits for a run of results (`wakeAt`), not for each one.
    private var wakeAt = Int.max
    /// Workers waiting for room in the window or for an input to be loaded.
    private var workersWaiting = 0
    /// The loader waits for room in the window, and is woken when a quarter
    /// of it is free (not for every result delivered: it loads far faster
    /// than the workers work).
    private var loaderWaiting = false

    init(
        inputs: [String], window: Int, workers: Int, load: @escaping @Sendable (String) -> Loaded, ahead: Bool,
        work: @escaping @Sendable (Loaded) -> Output
    ) {
        self.inputs = inputs
        self.window = window
        self.workers = workers
        self.load = load
        self.ahead = ahead
        self.work = work
        slots = Array(repeating: nil, count: window)
        loadedSlots = ahead ? Array(repeating: nil, count: window) : []
    }

    /// The loader's loop: load the next input while the window has room.
    /// Input `i` goes in the slot of input `i - window`, which a worker
    /// took when it started it (it has been delivered).
    func loadAll() {
        let (inputs, load) = (self.inputs, self.load)
        condition.lock()
        while loaded < inputs.count {
            while loaded >= delivered + window {
                loaderWaiting = true
                condition.wait()
                loaderWaiting = false
            }
            let index = loaded
            condition.unlock()
            let item = load(inputs[index])
            condition.lock()
            loadedSlots[index % window] = item
            loaded += 1
            if workersWaiting > 0 { condition.broadcast() }
        }
        condition.unlock()
    }

    /// A worker's loop: start the next input while the window has room
    /// (and, with a loader, once it is loaded).
    func produce() {
        // This thread's own references: reading the shared ones for every
        // input would retain and release counts every worker writes.
        let (inputs, load, work, ahead) = (self.inputs, self.load, self.work, self.ahead)
        condition.lock()
        while true {
            while next < inputs.count && (next >= delivered + window || (ahead && next >= loaded)) {
                workersWaiting += 1
                condition.wait()
                workersWaiting -= 1
            }
            guard next < inputs.count else { break }
            let index = next
            next += 1
            let item = ahead ? loadedSlots[index % window].take() : nil
            condition.unlock()
            let output = work(ahead ? item! : load(inputs[index]))
            condition.lock()
            slots[index % window] = output
            made += 1
            if made >= wakeAt { condition.broadcast() }
        }
        finishedWorkers += 1
        if finishedWorkers == workers { condition.broadcast() }
        condition.unlock()
    }

    /// The result of input `index`, once made; its slot is free again.
    /// Called in input order, once every input before `index` is delivered.
    func take(_ index: Int) -> Output {
        condition.lock()
        defer { condition.unlock() }
        delivered = index
        if workersWaiting > 0 || (loaderWaiting && delivered + window - loaded >= max(window / 4, 1)) {
            condition.broadcast()
        }
        while slots[index % window] == nil {
            // Usually the results are made in order: wake when this one and
            // a quarter window after it are likely made, or as many as can
            // be (the window full, or every input made).
            wakeAt = min(max(index + 1, made + 1) + window / 4, delivered + window, inputs.count)
            condition.wait()
        }
        wakeAt = Int.max
        return slots[index % window].take()!
    }

    /// Returns once every worker has left its loop (all inputs are taken).
    func waitForWorkers() {
        condition.lock()
        defer { condition.unlock() }
        while finishedWorkers < workers { condition.wait() }
    }
}

/// A value made on a thread of its own while the caller does something
/// else; `value` waits for it. Start-up work that does not depend on each
/// other (listing a folder of dossiers, compiling the rubrics) then takes
/// the longer of the two, not their sum.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Value?
    private var done = false

    public init(_ make: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let made = make()
            condition.lock()
            result = made
            done = true
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    /// The value, once made.
    public var value: Value {
        condition.lock()
        defer { condition.unlock() }
        while !done { condition.wait() }
        return result!
    }
}
