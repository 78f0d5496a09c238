extension ProjectionNetwork {
    /// W_ij = Σ_ab x_i^a (XXᵀ)⁻¹_ab x_j^b; the diagonal zeroed or kept as the network has it.
    public func weightRow(_ i: Int) -> [Double] {
        let q = rank
        var left = [Double](repeating: 0, count: q)
        for b in 0..<q {
            var sum = 0.0
            for a in 0..<q { sum += byNeuron[i * q + a] * inverse[a * q + b] }
            left[b] = sum
        }
        return (0..<neurons).map { j in
            if j == i && diagonal == .zero { return 0 }
            var sum = 0.0
            for b in 0..<q { sum += left[b] * byNeuron[j * q + b] }
            return sum
        }
    }
}
