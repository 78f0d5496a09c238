import Foundation
import Testing

@testable import Hopfield

/// The modern network's memory-space path (exact integer overlaps, sparse softmax, overlaps of
/// later states from distances between memories, pruned by the triangle inequality) against the
/// plain definition: every memory, every pixel, full softmax.
@Suite struct ModernMemorySpaceTests {
    /// The plain run: s ← Xᵀ softmax(β X s) until nothing moves by more than 1e-9.
    static func plain(_ network: ModernNetwork, _ start: [Double], maxSteps: Int) -> (
        state: [Double], steps: Int, converged: Bool, energies: [Double]
    ) {
        var s = start, steps = 0
        var energies = [network.energy(s)]
        while steps < maxSteps {
            steps += 1
            let next = network.step(s)
            let moved = zip(next, s).map { abs($0 - $1) }.max() ?? 0
            s = next
            energies.append(network.energy(s))
            if moved <= 1e-9 { return (s, steps, true, energies) }
        }
        return (s, steps, false, energies)
    }

    /// Both ways of getting X s after the first update: the Gram matrix (up to 4096 memories)
    /// and the distances pruned by the triangle inequality (beyond).
    @Test(arguments: [0.002, 0.02, 0.2, 1.0, 8.0], [true, false])
    func memorySpaceEqualsThePlainDefinition(beta: Double, gram: Bool) {
        var rng = Xoshiro256StarStar(seed: 11)
        let n = 96, p = 40
        // Correlated memories: 8 prototypes, each memory one of them with 10% of its bits flipped.
        let prototypes = (0..<8).map { _ in Corruption.random(neurons: n, rng: &rng) }
        let rows = (0..<p).map { mu -> [Int8] in prototypes[mu % 8].map { rng.unit() < 0.1 ? -$0 : $0 } }
        let memories = ContinuousMemories(rows.map { $0.map(Double.init) })
        let network = ModernNetwork(memories: memories, beta: beta, gramLimit: gram ? 4096 : 0)
        #expect(network.packed != nil && (network.gram != nil) == gram)
        for trial in 0..<24 {
            var start = rows[trial % p].map { rng.unit() < 0.3 ? -Double($0) : Double($0) }
            if trial % 4 == 3 { for i in 0..<n / 3 { start[i] = 0 } }  // a masked start: not ±1
            let fast = network.settle(from: start, maxSteps: 50, history: [.energy])
            let slow = Self.plain(network, start, maxSteps: 50)
            #expect(
                fast.convergence.steps == slow.steps && (fast.convergence.status == .converged) == slow.converged,
                "β \(beta) trial \(trial)")
            let difference = zip(fast.convergence.state, slow.state).map { abs($0 - $1) }.max() ?? 0
            #expect(difference < 1e-12, "β \(beta) trial \(trial): states differ by \(difference)")
            for (a, b) in zip(fast.convergence.history.energies, slow.energies) {
                #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "β \(beta) trial \(trial): energy \(a) vs \(b)")
            }
            #expect(fast.match == memories.match(slow.state, tolerance: 0.01), "β \(beta) trial \(trial)")
            let nearest = memories.nearest(slow.state)
            #expect(fast.nearest == nearest.index && abs(fast.cosine - nearest.cosine) < 1e-12, "β \(beta) trial \(trial)")
        }
    }

    /// The cut-off keeps the normaliser exact: summed largest first, weights below 2⁻⁵⁴/P of the
    /// largest leave the sum unchanged bit for bit.
    @Test func droppedWeightsLeaveTheSumUnchanged() {
        var rng = Xoshiro256StarStar(seed: 5)
        for p in [2, 50, 5000] {
            let cutoff = 54 * log(2.0) + log(Double(p))
            var weights = (0..<p).map { _ in exp(-rng.unit() * 3 * cutoff) }
            weights[0] = 1
            weights.sort(by: >)
            var all = 0.0, kept = 0.0
            for w in weights { all += w }
            for w in weights where w >= exp(-cutoff) { kept += w }
            #expect(all == kept, "P = \(p)")
        }
    }
}
