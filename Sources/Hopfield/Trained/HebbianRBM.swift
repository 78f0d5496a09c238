import Glibc

/// An RBM whose hidden units are the stored memories themselves, with Hebbian couplings
/// W = Xᵀ (notebook 003's "Hebbian RBM"): hidden inputs are the overlaps u = X v, and the visible
/// layer is set to sign(Xᵀ g(u)). With a linear g this is the classical Hopfield network updated
/// synchronously (h = Σ_μ x^μ m_μ = W v + P v: Hebbian couplings plus a self-coupling P) — the
/// known equivalence of Hopfield networks and RBMs with Gaussian hidden units (Barra et al.
/// 2012). With g = softmax(β·) it is one step of the modern network followed by the sign.
public struct HebbianRBM: Sendable {
    /// g, applied to the overlaps u = X v before they return to the visible layer (config key
    /// `activation`).
    public enum Activation: Sendable, Equatable, Hashable {
        /// g(u) = u: the synchronous Hebbian network plus a self-coupling P.
        case linear
        /// g(u) = softmax(βu): one step of the modern network (β as in ``ModernNetwork``), then the
        /// sign.
        case softmax(beta: Double)
    }

    /// The stored patterns, which are also the couplings (W = Xᵀ).
    public let memories: Memories
    /// g, fixed at construction.
    public let activation: Activation

    /// A Hebbian RBM over the memories with activation g; nothing is trained.
    public init(memories: Memories, activation: Activation) {
        self.memories = memories
        self.activation = activation
    }

    /// P·N: the couplings, which are the memories themselves.
    public var parameterCount: Int { memories.count * memories.neurons }

    /// u = X v.
    func overlaps(_ v: [Double]) -> [Double] {
        let n = memories.neurons
        return (0..<memories.count).map { mu -> Double in
            var s = 0.0
            for i in 0..<n { s += Double(memories.rows[mu * n + i]) * v[i] }
            return s
        }
    }

    /// One parallel update, v ← sign(Xᵀ g(X v)), ties to +1.
    public func step(_ v: [Double]) -> [Double] {
        let n = memories.neurons, p = memories.count
        var u = overlaps(v)
        if case .softmax(let beta) = activation {
            let top = u.max() ?? 0
            let e = u.map { exp(beta * ($0 - top)) }
            let total = e.reduce(0, +)
            u = e.map { $0 / total }
        }
        return (0..<n).map { i in
            var s = 0.0
            for mu in 0..<p { s += Double(memories.rows[mu * n + i]) * u[mu] }
            return s >= 0 ? 1 : -1
        }
    }

    /// −Σ_μ F(u_μ): −½Σ u² for the linear case, −β⁻¹ log Σ e^(βu) for softmax.
    public func energy(_ v: [Double]) -> Double {
        let u = overlaps(v)
        switch activation {
        case .linear: return -0.5 * u.reduce(0) { $0 + $1 * $1 }
        case .softmax(let beta):
            let top = u.max() ?? 0
            return -(top + log(u.reduce(0) { $0 + exp(beta * ($1 - top)) }) / beta)
        }
    }

    /// Iterates ``step(_:)`` from `start` until nothing changes (converged), a state comes back
    /// (`cycle`, without its period) or `maxSweeps` steps. Deterministic: nothing is drawn.
    public func converge(from start: [Double], maxSweeps: Int, history: HistoryOptions = []) -> Convergence {
        iterateToFixedPoint(from: start, continuing: nil, maxSweeps: maxSweeps, history: history, step: step, energy: energy)
    }
}
