/// Choosing the stored patterns among candidate images.
///
/// Every method is balanced: `count` memories spread over the classes as evenly as possible;
/// when `count` is not a multiple of the number of classes, the remainder goes one each to the
/// first classes in label order. Dissimilarity is 1 − |overlap|/N (1 − |cos| for continuous
/// patterns): an inverted copy is an attractor too, so it counts as similar.
public enum MemorySelection {
    public struct Candidate: Sendable {
        public var label: Int
        public var pattern: PatternVector
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

    /// Max-min diversity within class quotas: greedy farthest-point (starting from the most
    /// dissimilar admissible pair), then swap local search (replace a member by a candidate of
    /// the same class while that raises the minimum, or keeps it and lowers the number of pairs
    /// at the minimum). Deterministic: ties go to the lowest index. Returns indices, sorted.
    public static func maxmin(_ candidates: [Candidate], quotas: [Int], distances d: [Double]) -> [Int] {
        let n = candidates.count
        let total = quotas.reduce(0, +)
        precondition(total <= n)
        if total == 0 { return [] }
        var room = quotas
        var chosen: [Int] = []
        var inSet = [Bool](repeating: false, count: n)
        func take(_ i: Int) {
            chosen.append(i)
            inSet[i] = true
            room[candidates[i].label] -= 1
        }
        if total == 1 {
            take(candidates.firstIndex { room[$0.label] > 0 }!)
            return chosen
        }
        // The most dissimilar admissible pair.
        var bestPair = (-1, -1), bestD = -1.0
        for a in 0..<n where room[candidates[a].label] > 0 {
            for b in (a + 1)..<n {
                let la = candidates[a].label, lb = candidates[b].label
                if la == lb ? room[la] < 2 : room[lb] < 1 { continue }
                if d[a * n + b] > bestD {
                    bestD = d[a * n + b]
                    bestPair = (a, b)
                }
            }
        }
        take(bestPair.0)
        take(bestPair.1)
        // Farthest point: the candidate whose nearest chosen member is farthest.
        var nearest = (0..<n).map { i in min(d[i * n + bestPair.0], d[i * n + bestPair.1]) }
        while chosen.count < total {
            var best = -1, bestValue = -1.0
            for i in 0..<n where !inSet[i] && room[candidates[i].label] > 0 && nearest[i] > bestValue {
                best = i
                bestValue = nearest[i]
            }
            take(best)
            for i in 0..<n { nearest[i] = min(nearest[i], d[i * n + best]) }
        }
        // Swap local search on (minimum, pairs at the minimum).
        func score(_ set: [Int]) -> (Double, Int) {
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
        var current = score(chosen)
        var improved = true
        var rounds = 0
        while improved && rounds < 100 {
            improved = false
            rounds += 1
            for slot in 0..<chosen.count {
                let out = chosen[slot]
                for candidate in 0..<n where !inSet[candidate] && candidates[candidate].label == candidates[out].label {
                    var trial = chosen
                    trial[slot] = candidate
                    let s = score(trial)
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
        return chosen.sorted()
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
}

import Hopfield
