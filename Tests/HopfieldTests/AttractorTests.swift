import Testing

@testable import Hopfield

/// ``Attractor``: memories, negated memories, odd mixtures (named, with their signs) and the rest,
/// checked on constructed states and on where random starts of a Hebbian network end.
@Suite struct AttractorTests {
    /// sign(Σ_k ε_k ξ^{μ_k}), written out by hand.
    static func mixture(_ patterns: [[Int8]], _ terms: [(Int, Int)]) -> [Int8] {
        (0..<patterns[0].count).map { i in
            let sum = terms.reduce(0) { $0 + $1.1 * Int(patterns[$1.0][i]) }
            return sum > 0 ? 1 : -1
        }
    }

    @Test func aSymmetricThreeMixtureIsNamedWithItsMemoriesAndSigns() {
        let patterns = randomPatterns(10, neurons: 400, seed: 7)
        let memories = Memories(patterns)
        let symmetric = Attractor(state: Self.mixture(patterns, [(1, 1), (2, 1), (3, 1)]), memories: memories)
        #expect(symmetric.kind == .mixture)
        #expect(symmetric.mixtureName == "+1+2+3")
        // Each memory of a symmetric 3-mixture has overlap ½ (up to the O(1/√N) chance agreement).
        #expect(Set(symmetric.top.map(\.memory)) == [1, 2, 3])
        #expect(symmetric.top.allSatisfy { abs($0.overlap - 0.5) < 0.1 })
        let signed = Attractor(state: Self.mixture(patterns, [(0, 1), (4, -1), (7, 1)]), memories: memories)
        #expect(signed.kind == .mixture)
        #expect(signed.mixtureName == "+0-4+7")
        #expect(signed.top.first { $0.memory == 4 }!.overlap < 0)
        let five = Attractor(state: Self.mixture(patterns, [(0, 1), (2, 1), (5, -1), (6, 1), (9, 1)]), memories: memories)
        #expect(five.kind == .mixture)
        #expect(five.mixtureName == "+0+2-5+6+9")
    }

    @Test func theLargestOverlapsAreTakenInOrderWithTheLowestIndexOnTies() {
        let m = [3, -9, 0, 9, 2, -5, 9, 1]
        #expect(Attractor.largest(m, count: 5) == [1, 3, 6, 5, 0])
        #expect(
            Attractor.largest(m, count: 5)
                == Array(m.indices.sorted { abs(m[$0]) > abs(m[$1]) || (abs(m[$0]) == abs(m[$1]) && $0 < $1) }.prefix(5)))
        #expect(Attractor.largest([4, -4], count: 5) == [0, 1])
    }

    @Test func memoriesInvertedMemoriesAndOtherStates() {
        let patterns = randomPatterns(10, neurons: 400, seed: 8)
        let memories = Memories(patterns)
        let memory = Attractor(state: patterns[6], memories: memories)
        #expect(memory.kind == .memory)
        #expect(memory.top[0].memory == 6 && memory.top[0].overlap == 1)
        let inverted = Attractor(state: patterns[2].map { -$0 }, memories: memories)
        #expect(inverted.kind == .inverted)
        #expect(inverted.top[0].memory == 2 && inverted.top[0].overlap == -1)
        #expect(Attractor(state: randomPatterns(1, neurons: 400, seed: 99)[0], memories: memories).kind == .other)
        // One neuron off a mixture is not a mixture; its overlaps still show the three memories.
        var near = Self.mixture(patterns, [(1, 1), (2, 1), (3, 1)])
        near[0] = -near[0]
        let nearMixture = Attractor(state: near, memories: memories)
        #expect(nearMixture.kind == .other)
        #expect(Set(nearMixture.top.map(\.memory)) == [1, 2, 3])
    }

    /// The symmetric 3-mixture is a fixed point of the Hebbian dynamics at low load (Amit,
    /// Gutfreund and Sompolinsky), and random starts find such states: every one the analysis
    /// names is checked against the sign of its sum written out by hand.
    @Test func randomHebbianStartsEndInMixturesThatAreIdentified() {
        let patterns = randomPatterns(10, neurons: 300, seed: 11)
        let memories = Memories(patterns)
        let network = HebbianNetwork(memories: memories)
        #expect(network.isFixedPoint(Self.mixture(patterns, [(1, 1), (2, 1), (3, 1)])))
        var counts: [Attractor.Kind: Int] = [:]
        var rng = Xoshiro256StarStar(seed: 5)
        for _ in 0..<300 {
            let start = Corruption.random(neurons: 300, rng: &rng)
            let result = network.converge(from: start, dynamics: Dynamics(mode: .async), rng: &rng)
            guard result.status == .converged else { continue }
            let attractor = Attractor(state: result.state, memories: memories)
            counts[attractor.kind, default: 0] += 1
            if attractor.kind == .mixture {
                #expect(result.state == Self.mixture(patterns, attractor.terms.map { ($0.memory, $0.sign) }))
            }
        }
        #expect(counts[.mixture, default: 0] >= 10)
        #expect(counts[.memory, default: 0] + counts[.inverted, default: 0] >= 100)
        print("random Hebbian starts, P = 10, N = 300:", Attractor.Kind.allCases.map { "\($0.rawValue) \(counts[$0, default: 0])" })
    }
}
