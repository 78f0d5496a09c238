import Foundation
import Testing

@testable import Features

/// The whole network with the real weights: against the NumPy reference, and the same bits
/// whatever the kernel variant or thread count. Serialized: forces the kernel variant.
@Suite(.serialized)
struct NetworkTests {
    /// The weights and the reference are there (a failure, never a skip, when they are not).
    @Test func weightsAndReferenceArePresent() {
        #expect(TestData.problem == nil, "\(TestData.problem ?? "")")
    }

    @Test func architectureCountsAsPublished() {
        #expect(EfficientNetLite0Architecture.blocks.count == 16)
        // Every convolution tap, padding included (TensorFlow's model garden lists 0.4 G for Lite0).
        #expect(EfficientNetLite0Architecture.multiplyAdds == 383_907_552)
    }

    /// Features within 1e-3 of the NumPy reference (float32 NumPy; both within ~1e-5 of float64).
    @Test func featuresMatchNumPyReference() throws {
        try #require(TestData.problem == nil)
        let network = TestData.network
        let reference = TestData.floatRows("features.f32", width: 1280)
        let truth = TestData.floatRows("features.f64", width: 1280)
        var worst = 0.0, worstTruth = 0.0
        for (photo, (expected, exact)) in zip(TestData.photos, zip(reference, truth)) {
            let features = network.features(rgb: photo, width: 224, height: 224)
            for i in 0..<1280 {
                worst = max(worst, abs(Double(features[i]) - expected[i]) / max(1, abs(expected[i])))
                worstTruth = max(worstTruth, abs(Double(features[i]) - exact[i]) / max(1, abs(exact[i])))
            }
        }
        print("max deviation from the NumPy float32 reference: \(worst); from float64: \(worstTruth)")
        #expect(worst < 1e-3)
        #expect(worstTruth < 1e-3)
    }

    @Test func logitsMatchNumPyReference() throws {
        try #require(TestData.problem == nil)
        let network = TestData.network
        let reference = TestData.floatRows("logits.f32", width: 1000)
        for (photo, expected) in zip(TestData.photos.prefix(2), reference) {
            let logits = network.logits(rgb: photo, width: 224, height: 224)
            let worst = zip(logits, expected).map { abs(Double($0) - $1) / max(1, abs($1)) }.max()!
            #expect(worst < 1e-3)
            #expect(logits.indices.max { logits[$0] < logits[$1] } == expected.indices.max { expected[$0] < expected[$1] })
        }
    }

    /// The bits themselves, as an FNV-1a hash of the features of the reference photos: the same on
    /// every machine, compiler optimization level and variant. A change here means the arithmetic
    /// changed (an FMA contracted or split, a sum reordered), or the weights did.
    @Test func featureBitsAreTheRecordedOnes() throws {
        try #require(TestData.problem == nil)
        let network = TestData.network
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for photo in TestData.photos.prefix(2) {
            for value in network.features(rgb: photo, width: 224, height: 224) {
                hash = (hash ^ UInt64(value.bitPattern)) &* 0x100_0000_01B3
            }
        }
        print("feature hash: \(String(hash, radix: 16))")
        #expect(hash == Self.recordedHash)
    }

    static let recordedHash: UInt64 = 0xEEB6_D779_EF9E_0256

    @Test func everyVariantGivesTheSameBits() throws {
        try #require(TestData.problem == nil)
        let network = TestData.network
        let photos = Array(TestData.photos.prefix(2))
        let outputs = forEachVariant { _ in photos.map { network.features(rgb: $0, width: 224, height: 224) } }
        #expect(outputs.count == KernelVariant.allCases.filter(\.isSupported).count)
        for (variant, features) in outputs {
            for (a, b) in zip(features, outputs[0].1) { #expect(sameBits(a, b), "\(variant) differs from \(outputs[0].0)") }
        }
    }

    @Test func threadCountDoesNotChangeBits() throws {
        try #require(TestData.problem == nil)
        let network = TestData.network
        let photos = Array(TestData.photos.prefix(3))
        let one = network.features(images: photos, threads: 1)
        for threads in [2, 3] {
            let many = network.features(images: photos, threads: threads)
            #expect(many.count == photos.count)
            for (a, b) in zip(one, many) { #expect(sameBits(a, b), "threads: \(threads)") }
        }
        #expect(sameBits(one[2], network.features(rgb: photos[2], width: 224, height: 224)))
    }

    /// Bands of one output row, the default bands, and whole images give the same bits.
    @Test func bandsDoNotChangeBits() throws {
        try #require(TestData.problem == nil)
        let network = TestData.network
        let photo = TestData.photos[4]
        let banded = network.features(rgb: photo, width: 224, height: 224)
        for bandBytes in [0, Int.max / 8] {
            let workspace = EfficientNetLite0.Workspace(bandBytes: bandBytes)
            #expect(workspace.bandRows.allSatisfy { $0 == (bandBytes == 0 ? 1 : $0) })
            #expect(sameBits(banded, network.features(rgb: photo, width: 224, height: 224, workspace: workspace)))
        }
    }
}
