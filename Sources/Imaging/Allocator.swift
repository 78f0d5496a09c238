import CCodecs

/// The C allocator's settings for decoding many images.
public enum Allocator {
    /// Keeps freed image buffers (up to 64 MB) in the heap: decoding photos allocates and frees
    /// buffers of a few hundred kilobytes per image, which glibc would otherwise map and unmap
    /// each time, a page fault per 4 KB (12% of a cold run over 1000 photos). Call once at start.
    public static func keepFreedBuffers() { hl_keep_freed_buffers() }
}
