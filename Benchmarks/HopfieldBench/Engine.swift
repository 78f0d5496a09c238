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
                    sweeps = workload.converge(network, dynamics: Dynamics(mode: mode), threads: threads).reduce(0) { $0 + $1.sweeps }
                }
                print(
                    mode.rawValue,
                    String(
                        format: "threads %d: %.4f s, %.0f images/s, %.2f sweeps per image", threads, seconds,
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
        let loaded = DatasetLoader.load(ds, spec: ImageSpec(size: size, resize: .bilinear, binarize: .midgray))
        var memories: [[Int8]] = [], inputs: [[Int8]] = []
        for image in loaded.images {
            guard case .binary(let v) = image.values else { continue }
            if image.file.indexInClass < 4 { memories.append(v) } else { inputs.append(v) }
        }
        return Workload(memories: Memories(memories), inputs: inputs)
    }

    /// Every input converged by `network` on `threads` threads, image i with stream (42, i).
    func converge(_ network: HebbianNetwork, dynamics: Dynamics, threads: Int) -> [Convergence] {
        parallelMap(count: inputs.count, jobs: threads) { i in
            var rng = RandomStreams.stream(42, UInt64(i))
            return network.converge(from: inputs[i], dynamics: dynamics, rng: &rng)
        }
    }
}

/// Seconds per asynchronous sweep as N and P grow, for the Hebbian rule in overlap form (and
/// the explicit matrix where it fits in memory), with the fitted growth exponents.
struct SweepBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweeps",
        abstract: "Seconds per asynchronous sweep for N ∈ {1024, 4096, 16384} × P ∈ {8, 64, 256} (random patterns).")

    @Option(help: "Sweeps timed per configuration.")
    var sweeps: Int = 20

    @Flag(help: "Print one JSON object instead of tables.")
    var json = false

    func run() throws {
        let sizes = [1024, 4096, 16384], loads = [8, 64, 256]
        var table: [[Double]] = []
        if !json {
            print("Hebbian, overlap form: seconds per async sweep (random start, \(sweeps) sweeps, one thread)")
            print(pad("N \\ P", 8) + loads.map { pad(String($0), 12) }.joined())
        }
        for n in sizes {
            var row: [Double] = []
            for p in loads {
                var rng = Xoshiro256StarStar(seed: UInt64(n * 1000 + p))
                let patterns = (0..<p).map { _ in Corruption.random(neurons: n, rng: &rng) }
                let network = HebbianNetwork(memories: Memories(patterns))
                let starts = (0..<sweeps).map { _ in Corruption.random(neurons: n, rng: &rng) }
                // One sweep from each random start: every sweep has many changes (the expensive case).
                let seconds = medianSeconds(repeats: 3) {
                    for (k, start) in starts.enumerated() {
                        var stream = RandomStreams.stream(1, UInt64(k))
                        _ = network.converge(from: start, dynamics: Dynamics(maxSweeps: 1), rng: &stream)
                    }
                }
                row.append(seconds / Double(sweeps))
            }
            table.append(row)
            if !json { print(pad(String(n), 8) + row.map { pad(String(format: "%.2e", $0), 12) }.joined()) }
        }
        // Least-squares slopes of log(time) against log N (per P) and log P (per N).
        func slope(_ xs: [Double], _ ys: [Double]) -> Double {
            let lx = xs.map { log($0) }, ly = ys.map { log($0) }
            let mx = lx.reduce(0, +) / Double(lx.count), my = ly.reduce(0, +) / Double(ly.count)
            var num = 0.0, den = 0.0
            for (a, b) in zip(lx, ly) {
                num += (a - mx) * (b - my)
                den += (a - mx) * (a - mx)
            }
            return num / den
        }
        let nExponents = loads.indices.map { j in slope(sizes.map(Double.init), table.map { $0[j] }) }
        let pExponents = sizes.indices.map { i in slope(loads.map(Double.init), table[i]) }
        if json {
            let cells = sizes.enumerated().flatMap { i, n in
                loads.enumerated().map { j, p in "\"\(n)x\(p)\": \(String(format: "%.3e", table[i][j]))" }
            }
            print(
                "{\"workload\": \"W4\", \"secondsPerSweep\": {" + cells.joined(separator: ", ") + "}, \"exponentN\": ["
                    + nExponents.map { String(format: "%.3f", $0) }.joined(separator: ", ") + "], \"exponentP\": ["
                    + pExponents.map { String(format: "%.3f", $0) }.joined(separator: ", ") + "]}")
            return
        }
        print("growth exponent in N (per P = \(loads)): " + nExponents.map { String(format: "%.2f", $0) }.joined(separator: ", "))
        print("growth exponent in P (per N = \(sizes)): " + pExponents.map { String(format: "%.2f", $0) }.joined(separator: ", "))

        print("\nExplicit N×N matrix (Double) for comparison, seconds per sweep:")
        for n in [1024, 4096] {
            for p in loads {
                var rng = Xoshiro256StarStar(seed: UInt64(n * 1000 + p))
                let patterns = (0..<p).map { _ in Corruption.random(neurons: n, rng: &rng) }
                let dense = MatrixNetwork.hebbian(Memories(patterns))
                let start = Corruption.random(neurons: n, rng: &rng)
                let seconds = medianSeconds(repeats: 3) {
                    var stream = RandomStreams.stream(1)
                    _ = dense.converge(from: start, dynamics: Dynamics(maxSweeps: 1), rng: &stream)
                }
                print(
                    "N = \(n), P = \(p): \(String(format: "%.2e", seconds)) s (overlap form: \(String(format: "%.2e", table[sizes.firstIndex(of: n)!][loads.firstIndex(of: p)!])) s)"
                )
            }
        }
    }
}
