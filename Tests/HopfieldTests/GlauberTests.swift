import Hopfield
import Testing

/// Finite-temperature (Glauber) dynamics, `Dynamics.temperature`: below the Hebbian network's
/// critical temperature (T_c = 1 at low load, fields on the scale of W = XᵀX/N) a memory stays
/// retrieved; above it the overlap melts to the paramagnet's O(1/√N).
@Suite struct GlauberTests {
    static let patterns: [[Int8]] = {
        var rng = Xoshiro256StarStar(seed: 11)
        return PatternFamily.independent(bias: 0).draw(count: 5, neurons: 500, rng: &rng)
    }()

    static func networks() -> [(String, BinaryNetworkBox)] {
        let memories = Memories(patterns)
        return [
            ("hebbian", BinaryNetworkBox(rule: .hebbian, memories: memories)),
            (
                "hebbian field vector",
                .fieldVector(
                    FieldVectorNetwork(
                        memories: memories, weights: MatrixNetwork.hebbian(memories).weights,
                        integers: true))
            ),
            ("storkey", BinaryNetworkBox(rule: .storkey, memories: memories)),
            ("pseudoinverse", BinaryNetworkBox(rule: .pseudoinverse(.zero), memories: memories))
        ]
    }

    /// m = x·s/N after 30 sweeps from memory 0 at temperature T, for 4 streams.
    static func overlaps(_ network: BinaryNetworkBox, temperature: Double, mode: UpdateMode = .async) -> [Double] {
        (0..<4).map { k in
            var rng = RandomStreams.stream(3, UInt64(k))
            let result = network.converge(
                from: patterns[0], dynamics: Dynamics(mode: mode, maxSweeps: 30, temperature: temperature), rng: &rng)
            return Double(zip(result.state, patterns[0]).reduce(0) { $0 + Int($1.0) * Int($1.1) }) / 500
        }
    }

    @Test func retrievalSurvivesLowTemperatureAndMeltsAtHigh() {
        for (name, network) in Self.networks() {
            for mode in [UpdateMode.async, .sequential, .asyncRandom, .sync] {
                let cold = Self.overlaps(network, temperature: 0.3, mode: mode)
                let hot = Self.overlaps(network, temperature: 3, mode: mode)
                #expect(cold.allSatisfy { $0 > 0.9 }, "\(name) \(mode) T = 0.3: \(cold)")
                #expect(hot.allSatisfy { abs($0) < 0.25 }, "\(name) \(mode) T = 3: \(hot)")
            }
        }
    }

    /// T → 0 is the deterministic rule: from 10% flips at load 0.01 every run ends converged on
    /// the memory, as at T = 0; the same stream gives the same run at T > 0.
    @Test func vanishingTemperatureIsDeterministicAndStreamsRepeat() {
        for (name, network) in Self.networks() {
            var noise = Xoshiro256StarStar(seed: 5)
            let start = Corruption.flip(Self.patterns[0], count: 50, rng: &noise)
            var a = Xoshiro256StarStar(seed: 1), b = Xoshiro256StarStar(seed: 1)
            let zero = network.converge(from: start, dynamics: Dynamics(), rng: &a)
            let tiny = network.converge(from: start, dynamics: Dynamics(temperature: 1e-6), rng: &b)
            #expect(zero.state == Self.patterns[0] && tiny.state == Self.patterns[0], "\(name)")
            #expect(tiny.status == .converged && network.isFixedPoint(tiny.state), "\(name)")
            var c = Xoshiro256StarStar(seed: 9), d = Xoshiro256StarStar(seed: 9)
            let first = network.converge(from: start, dynamics: Dynamics(maxSweeps: 5, temperature: 0.8), rng: &c)
            let second = network.converge(from: start, dynamics: Dynamics(maxSweeps: 5, temperature: 0.8), rng: &d)
            #expect(first.state == second.state && first.sweeps == second.sweeps, "\(name)")
        }
    }
}
