import Hopfield

/// Everything a run computed, as typed values: its rows of runs.csv, its per-item records, its
/// memories, its network, and the material for its pictures. Nothing here is text yet;
/// ``files(gridKeys:)`` encodes the data files in one place.
public struct RunResult: Sendable {
    public var spec: RunSpec
    /// The run's rows of runs.csv (its tally.csv).
    public var table: RunTable
    /// Per-item and per-trial records.
    public var detail: RunDetail
    /// The stored memories (classify and recall).
    public var memories: [MemoryEntry] = []
    /// The network's parameter count, training log and saved parameters (classify and recall).
    public var network: NetworkRecord?
    /// memories.npy, inputs.npy, states.npy when `outputs.states` asks for them.
    public var states: StateArrays?
    public var visuals = RunVisuals()

    public init(spec: RunSpec, table: RunTable, detail: RunDetail) {
        self.spec = spec
        self.table = table
        self.detail = detail
    }

    /// The data files of the run's folder: tally.csv, the task's CSVs, memories.csv,
    /// training.csv and the .npy arrays (pictures and the manifest are written by others).
    public func files(gridKeys: [String]) -> [(name: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = [("tally.csv", Array(table.csv(gridKeys: gridKeys).utf8))]
        func add(_ name: String, _ text: String) { files.append((name, Array(text.utf8))) }
        switch detail {
        case .classify(let predictions): add("predictions.csv", ClassifyPrediction.csv(predictions))
        case .recall(let trials, let predictions):
            add("recall.csv", RecallTrialRow.csv(trials))
            add("predictions.csv", RecallPrediction.csv(predictions))
        case .capacity(let trials): add("capacity.csv", CapacityTrialRow.csv(trials))
        }
        if spec.config.task != .capacity { add("memories.csv", MemoryEntry.csv(memories)) }
        if let network {
            if !network.trainingLog.isEmpty { add("training.csv", TrainingLogRow.csv(network.trainingLog.map(TrainingLogRow.init))) }
            files += network.parameterFiles
        }
        if let states { files += states.files }
        return files
    }
}

/// A run's records besides its rows of runs.csv.
public enum RunDetail: Sendable {
    /// predictions.csv: every training and test image.
    case classify([ClassifyPrediction])
    /// recall.csv (a row per level and trial) and predictions.csv (every start).
    case recall(trials: [RecallTrialRow], predictions: [RecallPrediction])
    /// capacity.csv: a row per number of patterns and trial.
    case capacity([CapacityTrialRow])
}

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

    public init(parameters: Int) { self.parameters = parameters }
}

/// The patterns of a run as NumPy arrays: int8 ±1, or float32 for continuous networks.
public struct StateArrays: Sendable {
    public var memories: [UInt8]
    public var inputs: [UInt8]
    public var states: [UInt8]

    /// The arrays of P memories, and of the inputs and final states (one row each), N neurons.
    public init(memories: [[Double]], inputs: [[Double]], states: [[Double]], continuous: Bool) {
        func encode(_ rows: [[Double]]) -> [UInt8] {
            let n = rows.first?.count ?? 0
            if continuous { return NPY.float32(rows.flatMap { $0.map(Float.init) }, shape: [rows.count, n]) }
            return NPY.int8(rows.flatMap { $0.map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) } }, shape: [rows.count, n])
        }
        self.memories = encode(memories)
        self.inputs = encode(inputs)
        self.states = encode(states)
    }

    var files: [(name: String, bytes: [UInt8])] { [("memories.npy", memories), ("inputs.npy", inputs), ("states.npy", states)] }
}
