#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads with POSIX calls: no Foundation on the hot path of loading thousands of
/// images, and an error that says what the operating system said.
public enum FileBytes {
    /// Why a file could not be read: its path and what the operating system, or the size limit,
    /// said.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        /// The path as given to ``FileBytes/read(_:limit:followLinks:)``.
        public let path: String
        /// The cause alone: the system's message (`strerror`), "is a folder", the size limit
        /// exceeded, ...
        public let reason: String
        /// "path: reason", for logs.
        public var description: String { "\(path): \(reason)" }
    }

    /// Reads a regular file completely. Refuses folders, FIFOs, devices and sockets (opened
    /// without blocking, so a FIFO cannot hang the caller) and files larger than `limit` bytes;
    /// with `followLinks` false, a symbolic link is refused too.
    public static func read(_ path: String, limit: Int = 1 << 31, followLinks: Bool = true) throws(ReadError) -> [UInt8] {
        let fd = try openRegular(path, limit: limit, followLinks: followLinks)
        defer { close(fd.descriptor) }
        return try readAll(fd.descriptor, path: path, expected: fd.size, limit: limit)
    }

    /// Opens a regular file for reading and returns its descriptor and size.
    public static func openRegular(_ path: String, limit: Int = 1 << 31, followLinks: Bool = true) throws(ReadError) -> (descriptor: Int32, size: Int) {
        var flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
        if !followLinks { flags |= O_NOFOLLOW }
        let fd = open(path, flags)
        if fd < 0 {
            let code = errno
            if code == ELOOP && !followLinks { throw ReadError(path: path, reason: "is a symbolic link (not followed)") }
            throw ReadError(path: path, reason: String(cString: strerror(code)))
        }
        var info = stat()
        if fstat(fd, &info) != 0 {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ReadError(path: path, reason: reason)
        }
        let type = info.st_mode & S_IFMT
        if type != S_IFREG {
            close(fd)
            throw ReadError(path: path, reason: type == S_IFDIR ? "is a folder" : "is not a regular file (a FIFO, device or socket)")
        }
        let size = Int(info.st_size)
        if size > limit {
            close(fd)
            throw ReadError(path: path, reason: "\(size) bytes, above the \(limit)-byte limit")
        }
        return (fd, size)
    }

    /// Reads an open file to its end (at most `limit` bytes).
    public static func readAll(_ fd: Int32, path: String, expected: Int, limit: Int, into prefix: [UInt8] = []) throws(ReadError) -> [UInt8] {
        var bytes = prefix
        var filled = prefix.count
        // Whole zeroed arrays appended (a memset and a memcpy): appending repeatElement goes element
        // by element, 200 MB/min in a debug build.
        if bytes.count < expected { bytes += [UInt8](repeating: 0, count: expected - bytes.count) }
        while true {
            if filled == bytes.count {
                // The file may have grown since fstat.
                if bytes.count >= limit { throw ReadError(path: path, reason: "more than \(limit) bytes") }
                bytes += [UInt8](repeating: 0, count: min(max(4096, bytes.count), limit - bytes.count))
            }
            let got = bytes.withUnsafeMutableBytes { raw in
                Glibc.read(fd, raw.baseAddress! + filled, raw.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
