import CKernels

/// The float kernel variants. They give the same bits; only the speed differs.
public enum KernelVariant: Int32, Sendable, CaseIterable {
    /// Scalar C, one `fmaf` per term (any CPU).
    case portable = 0
    /// AVX2 + FMA, 8 output channels per instruction (x86-64-v3).
    case avx2 = 2

    /// The variant in use now.
    public static var current: KernelVariant { KernelVariant(rawValue: hl_cnn_level()) ?? .portable }

    /// Whether this CPU can run the variant.
    public var isSupported: Bool { rawValue <= hl_cnn_supported_level() }

    /// Forces a variant for the whole process (tests and benchmarks); one the CPU lacks is lowered
    /// to the best it has. `nil` restores the automatic choice. Returns the variant now in use.
    /// The level is shared with the project's integer kernels (`hl_kernel_force_level`).
    @discardableResult
    public static func force(_ variant: KernelVariant?) -> KernelVariant {
        hl_kernel_force_level(variant.map { $0.rawValue } ?? -1)
        return current
    }
}
