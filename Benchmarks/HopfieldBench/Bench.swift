import ArgumentParser
import Experiments
import Foundation
import Hopfield
import Imaging

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hopfield-bench",
        abstract: "HopfieldLab's benchmarks. Build and run in release mode: swift run -c release hopfield-bench <name>.",
        subcommands: [Load.self, EngineBench.self, SweepBench.self, W1.self, W2.self, W6.self, Speed.self]
    )
}

/// Wall-clock seconds of `body`, the median of `repeats` runs (after one warm-up run).
func medianSeconds(repeats: Int, warmUp: Bool = true, _ body: () -> Void) -> Double {
    if warmUp { body() }
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    return times[times.count / 2]
}

/// Left-aligns text in a column of `width` characters.
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func defaultCatsDogs() -> String {
    let candidates = ["../shared/datasets/catsdogs", "Datasets/catsdogs"]
    return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0]
}

struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Images per second to turn a folder of photos into size×size ±1 patterns (decode, gray, resize, binarize).")

    @Option(help: "The dataset folder.")
    var dataset: String = defaultCatsDogs()

    @Option(help: "Pattern side.")
    var size: Int = 64

    @Option(help: "Timed repetitions (the median is reported).")
    var repeats: Int = 5

    func run() throws {
        let ds = try Dataset.open(dataset)
        // Files are read inside the timed loop (the page cache is warm after the first run).
        print("loading \(ds.files.count) files of \(dataset) to \(size)x\(size) ±1 (median of \(repeats) runs, release build)")
        print("method     binarize  idct      threads  seconds  images/s")
        var rates: [String: Double] = [:]
        for (method, idct) in [(ResizeMethod.bilinear, IDCTMethod.fast), (.area, .fast), (.area, .accurate)] {
            for threads in [1, 2] {
                let spec = ImageSpec(size: size, resize: method, binarize: .midgray, idct: idct)
                var count = 0
                let seconds = medianSeconds(repeats: repeats) {
                    count = DatasetLoader.load(ds, spec: spec, jobs: threads).images.count
                }
                let rate = Double(count) / seconds
                rates["\(method.rawValue)-\(idct.rawValue)-\(threads)"] = rate
                print(
                    pad(method.rawValue, 9) + "  " + pad("seed", 8) + "  " + pad(idct.rawValue, 8)
                        + String(format: "  %7d  %7.3f  %8.0f", threads, seconds, rate))
            }
        }
        // The floor: libjpeg-turbo alone (files already in memory, no resize, no binarize).
        let bytes = ds.files.map { (try? FileBytes.read($0.path)) ?? [] }
        for (label, options) in [
            ("decode only, full size", DecodeOptions()),
            ("decode only, scaled IDCT", DecodeOptions(minimumDecodedSize: (size, size)))
        ] {
            let seconds = medianSeconds(repeats: repeats) {
                _ = parallelMap(count: bytes.count, jobs: 1) { i in
                    (try? ImageDecoder.decode(bytes[i], path: "", options: options))?.image.width ?? 0
                }
            }
            print(String(format: "%@, 1 thread, from memory: %.0f images/s", label, Double(bytes.count) / seconds))
        }
        if let a1 = rates["area-fast-1"], let a2 = rates["area-fast-2"], let b1 = rates["bilinear-fast-1"] {
            print(String(format: "area/bilinear (1 thread): %.2fx; area 2 threads / 1 thread: %.2fx", a1 / b1, a2 / a1))
        }
    }
}
