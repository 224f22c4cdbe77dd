@testable import CertifyServer
import Foundation
import Testing

/// The body timeout's timer: it fires when the time runs out, and a
/// cancelled wait ends at once (its timer is removed, not left queued until
/// the deadline as a cancelled `Task.sleep`'s is).
@Suite struct DeadlineTests {
    @Test func aWaitEndsWhenTheTimeRunsOut() async {
        let start = ContinuousClock.now
        #expect(await Deadline.wait(.milliseconds(50)))
        #expect(ContinuousClock.now - start >= .milliseconds(50))
    }

    @Test func aCancelledWaitEndsAtOnceAndReportsNoTimeout() async {
        let start = ContinuousClock.now
        let task = Task { await Deadline.wait(.seconds(60)) }
        try? await Task.sleep(for: .milliseconds(20))
        task.cancel()
        #expect(await task.value == false)
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    @Test func aWaitCancelledBeforeItStartsEndsAtOnce() async {
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await Deadline.wait(.seconds(60))
        }
        #expect(await task.value == false)
    }

    /// Many requests' timeouts in flight: every one ends with its request.
    @Test func manyCancelledWaitsAllEnd() async {
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<1000 { group.addTask { await Deadline.wait(.seconds(60)) } }
            group.cancelAll()
            var ended = 0
            for await timedOut in group { #expect(!timedOut); ended += 1 }
            #expect(ended == 1000)
        }
    }
}
