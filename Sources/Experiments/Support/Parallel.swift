import Dispatch
import Foundation
import Synchronization

/// Runs `body(i)` for i in 0..<count on up to `jobs` threads and returns the results in index
/// order. Work is handed out one index at a time from a shared counter, so a slow item does not
/// hold up a whole slice; results never depend on which thread ran what.
public func parallelMap<T: Sendable>(count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
    if count == 0 { return [] }
    let workers = max(1, min(jobs, count))
    if workers == 1 { return (0..<count).map(body) }
    let slots = SlotArray<T>(count: count)
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
            let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
            if i >= count { break }
            slots.set(i, body(i))
        }
    }
    return slots.take()
}

/// A fixed array of optional slots that threads fill at distinct indices.
final class SlotArray<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    /// Each index must be written by one thread only.
    func set(_ index: Int, _ value: T) { buffer[index] = value }

    func take() -> [T] { buffer.map { $0! } }
}

/// The number of CPU cores this process may use (the default for `--jobs`): Foundation's
/// count, which follows the process's affinity and cgroup limits on Linux.
public var availableCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
