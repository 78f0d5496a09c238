import Foundation
import Hopfield
import Imaging

/// `hopfield recall`: the notebooks' single-image demo. Stores some images, converges one input,
/// and writes the trajectory as a film strip and an animation, and the energy plot.
public enum SingleRecall {
    /// What to store, what to converge, how, and where the pictures go.
    public struct Options: Sendable {
        /// Memory images: files and folders (listed recursively).
        public var memories: [String]
        /// The image to converge.
        public var input: String
        /// The learning rule with its parameters, and the modern network's equality tolerance, as
        /// a config's `network` section.
        public var network = ExperimentConfig.NetworkSection()
        /// How images become patterns.
        public var spec = ExperimentConfig.ImageSection().spec
        /// The dynamics (the whole history is recorded).
        public var dynamics = Dynamics()
        /// The seed of the update order.
        public var seed = Batch.defaultSeed
        /// The folder for the pictures.
        public var output: String
        /// Corruptions applied to the input, in order, before it is converged (the notebooks'
        /// noisy and masked starts without a hand-made file).
        public var corruptions: [InputCorruption] = []

        /// Options with the defaults above.
        public init(memories: [String], input: String, output: String) {
            self.memories = memories
            self.input = input
            self.output = output
        }
    }

    /// One corruption of the input: flipped or set neurons at a level, or a masked square or
    /// rectangle, drawn from the seed's own stream (`recall-noise`).
    public struct InputCorruption: Sendable, Equatable {
        /// flip, flip-each, bernoulli, mask or corner, as in a config's `corruption.kind`.
        public var kind: ExperimentConfig.CorruptionKind
        /// The fraction flipped, set, masked or hidden.
        public var level: Double
        /// The value written by mask, corner and bernoulli (−1, 0 undecided, +1).
        public var value: Int8
        /// mask only: rows r0..<r1, columns c0..<c1 instead of a centred square.
        public var rect: [Int]?

        /// A corruption; `value` defaults as in configs (corner 0, the others 1).
        public init(kind: ExperimentConfig.CorruptionKind, level: Double, value: Int8? = nil, rect: [Int]? = nil) {
            self.kind = kind
            self.level = level
            self.value = value ?? (kind == .corner ? 0 : 1)
            self.rect = rect
        }

        /// Parses `--noise` (`flip:0.2`, `flip-each:0.1`, `bernoulli:0.3`; a bare level is flip).
        public static func noise(_ text: String) throws(RunError) -> InputCorruption {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            let kindText = parts.count == 2 ? parts[0] : "flip"
            guard parts.count <= 2, let level = Double(parts.last!), (0...1).contains(level) else {
                throw RunError("--noise \(text): expected KIND:LEVEL with a level in [0, 1], for example flip:0.2")
            }
            guard let kind = ExperimentConfig.CorruptionKind(rawValue: kindText), [.flip, .flipEach, .bernoulli].contains(kind) else {
                throw RunError("--noise \(text): the kind is flip, flip-each or bernoulli")
            }
            return InputCorruption(kind: kind, level: level)
        }

        /// Parses `--mask`: a fraction of the image as a centred square (`0.25`), the top-left
        /// corner kept (`corner:0.75` hides three quarters), or rows and columns `r0,r1,c0,c1`.
        public static func mask(_ text: String, size: Int) throws(RunError) -> InputCorruption {
            if text.hasPrefix("corner:"), let level = Double(text.dropFirst(7)), (0...1).contains(level) {
                return InputCorruption(kind: .corner, level: level)
            }
            if let level = Double(text), (0...1).contains(level) { return InputCorruption(kind: .mask, level: level) }
            let numbers = text.split(separator: ",").compactMap { Int($0) }
            if numbers.count == 4, text.split(separator: ",").count == 4 {
                guard numbers[0] < numbers[1], numbers[2] < numbers[3], numbers[0] >= 0, numbers[2] >= 0,
                    numbers[1] <= size, numbers[3] <= size
                else {
                    throw RunError("--mask \(text): rows r0 < r1 and columns c0 < c1 must lie within the \(size)×\(size) pattern")
                }
                return InputCorruption(kind: .mask, level: 0, rect: numbers)
            }
            throw RunError("--mask \(text): expected a fraction (0.25), corner:FRACTION or r0,r1,c0,c1")
        }

        /// Words for the summary: "flip 0.2", "mask rows 7..<20, columns 8..<25 set to 0".
        var description: String {
            switch kind {
            case .mask where rect != nil:
                return "mask rows \(rect![0])..<\(rect![1]), columns \(rect![2])..<\(rect![3]) set to \(value)"
            case .mask, .corner, .bernoulli: return "\(kind.rawValue) \(Format.exact(level)) set to \(value)"
            default: return "\(kind.rawValue) \(Format.exact(level))"
            }
        }
    }

    /// The input after the corruptions, each drawing from the stream `recall-noise` of the seed
    /// in turn; how many neurons changed.
    static func corrupt(_ input: [Double], _ corruptions: [InputCorruption], size: Int, seed: UInt64) -> (values: [Double], changed: Int) {
        var rng = RandomStreams.stream(seed, RandomStreams.key("recall-noise"))
        var values = input
        for c in corruptions {
            values = RecallStart.make(
                c.kind, level: c.level, value: c.value, rect: c.rect, memory: 0, patterns: [values], size: size, rng: &rng)
        }
        return (values, zip(input, values).filter { $0 != $1 }.count)
    }

    /// What a single recall did.
    public struct Summary: Sendable {
        public var description: String
        /// The pictures written.
        public var files: [String]
    }

    /// Image files named by the arguments: files as given, folders listed recursively in sorted
    /// order (hidden and system files skipped).
    public static func imageFiles(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw RunError("\(path): no such file or folder") }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            guard let enumerator = fm.enumerator(atPath: path) else { continue }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = URL(fileURLWithPath: relative).lastPathComponent
                if relative.split(separator: "/").contains(where: { Dataset.isIgnored(String($0)) }) { continue }
                var dir: ObjCBool = false
                if fm.fileExists(atPath: joinPath(path, relative), isDirectory: &dir), !dir.boolValue, !Dataset.isIgnored(name) {
                    found.append(joinPath(path, relative))
                }
            }
            files += found.sorted { $0.utf8Precedes($1) }
        }
        return files
    }

    /// Stores the memories, converges the input and writes the pictures.
    public static func run(_ options: Options) throws -> Summary {
        var memories: [PatternVector] = []
        var names: [String] = []
        var skipped: [String] = []
        for file in try imageFiles(options.memories) {
            do {
                memories.append(PatternVector(try ImagePipeline.load(path: file, spec: options.spec).values))
                names.append(URL(fileURLWithPath: file).lastPathComponent)
            } catch {
                skipped.append(error.description)
            }
        }
        guard !memories.isEmpty else { throw RunError("no usable memory images" + (skipped.first.map { " (\($0))" } ?? "")) }
        let input: PatternVector
        do { input = PatternVector(try ImagePipeline.load(path: options.input, spec: options.spec).values) } catch {
            throw RunError(error.description)
        }
        var training = StoredNetwork.Training()
        training.seed = options.seed
        training.side = options.spec.size
        let network = try StoredNetwork(
            rule: options.network.rule, patterns: memories, tolerance: options.network.tolerance, training: training)
        var rng = RandomStreams.stream(options.seed, RandomStreams.key("recall"))
        var dynamics = options.dynamics
        dynamics.history = [.energy, .states]
        let start = corrupt(input.doubles, options.corruptions, size: options.spec.size, seed: options.seed)
        let result = network.settle(NetworkState(values: start.values), dynamics: dynamics, rng: &rng)
        let what: String
        switch result.match {
        case .memory(let mu): what = "memory \(mu) (\(names[mu]))"
        case .inverted(let mu): what = "the inverse of memory \(mu) (\(names[mu]))"
        case .none:
            what =
                "a spurious state (nearest memory \(result.nearest), \(names[result.nearest]), overlap \(Format.fixed(result.nearestOverlap, 3)))"
        }
        let status: String
        switch result.status {
        case .converged: status = "converged after \(result.sweeps) sweep(s) to \(what)"
        case .cycle: status = "fell into a cycle after \(result.sweeps) sweep(s), at \(what)"
        case .unconverged: status = "still changing after \(result.sweeps) sweep(s), at \(what)"
        }
        var visuals = RunVisuals()
        visuals.size = options.spec.size
        visuals.memories = memories.map(\.doubles)
        visuals.memoryLabels = names
        visuals.weights = network.weightsView(side: options.spec.size)
        visuals.trajectory = result.states
        visuals.energyCurves = [(URL(fileURLWithPath: options.input).lastPathComponent, result.energies ?? [])]
        let files = Pictures.runFiles(visuals, task: .recall)
        let fm = FileManager.default
        try fm.createDirectory(atPath: options.output, withIntermediateDirectories: true)
        var written: [String] = []
        for (name, bytes) in files {
            try AtomicFile.write(bytes, to: joinPath(options.output, name))
            written.append(joinPath(options.output, name))
        }
        let corrupted =
            options.corruptions.isEmpty
            ? ""
            : " (corrupted: " + options.corruptions.map(\.description).joined(separator: ", ")
                + "; \(start.changed) of \(start.values.count) neurons changed)"
        let summary =
            "\(URL(fileURLWithPath: options.input).lastPathComponent)\(corrupted): \(status); energy \(Format.energy(result.energyStart, neurons: start.values.count)) → \(Format.energy(result.energyEnd, neurons: start.values.count))"
            + (skipped.isEmpty ? "" : "\nskipped \(skipped.count) memory file(s): " + skipped.joined(separator: "; "))
        return Summary(description: summary, files: written)
    }
}
