import Dispatch
import Synchronization

/// Runs `body(i)` for i in 0..<count on up to `jobs` threads and returns the results in index
/// order. Work is handed out one index at a time from a shared counter, so a slow item does not
/// hold up a whole slice; results never depend on which thread ran what.
public func parallelMap<T: Sendable>(count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
    if count == 0 { return [] }
    if max(1, min(jobs, count)) == 1 { return (0..<count).map(body) }
    let slots = SlotArray<T>(count: count)
    parallelForEach(count: count, jobs: jobs) { i in slots.set(i, body(i)) }
    return slots.take()
}

/// Runs `body(i)` for every i in 0..<count on up to `jobs` threads, handing out one index at a
/// time. Each call must touch only what belongs to its own index (or be otherwise thread-safe).
public func parallelForEach(count: Int, jobs: Int, _ body: @Sendable (Int) -> Void) {
    let workers = max(1, min(jobs, count))
    if workers == 1 {
        for i in 0..<count { body(i) }
        return
    }
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
            let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
            if i >= count { break }
            body(i)
        }
    }
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

/// A raw pointer that may cross threads: each thread writes only its own indices.
struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

/// A read-only raw pointer that may cross threads.
struct SendableConstPointer<T>: @unchecked Sendable {
    let pointer: UnsafePointer<T>
    init(_ pointer: UnsafePointer<T>) { self.pointer = pointer }
}
