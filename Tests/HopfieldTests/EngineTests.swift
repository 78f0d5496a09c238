import Foundation
import Hopfield
import Imaging
import TestSupport
import Testing

/// A few MNIST digits from ../shared/datasets/digits at 16×16 (area, median) as ±1 patterns.
func digitPatterns(_ perClass: Int, classes: [String] = ["0", "1", "3", "7"], size: Int = 16) throws -> [[Int8]] {
    var patterns: [[Int8]] = []
    for c in classes {
        let folder = TestPaths.shared("digits/" + c)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().prefix(perClass)
        for name in names {
            let loaded = try ImagePipeline.load(path: folder + "/" + name, spec: ImageSpec(size: size, resize: .area, binarize: .median))
            guard case .binary(let v) = loaded.values else { continue }
            patterns.append(v)
        }
    }
    return patterns
}

enum RuleCase: String, CaseIterable, CustomTestStringConvertible {
    case hebbian, hebbianMatrix, storkey, pseudoinverse, pseudoinverseKeep
    case hebbianFieldVector, storkeyFieldVector, pseudoinverseFieldVector, pseudoinverseKeepFieldVector
    var testDescription: String { rawValue }

    func build(_ patterns: [[Int8]]) -> (BinaryNetworkBox, ReferenceNetwork) {
        let memories = Memories(patterns)
        switch self {
        case .hebbian: return (.hebbian(HebbianNetwork(memories: memories)), .hebbian(patterns))
        case .hebbianMatrix: return (.matrix(MatrixNetwork.hebbian(memories)), .hebbian(patterns))
        case .storkey: return (.matrix(MatrixNetwork.storkey(memories)), .storkey(patterns))
        case .pseudoinverse: return (.projection(ProjectionNetwork(memories: memories)), .pseudoinverse(patterns))
        case .pseudoinverseKeep:
            return (.projection(ProjectionNetwork(memories: memories, diagonal: .keep)), .pseudoinverse(patterns, keepDiagonal: true))
        case .hebbianFieldVector:
            return (
                .fieldVector(FieldVectorNetwork(memories: memories, weights: MatrixNetwork.hebbian(memories).weights, integers: true)),
                .hebbian(patterns)
            )
        case .storkeyFieldVector:
            return (
                .fieldVector(FieldVectorNetwork(memories: memories, weights: MatrixNetwork.storkey(memories).weights)), .storkey(patterns)
            )
        case .pseudoinverseFieldVector:
            return (
                .fieldVector(FieldVectorNetwork(memories: memories, weights: ProjectionNetwork(memories: memories).weightMatrix(jobs: 2))),
                .pseudoinverse(patterns)
            )
        case .pseudoinverseKeepFieldVector:
            let projection = ProjectionNetwork(memories: memories, diagonal: .keep)
            return (
                .fieldVector(FieldVectorNetwork(memories: memories, weights: projection.weightMatrix())),
                .pseudoinverse(patterns, keepDiagonal: true)
            )
        }
    }
}

@Suite struct ReferenceEquivalenceTests {
    /// Fields, energies, final states and sweep counts equal the plain dense implementation, for
    /// every rule and update mode, from random starts and from noisy copies.
    @Test(arguments: RuleCase.allCases, [UpdateMode.async, .sequential, .asyncRandom, .sync])
    func fastEngineEqualsReference(rule: RuleCase, mode: UpdateMode) {
        let n = 64
        let patterns = randomPatterns(5, neurons: n, seed: 11)
        let (fast, reference) = rule.build(patterns)
        var starts = randomPatterns(6, neurons: n, seed: 12)
        var noise = Xoshiro256StarStar(seed: 13)
        for p in patterns.prefix(3) { starts.append(Corruption.flipExactly(p, fraction: 0.2, rng: &noise)) }
        starts.append(Corruption.keepCorner(patterns[0], width: 8, side: 4, value: 0))
        for (k, start) in starts.enumerated() {
            let fields = fast.fields(of: start)
            for i in 0..<n { #expect(abs(fields[i] - reference.field(i, start)) <= 1e-9 * max(1, abs(fields[i])), "field \(i)") }
            #expect(abs(fast.energy(of: start) - reference.energy(start)) <= 1e-9 * max(1, abs(reference.energy(start))))
            for tie in TieRule.allCases {
                let dynamics = Dynamics(mode: mode, tie: tie, maxSweeps: 30)
                var a = RandomStreams.stream(1, UInt64(k)), b = RandomStreams.stream(1, UInt64(k))
                let result = fast.converge(from: start, dynamics: dynamics, rng: &a)
                let expected = reference.converge(start, dynamics, &b)
                #expect(result.state == expected.state, "\(rule) \(mode) \(tie) start \(k)")
                #expect(result.sweeps == expected.sweeps && result.status == expected.status, "\(rule) \(mode) \(tie) start \(k)")
                #expect(abs(result.energyEnd - expected.energies.last!) <= 1e-9 * max(1, abs(result.energyEnd)))
            }
        }
    }

    /// The same on real images: 12 MNIST digits as memories (N = 256), noisy digits as inputs.
    @Test(arguments: [RuleCase.hebbian, .storkey, .pseudoinverse, .hebbianFieldVector, .storkeyFieldVector, .pseudoinverseFieldVector])
    func fastEngineEqualsReferenceOnDigits(rule: RuleCase) throws {
        let digits = try digitPatterns(4)
        let memories = Array(digits.enumerated().filter { $0.offset % 4 == 0 }.map(\.element))
        let (fast, reference) = rule.build(memories)
        var noise = Xoshiro256StarStar(seed: 5)
        for (k, digit) in digits.enumerated() where k % 4 != 0 {
            let start = Corruption.flipExactly(digit, fraction: 0.1, rng: &noise)
            var a = RandomStreams.stream(2, UInt64(k)), b = RandomStreams.stream(2, UInt64(k))
            let result = fast.converge(from: start, dynamics: Dynamics(), rng: &a)
            let expected = reference.converge(start, Dynamics(), &b)
            #expect(result.state == expected.state && result.sweeps == expected.sweeps, "digit \(k)")
            #expect(abs(result.energyEnd - expected.energies.last!) <= 1e-9 * max(1, abs(result.energyEnd)))
        }
    }

    /// The engine's shortcut sweep (fields first, then only neurons that can change) gives the
    /// same histories as the reference, sweep by sweep.
    @Test func historiesMatchSweepBySweep() {
        let n = 100
        let patterns = randomPatterns(6, neurons: n, seed: 21)
        let (fast, reference) = RuleCase.hebbian.build(patterns)
        var noise = Xoshiro256StarStar(seed: 22)
        let start = Corruption.flipExactly(patterns[2], fraction: 0.3, rng: &noise)
        var a = RandomStreams.stream(3), b = RandomStreams.stream(3)
        let result = fast.converge(from: start, dynamics: Dynamics(history: .all), rng: &a)
        let expected = reference.converge(start, Dynamics(), &b)
        #expect(result.history.energies == expected.energies)
        #expect(result.history.states.count == result.sweeps + 1)
        #expect(result.history.states.last == result.state && result.history.states.first == start)
        #expect(result.history.overlaps.last == Memories(patterns).overlaps(with: result.state))
    }
}

@Suite struct DynamicsPropertyTests {
    @Test(arguments: RuleCase.allCases)
    func storedPatternsAndTheirNegativesAreFixedPoints(rule: RuleCase) {
        let patterns = randomPatterns(4, neurons: 200, seed: 31)
        let (network, _) = rule.build(patterns)
        for p in patterns {
            let fixed = network.isFixedPoint(p)
            #expect(fixed, "\(rule): a stored pattern moves")
            if rule == .hebbian || rule == .hebbianMatrix {
                let negatedFixed = network.isFixedPoint(Corruption.negate(p))
                #expect(negatedFixed, "\(rule): a negated pattern moves")
            }
        }
    }

    /// Energy never increases under asynchronous updates, and async always ends at a fixed point.
    @Test(
        arguments: [RuleCase.hebbian, .storkey, .pseudoinverse, .pseudoinverseKeep, .storkeyFieldVector, .pseudoinverseFieldVector],
        [TieRule.plus, .keep])
    func energyNeverIncreasesAndAsyncReachesAFixedPoint(rule: RuleCase, tie: TieRule) {
        let n = 144
        let patterns = randomPatterns(12, neurons: n, seed: 41)
        let (network, _) = rule.build(patterns)
        for k in 0..<8 {
            var rng = RandomStreams.stream(4, UInt64(k))
            let start = Corruption.random(neurons: n, rng: &rng)
            for mode in [UpdateMode.async, .sequential, .asyncRandom] {
                let result = network.converge(
                    from: start, dynamics: Dynamics(mode: mode, tie: tie, maxSweeps: 200, history: .energy), rng: &rng)
                #expect(result.status == .converged, "\(rule) \(mode)")
                let fixed = network.isFixedPoint(result.state, tie: tie)
                #expect(fixed, "\(rule) \(mode): final state is not a fixed point")
                let e = result.history.energies
                for s in 1..<e.count {
                    #expect(e[s] <= e[s - 1] + 1e-9 * max(1, abs(e[s - 1])), "\(rule) \(mode): energy rose at sweep \(s)")
                }
            }
        }
    }

    /// Two neurons that want to disagree, started equal: synchronous updates flip both forever.
    @Test func synchronousTwoCycleIsDetected() {
        let network = HebbianNetwork(memories: Memories([[1, -1]]))
        var rng = Xoshiro256StarStar(seed: 1)
        let result = network.converge(from: [1, 1], dynamics: Dynamics(mode: .sync, maxSweeps: 50), rng: &rng)
        #expect(result.status == .cycle && result.cyclePeriod == 2)
        #expect(result.sweeps == 3, "states: (1,1) → (−1,−1) → (1,1) is seen again at sweep 3... \(result.sweeps)")
        // Asynchronous updates from the same start settle.
        let async = network.converge(from: [1, 1], dynamics: Dynamics(), rng: &rng)
        #expect(async.status == .converged && (async.state == [1, -1] || async.state == [-1, 1]))
    }

    @Test func maxSweepsGivesUnconverged() {
        let patterns = randomPatterns(30, neurons: 100, seed: 51)
        let network = HebbianNetwork(memories: Memories(patterns))
        var rng = Xoshiro256StarStar(seed: 2)
        let start = Corruption.random(neurons: 100, rng: &rng)
        let result = network.converge(from: start, dynamics: Dynamics(maxSweeps: 1), rng: &rng)
        #expect(result.status == .unconverged && result.sweeps == 1)
    }

    /// Masked neurons (0) are decided on their first visit.
    @Test func undecidedNeuronsBecomeDecided() {
        let patterns = randomPatterns(3, neurons: 256, seed: 61)
        let network = HebbianNetwork(memories: Memories(patterns))
        let masked = Corruption.keepCorner(patterns[1], width: 16, side: 8, value: 0)
        #expect(masked.filter { $0 == 0 }.count == 256 - 64)
        var rng = Xoshiro256StarStar(seed: 3)
        let result = network.converge(from: masked, dynamics: Dynamics(), rng: &rng)
        #expect(!result.state.contains(0))
        #expect(result.state == patterns[1], "a quarter of a pattern recalls it when P = 3")
    }

    @Test func pseudoinverseStoresHalfOfN() {
        let n = 300
        let patterns = randomPatterns(n / 2, neurons: n, seed: 71)
        for diagonal in ProjectionNetwork.Diagonal.allCases {
            let network = ProjectionNetwork(memories: Memories(patterns), diagonal: diagonal)
            #expect(network.independent.count == n / 2)
            let allFixed = patterns.allSatisfy { network.isFixedPoint($0) }
            #expect(allFixed, "\(diagonal): every stored pattern is a fixed point")
        }
        // A repeated pattern is dependent: skipped, and the projection is unchanged.
        let repeated = ProjectionNetwork(memories: Memories(Array(patterns.prefix(5)) + [patterns[0]]))
        #expect(repeated.independent == [0, 1, 2, 3, 4])
    }

    /// Amit, Gutfreund and Sompolinsky: m ≈ 0.998 at α = 0.10, breakdown at α_c ≈ 0.138.
    @Test func hebbianCapacity() {
        let n = 1024
        func meanOverlap(_ p: Int) -> Double {
            let patterns = randomPatterns(p, neurons: n, seed: UInt64(p))
            let network = HebbianNetwork(memories: Memories(patterns))
            var total = 0.0
            for (mu, x) in patterns.enumerated() {
                var rng = RandomStreams.stream(9, UInt64(mu))
                let result = network.converge(from: x, dynamics: Dynamics(maxSweeps: 200), rng: &rng)
                total += Double(BinaryPattern(result.state).overlap(with: BinaryPattern(x))) / Double(n)
            }
            return total / Double(p)
        }
        let low = meanOverlap(102), high = meanOverlap(205)
        #expect(low >= 0.99, "α = 0.10: mean overlap \(low)")
        #expect(high < 0.85, "α = 0.20: mean overlap \(high)")
    }

    /// Storkey and pseudo-inverse hold where Hebbian has broken down (α = 0.2).
    @Test func storkeyAndPseudoinverseHoldAboveHebbianBreakdown() {
        let n = 400, p = 80
        let patterns = randomPatterns(p, neurons: n, seed: 81)
        for network in [
            BinaryNetworkBox(rule: .storkey, memories: Memories(patterns)),
            BinaryNetworkBox(rule: .pseudoinverse(.zero), memories: Memories(patterns)),
            BinaryNetworkBox(rule: .hebbian, memories: Memories(patterns))
        ] {
            var total = 0.0
            for (mu, x) in patterns.enumerated() {
                var rng = RandomStreams.stream(10, UInt64(mu))
                let result = network.converge(from: x, dynamics: Dynamics(maxSweeps: 200), rng: &rng)
                total += Double(BinaryPattern(result.state).overlap(with: BinaryPattern(x))) / Double(n)
            }
            let mean = total / Double(p)
            switch network {
            case .hebbian: #expect(mean < 0.9, "hebbian at α = 0.2: \(mean)")
            default: #expect(mean >= 0.99, "\(network.memories.count) patterns: mean overlap \(mean)")
            }
        }
    }

    @Test func mixturesOverlapHalfWithEachComponent() {
        let n = 4000
        let patterns = randomPatterns(3, neurons: n, seed: 91)
        let mix = Corruption.mixture(patterns, signs: [1, 1, 1])
        let memories = Memories(patterns)
        for m in memories.overlaps(with: mix) { #expect(abs(Double(m) - Double(n) / 2) < 0.06 * Double(n), "overlap \(m)") }
        #expect(memories.match(BinaryPattern(mix)) == .none)
        // With one sign flipped the overlap with that pattern is about −N/2.
        let other = Corruption.mixture(patterns, signs: [1, -1, 1])
        #expect(memories.overlaps(with: other)[1] < 0)
    }
}

@Suite struct ModernAndDenseTests {
    @Test func modernRetrievesInOneStepAtLargeBeta() {
        let n = 400
        let patterns = randomPatterns(10, neurons: n, seed: 101)
        let memories = ContinuousMemories(patterns.map { $0.map(Double.init) })
        let network = ModernNetwork(memories: memories, beta: 1)
        var rng = Xoshiro256StarStar(seed: 1)
        for (mu, x) in patterns.enumerated() {
            let noisy = Corruption.flipExactly(x, fraction: 0.2, rng: &rng).map(Double.init)
            let once = network.step(noisy)
            #expect(memories.maxDistance(once, to: mu) < 1e-6, "one update retrieves pattern \(mu)")
            let result = network.converge(from: noisy, maxSteps: 10)
            #expect(result.status == .converged && result.steps <= 2)
            #expect(result.energyEnd <= result.energyStart)
            #expect(memories.match(result.state, tolerance: 1e-6) == .memory(mu))
        }
    }

    /// At high temperature (small β) the state goes to a metastable average of the patterns.
    @Test func modernSmallBetaGivesAMetastableAverage() {
        let n = 400
        let patterns = randomPatterns(5, neurons: n, seed: 102)
        let memories = ContinuousMemories(patterns.map { $0.map(Double.init) })
        let network = ModernNetwork(memories: memories, beta: 0.0001)
        var rng = Xoshiro256StarStar(seed: 2)
        let start = Corruption.random(neurons: n, rng: &rng).map(Double.init)
        let result = network.converge(from: start, maxSteps: 100, history: .energy)
        #expect(result.status == .converged)
        let mean = (0..<n).map { i in patterns.reduce(0.0) { $0 + Double($1[i]) } / Double(patterns.count) }
        let distance = zip(result.state, mean).map { abs($0 - $1) }.max()!
        #expect(distance < 0.05, "close to the average of the patterns: \(distance)")
        #expect(memories.match(result.state, tolerance: 0.5) == .none)
        for s in 1..<result.history.energies.count {
            #expect(result.history.energies[s] <= result.history.energies[s - 1] + 1e-9)
        }
    }

    @Test func modernSoftmaxIsStable() {
        let memories = ContinuousMemories([[1, 1], [-1, -1]])
        let network = ModernNetwork(memories: memories, beta: 1e6)
        let p = network.softmax([2000, -2000])
        #expect(p == [1, 0])
        #expect(network.logSumExp([1000, 1000]).isFinite)
    }

    /// Dense associative memories store far more than N·0.138 patterns.
    @Test(arguments: [DenseAssociativeNetwork.Interaction.polynomial(3), .rectified(4), .exponential])
    func denseStoresBeyondHebbianCapacity(interaction: DenseAssociativeNetwork.Interaction) {
        let n = 100, p = 40
        let patterns = randomPatterns(p, neurons: n, seed: 111)
        let network = DenseAssociativeNetwork(memories: Memories(patterns), interaction: interaction)
        var rng = Xoshiro256StarStar(seed: 5)
        var retrieved = 0
        for (mu, x) in patterns.enumerated() {
            let noisy = Corruption.flipExactly(x, fraction: 0.1, rng: &rng)
            let result = network.converge(from: noisy, dynamics: Dynamics(maxSweeps: 50, history: .energy), rng: &rng)
            if result.state == x { retrieved += 1 }
            _ = mu
            let e = result.history.energies
            for s in 1..<e.count { #expect(e[s] <= e[s - 1] + 1e-9, "energy rose") }
        }
        #expect(retrieved >= p * 9 / 10, "\(interaction): \(retrieved) of \(p) retrieved from 10% noise at P/N = 0.4")
    }

    /// The exponential network's fields are the energy differences of the definition,
    /// Σ_μ e^(m_μ⁺) − e^(m_μ⁻), scaled by e^(−max m − 2), for ±1 and undecided (0) neurons.
    @Test func denseExponentialFieldsFollowTheDefinition() {
        let n = 120
        let patterns = randomPatterns(30, neurons: n, seed: 7)
        let network = DenseAssociativeNetwork(memories: Memories(patterns), interaction: .exponential)
        var rng = Xoshiro256StarStar(seed: 8)
        for k in 0..<6 {
            var start = k < 3 ? Corruption.flipExactly(patterns[k], fraction: 0.3, rng: &rng) : Corruption.random(neurons: n, rng: &rng)
            for i in stride(from: k, to: n, by: 7) { start[i] = 0 }
            let fields = network.fields(of: start)
            let m = patterns.map { p in zip(p, start).reduce(0) { $0 + Int($1.0) * Int($1.1) } }
            let shift = Double(m.max()! + 2)
            for i in 0..<n {
                let s = Int(start[i])
                var expected = 0.0
                for (mu, p) in patterns.enumerated() {
                    let x = Int(p[i])
                    expected += exp(Double(m[mu] + x * (1 - s)) - shift) - exp(Double(m[mu] - x * (1 + s)) - shift)
                }
                #expect(abs(fields[i] - expected) <= 1e-12 * max(1, abs(expected)), "start \(k) neuron \(i): \(fields[i]) vs \(expected)")
            }
        }
    }

    /// Large N does not overflow: N = 4096 with the exponential and a cubic.
    @Test func denseScalesToLargeN() {
        let n = 4096
        let patterns = randomPatterns(8, neurons: n, seed: 121)
        for interaction in [DenseAssociativeNetwork.Interaction.exponential, .polynomial(3)] {
            let network = DenseAssociativeNetwork(memories: Memories(patterns), interaction: interaction)
            var rng = Xoshiro256StarStar(seed: 6)
            let noisy = Corruption.flipExactly(patterns[3], fraction: 0.3, rng: &rng)
            let result = network.converge(from: noisy, dynamics: Dynamics(), rng: &rng)
            #expect(result.state == patterns[3])
            #expect(result.energyEnd.isFinite && result.energyStart.isFinite && result.energyEnd < result.energyStart)
        }
    }
}

@Suite struct PatternAndCorruptionTests {
    @Test func packedOverlapMatchesTheDefinition() {
        let patterns = randomPatterns(2, neurons: 130, seed: 131)
        let a = BinaryPattern(patterns[0]), b = BinaryPattern(patterns[1])
        let naive = zip(patterns[0], patterns[1]).reduce(0) { $0 + Int($1.0) * Int($1.1) }
        #expect(a.overlap(with: b) == naive)
        #expect(a.hamming(to: b) == (130 - naive) / 2)
        #expect(a.negated.values == patterns[0].map { -$0 })
        #expect(a.negated.negated == a && a.overlap(with: a.negated) == -130)
        #expect(a.values == patterns[0])
    }

    @Test func corruptionsChangeExactlyWhatTheySay() {
        var rng = Xoshiro256StarStar(seed: 141)
        let x = randomPatterns(1, neurons: 1000, seed: 142)[0]
        for f in [0.0, 0.1, 0.25, 0.5, 1.0] {
            let y = Corruption.flipExactly(x, fraction: f, rng: &rng)
            #expect(BinaryPattern(x).hamming(to: BinaryPattern(y)) == Int((f * 1000).rounded()))
        }
        #expect(
            Corruption.flipExactly(Array(x.prefix(5)), fraction: 0.5, rng: &rng).enumerated()
                .filter { $0.element != x[$0.offset] }.count == 3, "round(2.5) = 3, half away from zero")
        let each = Corruption.flipEach(x, probability: 0.2, rng: &rng)
        let flipped = BinaryPattern(x).hamming(to: BinaryPattern(each))
        #expect(flipped > 150 && flipped < 250)
        let set = Corruption.setEach(x, probability: 0.3, value: 1, rng: &rng)
        #expect(zip(x, set).allSatisfy { $0 == $1 || $1 == 1 })
        let rect = Corruption.rectangle(Array(repeating: -1, count: 28 * 28), width: 28, rows: 7..<20, columns: 8..<25, value: 1)
        #expect(rect.filter { $0 == 1 }.count == 13 * 17)
        let corner = Corruption.keepCorner(x.prefix(100).map { $0 }, width: 10, side: 5, value: 0)
        #expect(corner.filter { $0 == 0 }.count == 75)
        var a = Xoshiro256StarStar(seed: 7), b = Xoshiro256StarStar(seed: 7)
        #expect(Corruption.flipExactly(x, fraction: 0.3, rng: &a) == Corruption.flipExactly(x, fraction: 0.3, rng: &b))
    }
}
