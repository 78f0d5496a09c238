extension ModernNetwork {
    /// The largest |x^μ · s| the network works with: a quarter of the largest Double, so that
    /// X s, the differences z_μ − max z and the energy's −lse + ½ sᵀs + ½ M² stay finite. Beyond,
    /// X s overflows to ±∞, the softmax weights become NaN and no memory is left to update from.
    public static let largestOverlap = Double.greatestFiniteMagnitude / 4

    /// Why real-valued memories cannot be stored, or nil: an entry that is not finite, or a
    /// memory whose squared norm exceeds ``largestOverlap`` (its overlaps would overflow).
    public static func memoryProblem(_ rows: [[Double]]) -> String? {
        for (mu, row) in rows.enumerated() {
            if let i = row.firstIndex(where: { !$0.isFinite }) { return "memory \(mu) entry \(i) is \(row[i]), expected a finite number" }
            let square = row.reduce(0) { $0 + $1 * $1 }
            if !(square <= largestOverlap) {
                return
                    "memory \(mu) is too large for the modern network: its squared norm \(square) exceeds \(largestOverlap) (scale the patterns down)"
            }
        }
        return nil
    }

    /// The largest Euclidean norm of a memory (√N for ±1 memories).
    public var largestNorm: Double { (2 * halfLargestNormSquared).squareRoot() }

    /// Why `state` cannot be a start of this network, or nil: an entry that is not finite, or a
    /// state so large that ‖s‖·max‖x^μ‖ (the largest |X s|) or ½ sᵀs exceeds ``largestOverlap``.
    public func startProblem(_ state: [Double]) -> String? {
        if let i = state.firstIndex(where: { !$0.isFinite }) { return "entry \(i) is \(state[i]), expected a finite number" }
        let square = state.reduce(0) { $0 + $1 * $1 }
        let bound = Self.largestOverlap
        guard square <= bound, square.squareRoot() * largestNorm <= bound else {
            return "is too large for the modern network: ‖s‖ = \(square.squareRoot()) and the largest memory norm \(largestNorm) "
                + "give overlaps X s beyond \(bound) (scale the states down)"
        }
        return nil
    }
}
