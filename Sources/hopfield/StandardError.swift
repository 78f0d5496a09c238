import Foundation
import Synchronization

/// Messages and progress on standard error, which may be a pipe its reader has closed
/// (`hopfield run cfg 2>&1 | head -1`). SIGPIPE is ignored (``ignoreBrokenPipes()``), so a closed
/// pipe is an EPIPE from write, after which nothing more is written there: the batch goes on and
/// writes its results. Standard output (`print`) goes through C's stdio, which drops writes to a
/// closed pipe the same way once SIGPIPE is ignored.
enum StandardError {
    /// Set when standard error's reader is gone.
    private static let closed = Atomic<Bool>(false)

    /// A closed output pipe must never stop a batch: without this the first write to it kills
    /// the process (SIGPIPE) between two runs, before runs.csv is written.
    static func ignoreBrokenPipes() { signal(SIGPIPE, SIG_IGN) }

    /// Writes `text` to file descriptor 2, all of it, unless the reader has gone; errors are
    /// dropped (there is nowhere left to report them).
    static func write(_ text: String) {
        guard !closed.load(ordering: .relaxed) else { return }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(2, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { closed.store(true, ordering: .relaxed) }
                return
            }
            written += n
        }
    }
}
