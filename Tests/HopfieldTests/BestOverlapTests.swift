import Hopfield
import Testing

/// The 1-NN search over bit-packed rows (`PackedPatterns.best`): every kernel variant finds what
/// the definition says (largest overlap, or largest |overlap|, the lowest index among equals),
/// for odd numbers of queries, tiles that do not fill, and rows of more than 16 words.
@Suite struct BestOverlapTests {
    @Test(arguments: [(200, 301, 7), (784, 515, 33), (1100, 130, 5)])
    func everyVariantFindsTheDefinedNearestRow(neurons: Int, rows: Int, queries: Int) {
        var rng = Xoshiro256StarStar(seed: UInt64(neurons))
        var stored = (0..<rows).map { _ in (0..<neurons).map { _ in rng.sign() } }
        stored[rows - 3] = stored[11]  // equal rows: the lower index wins
        stored[rows - 2] = stored[12].map { -$0 }  // a negated row: a tie in |overlap|
        let asked = (0..<queries).map { q in
            q == 0 ? stored[11] : (q == 1 ? stored[12] : stored[q * 7 % rows].map { rng.unit() < 0.3 ? -$0 : $0 })
        }
        let memory = PackedPatterns(rows: stored, neurons: neurons), probe = PackedPatterns(rows: asked, neurons: neurons)
        for absolute in [false, true] {
            let expected = asked.map { x -> (Int, Int) in
                var best = (-1, Int.min)
                for (j, y) in stored.enumerated() {
                    let m = zip(x, y).reduce(0) { $0 + Int($1.0) * Int($1.1) }
                    if best.0 < 0 || (absolute ? abs(m) > abs(best.1) : m > best.1) { best = (j, m) }
                }
                return best
            }
            for variant in Kernels.supported {
                let found = Kernels.with(variant) { memory.best(for: probe, absolute: absolute) }
                #expect(found.map(\.index) == expected.map(\.0), "\(variant), absolute \(absolute)")
                #expect(found.map(\.overlap) == expected.map(\.1), "\(variant), absolute \(absolute)")
            }
            #expect(expected[0].0 == 11 && (!absolute || expected[1].0 == 12))
        }
    }
}
