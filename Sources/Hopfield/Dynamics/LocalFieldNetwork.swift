/// A network whose field is a plain function of the state, h_i = Σ_j W_ij s_j + b_i, with no
/// scratch to keep in step (explicit matrices, trained perceptrons, convolution kernels).
public protocol LocalFieldNetwork: BinaryNetwork where Workspace == NoWorkspace {
    /// h_i = Σ_j W_ij s_j + b_i for the current state, bias included (W_ii s_i too, if the rule
    /// keeps a diagonal).
    func localField(_ i: Int, _ state: UnsafeBufferPointer<Int8>) -> Double
    /// b_i, for the energy (0 by default).
    func bias(_ i: Int) -> Double
}

/// The workspace of networks that need none.
public final class NoWorkspace {}

extension LocalFieldNetwork {
    /// No bias: 0 for every neuron, as for rules built from the memories alone.
    public func bias(_ i: Int) -> Double { 0 }
    /// A ``NoWorkspace``: the field is recomputed from the state, so there is nothing to keep.
    public func makeWorkspace(_ state: UnsafeBufferPointer<Int8>) -> NoWorkspace { NoWorkspace() }

    /// The field is `localField(i, state)`; the workspace is not used.
    @inline(__always)
    public func field(_ i: Int, _ state: UnsafeBufferPointer<Int8>, _ workspace: NoWorkspace) -> Double { localField(i, state) }

    /// Nothing to do: no scratch depends on the state.
    public func update(_ i: Int, from old: Int8, to new: Int8, _ state: UnsafeBufferPointer<Int8>, _ workspace: NoWorkspace) {}

    /// E = −½ Σ_ij W_ij s_i s_j − Σ_i b_i s_i; for asymmetric couplings, the energy of the
    /// symmetric part (W + Wᵀ)/2, which has the same quadratic form.
    public func energy(_ state: UnsafeBufferPointer<Int8>, _ workspace: NoWorkspace) -> Double {
        var quadratic = 0.0, linear = 0.0
        for i in 0..<neurons where state[i] != 0 {
            let b = bias(i)
            quadratic += Double(state[i]) * (localField(i, state) - b)
            linear += Double(state[i]) * b
        }
        return -0.5 * quadratic - linear
    }
}
