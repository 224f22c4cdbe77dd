import Foundation
import NIOCore
import NIOPosix

/// The event loops `certify serve --pin-loops` runs on.
///
/// The loops do the requests' work (`EventLoopBoundChannel`), one loop per
/// core. Left to itself the kernel's scheduler now and then runs both loops
/// of a 2-core machine on one core (with the clients or another process on
/// the other) for a few milliseconds: every connection of those loops then
/// waits about twice as long, a large part of the latency tail (scripts/
/// bench-serve measures both placements). Bound to its own
/// CPU, a loop shares its core only with what else runs there. That is the
/// right choice on a host that runs `certify serve` alone, and the wrong one
/// beside other busy processes (a loop cannot move off a busy core), so it
/// is an option, not the default.
public enum EventLoops {
    /// One loop on each CPU this process may run on (its affinity mask, so
    /// a cpuset or `taskset` is respected), each loop's thread bound to its
    /// CPU. Made on first use and never shut down, like NIO's singleton
    /// group: a job given to a loop that has shut down would be dropped.
    public static let pinned: MultiThreadedEventLoopGroup = {
        let cpus = allowedCPUs()
        guard !cpus.isEmpty else { return MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount) }
        return MultiThreadedEventLoopGroup(pinnedCPUIDs: cpus)
    }()

    /// The ids of the CPUs this process may run on, in ascending order;
    /// empty where the system does not say (then the loops are not pinned).
    public static func allowedCPUs() -> [Int] {
        cpus(statusOf: "/proc/self/status")
    }

    /// The CPUs the calling thread may run on (a loop's thread answers its
    /// one CPU when pinned).
    static func currentThreadCPUs() -> [Int] {
        cpus(statusOf: "/proc/thread-self/status")
    }

    /// The `Cpus_allowed_list` of a Linux status file (`0-3,8,10-11`).
    private static func cpus(statusOf path: String) -> [Int] {
        guard let status = try? String(contentsOfFile: path, encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") })
        else { return [] }
        return parseCPUList(line.dropFirst("Cpus_allowed_list:".count))
    }

    /// A Linux CPU list (`0-3,8,10-11`) as ids in ascending order; empty
    /// when it is not one.
    static func parseCPUList(_ text: Substring) -> [Int] {
        var cpus: Set<Int> = []
        for item in text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard bounds.count <= 2, let low = bounds.first ?? nil, let high = bounds.last ?? nil, low >= 0, low <= high
            else { return [] }
            cpus.formUnion(low...high)
        }
        return cpus.sorted()
    }
}
