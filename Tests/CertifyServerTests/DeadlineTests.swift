@testable import CertifyServer
import Foundation
import Testing

/// The body timeout's timer: it fires when the time runs out, and a
/// cancelled wait ends at once (its timer is removed, not left queued until
/// the deadline as a cancelled `Task.sleep`'s is).
///
/// No test here bounds elapsed time from above: on a loaded 2-core CI
/// machine the concurrency pool can be busy for tens of seconds. A cancelled
/// wait uses an hour-long timeout instead, so only the cancellation path can
/// end it (with `false`; the timer would answer `true`), and the suite's time
/// limit catches a wait that does not end.
@Suite(.timeLimit(.minutes(10))) struct DeadlineTests {
    @Test func aWaitEndsWhenTheTimeRunsOut() async {
        let start = ContinuousClock.now
        #expect(await Deadline.wait(.milliseconds(50)))
        #expect(ContinuousClock.now - start >= .milliseconds(50))
    }

    @Test func aCancelledWaitEndsAndReportsNoTimeout() async {
        let task = Task { await Deadline.wait(.seconds(3600)) }
        try? await Task.sleep(for: .milliseconds(20))
        task.cancel()
        #expect(await task.value == false)
    }

    @Test func aWaitCancelledBeforeItStartsEndsAtOnce() async {
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await Deadline.wait(.seconds(3600))
        }
        #expect(await task.value == false)
    }

    /// Many requests' timeouts in flight: every one ends with its request.
    @Test func manyCancelledWaitsAllEnd() async {
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<1000 { group.addTask { await Deadline.wait(.seconds(3600)) } }
            group.cancelAll()
            var ended = 0
            for await timedOut in group { #expect(!timedOut); ended += 1 }
            #expect(ended == 1000)
        }
    }
}
