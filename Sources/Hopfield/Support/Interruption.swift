import Synchronization

private let interruptionRequested = Atomic<Bool>(false)

/// A request, from a program that embeds the engine, that the work in progress stop early: the
/// Python package sets it on Ctrl-C. Long loops look at it only at points where stopping loses
/// nothing but the work not yet done (between the runs of a batch, between blocks of starts), and
/// whoever looks discards what it was computing and reports the interruption; nothing computed
/// after the request is ever returned or written. One flag for the process: a request stops every
/// call in progress.
public enum Interruption {
    /// Whether a stop was requested since the last ``clear()``.
    public static var isRequested: Bool { interruptionRequested.load(ordering: .relaxed) }

    /// Asks the work in progress to stop (safe from any thread, or a signal handler's thread).
    public static func request() { interruptionRequested.store(true, ordering: .relaxed) }

    /// Withdraws a request, before new work starts.
    public static func clear() { interruptionRequested.store(false, ordering: .relaxed) }
}
