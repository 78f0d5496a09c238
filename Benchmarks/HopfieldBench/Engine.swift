import ArgumentParser
import Experiments
import Foundation
import Hopfield
import Imaging

/// The notebook's workload: N = 4096 (64×64 cats and dogs, bilinear, seed binarization), P = 8
/// Hebbian memories, 200 test images converged asynchronously to a fixed point.
struct EngineBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Images per second converging 200 cats/dogs test images against 8 Hebbian memories (N = 4096).")

    @Option(help: "The dataset folder.")
    var dataset: String = defaultCatsDogs()

    @Option(help: "Timed repetitions (the median is reported).")
    var repeats: Int = 5

    func run() throws {
        let workload = try Workload.catsDogs(dataset: dataset)
        print("N = \(workload.memories.neurons), P = \(workload.memories.count), \(workload.inputs.count) test images, async, tie plus")
        let network = HebbianNetwork(memories: workload.memories)
        for mode in [UpdateMode.async, .sequential] {
        for threads in [1, 2] {
            var sweeps = 0
            let seconds = medianSeconds(repeats: repeats) {
                let results = parallelMap(count: workload.inputs.count, jobs: threads) { i in
                    var rng = RandomStreams.stream(42, UInt64(i))
                    return network.converge(from: workload.inputs[i], dynamics: Dynamics(mode: mode), rng: &rng).sweeps
                }
                sweeps = results.reduce(0, +)
            }
            print(mode.rawValue, String(format: "threads %d: %.4f s, %.0f images/s, %.2f sweeps per image", threads, seconds,
                         Double(workload.inputs.count) / seconds, Double(sweeps) / Double(workload.inputs.count)))
        }
        }
    }
}

/// Memories and test inputs from the cats/dogs photos as the notebook loaded them.
struct Workload {
    var memories: Memories
    var inputs: [[Int8]]

    /// The first 4 cats and 4 dogs (sorted order) are the memories; the next 100 of each class
    /// are the test images.
    static func catsDogs(dataset: String, size: Int = 64) throws -> Workload {
        let ds = try Dataset.open(dataset, limitPerClass: 104)
        let loaded = DatasetLoader.load(ds, spec: ImageSpec(size: size, resize: .bilinear, binarize: .seed))
        var memories: [[Int8]] = [], inputs: [[Int8]] = []
        for image in loaded.images {
            guard case .binary(let v) = image.values else { continue }
            if image.file.indexInClass < 4 { memories.append(v) } else { inputs.append(v) }
        }
        return Workload(memories: Memories(memories), inputs: inputs)
    }
}
