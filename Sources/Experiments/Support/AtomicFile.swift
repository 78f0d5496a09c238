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
        do { try writeFile(bytes, to: temporary, exclusive: true, sync: true) } catch {
            unlink(temporary)
            throw IOFailure(path: path, reason: error.reason)
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw IOFailure(path: path, reason: reason)
        }
    }

    /// Writes `bytes` to a new file at `path` (replacing one there, unless `exclusive`), flushed
    /// to the disk with `sync`. A failure carries the system's reason, read when it happened
    /// ("No space left on device", "Disk quota exceeded"), never a bare "cannot write".
    public static func writeFile(_ bytes: [UInt8], to path: String, exclusive: Bool = false, sync: Bool = false) throws(IOFailure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), 0o644)
        if fd < 0 { throw IOFailure(path: path, reason: String(cString: strerror(errno))) }
        var written = 0
        let failure: Int32? = bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return sync && fsync(fd) != 0 ? errno : nil
        }
        // close reports a delayed write error (NFS, some quotas) too.
        let closed = close(fd) == 0 ? nil : errno
        if let code = failure ?? closed { throw IOFailure(path: path, reason: String(cString: strerror(code))) }
    }

    /// Writes UTF-8 text atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }
}
