#if canImport(Glibc)
    import Glibc
#endif

/// Reading an image file safely: only a regular file is opened (a FIFO cannot block, a device
/// cannot stream gigabytes), its size is checked before anything is read, and its first bytes
/// decide whether the rest is read at all (a text or an unknown file costs 512 bytes, whatever
/// its size).
public enum ImageFile {
    /// The most bytes an image file may have: 256 MiB, far above any real PNG or JPEG of the
    /// pixel limit's 64 megapixels.
    public static let defaultMaxBytes = 256 << 20

    /// The bytes of a PNG or JPEG file, or why it cannot be one.
    public static func read(_ path: String, maxBytes: Int = defaultMaxBytes) throws(ImageError) -> [UInt8] {
        let file: (descriptor: Int32, size: Int)
        do { file = try FileBytes.openRegular(path, limit: Int.max) } catch {
            throw ImageError(path: path, cause: .unreadable(error.reason))
        }
        defer { close(file.descriptor) }
        if file.size > maxBytes {
            throw ImageError(path: path, cause: .tooLarge("\(file.size) bytes, above the \(maxBytes)-byte limit for an image file"))
        }
        let head: [UInt8]
        do { head = try FileBytes.readHead(file.descriptor, path: path, count: min(FormatSniffer.headerLength, max(file.size, 1))) } catch {
            throw ImageError(path: path, cause: .unreadable(error.reason))
        }
        switch FormatSniffer.sniff(head) {
        case .empty: throw ImageError(path: path, cause: .empty)
        case .text: throw ImageError(path: path, cause: .text)
        case .unknown: throw ImageError(path: path, cause: .unknownFormat)
        case .unsupported(let name): throw ImageError(path: path, cause: .unsupportedFormat(name))
        case .supported: break
        }
        do { return try FileBytes.readAll(file.descriptor, path: path, expected: file.size, limit: maxBytes, into: head) } catch {
            throw ImageError(path: path, cause: .unreadable(error.reason))
        }
    }
}
