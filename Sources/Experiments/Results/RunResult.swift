import Hopfield

/// Everything a run computed, as typed values: its rows of runs.csv, its per-item records, its
/// memories, its network, and the material for its pictures. Nothing here is text yet;
/// ``files(gridKeys:)`` encodes the data files in one place.
public struct RunResult: Sendable {
    /// The run.
    public var spec: RunSpec
    /// The run's rows of runs.csv (its tally.csv).
    public var table: RunTable
    /// Per-item and per-trial records (the task's own type).
    public var detail: any TaskDetail
    /// The stored memories (classify and recall).
    public var memories: [MemoryEntry] = []
    /// The network's parameter count, training log and saved parameters (classify and recall).
    public var network: NetworkRecord?
    /// memories.npy, inputs.npy, states.npy when `outputs.states` asks for them.
    public var states: StateArrays?
    /// Material for the run's pictures.
    public var visuals = RunVisuals()
    /// What the run's feature codes look like (runs with a feature stage and ±1 codes).
    public var codes: CodeStatistics?

    /// A result with its rows and records; memories, network and pictures are added by the task.
    public init(spec: RunSpec, table: RunTable, detail: any TaskDetail) {
        self.spec = spec
        self.table = table
        self.detail = detail
    }

    /// The data files of the run's folder: tally.csv, the task's CSVs, memories.csv,
    /// training.csv, codes.csv and the .npy arrays (pictures and the manifest are written by others).
    public func files(gridKeys: [String]) -> [(name: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = [("tally.csv", Array(table.csv(gridKeys: gridKeys).utf8))]
        func add(_ name: String, _ text: String) { files.append((name, Array(text.utf8))) }
        for file in detail.files { add(file.name, file.text) }
        if spec.config.task.definition.writesMemories { add("memories.csv", MemoryEntry.csv(memories)) }
        if let network {
            if !network.trainingLog.isEmpty { add("training.csv", TrainingLogRow.csv(network.trainingLog.map(TrainingLogRow.init))) }
            files += network.parameterFiles
        }
        if let states { files += states.files }
        if let codes { add("codes.csv", CodeStatistics.csv([codes])) }
        return files
    }
}
