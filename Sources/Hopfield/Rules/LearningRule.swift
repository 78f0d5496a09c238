/// The rules whose couplings come from the memories alone, which ``BinaryNetworkBox`` builds in
/// the form cheapest for their size. (The Experiments library's `RuleDefinition` types are the
/// rules of configs, trained and continuous ones included; each builds its own network.)
public enum LearningRule: Sendable, Equatable, Hashable {
    /// W = Σ_μ x^μ x^μᵀ, zero diagonal, exact integers (`HebbianNetwork`).
    case hebbian
    /// Storkey (1997) incremental rule (`MatrixNetwork.storkey`).
    case storkey
    /// Projection rule W = Xᵀ(X Xᵀ)⁻¹X (`ProjectionNetwork`).
    case pseudoinverse(ProjectionNetwork.Diagonal)
    /// Dense associative memory with interaction F (`DenseAssociativeNetwork`).
    case dense(DenseAssociativeNetwork.Interaction)
}
