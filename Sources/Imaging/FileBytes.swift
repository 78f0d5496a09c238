#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads with POSIX calls: no Foundation on the hot path of loading thousands of
/// images, and an error that says what the operating system said.
public enum FileBytes {
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Reads a regular file completely. Refuses folders and files larger than `limit` bytes.
    public static func read(_ path: String, limit: Int = 1 << 31) throws(ReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw ReadError(path: path, reason: "is a folder") }
        let expected = Int(info.st_size)
        if expected > limit {
            throw ReadError(path: path, reason: "\(expected) bytes, above the \(limit)-byte limit")
        }
        var bytes = [UInt8](repeating: 0, count: max(expected, 0))
        var filled = 0
        while true {
            if filled == bytes.count {
                // The file may have grown since fstat, or st_size is 0 for a special file.
                if bytes.count >= limit { break }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count)))
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
