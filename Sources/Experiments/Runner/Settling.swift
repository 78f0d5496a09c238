import Foundation
import Hopfield
import Imaging

/// A pattern as the runner handles it: ±1 (with its packed form) or real-valued.
public enum PatternVector: Sendable {
    case binary([Int8], BinaryPattern)
    case continuous([Double])

    public init(_ values: PatternValues) {
        switch values {
        case .binary(let v): self = .binary(v, BinaryPattern(v))
        case .continuous(let v): self = .continuous(v.map(Double.init))
        }
    }

    public var count: Int {
        switch self {
        case .binary(let v, _): return v.count
        case .continuous(let v): return v.count
        }
    }

    /// Values as Double (±1 for binary).
    public var doubles: [Double] {
        switch self {
        case .binary(let v, _): return v.map(Double.init)
        case .continuous(let v): return v
        }
    }

    /// 1 − |overlap|/N, or 1 − |cos| for real values.
    public func dissimilarity(to other: PatternVector) -> Double {
        switch (self, other) {
        case (.binary(_, let a), .binary(_, let b)):
            return 1 - Double(abs(a.overlap(with: b))) / Double(a.count)
        default:
            let x = doubles, y = other.doubles
            var dot = 0.0, nx = 0.0, ny = 0.0
            for i in 0..<x.count {
                dot += x[i] * y[i]
                nx += x[i] * x[i]
                ny += y[i] * y[i]
            }
            guard nx > 0, ny > 0 else { return 1 }
            return 1 - abs(dot) / (nx * ny).squareRoot()
        }
    }
}

/// What a converged state is. Raw values are the names written in CSV files.
public enum Outcome: String, Sendable, CaseIterable {
    /// Equal to a memory of the image's own class.
    case correct
    /// Equal to a memory of another class.
    case error
    /// Equal to a negated memory (a known attractor; the notebook counted it as spurious).
    case inverted
    /// A fixed point that is no memory and no negated memory.
    case spurious
    /// Synchronous updates revisited a state.
    case cycle
    /// Still changing after dynamics.maxSweeps sweeps.
    case unconverged
}

/// The stored patterns with their network, binary or continuous.
public struct StoredNetwork: Sendable {
    public enum Kind: Sendable {
        case binary(BinaryNetworkBox)
        case continuous(ModernNetwork, tolerance: Double)
        case rbm(RBMNetwork)
        case hebbianRBM(HebbianRBM)
    }

    /// How a trained rule is trained (or where its parameters are loaded from).
    public struct Training: Sendable {
        public var seed: UInt64 = 0
        public var jobs = 1
        /// Image side, for the convolutional rule.
        public var side = 0
        /// A run folder whose saved parameters are loaded instead of training.
        public var load: String?
        public var observer: TrainingObserver?
        public init() {}
    }

    /// Per-epoch training log (empty for rules that are not trained).
    public private(set) var trainingLog: [TrainingEpoch] = []
    /// Wall time of training (for the manifest only: never in a CSV).
    public private(set) var trainingSeconds = 0.0

    public let kind: Kind
    public let neurons: Int
    /// ±1 memories (binary networks, and modern networks storing binary patterns).
    public let binaryMemories: Memories?
    public let continuousMemories: ContinuousMemories

    public init(rule: LearningRule, patterns: [PatternVector], tolerance: Double, training: Training = Training()) throws {
        neurons = patterns[0].count
        continuousMemories = ContinuousMemories(patterns.map(\.doubles))
        var binary: [[Int8]]? = []
        for p in patterns {
            if case .binary(let v, _) = p { binary?.append(v) } else { binary = nil }
        }
        binaryMemories = binary.map(Memories.init)
        let n = neurons
        let started = Date()
        // Saved parameters, read back with their checked shapes.
        let files = StoredNetwork.savedFiles(rule, neurons: n)
        func int32(_ k: Int) throws -> [Int32] { try NPYReader.int32(joinPath(training.load!, files[k].name), shape: files[k].shape) }
        func float64(_ k: Int) throws -> [Double] { try NPYReader.float64(joinPath(training.load!, files[k].name), shape: files[k].shape) }
        switch rule {
        case .modern(let beta):
            kind = .continuous(ModernNetwork(memories: continuousMemories, beta: beta), tolerance: tolerance)
        case .hebbianRBM(let activation):
            kind = .hebbianRBM(HebbianRBM(memories: binaryMemories!, activation: activation))
        case .perceptron(let options):
            if training.load != nil {
                kind = .binary(.perceptron(PerceptronNetwork(memories: binaryMemories!, weights: try int32(0), biases: try int32(1))))
            } else {
                let (network, log) = PerceptronNetwork.train(binaryMemories!, options: options, seed: training.seed, jobs: training.jobs,
                                                             observer: training.observer)
                kind = .binary(.perceptron(network))
                trainingLog = log
            }
        case .conv(let options):
            if training.load != nil {
                kind = .binary(.conv(ConvolutionNetwork(memories: binaryMemories!, side: training.side, kernelSize: options.kernelSize,
                                                        kernel: try int32(0), bias: try int32(1)[0])))
            } else {
                let (network, log) = ConvolutionNetwork.train(binaryMemories!, side: training.side, options: options, seed: training.seed,
                                                              observer: training.observer)
                kind = .binary(.conv(network))
                trainingLog = log
            }
        case .rbm(let options):
            if training.load != nil {
                kind = .rbm(RBMNetwork(memories: binaryMemories!, hidden: options.hidden, weights: try float64(0), visibleBias: try float64(1),
                                       hiddenBias: try float64(2), recall: options.recall, samplingSteps: options.samplingSteps))
            } else {
                let (network, log) = RBMNetwork.train(binaryMemories!, options: options, seed: training.seed, jobs: training.jobs,
                                                      observer: training.observer)
                kind = .rbm(network)
                trainingLog = log
            }
        default:
            kind = .binary(BinaryNetworkBox(rule: rule, memories: binaryMemories!))
        }
        if rule.isTrained && training.load == nil { trainingSeconds = Date().timeIntervalSince(started) }
    }

    /// Learned or stored parameters: N(N−1)/2 symmetric couplings for the matrix rules, P·N for
    /// the rules that keep the memories, the trained rules' own counts.
    public var parameterCount: Int {
        switch kind {
        case .binary(.perceptron(let network)): return network.parameterCount
        case .binary(.conv(let network)): return network.parameterCount
        case .binary(.dense): return continuousMemories.count * neurons
        case .binary: return neurons * (neurons - 1) / 2
        case .continuous: return continuousMemories.count * neurons
        case .rbm(let network): return network.parameterCount
        case .hebbianRBM(let network): return network.parameterCount
        }
    }

    /// The .npy files a trained rule saves in its run folder and `network.load` reads back:
    /// name, NumPy element type and shape.
    public static func savedFiles(_ rule: LearningRule, neurons n: Int) -> [(name: String, descr: String, shape: [Int])] {
        switch rule {
        case .perceptron: return [("weights.npy", "<i4", [n, n]), ("biases.npy", "<i4", [n])]
        case .conv(let o): return [("kernel.npy", "<i4", [o.kernelSize, o.kernelSize]), ("bias.npy", "<i4", [1])]
        case .rbm(let o): return [("weights.npy", "<f8", [n, o.hidden]), ("visible-bias.npy", "<f8", [n]), ("hidden-bias.npy", "<f8", [o.hidden])]
        default: return []
        }
    }

    /// Checks, before a batch starts, that a folder holds the parameter files of `rule` with the
    /// right element types and shapes.
    public static func checkSavedFiles(_ rule: LearningRule, neurons: Int, folder: String) throws {
        for file in savedFiles(rule, neurons: neurons) {
            let path = joinPath(folder, file.name)
            let array = try NPYReader.read(path)
            try NPYReader.check(array, path, descr: file.descr, size: file.descr == "<f8" ? 8 : 4, shape: file.shape)
        }
    }

    /// The learned parameters as .npy files (weights.npy ...), to reload with `network.load`.
    public var parameterFiles: [(String, [UInt8])] {
        switch kind {
        case .binary(.perceptron(let network)):
            let n = network.neurons
            return [("weights.npy", NPY.int32(network.weights, shape: [n, n])), ("biases.npy", NPY.int32(network.biases, shape: [n]))]
        case .binary(.conv(let network)):
            let k = network.kernelSize
            return [("kernel.npy", NPY.int32(network.kernel, shape: [k, k])), ("bias.npy", NPY.int32([network.bias], shape: [1]))]
        case .rbm(let network):
            return [("weights.npy", NPY.float64(network.weights, shape: [network.visible, network.hidden])),
                    ("visible-bias.npy", NPY.float64(network.visibleBias, shape: [network.visible])),
                    ("hidden-bias.npy", NPY.float64(network.hiddenBias, shape: [network.hidden]))]
        default:
            return []
        }
    }

    /// One settled state and what it is.
    public struct Settled: Sendable {
        public var state: [Double]
        public var status: ConvergenceStatus
        public var sweeps: Int
        public var energyStart: Double
        public var energyEnd: Double
        public var match: MemoryMatch
        /// The memory with the largest |overlap| (|cos| for real values) and that overlap / N.
        public var nearest: Int
        public var nearestOverlap: Double
        public var history: History?
        public var continuousHistory: ContinuousHistory?
    }

    /// Converges from `start` (±1 or 0 entries for binary networks; real values for modern ones).
    public func settle(_ start: [Double], dynamics: Dynamics, rng: inout Xoshiro256StarStar) -> Settled {
        switch kind {
        case .binary(let network):
            let initial = start.map { Int8($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) }
            return binarySettled(network.converge(from: initial, dynamics: dynamics, rng: &rng), dynamics: dynamics)
        case .rbm(let network):
            return binarySettled(network.converge(from: start, maxSweeps: dynamics.maxSweeps, rng: &rng, history: dynamics.history),
                                 dynamics: dynamics)
        case .hebbianRBM(let network):
            return binarySettled(network.converge(from: start, maxSweeps: dynamics.maxSweeps, history: dynamics.history),
                                 dynamics: dynamics)
        case .continuous(let network, let tolerance):
            let result = network.converge(from: start, maxSteps: dynamics.maxSweeps, history: dynamics.history)
            let nearest = continuousMemories.nearest(result.state)
            return Settled(state: result.state, status: result.status, sweeps: result.steps,
                           energyStart: result.energyStart, energyEnd: result.energyEnd,
                           match: continuousMemories.match(result.state, tolerance: tolerance),
                           nearest: nearest.index, nearestOverlap: nearest.cosine, history: nil,
                           continuousHistory: dynamics.history.isEmpty ? nil : result.history)
        }
    }

    func binarySettled(_ result: Convergence, dynamics: Dynamics) -> Settled {
        let packed = BinaryPattern(result.state)
        let stored = binaryMemories!
        let nearest = stored.nearest(packed)
        return Settled(state: result.state.map(Double.init), status: result.status, sweeps: result.sweeps,
                       energyStart: result.energyStart, energyEnd: result.energyEnd, match: stored.match(packed),
                       nearest: nearest.index, nearestOverlap: Double(nearest.overlap) / Double(neurons),
                       history: dynamics.history.isEmpty ? nil : result.history, continuousHistory: nil)
    }

    /// Whether a stored pattern is a fixed point of the recall dynamics (binary patterns).
    public func isFixedPoint(_ pattern: [Int8], tie: TieRule) -> Bool {
        switch kind {
        case .binary(let network): return network.isFixedPoint(pattern, tie: tie)
        case .rbm(let network): return network.meanFieldStep(pattern.map(Double.init)) == pattern.map(Double.init)
        case .hebbianRBM(let network): return network.step(pattern.map(Double.init)) == pattern.map(Double.init)
        case .continuous: return false
        }
    }
}

/// Energies in CSV files: integers exactly, other values in shortest round-trip form.
func energyText(_ e: Double) -> String { Format.exact(e) }
