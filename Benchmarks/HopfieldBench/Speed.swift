import ArgumentParser
import Experiments
import Foundation
import Hopfield
import Imaging

/// Issue 20's workloads against their NumPy references (Benchmarks/speed.sh runs both): the
/// modern network at small β, where the softmax is dense, and the dense associative memory
/// classifier's training epoch.
struct Speed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speed",
        abstract:
            "Modern network at beta = 0.05 (1000 memories, 2000 starts) and dam training s/epoch on Fashion-MNIST; one JSON object per workload. --export writes the arrays for Benchmarks/python/speed.py."
    )

    @OptionGroup var bench: FashionOptions

    @Option(help: "Workloads: m (modern), d (dam).")
    var workloads = "md"

    func run() throws {
        if workloads.contains("m") { try modern() }
        if workloads.contains("d") { try dam() }
    }

    /// 1000 random memories of the training split (mean-binarized), the first 2000 test images of
    /// the split converged synchronously at β = 0.05 (at most 100 updates; converged when no
    /// component moves by more than 10⁻⁹).
    func modern() throws {
        let data = try FashionPatterns.load(bench.dataset, jobs: bench.threads)
        let split = try data.split(train: 0.9, test: 0.1, seed: 1)
        let memories = data.randomMemories(split, count: 1000)
        let starts = Array(split.test.prefix(2000)).map { data.rows[$0] }
        if let export = bench.export {
            try writeNPY(memories, to: export + "/modern-memories.npy")
            try writeNPY(starts, to: export + "/modern-states.npy")
        }
        let beta = 0.05
        let stored = try StoredNetwork(
            rule: ModernRule(beta: beta), patterns: memories.map { .binary($0, BinaryPattern($0)) }, tolerance: 0.01)
        var results: [StoredNetwork.Settled] = []
        let time = medianSeconds(repeats: bench.repeats) {
            results = stored.settleAll(
                count: starts.count, jobs: bench.threads, start: { k in .binary(starts[k]) },
                dynamics: { _ in Dynamics(mode: .sync, maxSweeps: 100) },
                stream: { k in RandomStreams.stream(1, UInt64(k)) }, keepState: { _ in false })
        }
        let steps = Double(results.reduce(0) { $0 + $1.sweeps }) / Double(results.count)
        print(
            String(
                format:
                    "{\"workload\": \"modern\", \"beta\": %.2f, \"memories\": %d, \"starts\": %d, \"threads\": %d, \"seconds\": %.4f, \"meanSteps\": %.3f, \"kernels\": \"%@\"}",
                beta, memories.count, starts.count, bench.threads, time, steps, Kernels.name))
    }

    /// The `dam` rule's recipe (Configs/fashion-dam.json: K = 200, n = m = 3, T = 30, batches of
    /// 100) on the 60,000 gray-level training images: seconds of one training epoch.
    func dam() throws {
        let set = try Dataset.open(bench.dataset)
        let loaded = DatasetLoader.load(
            set, spec: ImageSpec(size: 28, resize: .area, binarize: .none), jobs: bench.threads,
            cache: PatternCache(folder: PatternCache.defaultFolder))
        let images = loaded.images.flatMap { image -> [Float] in
            guard case .continuous(let v) = image.values else { preconditionFailure() }
            return v
        }
        let labels = loaded.images.map(\.file.label)
        if let export = bench.export {
            try AtomicFile.write(NPY.float32(images, shape: [labels.count, 784]), to: export + "/dam-images.npy")
            try AtomicFile.write(NPY.int32(labels.map { Int32($0) }, shape: [labels.count]), to: export + "/dam-labels.npy")
        }
        var options = DenseClassifier.Options()
        options.epochs = 1
        var loss = 0.0
        let time = medianSeconds(repeats: bench.repeats, warmUp: false) {
            let (_, log) = DenseClassifier.train(
                images: images, labels: labels, classes: 10, options: options, seed: 1, jobs: bench.threads)
            loss = log[0].loss
        }
        print(
            String(
                format:
                    "{\"workload\": \"dam\", \"images\": %d, \"memories\": %d, \"threads\": %d, \"secondsPerEpoch\": %.4f, \"loss\": %.5f}",
                labels.count, options.memories, bench.threads, time, loss))
    }
}
