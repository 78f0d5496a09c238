import Testing

@testable import Hopfield

/// The Hebbian rule as an explicit Int16 matrix with kept fields (the capacity experiment's
/// engine) against ``HebbianNetwork``'s overlap form, run by run: the same final states, sweeps,
/// changes, statuses and energies, and stability equal to `isFixedPoint`.
@Suite struct HebbianCouplingsTests {
    static func patterns(neurons n: Int, count p: Int, seed: UInt64) -> Memories {
        var rng = Xoshiro256StarStar(seed: seed)
        return Memories((0..<p).map { _ in Corruption.random(neurons: n, rng: &rng) })
    }

    /// N = 100 (even fields: ties happen) and 151; loads from 0.05 to 0.4, so runs that settle at
    /// once, runs that wander for many sweeps and runs cut off by `maxSweeps`.
    @Test(arguments: [(100, 5), (100, 14), (100, 40), (151, 20), (151, 60), (64, 3)])
    func runsEqualTheOverlapForm(n: Int, p: Int) {
        let memories = Self.patterns(neurons: n, count: p, seed: UInt64(n * 1000 + p))
        let reference = HebbianNetwork(memories: memories)
        let couplings = HebbianCouplings(memories: memories, jobs: 2)
        var changed = 0, unconverged = 0
        for mode in [UpdateMode.async, .sequential] {
            for tie in TieRule.allCases {
                for maxSweeps in [2, 100] {
                    let dynamics = Dynamics(mode: mode, tie: tie, maxSweeps: maxSweeps)
                    let fast = couplings.convergeFromMemories(jobs: 2, dynamics: dynamics) { Xoshiro256StarStar(seed: UInt64(7 + $0)) }
                    #expect(fast.count == p)
                    for mu in 0..<p {
                        var rng = Xoshiro256StarStar(seed: UInt64(7 + mu))
                        let slow = reference.converge(from: memories.pattern(mu), dynamics: dynamics, rng: &rng)
                        let (run, stable) = fast[mu]
                        let label = "N \(n) P \(p) \(mode) \(tie) max \(maxSweeps) μ \(mu)"
                        #expect(
                            run.state == slow.state && run.status == slow.status && run.sweeps == slow.sweeps && run.flips == slow.flips,
                            "\(label): \(run.sweeps)/\(run.flips)/\(run.status) vs \(slow.sweeps)/\(slow.flips)/\(slow.status)")
                        #expect(run.energyStart == slow.energyStart && run.energyEnd == slow.energyEnd, "\(label)")
                        #expect(stable == reference.isFixedPoint(memories.pattern(mu), tie: tie), "\(label)")
                        if run.flips > 0 { changed += 1 }
                        if run.status == .unconverged { unconverged += 1 }
                    }
                }
            }
        }
        if p * 10 >= n * 2 { #expect(changed > 0 && unconverged > 0, "high loads wander: \(changed) changed, \(unconverged) cut off") }
    }

    @Test func couplingsAreTheHebbianSums() {
        let memories = Self.patterns(neurons: 150, count: 70, seed: 3)  // two words of bits per neuron
        let couplings = HebbianCouplings(memories: memories, jobs: 2)
        for (i, j) in [(0, 0), (0, 1), (1, 0), (5, 149), (149, 5), (77, 77), (63, 64), (64, 63), (149, 148)] {
            let sum = i == j ? 0 : (0..<70).reduce(0) { $0 + Int(memories.rows[$1 * 150 + i]) * Int(memories.rows[$1 * 150 + j]) }
            #expect(couplings.coupling(i, j) == sum, "W[\(i), \(j)]")
        }
    }

    /// Every kernel variant the CPU has (portable, popcnt, avx2) gives the same runs, and the
    /// thread count changes nothing.
    @Test func kernelVariantsAndThreadsAgree() {
        let memories = Self.patterns(neurons: 130, count: 33, seed: 5)
        let dynamics = Dynamics()
        func runs(_ jobs: Int) -> [[Int8]] {
            HebbianCouplings(memories: memories, jobs: jobs).convergeFromMemories(jobs: jobs, dynamics: dynamics) {
                Xoshiro256StarStar(seed: UInt64($0))
            }.map(\.convergence.state)
        }
        let expected = runs(1)
        #expect(runs(2) == expected)
        for variant in Kernels.supported {
            #expect(Kernels.with(variant) { runs(2) } == expected, "\(variant)")
            let overlaps = Kernels.with(variant) { memories.matrix.overlaps(0..<33, with: memories.matrix) }
            #expect(overlaps == memories.matrix.overlaps(0..<33, with: memories.matrix), "\(variant) overlaps")
        }
    }
}
