@testable import CertifyServer
import Foundation
import NIOConcurrencyHelpers
import Testing

/// The body timeout: the work's value when it ends first, nil when the time
/// runs out first (the work is then cancelled), and a cancelled caller
/// cancels the work.
///
/// No test here bounds elapsed time from above: on a loaded 2-core CI
/// machine the concurrency pool can be busy for tens of seconds. Work that
/// must be cancelled sleeps for an hour, so only cancellation can end it,
/// and the suite's time limit catches a wait that does not end.
@Suite(.timeLimit(.minutes(10))) struct DeadlineTests {
    /// Sleeps until cancelled; true when it was.
    @Sendable static func untilCancelled() async -> Bool {
        try? await Task.sleep(for: .seconds(3600))
        return Task.isCancelled
    }

    @Test func workThatEndsFirstGivesItsValue() async {
        #expect(await Deadline.run(within: .seconds(3600)) { 42 } == 42)
        // Also when the work ends after the wait began.
        #expect(await Deadline.run(within: .seconds(3600)) { () async -> Int in
            try? await Task.sleep(for: .milliseconds(20))
            return 7
        } == 7)
    }

    @Test func whenTheTimeRunsOutTheWorkIsCancelled() async {
        let cancelled = NIOLockedValueBox(false)
        let start = ContinuousClock.now
        let value = await Deadline.run(within: .milliseconds(50)) { () async -> Int in
            let wasCancelled = await Self.untilCancelled()
            cancelled.withLockedValue { $0 = wasCancelled }
            return 1
        }
        #expect(value == nil)
        #expect(ContinuousClock.now - start >= .milliseconds(50))
        // The group awaited the work before returning.
        #expect(cancelled.withLockedValue { $0 })
    }

    @Test func aCancelledCallerCancelsTheWork() async {
        let task = Task { await Deadline.run(within: .seconds(3600)) { await Self.untilCancelled() } }
        try? await Task.sleep(for: .milliseconds(20))
        task.cancel()
        #expect(await task.value == true)
    }

    @Test func aCallerCancelledBeforeItStartsEndsAtOnce() async {
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await Deadline.run(within: .seconds(3600)) { await Self.untilCancelled() }
        }
        #expect(await task.value == true)
    }

    /// Many requests' timeouts in flight: every one ends with its work.
    @Test func manyRacesAllEnd() async {
        await withTaskGroup(of: Int?.self) { group in
            for index in 0..<1000 { group.addTask { await Deadline.run(within: .seconds(3600)) { index } } }
            var sum = 0
            for await value in group { sum += value ?? -1_000_000 }
            #expect(sum == 999 * 1000 / 2)
        }
    }
}
