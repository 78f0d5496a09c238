import Foundation

/// One writer per results folder: `hopfield run` holds an advisory lock (`flock`) on
/// `<results folder>/.lock` from before it touches anything there until it has written the
/// roll-ups. A second run of the same batch into the same folder is refused at once instead of
/// deleting the first's temporary run folders and racing it for every rename.
///
/// Shards of one batch share the folder by design: each holds the folder lock shared and its
/// own `.lock-shard-K-of-N` exclusively, so shards run side by side, a shard started twice is
/// refused, and a whole-batch run excludes every shard. `flock` locks belong to the open file,
/// so they go away with the process, even after `kill -9`: a stale lock file blocks nothing.
final class ResultsLock {
    private var descriptors: [Int32] = []

    /// Takes the locks of `root` (which must exist) for a whole batch (`shard` nil) or a shard.
    init(root: String, shard: Shard?) throws {
        do {
            try take(joinPath(root, ".lock"), exclusive: shard == nil, root: root)
            if let shard { try take(joinPath(root, ".lock-shard-\(shard.index)-of-\(shard.count)"), exclusive: true, root: root) }
        } catch {
            release()
            throw error
        }
    }

    deinit { release() }

    /// Gives the locks back (closing the lock files).
    func release() {
        for fd in descriptors { close(fd) }
        descriptors = []
    }

    private func take(_ path: String, exclusive: Bool, root: String) throws {
        // O_NOFOLLOW: a lock file planted as a link is refused, not opened through.
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if fd < 0 { throw RunError("\(path): cannot open the lock file: \(String(cString: strerror(errno)))") }
        if flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            let code = errno
            close(fd)
            if code == EWOULDBLOCK {
                throw RunError(
                    "\(root) is being written by another hopfield run (it holds \(path)); wait for it to finish, or use another --output")
            }
            throw RunError("\(path): cannot lock: \(String(cString: strerror(code)))")
        }
        descriptors.append(fd)
    }
}
