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

    /// The record of a network with this many parameters (not trained).
    public init(parameters: Int) { self.parameters = parameters }
}
