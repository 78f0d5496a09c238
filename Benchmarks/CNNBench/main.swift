// Release-mode timing of the EfficientNet-Lite0 forward pass:
//   swift run -c release cnn-bench [WEIGHTS] [--images N] [--runs R] [--variant portable|avx2]
// Prints the median images/s over R runs of N images for 1 and 2 threads, and the GFLOP/s that
// makes (2 FLOPs per multiply-add of the convolutions).
import Features
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("-h") || arguments.contains("--help") {
    print("usage: cnn-bench [WEIGHTS] [--images N] [--runs R] [--variant portable|avx2]")
    exit(0)
}
@MainActor func option(_ name: String, _ fallback: Int) -> Int {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let v = Int(arguments[i + 1]) else { return fallback }
    arguments.removeSubrange(i...i + 1)
    return v
}
let imageCount = option("--images", 12)
let runs = option("--runs", 5)
if let i = arguments.firstIndex(of: "--variant"), i + 1 < arguments.count {
    let variant: KernelVariant = arguments[i + 1] == "portable" ? .portable : .avx2
    arguments.removeSubrange(i...i + 1)
    print("forced variant:", KernelVariant.force(variant))
}
let weights = arguments.first ?? "Datasets/encoders/efficientnet-lite0.hlnn"

let loadStart = Date()
let network: EfficientNetLite0
do { network = try EfficientNetLite0(contentsOf: weights) } catch {
    FileHandle.standardError.write(Data("cnn-bench: \(error) (run scripts/fetch-encoder)\n".utf8))
    exit(1)
}
print(
    String(
        format: "loaded %@ in %.2f s; kernels: %@; %d multiply-adds per image", weights, Date().timeIntervalSince(loadStart),
        "\(KernelVariant.current)", EfficientNetLite0Architecture.multiplyAdds))

// Random photos-sized inputs (the time does not depend on the content: no data-dependent branches).
var state: UInt64 = 0x9E37_79B9_7F4A_7C15
let images = (0..<imageCount).map { _ in
    (0..<224 * 224 * 3).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 56)
    }
}
let flops = 2.0 * Double(EfficientNetLite0Architecture.multiplyAdds)
_ = network.features(images: Array(images.prefix(2)), threads: 1)  // warm-up

/// CPU seconds used by this process so far (all threads): unlike the wall clock, not inflated
/// when other processes share the cores.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

for threads in [1, 2] {
    var wallRates: [Double] = [], cpuRates: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds, cpuStart = cpuSeconds()
        _ = network.features(images: images, threads: threads)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        wallRates.append(Double(imageCount) / seconds)
        cpuRates.append(Double(imageCount) / (cpuSeconds() - cpuStart))
    }
    let wall = median(wallRates), cpu = median(cpuRates)
    print(
        String(
            format: "threads %d: median %.1f images/s wall (min %.1f, max %.1f), %.1f GFLOP/s; "
                + "%.1f images per CPU-second (%.1f ms, %.1f GFLOP/s per core; best run %.1f ms)",
            threads, wall, wallRates.min()!, wallRates.max()!, wall * flops / 1e9, cpu, 1000 / cpu, cpu * flops / 1e9,
            1000 / cpuRates.max()!))
}
