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
        /// The learning rule.
        public var rule: LearningRule = .hebbian
        /// How images become patterns.
        public var spec = ImageSpec(size: 64, resize: .area, binarize: .midgray)
        /// The dynamics (the whole history is recorded).
        public var dynamics = Dynamics()
        /// The seed of the update order.
        public var seed: UInt64 = 42
        /// Modern networks: the equality tolerance.
        public var tolerance = 0.01
        /// The folder for the pictures.
        public var output: String

        /// Options with the defaults above.
        public init(memories: [String], input: String, output: String) {
            self.memories = memories
            self.input = input
            self.output = output
        }
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
        let network = try StoredNetwork(rule: options.rule, patterns: memories, tolerance: options.tolerance, training: training)
        var rng = RandomStreams.stream(options.seed, RandomStreams.key("recall"))
        var dynamics = options.dynamics
        dynamics.history = [.energy, .states]
        let result = network.settle(input.doubles, dynamics: dynamics, rng: &rng)
        let what: String
        switch result.match {
        case .memory(let mu): what = "memory \(mu) (\(names[mu]))"
        case .inverted(let mu): what = "the inverse of memory \(mu) (\(names[mu]))"
        case .none: what = "a spurious state (nearest memory \(result.nearest), \(names[result.nearest]), overlap \(Format.fixed(result.nearestOverlap, 3)))"
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
        visuals.energyCurves = [result.energies ?? []]
        let files = Pictures.runFiles(visuals, task: .recall)
        let fm = FileManager.default
        try fm.createDirectory(atPath: options.output, withIntermediateDirectories: true)
        var written: [String] = []
        for (name, bytes) in files {
            try AtomicFile.write(bytes, to: joinPath(options.output, name))
            written.append(joinPath(options.output, name))
        }
        let summary = "\(URL(fileURLWithPath: options.input).lastPathComponent): \(status); energy \(Format.exact(result.energyStart)) → \(Format.exact(result.energyEnd))"
            + (skipped.isEmpty ? "" : "\nskipped \(skipped.count) memory file(s): " + skipped.joined(separator: "; "))
        return Summary(description: summary, files: written)
    }
}
