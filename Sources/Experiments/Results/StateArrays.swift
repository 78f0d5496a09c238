import Hopfield

/// The patterns of a run as NumPy arrays: int8 ±1, or float32 for continuous networks.
public struct StateArrays: Sendable {
    /// memories.npy: P × N.
    public var memories: [UInt8]
    /// inputs.npy: one start per row.
    public var inputs: [UInt8]
    /// states.npy: the final states, in the same order.
    public var states: [UInt8]
    /// Whether only memories.npy is written (basins: its starts are many and made by bisection).
    public var onlyMemories = false

    /// The arrays of P memories, and of the inputs and final states (one row each), N neurons.
    public init(memories: [NetworkState], inputs: [NetworkState], states: [NetworkState], continuous: Bool) {
        func encode(_ rows: [NetworkState]) -> [UInt8] {
            let n = rows.first?.count ?? 0
            if continuous { return NPY.float32(rows.flatMap { $0.doubles.map(Float.init) }, shape: [rows.count, n]) }
            return NPY.int8(rows.flatMap(\.signs), shape: [rows.count, n])
        }
        self.memories = encode(memories)
        self.inputs = encode(inputs)
        self.states = encode(states)
    }

    var files: [(name: String, bytes: [UInt8])] {
        onlyMemories ? [("memories.npy", memories)] : [("memories.npy", memories), ("inputs.npy", inputs), ("states.npy", states)]
    }
}
