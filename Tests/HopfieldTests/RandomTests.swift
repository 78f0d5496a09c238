import Hopfield
import Testing

@Suite struct RandomTests {
    /// Rosetta Code / Vigna's splitmix64.c, seed 1234567.
    @Test func splitMix64ReferenceOutputs() {
        var g = SplitMix64(seed: 1_234_567)
        #expect(
            (0..<5).map { _ in g.next() } == [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973,
                9_817_491_932_198_370_423, 4_593_380_528_125_082_431,
                16_408_922_859_458_223_821
            ])
    }

    /// Vigna's xoshiro256starstar.c from the state {1, 2, 3, 4} (the vectors rand_xoshiro and
    /// other ports test against).
    @Test func xoshiroReferenceOutputs() {
        var g = Xoshiro256StarStar(state: (1, 2, 3, 4))
        #expect(
            (0..<10).map { _ in g.next() } == [
                11520, 0, 1_509_978_240, 1_215_971_899_390_074_240,
                1_216_172_134_540_287_360, 607_988_272_756_665_600,
                16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
                10_595_114_339_597_558_777, 2_904_607_092_377_533_576
            ])
    }

    @Test func seedingExpandsWithSplitMix() {
        var expander = SplitMix64(seed: 42)
        let expected = (expander.next(), expander.next(), expander.next(), expander.next())
        let g = Xoshiro256StarStar(seed: 42)
        #expect(g.s0 == expected.0 && g.s1 == expected.1 && g.s2 == expected.2 && g.s3 == expected.3)
    }

    @Test func boundedIsUniformAndInRange() {
        var g = Xoshiro256StarStar(seed: 7)
        let bound = 6, draws = 60_000
        var counts = [Int](repeating: 0, count: bound)
        for _ in 0..<draws { counts[g.index(below: bound)] += 1 }
        // χ² with 5 degrees of freedom: 20.5 is the 0.999 quantile.
        let expected = Double(draws) / Double(bound)
        let chi2 = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chi2 < 20.5, "χ² = \(chi2), counts \(counts)")
        // A bound that is not a power of two near 2⁶⁴ still stays in range.
        let huge: UInt64 = (1 << 63) + 12345
        for _ in 0..<1000 { #expect(g.bounded(huge) < huge) }
    }

    @Test func shufflesArePermutationsAndReproducible() {
        var a = Xoshiro256StarStar(seed: 99), b = Xoshiro256StarStar(seed: 99)
        var x = Array(0..<100), y = Array(0..<100)
        a.shuffle(&x)
        b.shuffle(&y)
        #expect(x == y && x.sorted() == Array(0..<100) && x != Array(0..<100))
        let orders = SweepOrder.orders(neurons: 50, sweeps: 3, rng: &a)
        #expect(orders.allSatisfy { $0.sorted() == Array(0..<50) })
        #expect(Set(orders.map { $0 }).count == 3, "each sweep has a fresh order")
        let picks = a.distinctIndices(30, of: 40)
        #expect(Set(picks).count == 30 && picks.allSatisfy { $0 < 40 })
    }

    /// Every position of a 4-element Fisher–Yates shuffle is uniform (24 permutations equally likely).
    @Test func sweepOrdersAreUniformPermutations() {
        var g = Xoshiro256StarStar(seed: 3)
        var counts: [[Int]: Int] = [:]
        for order in SweepOrder.orders(neurons: 4, sweeps: 24_000, rng: &g) { counts[order, default: 0] += 1 }
        #expect(counts.count == 24)
        let chi2 = counts.values.reduce(0.0) { $0 + (Double($1) - 1000) * (Double($1) - 1000) / 1000 }
        #expect(chi2 < 49.7, "χ² = \(chi2) with 23 degrees of freedom (0.999 quantile 49.7)")
    }

    @Test func derivedStreamsDependOnlyOnSeedAndKeys() {
        #expect(RandomStreams.derive(42, 1, 2) == RandomStreams.derive(42, 1, 2))
        #expect(RandomStreams.derive(42, 1, 2) != RandomStreams.derive(42, 2, 1))
        #expect(RandomStreams.derive(42, 1) != RandomStreams.derive(43, 1))
        var a = RandomStreams.stream(5, 10), b = RandomStreams.stream(5, 10)
        #expect(a.next() == b.next())
        // FNV-1a reference values.
        #expect(RandomStreams.key("") == 0xCBF2_9CE4_8422_2325)
        #expect(RandomStreams.key("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(RandomStreams.key("foobar") == 0x8594_4171_F739_67E8)
    }
}
