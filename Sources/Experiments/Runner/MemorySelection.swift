import Hopfield

/// Choosing the stored patterns among candidate images.
///
/// Every method is balanced: `count` memories spread over the classes as evenly as possible;
/// when `count` is not a multiple of the number of classes, the remainder goes one each to the
/// first classes in label order. Dissimilarity is 1 − |overlap|/N (1 − |cos| for continuous
/// patterns): an inverted copy is an attractor too, so it counts as similar.
public enum MemorySelection {
    /// An image that may become a memory.
    public struct Candidate: Sendable {
        /// Its class label.
        public var label: Int
        /// Its pattern.
        public var pattern: PatternVector
        /// A candidate.
        public init(label: Int, pattern: PatternVector) {
            self.label = label
            self.pattern = pattern
        }
    }

    /// Memories per class: count / C each, one more for the first count % C classes.
    public static func quotas(count: Int, classes: Int) -> [Int] {
        (0..<classes).map { count / classes + ($0 < count % classes ? 1 : 0) }
    }

    /// Pairwise dissimilarities, row-major n×n.
    public static func dissimilarities(_ candidates: [Candidate], jobs: Int = 1) -> [Double] {
        let n = candidates.count
        let rows = parallelMap(count: n, jobs: jobs) { a -> [Double] in
            (0..<n).map { b in a == b ? 0 : candidates[a].pattern.dissimilarity(to: candidates[b].pattern) }
        }
        return rows.flatMap { $0 }
    }

    /// The smallest pairwise dissimilarity among `chosen` (1 for fewer than two).
    public static func minimum(_ chosen: [Int], _ d: [Double], _ n: Int) -> Double {
        var best = 1.0
        for (k, a) in chosen.enumerated() {
            for b in chosen[(k + 1)...] { best = min(best, d[a * n + b]) }
        }
        return best
    }

    /// Max-min diversity within class quotas: greedy farthest-point from each of the `starts`
    /// most dissimilar admissible pairs, each followed by swap local search (replace a member by
    /// a candidate of the same class while that raises the minimum, or keeps it and lowers the
    /// number of pairs at the minimum); the best result wins. Deterministic: ties go to the
    /// lowest index. Returns indices, sorted.
    public static func maxmin(_ candidates: [Candidate], quotas: [Int], distances d: [Double], starts: Int = 8) -> [Int] {
        let n = candidates.count
        let total = quotas.reduce(0, +)
        precondition(total <= n)
        if total == 0 { return [] }
        if total == 1 { return [candidates.firstIndex { quotas[$0.label] > 0 }!] }
        // Admissible starting pairs, most dissimilar first.
        var pairs: [(Double, Int, Int)] = []
        for a in 0..<n where quotas[candidates[a].label] > 0 {
            for b in (a + 1)..<n {
                let la = candidates[a].label, lb = candidates[b].label
                if la == lb ? quotas[la] < 2 : quotas[lb] < 1 { continue }
                pairs.append((d[a * n + b], a, b))
            }
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }
        var best: [Int] = [], bestScore = (-1.0, Int.max)
        for (_, a, b) in pairs.prefix(max(1, starts)) {
            let result = localSearch(greedy(candidates, quotas: quotas, distances: d, first: a, second: b), candidates, d)
            let s = score(result, d, n)
            if s.0 > bestScore.0 + 1e-15 || (abs(s.0 - bestScore.0) <= 1e-15 && s.1 < bestScore.1) {
                best = result
                bestScore = s
            }
        }
        return best.sorted()
    }

    /// Farthest-point growth from a pair: add the admissible candidate whose nearest chosen
    /// member is farthest.
    static func greedy(_ candidates: [Candidate], quotas: [Int], distances d: [Double], first: Int, second: Int) -> [Int] {
        let n = candidates.count
        let total = quotas.reduce(0, +)
        var room = quotas
        var chosen = [first, second]
        var inSet = [Bool](repeating: false, count: n)
        for i in chosen {
            inSet[i] = true
            room[candidates[i].label] -= 1
        }
        var nearest = (0..<n).map { i in min(d[i * n + first], d[i * n + second]) }
        while chosen.count < total {
            var best = -1, bestValue = -1.0
            for i in 0..<n where !inSet[i] && room[candidates[i].label] > 0 && nearest[i] > bestValue {
                best = i
                bestValue = nearest[i]
            }
            chosen.append(best)
            inSet[best] = true
            room[candidates[best].label] -= 1
            for i in 0..<n { nearest[i] = min(nearest[i], d[i * n + best]) }
        }
        return chosen
    }

    /// (the smallest pairwise dissimilarity, how many pairs have it).
    static func score(_ set: [Int], _ d: [Double], _ n: Int) -> (Double, Int) {
        var low = 1.0, count = 0
        for (k, a) in set.enumerated() {
            for b in set[(k + 1)...] {
                let v = d[a * n + b]
                if v < low - 1e-15 {
                    low = v
                    count = 1
                } else if abs(v - low) <= 1e-15 {
                    count += 1
                }
            }
        }
        return (low, count)
    }

    /// First-improvement swaps within classes until none improves (at most 100 rounds).
    static func localSearch(_ start: [Int], _ candidates: [Candidate], _ d: [Double]) -> [Int] {
        let n = candidates.count
        var chosen = start
        var inSet = [Bool](repeating: false, count: n)
        for i in chosen { inSet[i] = true }
        var current = score(chosen, d, n)
        var improved = true, rounds = 0
        while improved && rounds < 100 {
            improved = false
            rounds += 1
            for slot in 0..<chosen.count {
                let out = chosen[slot]
                for candidate in 0..<n where !inSet[candidate] && candidates[candidate].label == candidates[out].label {
                    var trial = chosen
                    trial[slot] = candidate
                    let s = score(trial, d, n)
                    if s.0 > current.0 + 1e-15 || (abs(s.0 - current.0) <= 1e-15 && s.1 < current.1) {
                        inSet[out] = false
                        inSet[candidate] = true
                        chosen = trial
                        current = s
                        improved = true
                        break
                    }
                }
            }
        }
        return chosen
    }

    /// The exact optimum of the max-min objective by enumeration (for tests and tiny cases).
    public static func bruteForce(_ candidates: [Candidate], quotas: [Int], distances d: [Double]) -> Double {
        let n = candidates.count
        var best = -1.0
        var set: [Int] = []
        var room = quotas
        func recurse(_ start: Int) {
            if room.allSatisfy({ $0 == 0 }) {
                best = max(best, minimum(set, d, n))
                return
            }
            if start >= n { return }
            for i in start..<n where room[candidates[i].label] > 0 {
                room[candidates[i].label] -= 1
                set.append(i)
                recurse(i + 1)
                set.removeLast()
                room[candidates[i].label] += 1
            }
        }
        recurse(0)
        return best
    }

    /// Balanced uniform choice: each class's quota drawn by a seeded shuffle of its candidates.
    public static func random(_ candidates: [Candidate], quotas: [Int], rng: inout Hopfield.Xoshiro256StarStar) -> [Int] {
        var chosen: [Int] = []
        for (label, quota) in quotas.enumerated() {
            var indices = candidates.indices.filter { candidates[$0].label == label }
            rng.shuffle(&indices)
            chosen += indices.prefix(quota)
        }
        return chosen.sorted()
    }

    /// The first images of each class in dataset order.
    public static func first(_ candidates: [Candidate], quotas: [Int]) -> [Int] {
        var chosen: [Int] = []
        for (label, quota) in quotas.enumerated() {
            chosen += candidates.indices.filter { candidates[$0].label == label }.prefix(quota)
        }
        return chosen.sorted()
    }

    /// The memories chosen by `method` (dissimilarities are computed only for max-min; the
    /// random choice draws from the run's "select" stream).
    public static func choose(
        _ candidates: [Candidate], quotas: [Int], method: ExperimentConfig.Selection, seed: UInt64,
        jobs: Int
    ) -> [Int] {
        switch method {
        case .maxmin:
            if candidates.allSatisfy({ if case .binary = $0.pattern { return true } else { return false } }) {
                return maxminBinary(candidates, quotas: quotas, jobs: jobs)
            }
            return maxmin(candidates, quotas: quotas, distances: dissimilarities(candidates, jobs: jobs))
        case .first: return first(candidates, quotas: quotas)
        case .random:
            var rng = RandomStreams.stream(seed, RandomStreams.key("select"))
            return random(candidates, quotas: quotas, rng: &rng)
        case .prototypes, .means:
            return ClusterSelection.choose(candidates, quotas: quotas, means: method == .means, seed: seed, jobs: jobs).map(\.candidate)
        }
    }

    /// ``maxmin(_:quotas:distances:starts:)`` for ±1 candidates with the bit-packed kernels and no
    /// candidates × candidates matrix (`MaxMinSearch`): the same memories, for thousands of
    /// candidates.
    public static func maxminBinary(_ candidates: [Candidate], quotas: [Int], starts: Int = 8, jobs: Int) -> [Int] {
        let total = quotas.reduce(0, +)
        precondition(total <= candidates.count)
        if total == 0 { return [] }
        if total == 1 { return [candidates.firstIndex { quotas[$0.label] > 0 }!] }
        return MaxMinSearch(candidates, quotas: quotas).choose(starts: starts, jobs: jobs)
    }

    /// For each chosen memory, the most similar other one (the first in order among equals) and
    /// their dissimilarity; nil with a single memory.
    public static func closest(_ chosen: [Int], _ candidates: [Candidate], jobs: Int = 1) -> [(memory: Int, dissimilarity: Double)?] {
        if chosen.count > 1, case .binary(_, let first)? = chosen.first.map({ candidates[$0].pattern }) {
            // ±1 patterns: exact overlaps from the kernels, 64 memories at a time.
            let n = first.count
            let packed = PackedPatterns(chosen.map { candidates[$0].pattern.binaryPattern }, neurons: n)
            let block = 64
            return parallelMap(count: (chosen.count + block - 1) / block, jobs: jobs) { b -> [(memory: Int, dissimilarity: Double)?] in
                let rows = (b * block)..<min(chosen.count, (b + 1) * block)
                let m = packed.overlaps(rows, with: packed)
                return rows.map { mu -> (memory: Int, dissimilarity: Double)? in
                    var best = -1, largest: Int32 = -1
                    for nu in 0..<chosen.count where nu != mu {
                        let v = abs(m[(mu - rows.lowerBound) * chosen.count + nu])
                        if v > largest { (best, largest) = (nu, v) }
                    }
                    return (best, 1 - Double(largest) / Double(n))
                }
            }.flatMap { $0 }
        }
        return chosen.indices.map { mu in
            var best: (memory: Int, dissimilarity: Double)?
            for nu in chosen.indices where nu != mu {
                let d = candidates[chosen[mu]].pattern.dissimilarity(to: candidates[chosen[nu]].pattern)
                if d < best?.dissimilarity ?? 2 { best = (nu, d) }
            }
            return best
        }
    }
}
