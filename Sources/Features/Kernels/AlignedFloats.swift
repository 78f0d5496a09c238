/// A fixed-size float buffer aligned to 64 bytes (a cache line; the AVX2 kernels load packed
/// weights with aligned loads). Written only while it is being built, then read-only, which is
/// why it may be shared between threads.
final class AlignedFloats: @unchecked Sendable {
    let count: Int
    let base: UnsafeMutablePointer<Float>

    /// `count` zeros.
    init(count: Int) {
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * MemoryLayout<Float>.stride, alignment: 64)
        base = raw.bindMemory(to: Float.self, capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
    }

    /// A copy of `values`.
    convenience init(_ values: [Float]) {
        self.init(count: values.count)
        values.withUnsafeBufferPointer { base.update(from: $0.baseAddress!, count: values.count) }
    }

    deinit { UnsafeMutableRawPointer(base).deallocate() }

    var array: [Float] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
