import ArgumentParser
import Experiments
import Foundation
import Hopfield
import Imaging

/// Machine-readable workloads for Benchmarks/run.sh: each prints one JSON object.
struct W1: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "w1",
        abstract: "W1: 200 cats/dogs test images converged against 8 Hebbian memories (N = 4096), async to a fixed point; JSON.")

    @Option(help: "The dataset folder.")
    var dataset: String = defaultCatsDogs()

    @Option(help: "Threads.")
    var threads = 2

    @Option(help: "Timed repetitions (the median is reported).")
    var repeats = 9

    @Option(help: "Write memories.npy, inputs.npy and the synchronous final states (sync-states.npy) here.")
    var export: String?

    func run() throws {
        let workload = try Workload.catsDogs(dataset: dataset)
        let network = HebbianNetwork(memories: workload.memories)
        let inputs = workload.inputs
        var finals: [Convergence] = []
        let seconds = medianSeconds(repeats: repeats) {
            finals = workload.converge(network, dynamics: Dynamics(), threads: threads)
        }
        let fixedPoints = finals.filter { network.isFixedPoint($0.state) }.count
        let sweeps = Double(finals.reduce(0) { $0 + $1.sweeps }) / Double(finals.count)
        let spurious = finals.filter { workload.memories.match(BinaryPattern($0.state)) == .none }.count
        // The synchronous rule, for the agreement check with NumPy.
        let sync = workload.converge(network, dynamics: Dynamics(mode: .sync, maxSweeps: 1000), threads: threads)
        if let export {
            try FileManager.default.createDirectory(atPath: export, withIntermediateDirectories: true)
            let n = workload.memories.neurons
            try AtomicFile.write(NPY.int8(workload.memories.rows, shape: [workload.memories.count, n]), to: export + "/memories.npy")
            try AtomicFile.write(NPY.int8(inputs.flatMap { $0 }, shape: [inputs.count, n]), to: export + "/inputs.npy")
            try AtomicFile.write(NPY.int8(sync.flatMap(\.state), shape: [sync.count, n]), to: export + "/sync-states.npy")
        }
        print(
            String(
                format:
                    "{\"workload\": \"W1\", \"images\": %d, \"threads\": %d, \"seconds\": %.6f, \"imagesPerSecond\": %.1f, \"meanSweeps\": %.3f, \"fixedPoints\": %d, \"spurious\": %d, \"syncCycles\": %d}",
                inputs.count, threads, seconds, Double(inputs.count) / seconds, sweeps, fixedPoints, spurious,
                sync.filter { $0.status == .cycle }.count))
    }
}

struct W2: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "w2",
        abstract: "W2: the cats/dogs JPEGs to 64×64 ±1 patterns (area resize with scaled decoding, seed binarization); JSON.")

    @Option(help: "The dataset folder.")
    var dataset: String = defaultCatsDogs()

    @Option(help: "Threads.")
    var threads = 2

    @Option(help: "bilinear or area.")
    var resize: ResizeMethod = .area

    @Option(help: "Timed repetitions (the median is reported).")
    var repeats = 7

    func run() throws {
        let ds = try Dataset.open(dataset)
        let spec = ImageSpec(size: 64, resize: resize, binarize: .midgray)
        var count = 0
        let seconds = medianSeconds(repeats: repeats) { count = DatasetLoader.load(ds, spec: spec, jobs: threads).images.count }
        // The floor: libjpeg-turbo alone on the same threads, files already in memory, no resize.
        let bytes = ds.files.map { (try? FileBytes.read($0.path)) ?? [] }
        let decodeSeconds = medianSeconds(repeats: repeats) {
            _ = parallelMap(count: bytes.count, jobs: threads) { i in
                (try? ImageDecoder.decode(bytes[i], path: "", options: spec.decodeOptions))?.image.width ?? 0
            }
        }
        print(
            String(
                format:
                    "{\"workload\": \"W2\", \"images\": %d, \"threads\": %d, \"resize\": \"%@\", \"seconds\": %.6f, \"imagesPerSecond\": %.1f, \"decodeOnlyImagesPerSecond\": %.1f}",
                count, threads, resize.rawValue, seconds, Double(count) / seconds, Double(bytes.count) / decodeSeconds))
    }
}
extension ResizeMethod: ExpressibleByArgument {}
