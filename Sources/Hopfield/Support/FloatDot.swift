/// Float dot products in one fixed order, the same bits on every machine: eight lanes (lane l
/// sums the terms i ≡ l mod 8 in index order), the lanes added pairwise
/// ((0+1)+(2+3))+((4+5)+(6+7)), then the last n mod 8 terms in order.
public enum FloatDot {
    /// Σ_i a_i b_i.
    @inline(__always)
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        var lanes = SIMD8<Float>()
        var i = 0
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        while i + 8 <= n {
            lanes +=
                ra.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                * rb.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        var total = combine(lanes)
        while i < n {
            total += a[i] * b[i]
            i += 1
        }
        return total
    }

    /// The dot products of four rows a₀…a₃ with b, each exactly as ``dot(_:_:_:)`` computes it
    /// (b's values loaded once for the four).
    @inline(__always)
    public static func dot4(_ a: UnsafePointer<Float>, stride: Int, _ b: UnsafePointer<Float>, _ n: Int) -> SIMD4<Float> {
        var l0 = SIMD8<Float>(), l1 = SIMD8<Float>(), l2 = SIMD8<Float>(), l3 = SIMD8<Float>()
        var i = 0
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b), s = stride * 4
        while i + 8 <= n {
            let y = rb.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            l0 += ra.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) * y
            l1 += ra.loadUnaligned(fromByteOffset: s + i * 4, as: SIMD8<Float>.self) * y
            l2 += ra.loadUnaligned(fromByteOffset: 2 * s + i * 4, as: SIMD8<Float>.self) * y
            l3 += ra.loadUnaligned(fromByteOffset: 3 * s + i * 4, as: SIMD8<Float>.self) * y
            i += 8
        }
        var total = SIMD4<Float>(combine(l0), combine(l1), combine(l2), combine(l3))
        while i < n {
            total += SIMD4<Float>(a[i], a[stride + i], a[2 * stride + i], a[3 * stride + i]) * b[i]
            i += 1
        }
        return total
    }

    @inline(__always)
    static func combine(_ l: SIMD8<Float>) -> Float {
        ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]))
    }
}
