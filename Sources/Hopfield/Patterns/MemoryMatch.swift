/// Where a state stands relative to the memories.
public enum MemoryMatch: Equatable, Sendable {
    /// The state is memory μ (the associated index).
    case memory(Int)
    /// The state is −x^μ, the negation of memory μ (the associated index). Every rule whose energy
    /// is even, E(−s) = E(s), has it as an attractor too; the notebooks counted it as spurious.
    case inverted(Int)
    /// Neither a memory nor a negated one (within the tolerance, for real states): a spurious
    /// state, such as a mixture of memories.
    case none
}
