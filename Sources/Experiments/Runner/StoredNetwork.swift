import Foundation
import Hopfield
import Imaging

/// The stored patterns with their network, binary or continuous.
public struct StoredNetwork: Sendable {
    /// The network behind the stored patterns.
    public enum Kind: Sendable {
        /// A network of ±1 neurons updated one at a time (or all at once).
        case binary(BinaryNetworkBox)
        /// The modern network, with the tolerance of its equality test.
        case continuous(ModernNetwork, tolerance: Double)
        /// A trained RBM.
        case rbm(RBMNetwork)
        /// An RBM whose hidden units are the memories.
        case hebbianRBM(HebbianRBM)
    }

    /// How a trained rule is trained (or where its parameters are loaded from).
    public struct Training: Sendable {
        /// The training stream's seed.
        public var seed: UInt64 = 0
        /// Threads for training (results never depend on it).
        public var jobs = 1
        /// Image side, for the convolutional rule.
        public var side = 0
        /// A run folder whose saved parameters are loaded instead of training.
        public var load: String?
        /// Called after every epoch.
        public var observer: TrainingObserver?
        /// An empty value, filled in field by field (as when a CSV line is read).
        public init() {}

        /// A saved int32 array of `load`, with its checked shape.
        public func int32(_ file: SavedFile) throws -> [Int32] { try NPYReader.int32(joinPath(load!, file.name), shape: file.shape) }

        /// A saved float64 array of `load`, with its checked shape.
        public func float64(_ file: SavedFile) throws -> [Double] {
            try NPYReader.float64(joinPath(load!, file.name), shape: file.shape)
        }
    }

    /// Per-epoch training log (empty for rules that are not trained).
    public private(set) var trainingLog: [TrainingEpoch] = []
    /// Wall time of training (for the manifest only: never in a CSV).
    public private(set) var trainingSeconds = 0.0

    /// The network.
    public let kind: Kind
    /// N.
    public let neurons: Int
    /// ±1 memories (binary networks, and modern networks storing binary patterns).
    public let binaryMemories: Memories?
    /// The memories as real values, for continuous patterns only (±1 patterns are in
    /// `binaryMemories`; a real copy of 54,000 of them would be 338 MB).
    public let continuousPatterns: ContinuousMemories?
    /// What the rule's own energy is divided by to be reported: N for the Hebbian rules (their
    /// couplings are kept as the exact integers XᵀX), 1 for the others. Reported energies are so
    /// on notebook 001's scale, J = XᵀX/N, the scale the Storkey rule (its 1/N) and the
    /// pseudo-inverse (a projection) already have: a stored pattern's E/N is near −½ for all three.
    public let energyDivisor: Double
    /// What the rule cannot promise for these patterns (`ProjectionNetwork.limitations`): run
    /// warnings, in the manifest, on the terminal and in the report.
    public private(set) var warnings: [String] = []
    /// P.
    public var memoryCount: Int { binaryMemories?.count ?? continuousPatterns!.count }

    /// Memory μ as real values (±1 for binary patterns).
    public func memoryPattern(_ mu: Int) -> [Double] {
        if let binary = binaryMemories { return binary.pattern(mu).map(Double.init) }
        return continuousPatterns!.pattern(mu)
    }

    /// Stores (or trains on, or loads) `patterns` with `rule` (``RuleDefinition/build(_:)``). Refuses
    /// a classifier rule (dam, with no stored-pattern network) and, before allocating anything, a
    /// network that does not fit in ``MemoryBudget`` (`NetworkFootprint`).
    public init(rule: any RuleDefinition, patterns: [PatternVector], tolerance: Double, training: Training = Training()) throws {
        guard let first = patterns.first else { throw ConfigError(path: "memories", "no pattern to store") }
        var continuous = false
        if case .continuous = first { continuous = true }
        try Self.checkBuildable(rule, neurons: first.count, memories: patterns.count, continuous: continuous)
        neurons = first.count
        energyDivisor = rule.energyDivisor(neurons: first.count)
        var binary: [(values: [Int8], packed: BinaryPattern)]? = []
        for p in patterns {
            if case .binary(let v, let packed) = p { binary?.append((v, packed)) } else { binary = nil }
        }
        // The packed forms made when the images were loaded: the memories are not packed again.
        binaryMemories = binary.map { Memories($0.map(\.values), packed: $0.map(\.packed)) }
        continuousPatterns = binary == nil ? ContinuousMemories(patterns.map(\.doubles)) : nil
        let started = Date()
        let built = try rule.build(
            Input(binary: binaryMemories, continuous: continuousPatterns, tolerance: tolerance, training: training))
        kind = built.kind
        trainingLog = built.trainingLog
        warnings = built.warnings
        if let divergence = TrainingEpoch.diverged(trainingLog) { throw RunError(divergence) }
        if rule.isTrained && training.load == nil { trainingSeconds = Date().timeIntervalSince(started) }
    }

    /// What a rule builds its network from (``RuleDefinition/build(_:)``).
    public struct Input: Sendable {
        /// ±1 memories (nil for real-valued patterns).
        public var binary: Memories?
        /// Real-valued memories (nil for ±1 patterns).
        public var continuous: ContinuousMemories?
        /// The equality tolerance of continuous networks.
        public var tolerance: Double
        /// How a trained rule is trained, or where its parameters are loaded from.
        public var training: Training
    }

    /// What a rule built: the network, its training log and its warnings.
    public struct Built: Sendable {
        /// The network.
        public var kind: Kind
        /// Per-epoch training log (empty for rules that are not trained).
        public var trainingLog: [TrainingEpoch] = []
        /// What the rule cannot promise for these patterns.
        public var warnings: [String] = []

        /// A built network.
        public init(kind: Kind, trainingLog: [TrainingEpoch] = [], warnings: [String] = []) {
            self.kind = kind
            self.trainingLog = trainingLog
            self.warnings = warnings
        }
    }

    /// The checks made before a network is built, from the sizes alone (nothing is allocated):
    /// not a classifier rule, which has no stored-pattern network; the rule's N limit
    /// (``RuleDefinition/sizeLimit(neurons:)``); a `NetworkFootprint` within ``MemoryBudget``.
    public static func checkBuildable(_ rule: any RuleDefinition, neurons: Int, memories: Int, continuous: Bool) throws(ConfigError) {
        if rule.isClassifier { throw classifierRefusal(rule.name) }
        if let limit = rule.sizeLimit(neurons: neurons) { throw ConfigError(path: "network.rule", limit) }
        let footprint = NetworkFootprint(
            neurons: neurons, memories: memories, continuous: continuous, rule: rule.footprint(neurons: neurons, memories: memories))
        if let problem = footprint.problem(rule: rule.name, neurons: neurons, memories: memories, budget: MemoryBudget.bytes) {
            throw ConfigError(path: "network", problem)
        }
    }

    /// Why a classifier rule builds no network of stored patterns.
    static func classifierRefusal(_ name: String) -> ConfigError {
        ConfigError(
            path: "network.rule",
            "\(name) is a trained classifier (memories over pixels and class neurons, trained on "
                + "a labelled training split), not a network of stored patterns: use it through a config's classify task "
                + "(hopfield run, or hl.run in Python)")
    }

    /// A state's energy as runs report it: the rule's own energy over ``energyDivisor`` for
    /// binary networks, the modern network's E(s), an RBM's free energy.
    public func energy(of state: [Double]) -> Double {
        switch kind {
        case .binary(let box): return box.energy(of: state.map { Int8($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) }) / energyDivisor
        case .continuous(let modern, _): return modern.energy(state)
        case .rbm(let rbm): return rbm.freeEnergy(state)
        case .hebbianRBM(let rbm): return rbm.energy(state) / energyDivisor
        }
    }

    /// Learned or stored parameters: N(N−1)/2 symmetric couplings for the matrix rules, P·N for
    /// the rules that keep the memories, the trained rules' own counts.
    public var parameterCount: Int {
        switch kind {
        case .binary(.perceptron(let network)): return network.parameterCount
        case .binary(.conv(let network)): return network.parameterCount
        case .binary(.dense): return memoryCount * neurons
        case .binary: return neurons * (neurons - 1) / 2
        case .continuous: return memoryCount * neurons
        case .rbm(let network): return network.parameterCount
        case .hebbianRBM(let network): return network.parameterCount
        }
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
