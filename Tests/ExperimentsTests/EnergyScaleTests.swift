import Hopfield
import Testing

@testable import Experiments

/// Energies on one scale across rules (issue 22): a stored pattern's E/N is about −½ under the
/// Hebbian, Storkey and pseudo-inverse rules alike (notebook 001's J = XᵀX/N), where the Hebbian
/// energies used to be N times larger (`hopfield recall` printed E/N = −767.5 for 3 digits).
@Suite struct EnergyScaleTests {
    static func patterns(_ count: Int, neurons: Int, seed: UInt64) -> [PatternVector] {
        var rng = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in
            let v = Corruption.random(neurons: neurons, rng: &rng)
            return PatternVector.binary(v, BinaryPattern(v))
        }
    }

    @Test func aStoredPatternHasEnergyPerNeuronNearMinusOneHalfUnderEveryPairwiseRule() throws {
        let n = 400
        let stored = Self.patterns(5, neurons: n, seed: 3)
        var perNeuron: [String: Double] = [:]
        for rule: any RuleDefinition in [HebbianRule(), StorkeyRule(), PseudoinverseRule()] {
            let network = try StoredNetwork(rule: rule, patterns: stored, tolerance: 0.01)
            let e = network.energy(of: stored[0].doubles) / Double(n)
            perNeuron[rule.name] = e
            // −½(1 − P/N) up to the crosstalk of the other memories.
            #expect(abs(e + 0.5 * (1 - 5.0 / Double(n))) < 0.02, "\(rule.name): E/N = \(e)")
            // The settled energies the CSVs record are on the same scale.
            var rng = Xoshiro256StarStar(seed: 1)
            let settled = network.settle(NetworkState(stored[0]), dynamics: Dynamics(), rng: &rng)
            #expect(settled.energyEnd == network.energy(of: stored[0].doubles))
        }
        #expect(abs(perNeuron["hebbian"]! - perNeuron["pseudoinverse"]!) < 0.02)
        #expect(abs(perNeuron["hebbian"]! - perNeuron["storkey"]!) < 0.02)
    }

    @Test func hebbianEnergiesAreTheIntegerEnergyOverN() throws {
        let stored = Self.patterns(3, neurons: 64, seed: 4)
        let network = try StoredNetwork(rule: HebbianRule(), patterns: stored, tolerance: 0.01)
        let start = Self.patterns(1, neurons: 64, seed: 9)[0].doubles
        // −½ Σ_{i≠j} s_i s_j Σ_μ x_i^μ x_j^μ, written out.
        var sum = 0
        let x = stored.map(\.doubles)
        for i in 0..<64 { for j in 0..<64 where i != j { for mu in 0..<3 { sum += Int(start[i] * start[j] * x[mu][i] * x[mu][j]) } } }
        #expect(network.energy(of: start) == -0.5 * Double(sum) / 64)
    }
}
