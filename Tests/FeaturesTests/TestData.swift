import Foundation
import TestSupport

@testable import Features

/// Where the test inputs are: the weights `scripts/fetch-encoder` writes (scripts/test runs it
/// first), and reference outputs computed now by the NumPy reference
/// (`Benchmarks/python/efficientnet_ref.py`) on five shared photos decoded with Pillow.
enum TestData {
    /// The EfficientNet-Lite0 weights; override with HLNN_PATH.
    static let weightsPath: String =
        ProcessInfo.processInfo.environment["HLNN_PATH"]
        ?? TestPaths.repository + "/Datasets/encoders/efficientnet-lite0.hlnn"

    /// Why the network tests cannot run, or nil: they fail (never skip) with this.
    static let problem: String? = {
        if !FileManager.default.fileExists(atPath: weightsPath) {
            return "\(weightsPath) is missing: run scripts/fetch-encoder (scripts/test does)"
        }
        return referenceProblem
    }()

    /// The folder the reference script wrote (a scratch folder of this test process).
    static let referenceFolder = ScratchFolder("cnn-reference").path

    /// Runs the NumPy reference once per test process; the reason when it could not.
    static let referenceProblem: String? = {
        let script = TestPaths.repository + "/Benchmarks/python/cnn_reference.py"
        guard let result = try? runProcess("/usr/bin/env", ["python3", script, weightsPath, referenceFolder, TestPaths.shared("catsdogs")])
        else {
            return "python3 could not be started"
        }
        if result.status != 0 {
            return "the NumPy reference failed (python3 -m pip install numpy pillow): \(result.stderr.suffix(600))"
        }
        return nil
    }()

    /// The network, loaded once for all tests.
    static let network: EfficientNetLite0 = try! EfficientNetLite0(contentsOf: weightsPath)

    static func bytes(_ name: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: referenceFolder + "/" + name)!)
    }

    /// The reference photos, 224·224·3 RGB bytes each.
    static var photos: [[UInt8]] {
        let all = bytes("images.u8"), size = 224 * 224 * 3
        return stride(from: 0, to: all.count, by: size).map { Array(all[$0..<$0 + size]) }
    }

    /// Rows of `width` little-endian floats of a reference file.
    static func floatRows(_ name: String, width: Int) -> [[Double]] {
        let raw = bytes(name)
        let isDouble = name.hasSuffix(".f64")
        let values: [Double] = raw.withUnsafeBytes { p in
            isDouble
                ? (0..<raw.count / 8).map {
                    Double(bitPattern: UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self)))
                }
                : (0..<raw.count / 4).map {
                    Double(Float(bitPattern: UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))))
                }
        }
        return stride(from: 0, to: values.count, by: width).map { Array(values[$0..<$0 + width]) }
    }
}

/// Runs `body` once per supported kernel variant (forced), restoring the automatic choice after.
func forEachVariant<T>(_ body: (KernelVariant) -> T) -> [(KernelVariant, T)] {
    defer { KernelVariant.force(nil) }
    return KernelVariant.allCases.filter(\.isSupported).map { variant in
        let used = KernelVariant.force(variant)
        precondition(used == variant)
        return (variant, body(variant))
    }
}

/// Whether two float arrays are the same bits.
func sameBits(_ a: [Float], _ b: [Float]) -> Bool {
    a.count == b.count && a.withUnsafeBytes { x in b.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
}
