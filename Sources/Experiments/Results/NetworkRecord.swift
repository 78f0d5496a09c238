import Hopfield

/// What a run's network is: its size, how it was trained, its learned parameters.
public struct NetworkRecord: Sendable {
    /// Learned or stored parameters.
    public var parameters: Int
    /// Per-epoch log of trained rules (empty for the others).
    public var trainingLog: [TrainingEpoch] = []
    /// Wall time of training (the manifest's, never a CSV's); nil when nothing was trained.
    public var trainingSeconds: Double?
    /// The learned parameters as .npy files (weights.npy ...), for `network.load`.
    public var parameterFiles: [(name: String, bytes: [UInt8])] = []
    /// What the rule cannot promise for these patterns (the manifest's `warnings`).
    public var warnings: [String] = []

    /// The record of a network with this many parameters (not trained).
    public init(parameters: Int) { self.parameters = parameters }
}
