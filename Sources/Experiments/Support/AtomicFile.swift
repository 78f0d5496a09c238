import Foundation

/// Writing results safely: every file lands complete or not at all.
public enum AtomicFile {
    /// Writes `bytes` to a temporary file in the same folder, flushes it, then renames it over
    /// `path` (rename is atomic on POSIX file systems). A crash leaves either the old file or the
    /// new one, never half of one; temporary files start with ".tmp-" and are cleaned by the
    /// runner.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = folder + "/.tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))-" + url.lastPathComponent
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 { throw IOFailure(path: temporary, reason: String(cString: strerror(errno))) }
        var written = 0
        let ok: Bool = bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += n
            }
            return true
        }
        let syncOK = fsync(fd) == 0
        close(fd)
        if !ok || !syncOK {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw IOFailure(path: path, reason: reason)
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw IOFailure(path: path, reason: reason)
        }
    }

    /// Writes UTF-8 text atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }
}
