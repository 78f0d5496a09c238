import ArgumentParser
import Experiments
import Foundation
import Hopfield
import Imaging

/// Fashion-MNIST as the W6 workloads use it: 60,000 training images, 28×28, area, mean-binarized,
/// from the pattern cache after the first run.
struct FashionPatterns {
    var rows: [[Int8]]
    var labels: [Int]

    static func load(_ folder: String, jobs: Int) throws -> FashionPatterns {
        let dataset = try Dataset.open(folder)
        let loaded = DatasetLoader.load(
            dataset, spec: ImageSpec(size: 28, resize: .area, binarize: .mean), jobs: jobs,
            cache: PatternCache(folder: PatternCache.defaultFolder))
        let rows = loaded.images.map { image -> [Int8] in
            guard case .binary(let v) = image.values else { preconditionFailure() }
            return v
        }
        return FashionPatterns(rows: rows, labels: loaded.images.map(\.file.label))
    }

    /// The runner's split: stratified, seeded, train then test indices.
    func split(train: Double, test: Double, seed: UInt64) throws -> Splitter.Result {
        try Splitter.split(labels: labels, classes: 10, train: .fraction(train), test: .fraction(test), stratify: true, seed: seed)
    }

    /// `count` memories drawn at random from the split's training images, as many per class
    /// (seed 1's selection stream): their rows.
    func randomMemories(_ split: Splitter.Result, count: Int) -> [[Int8]] {
        var rng = RandomStreams.stream(1, RandomStreams.key("select"))
        let candidates = split.train.map { MemorySelection.Candidate(label: labels[$0], pattern: PatternVector(.binary(rows[$0]))) }
        return MemorySelection.random(candidates, quotas: MemorySelection.quotas(count: count, classes: 10), rng: &rng).map {
            rows[split.train[$0]]
        }
    }
}

/// Seconds of one call of `body`.
func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Writes rows as an int8 .npy file.
func writeNPY(_ rows: [[Int8]], to path: String) throws {
    try AtomicFile.write(NPY.int8(rows.flatMap { $0 }, shape: [rows.count, rows.first?.count ?? 0]), to: path)
}

struct W6: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "w6",
        abstract:
            "W6 on Fashion-MNIST (scripts/fetch-fashion): a, b, c (and d); one JSON object per workload. --export writes the arrays for Benchmarks/python/w6.py."
    )

    @OptionGroup var bench: FashionOptions

    @Option(help: "Fashion-MNIST's 10,000 test images in class folders (W6d).")
    var testDataset = "Datasets/fashion-test"

    @Option(help: "Workloads: any of a, b, c, d.")
    var workloads = "abc"

    func run() throws {
        let data =
            workloads.contains(where: { "abc".contains($0) })
            ? try FashionPatterns.load(bench.dataset, jobs: bench.threads) : FashionPatterns(rows: [], labels: [])
        try bench.withKernels {
            if workloads.contains("a") { try w6a(data) }
            if workloads.contains("b") { try w6b(data) }
            if workloads.contains("c") { try w6c(data) }
            if workloads.contains("d") { try w6d() }
        }
    }

    /// W6a: 2000 random memories of the training split, every one of the 60,000 images converged
    /// by the modern network, β = 1, synchronous (the engine's work, no files).
    func w6a(_ data: FashionPatterns) throws {
        let split = try data.split(train: 0.9, test: 0.1, seed: 1)
        let memories = data.randomMemories(split, count: 2000)
        let items = split.train + split.test
        if let export = bench.export {
            try writeNPY(memories, to: export + "/w6a-memories.npy")
            try writeNPY(items.map { data.rows[$0] }, to: export + "/w6a-states.npy")
        }
        var network: ModernNetwork?
        let build = seconds { network = ModernNetwork(memories: ContinuousMemories(memories.map { $0.map(Double.init) }), beta: 1) }
        let stored = try StoredNetwork(
            rule: ModernRule(beta: 1), patterns: memories.map { .binary($0, BinaryPattern($0)) }, tolerance: 0.01)
        var results: [StoredNetwork.Settled] = []
        let time = medianSeconds(repeats: bench.repeats) {
            results = stored.settleAll(
                count: items.count, jobs: bench.threads, start: { k in .binary(data.rows[items[k]]) },
                dynamics: { _ in Dynamics(mode: .sync, maxSweeps: 100) },
                stream: { k in RandomStreams.stream(1, UInt64(k)) }, keepState: { _ in false })
        }
        let steps = Double(results.reduce(0) { $0 + $1.sweeps }) / Double(results.count)
        let retrieved = results.filter { if case .memory = $0.match { return true } else { return false } }.count
        print(
            String(
                format:
                    "{\"workload\": \"W6a\", \"images\": %d, \"memories\": %d, \"threads\": %d, \"seconds\": %.4f, \"networkSeconds\": %.4f, \"meanSteps\": %.3f, \"retrieved\": %d, \"kernels\": \"%@\"}",
                items.count, memories.count, bench.threads, time, build, steps, retrieved, Kernels.name))
        _ = network
    }

    /// W6b: every training image stored (54,000 memories), the 6,000 test images converged by the
    /// modern network (β = 1, synchronous), and their 1-NN by Hamming distance.
    func w6b(_ data: FashionPatterns) throws {
        let split = try data.split(train: 0.9, test: 0.1, seed: 1)
        let memories = split.train.map { data.rows[$0] }
        let tests = split.test.map { data.rows[$0] }
        if let export = bench.export {
            try writeNPY(memories, to: export + "/w6b-memories.npy")
            try writeNPY(tests, to: export + "/w6b-tests.npy")
            try AtomicFile.write(
                NPY.int32(split.train.map { Int32(data.labels[$0]) }, shape: [memories.count]), to: export + "/w6b-memory-labels.npy")
            try AtomicFile.write(
                NPY.int32(split.test.map { Int32(data.labels[$0]) }, shape: [tests.count]), to: export + "/w6b-test-labels.npy")
        }
        let packedMemories = PackedPatterns(rows: memories, neurons: 784), packedTests = PackedPatterns(rows: tests, neurons: 784)
        var nearest: [(index: Int, overlap: Int)] = []
        let nnTime = medianSeconds(repeats: bench.repeats) {
            let blocks = parallelMap(count: (tests.count + 63) / 64, jobs: bench.threads) { b -> [(index: Int, overlap: Int)] in
                let range = (b * 64)..<min(tests.count, (b + 1) * 64)
                return packedMemories.best(for: PackedPatterns(rows: Array(tests[range]), neurons: 784), absolute: false)
            }
            nearest = blocks.flatMap { $0 }
        }
        let nnRight = zip(nearest, split.test).filter { data.labels[split.train[$0.0.index]] == data.labels[$0.1] }.count
        var stored: StoredNetwork?
        let build = seconds {
            stored = try? StoredNetwork(
                rule: ModernRule(beta: 1), patterns: memories.map { .binary($0, BinaryPattern($0)) }, tolerance: 0.01)
        }
        var results: [StoredNetwork.Settled] = []
        let modernTime = medianSeconds(repeats: bench.repeats) {
            results = stored!.settleAll(
                count: tests.count, jobs: bench.threads, start: { k in .binary(tests[k]) },
                dynamics: { _ in Dynamics(mode: .sync, maxSweeps: 100) },
                stream: { k in RandomStreams.stream(1, UInt64(k)) }, keepState: { _ in false })
        }
        let modernRight = zip(results, split.test).filter { data.labels[split.train[$0.0.nearest]] == data.labels[$0.1] }.count
        print(
            String(
                format:
                    "{\"workload\": \"W6b\", \"memories\": %d, \"tests\": %d, \"threads\": %d, \"nnSeconds\": %.4f, \"nnAccuracy\": %.4f, \"modernSeconds\": %.4f, \"networkSeconds\": %.4f, \"modernNearestAccuracy\": %.4f, \"meanSteps\": %.3f, \"kernels\": \"%@\"}",
                memories.count, tests.count, bench.threads, nnTime, Double(nnRight) / Double(tests.count), modernTime, build,
                Double(modernRight) / Double(tests.count), Double(results.reduce(0) { $0 + $1.sweeps }) / Double(results.count),
                Kernels.name))
        _ = packedTests
    }

    /// W6c: max-min selection of 1000 memories (100 per class) among 30,000 images (3000 per class).
    func w6c(_ data: FashionPatterns) throws {
        var perClass = [Int](repeating: 0, count: 10)
        var indices: [Int] = []
        for (i, label) in data.labels.enumerated() where perClass[label] < 3000 {
            perClass[label] += 1
            indices.append(i)
        }
        let candidates = indices.map { MemorySelection.Candidate(label: data.labels[$0], pattern: PatternVector(.binary(data.rows[$0]))) }
        let quotas = MemorySelection.quotas(count: 1000, classes: 10)
        var chosen: [Int] = []
        let time = medianSeconds(repeats: max(1, bench.repeats - 2), warmUp: false) {
            chosen = MemorySelection.maxminBinary(candidates, quotas: quotas, jobs: bench.threads)
        }
        let packed = PackedPatterns(rows: chosen.map { data.rows[indices[$0]] }, neurons: 784)
        let overlaps = packed.overlaps(0..<packed.count, with: packed)
        var largest: Int32 = 0
        for a in 0..<packed.count { for b in (a + 1)..<packed.count { largest = max(largest, abs(overlaps[a * packed.count + b])) } }
        print(
            String(
                format:
                    "{\"workload\": \"W6c\", \"candidates\": %d, \"memories\": %d, \"threads\": %d, \"seconds\": %.4f, \"minDissimilarity\": %.4f, \"kernels\": \"%@\"}",
                candidates.count, chosen.count, bench.threads, time, 1 - Double(largest) / 784, Kernels.name))
    }

    /// W6d: classical and dense rules on 6,000 images of Fashion-MNIST's test set (the 10,000 in
    /// `--test-bench.dataset`, split 3000/3000 as Benchmarks/w6d.json does, every image converged),
    /// P = 200, 500, 1000 random memories of the training half, asynchronous updates.
    func w6d() throws {
        let data = try FashionPatterns.load(testDataset, jobs: bench.threads)
        let split = try Splitter.split(labels: data.labels, classes: 10, train: .count(3000), test: .count(3000), stratify: true, seed: 1)
        let items = split.train + split.test
        if let export = bench.export { try writeNPY(items.map { data.rows[$0] }, to: export + "/w6d-states.npy") }
        let rules: [(String, any RuleDefinition)] = [
            ("pseudoinverse", PseudoinverseRule()), ("dense-exponential", DenseRule(interaction: .exponential)),
            ("storkey", StorkeyRule()), ("hebbian", HebbianRule())
        ]
        for count in [200, 500, 1000] {
            let memories = data.randomMemories(split, count: count)
            if let export = bench.export { try writeNPY(memories, to: export + "/w6d-memories-\(count).npy") }
            for (name, rule) in rules {
                var stored: StoredNetwork?
                var training = StoredNetwork.Training()
                training.jobs = bench.threads
                let build = seconds {
                    stored = try? StoredNetwork(
                        rule: rule, patterns: memories.map { .binary($0, BinaryPattern($0)) }, tolerance: 0.01,
                        training: training)
                }
                var results: [StoredNetwork.Settled] = []
                let time = medianSeconds(repeats: max(1, bench.repeats - 2)) {
                    results = stored!.settleAll(
                        count: items.count, jobs: bench.threads, start: { k in .binary(data.rows[items[k]]) },
                        dynamics: { _ in Dynamics(mode: .async, maxSweeps: 100) },
                        stream: { k in RandomStreams.stream(1, UInt64(k)) }, keepState: { _ in false })
                }
                let sweeps = Double(results.reduce(0) { $0 + $1.sweeps }) / Double(results.count)
                print(
                    String(
                        format:
                            "{\"workload\": \"W6d\", \"rule\": \"%@\", \"memories\": %d, \"images\": %d, \"threads\": %d, \"seconds\": %.4f, \"networkSeconds\": %.4f, \"meanSweeps\": %.3f}",
                        name, count, items.count, bench.threads, time + build, build, sweeps))
            }
        }
    }
}

/// The options of the Fashion-MNIST benchmarks (`w6`, `speed`).
struct FashionOptions: ParsableArguments {
    @Option(help: "The 60,000 training images in class folders.")
    var dataset = "Datasets/fashion"

    @Option(help: "Threads.")
    var threads = 2

    @Option(help: "Timed repetitions (the median is reported).")
    var repeats = 3

    @Option(help: "Write the workloads' arrays (.npy) here for the NumPy reference.")
    var export: String?

    @Option(help: "Force a kernel variant (portable, popcnt, avx2; default: the best this CPU runs).")
    var kernels: String?

    /// Runs `body` with the kernels `--kernels` names (every variant gives the same results).
    func withKernels(_ body: () throws -> Void) throws {
        guard let kernels else { return try body() }
        guard Kernels.supported.contains(kernels) else {
            throw ValidationError("--kernels \(kernels): this CPU runs \(Kernels.supported.joined(separator: ", "))")
        }
        try Kernels.with(kernels, body)
    }
}
