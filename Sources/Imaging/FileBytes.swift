#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads with POSIX calls: no Foundation on the hot path of loading thousands of
/// images, and an error that says what the operating system said.
public enum FileBytes {
    /// Why a file could not be read (or written: the experiments' `IOFailure` is this type): its
    /// path and what the operating system, or the size limit, said.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        /// The path as given to ``FileBytes/read(_:limit:followLinks:)`` (or the file a write
        /// failed on).
        public let path: String
        /// The cause alone: the system's message (`strerror`), "is a folder", the size limit
        /// exceeded, ...
        public let reason: String
        /// The error for `path`, with the cause alone.
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

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

    /// Reads a regular file of at most `limit` bytes whose first `headLength` bytes `accept`
    /// takes: it returns nil, or the reason the file is refused before the rest is read (a
    /// 1.5 GB file of junk costs `headLength` bytes). `accept` also gets the file's size.
    public static func read(
        _ path: String, limit: Int, followLinks: Bool = true, headLength: Int,
        accept: ([UInt8], Int) -> String?
    ) throws(ReadError) -> [UInt8] {
        let fd = try openRegular(path, limit: limit, followLinks: followLinks)
        defer { close(fd.descriptor) }
        let head = try readHead(fd.descriptor, path: path, count: min(headLength, fd.size))
        if let reason = accept(head, fd.size) { throw ReadError(path: path, reason: reason) }
        return try readAll(fd.descriptor, path: path, expected: fd.size, limit: limit, into: head)
    }

    /// The first `count` bytes of an open file (fewer at its end).
    public static func readHead(_ fd: Int32, path: String, count: Int) throws(ReadError) -> [UInt8] {
        var head = [UInt8](repeating: 0, count: count)
        let got = try fill(fd, &head, from: 0, path: path)
        head.removeSubrange(got...)
        return head
    }

    /// Reads into `bytes[from...]` until it is full or the file ends; returns the bytes filled.
    private static func fill(_ fd: Int32, _ bytes: inout [UInt8], from start: Int, path: String) throws(ReadError) -> Int {
        var filled = start
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    /// Opens a regular file for reading and returns its descriptor and size.
    public static func openRegular(_ path: String, limit: Int = 1 << 31, followLinks: Bool = true) throws(ReadError) -> (
        descriptor: Int32, size: Int
    ) {
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
    public static func readAll(_ fd: Int32, path: String, expected: Int, limit: Int, into prefix: [UInt8] = []) throws(ReadError) -> [UInt8]
    {
        var filled = prefix.count
        // One byte more than expected, so a file of the expected size ends in the first buffer
        // (a full buffer would double it: 2.5 times the file in memory). Filled with a memset, not
        // element by element (200 MB/min in a debug build).
        let capacity = max(prefix.count, min(expected, limit) + 1)
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            _ = buffer.initialize(from: prefix)
            buffer.baseAddress!.advanced(by: prefix.count).initialize(repeating: 0, count: capacity - prefix.count)
            count = capacity
        }
        while true {
            if filled == bytes.count {
                // The file may have grown since fstat.
                if bytes.count >= limit { throw ReadError(path: path, reason: "more than \(limit) bytes") }
                bytes += [UInt8](repeating: 0, count: min(max(4096, bytes.count), limit - bytes.count))
            }
            filled = try fill(fd, &bytes, from: filled, path: path)
            if filled < bytes.count { break }
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
