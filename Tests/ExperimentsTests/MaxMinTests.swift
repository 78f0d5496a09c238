import Hopfield
import Testing

@testable import Experiments

/// The kernel-based max-min search makes exactly the choices of the matrix-based one.
@Suite struct MaxMinTests {
    /// Correlated candidates (prototypes with a few bits flipped), so similarities tie often.
    static func candidates(count: Int, classes: Int, neurons: Int, flip: Double, rng: inout Xoshiro256StarStar) -> [MemorySelection
        .Candidate]
    {
        let prototypes = (0..<max(2, classes * 2)).map { _ in Corruption.random(neurons: neurons, rng: &rng) }
        return (0..<count).map { i in
            let base = prototypes[Int(rng.bounded(UInt64(prototypes.count)))]
            return MemorySelection.Candidate(label: i % classes, pattern: PatternVector(.binary(base.map { rng.unit() < flip ? -$0 : $0 })))
        }
    }

    @Test(arguments: [(12, 2, 24, 4), (40, 3, 64, 6), (120, 2, 100, 10), (300, 4, 96, 20), (400, 10, 130, 24)])
    func binarySearchMatchesTheMatrixSearch(count: Int, classes: Int, neurons: Int, memories: Int) {
        var rng = Xoshiro256StarStar(seed: UInt64(count * 31 + memories))
        for trial in 0..<6 {
            let candidates = Self.candidates(
                count: count, classes: classes, neurons: neurons, flip: [0.05, 0.2, 0.45][trial % 3], rng: &rng)
            let quotas = MemorySelection.quotas(count: memories, classes: classes)
            let matrix = MemorySelection.maxmin(candidates, quotas: quotas, distances: MemorySelection.dissimilarities(candidates))
            let binary = MemorySelection.maxminBinary(candidates, quotas: quotas, jobs: 2)
            #expect(binary == matrix, "\(count) candidates, \(memories) memories, trial \(trial)")
        }
    }
}
