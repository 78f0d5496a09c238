/// A network of ±1 neurons built by any binary rule, behind one type.
public enum BinaryNetworkBox: Sendable {
    /// The Hebbian rule with exact integer fields (``HebbianNetwork``).
    case hebbian(HebbianNetwork)
    /// An explicit N×N matrix: the Storkey rule (``MatrixNetwork``).
    case matrix(MatrixNetwork)
    /// The pseudo-inverse rule (``ProjectionNetwork``).
    case projection(ProjectionNetwork)
    /// A dense associative memory (``DenseAssociativeNetwork``).
    case dense(DenseAssociativeNetwork)
    /// A pairwise rule run from its fixed-point field vector (``FieldVectorNetwork``).
    case fieldVector(FieldVectorNetwork)
    /// Couplings learned by per-neuron perceptrons (``PerceptronNetwork``); boxed after training,
    /// not by ``init(rule:memories:jobs:)``.
    case perceptron(PerceptronNetwork)
    /// A trained shared kernel (``ConvolutionNetwork``); boxed after training, not by
    /// ``init(rule:memories:jobs:)``.
    case conv(ConvolutionNetwork)

    /// Builds the network of a rule whose couplings come from the memories alone, in the form
    /// that is cheapest for its size:
    /// - Storkey: always a ``FieldVectorNetwork`` (its matrix exists anyway; fields in O(1));
    /// - pseudo-inverse: a ``FieldVectorNetwork`` once rank² ≥ 4N (the own form costs O(P²) per
    ///   change, the field vector O(N)), while N ≤ ``fieldVectorLimit``;
    /// - Hebbian: a ``FieldVectorNetwork`` once 4P ≥ N (a field costs O(P) in the own form), while
    ///   N ≤ ``fieldVectorLimit``; the same exact integers either way.
    /// The choice depends on N and P only, never on the machine. `jobs` threads build the matrix.
    public init(rule: LearningRule, memories: Memories, jobs: Int = 1) {
        let n = memories.neurons
        switch rule {
        case .hebbian:
            if 4 * memories.count >= n && n <= Self.fieldVectorLimit {
                self = .fieldVector(
                    FieldVectorNetwork(memories: memories, weights: MatrixNetwork.hebbian(memories).weights, integers: true))
            } else {
                self = .hebbian(HebbianNetwork(memories: memories))
            }
        case .storkey:
            let matrix = MatrixNetwork.storkey(memories, jobs: jobs)
            self = .fieldVector(FieldVectorNetwork(memories: memories, weights: matrix.weights))
        case .pseudoinverse(let diagonal):
            self.init(projection: ProjectionNetwork(memories: memories, diagonal: diagonal, jobs: jobs), jobs: jobs)
        case .dense(let interaction): self = .dense(DenseAssociativeNetwork(memories: memories, interaction: interaction))
        }
    }

    /// A pseudo-inverse network in the form cheapest for its size (see ``init(rule:memories:jobs:)``).
    public init(projection: ProjectionNetwork, jobs: Int = 1) {
        let n = projection.neurons
        if projection.rank * projection.rank >= 4 * n && n <= Self.fieldVectorLimit {
            self = .fieldVector(FieldVectorNetwork(memories: projection.memories, weights: projection.weightMatrix(jobs: jobs)))
        } else {
            self = .projection(projection)
        }
    }

    /// The largest N for which the Hebbian and pseudo-inverse rules use a field vector (its N×N
    /// fixed-point matrix takes N²·8 bytes: 134 MB at N = 4096).
    public static let fieldVectorLimit = 4096

    /// The stored patterns of the wrapped network.
    public var memories: Memories {
        switch self {
        case .hebbian(let n): return n.memories
        case .matrix(let n): return n.memories
        case .projection(let n): return n.memories
        case .dense(let n): return n.memories
        case .fieldVector(let n): return n.memories
        case .perceptron(let n): return n.memories
        case .conv(let n): return n.memories
        }
    }

    /// N, the length of each memory.
    public var neurons: Int { memories.neurons }

    /// Runs the wrapped network from `initial` (see ``BinaryNetwork``). The switch happens once,
    /// outside the sweeps, so each case runs its own specialised engine.
    public func converge(from initial: [Int8], dynamics: Dynamics, rng: inout Xoshiro256StarStar) -> Convergence {
        switch self {
        case .hebbian(let n): return n.converge(from: initial, dynamics: dynamics, rng: &rng)
        case .matrix(let n): return n.converge(from: initial, dynamics: dynamics, rng: &rng)
        case .projection(let n): return n.converge(from: initial, dynamics: dynamics, rng: &rng)
        case .dense(let n): return n.converge(from: initial, dynamics: dynamics, rng: &rng)
        case .fieldVector(let n): return n.converge(from: initial, dynamics: dynamics, rng: &rng)
        case .perceptron(let n): return n.converge(from: initial, dynamics: dynamics, rng: &rng)
        case .conv(let n): return n.converge(from: initial, dynamics: dynamics, rng: &rng)
        }
    }

    /// The wrapped network's energy of a state.
    public func energy(of state: [Int8]) -> Double {
        switch self {
        case .hebbian(let n): return n.energy(of: state)
        case .matrix(let n): return n.energy(of: state)
        case .projection(let n): return n.energy(of: state)
        case .dense(let n): return n.energy(of: state)
        case .fieldVector(let n): return n.energy(of: state)
        case .perceptron(let n): return n.energy(of: state)
        case .conv(let n): return n.energy(of: state)
        }
    }

    /// The wrapped network's fields of a state, one per neuron.
    public func fields(of state: [Int8]) -> [Double] {
        switch self {
        case .hebbian(let n): return n.fields(of: state)
        case .matrix(let n): return n.fields(of: state)
        case .projection(let n): return n.fields(of: state)
        case .dense(let n): return n.fields(of: state)
        case .fieldVector(let n): return n.fields(of: state)
        case .perceptron(let n): return n.fields(of: state)
        case .conv(let n): return n.fields(of: state)
        }
    }

    /// Whether every neuron already has the value its field gives in the wrapped network, ties
    /// decided by `tie`.
    public func isFixedPoint(_ state: [Int8], tie: TieRule = .plus) -> Bool {
        switch self {
        case .hebbian(let n): return n.isFixedPoint(state, tie: tie)
        case .matrix(let n): return n.isFixedPoint(state, tie: tie)
        case .projection(let n): return n.isFixedPoint(state, tie: tie)
        case .dense(let n): return n.isFixedPoint(state, tie: tie)
        case .fieldVector(let n): return n.isFixedPoint(state, tie: tie)
        case .perceptron(let n): return n.isFixedPoint(state, tie: tie)
        case .conv(let n): return n.isFixedPoint(state, tie: tie)
        }
    }
}

extension BinaryNetworkBox {
    /// Row i of the weight matrix (W_ij for every j, W_ii as the rule has it), for pictures.
    /// Nil for dense associative memories, which have no pairwise weights.
    public func weightRow(_ i: Int) -> [Double]? {
        let n = neurons
        switch self {
        case .hebbian(let network):
            let x = network.memories
            return (0..<n).map { j in
                if j == i { return 0 }
                var w = 0
                for mu in 0..<x.count { w += Int(x.rows[mu * n + i]) * Int(x.rows[mu * n + j]) }
                return Double(w)
            }
        case .matrix(let network):
            return Array(network.weights[(i * n)..<((i + 1) * n)])
        case .projection(let network):
            return network.weightRow(i)
        case .dense:
            return nil
        case .fieldVector(let network):
            return network.weightRow(i)
        case .perceptron(let network):
            return network.weights[(i * n)..<((i + 1) * n)].map(Double.init)
        case .conv(let network):
            let side = network.side, half = network.kernelSize / 2
            var row = [Double](repeating: 0, count: n)
            let r = i / side, c = i % side
            for dy in -half...half {
                for dx in -half...half where dy != 0 || dx != 0 {
                    let rr = r + dy, cc = c + dx
                    if rr >= 0 && cc >= 0 && rr < side && cc < side {
                        row[rr * side + cc] = Double(network.kernel[(dy + half) * network.kernelSize + dx + half])
                    }
                }
            }
            return row
        }
    }
}
