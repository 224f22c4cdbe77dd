import CertifyRuntime
import CertifyTestSupport
import Foundation
import Synchronization
import Testing

/// `Batch.run`, the pipeline every batch command scores through: results
/// in input order, never more than a window made and not yet delivered,
/// progress after each window, and no hang when one input is much slower
/// than the rest (the window fills behind it).
@Suite struct BatchTests {
    /// Counts of results made and delivered, shared with the workers.
    final class Counts: Sendable {
        struct State { var started = 0, delivered = 0, mostAhead = 0 }
        let state = Mutex(State())
    }

    @Test(arguments: [0, 1, 2, 7, 300, 1000])
    func deliversEveryResultInOrderWithinTheWindow(count: Int) {
        let inputs = (0..<count).map { String($0) }
        let counts = Counts()
        let window = 16
        var delivered: [String] = []
        var progress: [Int] = []
        Batch.run(inputs, window: window, workers: 2, progress: { done, total in
            #expect(total == count)
            progress.append(done)
        }, work: { input in
            counts.state.withLock { state in
                state.started += 1
                state.mostAhead = max(state.mostAhead, state.started - state.delivered)
            }
            // Uneven work, so that results are made out of order.
            if Int(input)! % 5 == 0 { usleep(200) }
            return "result \(input)"
        }, deliver: { (input: String, output: String) in
            #expect(output == "result \(input)")
            delivered.append(input)
            // A slow delivery now and then: the workers run ahead meanwhile,
            // as far as the window lets them.
            if delivered.count % 8 == 0 { usleep(300) }
            counts.state.withLock { $0.delivered += 1 }
        })
        #expect(delivered == inputs)
        #expect(counts.state.withLock { $0.mostAhead } <= window)
        let expected = stride(from: window, to: count, by: window).map { $0 } + (count > 0 ? [count] : [])
        #expect(progress == expected)
    }

    /// Loading ahead: every input loaded once, in order, on one thread that
    /// is not the delivering one, never more than a window ahead of
    /// delivery; the work gets what was loaded, and the results come in
    /// order whatever order they are made in.
    @Test(arguments: [0, 1, 2, 7, 300, 1000])
    func loadsAheadInOrderOnOneThreadWithinTheWindow(count: Int) {
        struct Loads { var order: [String] = [], threads = Set<String>(), mostAhead = 0, delivered = 0 }
        let inputs = (0..<count).map { String($0) }
        let loads = Mutex(Loads())
        let window = 16
        let caller = "\(pthread_self())"
        var delivered: [String] = []
        Batch.run(inputs, window: window, workers: 2, loadAhead: { input in
            loads.withLock { loads in
                loads.order.append(input)
                loads.threads.insert("\(pthread_self())")
                loads.mostAhead = max(loads.mostAhead, loads.order.count - loads.delivered)
            }
            if Int(input)! % 7 == 0 { usleep(100) }  // a slow read now and then
            return "loaded \(input)"
        }, work: { loaded in
            if loaded.hasSuffix("5") { usleep(200) }  // uneven work
            return "made from \(loaded)"
        }, deliver: { (input: String, output: String) in
            #expect(output == "made from loaded \(input)")
            delivered.append(input)
            if delivered.count % 8 == 0 { usleep(300) }
            loads.withLock { $0.delivered += 1 }
        })
        #expect(delivered == inputs)
        let result = loads.withLock { $0 }
        #expect(result.order == inputs)
        #expect(result.mostAhead <= window)
        if count > 1 {
            #expect(result.threads.count == 1)
            #expect(!result.threads.contains(caller))
        }
    }

    /// Loading what is a `nil` optional: still each input's own, in order.
    @Test func loadsThatAreNilAreDeliveredAsNil() {
        let inputs = (0..<50).map { String($0) }
        var delivered: [String?] = []
        Batch.run(inputs, window: 4, workers: 2, loadAhead: { input -> Int? in Int(input)! % 2 == 0 ? nil : Int(input) },
                  work: { loaded in loaded.map(String.init) }, deliver: { _, output in delivered.append(output) })
        #expect(delivered == inputs.map { Int($0)! % 2 == 0 ? nil : $0 })
    }

    /// The first input waits until a second thread is working too (for at
    /// most 10 s): with one worker it would wait it out alone.
    @Test func theWorkRunsOnMoreThanOneThread() {
        let threads = Mutex<Set<String>>([])
        var delivered: [String] = []
        Batch.run(["0", "1", "2", "3"], window: 4, workers: 2, work: { input in
            threads.withLock { _ = $0.insert("\(pthread_self())") }
            if input == "0" {
                for _ in 0..<1000 where threads.withLock({ $0.count }) < 2 { usleep(10_000) }
            }
            return input
        }, deliver: { _, output in delivered.append(output) })
        #expect(delivered == ["0", "1", "2", "3"])
        #expect(threads.withLock { $0.count } > 1, "the work ran on one thread")
    }

    /// The first input is made only once the other workers have filled the
    /// window behind it (for at most 10 s): the delivering thread, waiting
    /// for it, must still be woken.
    @Test func aSlowFirstInputFillsTheWindowAndTheRestStillComes() {
        let inputs = (0..<100).map { String($0) }
        let window = 8
        let made = Atomic<Int>(0), madeBeforeFirst = Atomic<Int>(-1)
        var delivered: [String] = []
        Batch.run(inputs, window: window, workers: 2, work: { input in
            if input == "0" {
                for _ in 0..<1000 where made.load(ordering: .acquiring) < window - 1 { usleep(10_000) }
                madeBeforeFirst.store(made.load(ordering: .acquiring), ordering: .releasing)
            }
            made.add(1, ordering: .releasing)
            return input
        }, deliver: { _, output in delivered.append(output) })
        #expect(delivered == inputs)
        #expect(madeBeforeFirst.load(ordering: .acquiring) == window - 1, "the window did not fill")
    }

    /// A folder of dossiers: its `*.xml` entries (a folder so named too, as
    /// a path names it), sorted by name, joined to the folder as written.
    @Test func aFolderListsItsXMLFilesSortedByName() throws {
        let scratch = Scratch()
        for name in ["b.xml", "a.xml", "c.txt", "d.XML", "xml", ".xml", "한글.xml", "a.xml.bak", "z-10.xml", "z-9.xml"] {
            scratch.write(name, "<x/>")
        }
        try FileManager.default.createDirectory(atPath: scratch.path("e.xml"), withIntermediateDirectories: false)
        let expected = [".xml", "a.xml", "b.xml", "e.xml", "z-10.xml", "z-9.xml", "한글.xml"]
        #expect(InputFile.xmlFiles(in: scratch.path) == expected.map { scratch.path + "/" + $0 })
        #expect(InputFile.xmlFiles(in: scratch.path + "/") == expected.map { scratch.path + "/" + $0 })
        #expect(InputFile.xmlFiles(in: scratch.path("a.xml")) == nil)
        #expect(InputFile.xmlFiles(in: scratch.path("missing")) == nil)
    }

    /// A value made on another thread is the one `value` returns, however
    /// often it is asked for (and nil, when that is what was made).
    @Test func aBackgroundValueIsTheOneMade() {
        let made = Background { (1...1000).reduce(0, +) }
        #expect(made.value == 500_500)
        #expect(made.value == 500_500)
        let none = Background<Int?> { nil }
        #expect(none.value == nil)
    }
}
