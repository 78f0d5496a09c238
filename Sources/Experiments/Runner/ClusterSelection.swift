import Hopfield

/// Central representatives instead of outliers: each class's candidates split into as many
/// clusters as the class has memories, seeded and deterministic.
///
/// - `prototypes` (k-medoids): the memories are candidate images, each the member of its cluster
///   with the smallest summed distance to the others.
/// - `means` (k-means): the memories are the cluster means, binarized (sign, 0 → +1) for ±1
///   patterns; each memory's image (for its class and for memories.csv) is the member nearest to
///   its mean.
///
/// Distances are Hamming distances for ±1 patterns (exact, from the bit-packed kernels) and
/// squared Euclidean distances for gray levels. Initial centres by k-means++ from the run's
/// `select` stream (the first uniform, each next with probability ∝ its distance to the nearest
/// chosen one); then assignment (nearest centre, the lowest among equals) and update alternate
/// until nothing changes, at most 50 rounds.
enum ClusterSelection {
    /// The chosen memories: for each, the candidate standing for it and its pattern.
    struct Memory {
        var candidate: Int
        var pattern: PatternVector
    }

    static func choose(_ candidates: [Candidate], quotas: [Int], means: Bool, seed: UInt64, jobs: Int) -> [Memory] {
        var rng = RandomStreams.stream(seed, RandomStreams.key("select"))
        var chosen: [Memory] = []
        for (label, quota) in quotas.enumerated() where quota > 0 {
            let members = candidates.indices.filter { candidates[$0].label == label }
            let points = members.map { candidates[$0].pattern }
            let clusters = ClusterSpace(points, jobs: jobs).cluster(k: min(quota, members.count), means: means, rng: &rng)
            chosen += clusters.map { Memory(candidate: members[$0.member], pattern: $0.pattern) }
        }
        return chosen
    }

    typealias Candidate = MemorySelection.Candidate
}

/// One class's points and their distances.
struct ClusterSpace {
    let points: [PatternVector]
    let packed: PackedPatterns?
    let jobs: Int

    init(_ points: [PatternVector], jobs: Int) {
        self.points = points
        self.jobs = jobs
        if case .binary? = points.first {
            packed = PackedPatterns(points.map(\.binaryPattern), neurons: points[0].count)
        } else {
            packed = nil
        }
    }

    /// Distances from `centre` (a pattern of the same kind) to every point.
    func distances(to centre: PatternVector) -> [Double] {
        if let packed, case .binary(_, let c) = centre {
            let n = Double(packed.neurons)
            return packed.overlaps(with: c).map { (n - Double($0)) / 2 }
        }
        let y = centre.doubles
        return points.map { p in
            let x = p.doubles
            var d = 0.0
            for i in 0..<x.count { d += (x[i] - y[i]) * (x[i] - y[i]) }
            return d
        }
    }

    /// k clusters: for each, the representative member and the memory pattern.
    func cluster(k: Int, means: Bool, rng: inout Xoshiro256StarStar) -> [(member: Int, pattern: PatternVector)] {
        var centres = seeds(k, rng: &rng).map { points[$0] }
        var assignment = [Int](repeating: -1, count: points.count)
        for _ in 0..<50 {
            let nearest = assign(centres)
            if nearest.map(\.centre) == assignment { break }
            assignment = nearest.map(\.centre)
            centres = (0..<k).map { c in
                let members = assignment.indices.filter { assignment[$0] == c }
                if members.isEmpty { return centres[c] }
                return means ? mean(members) : points[medoid(members)]
            }
        }
        let nearest = assign(centres)
        return (0..<k).map { c in
            if !means, let m = points.indices.first(where: { isSame(points[$0], centres[c]) }) { return (m, centres[c]) }
            // The member nearest to the mean stands for it (the lowest index among equals).
            var best = -1, bestDistance = Double.infinity
            for i in points.indices where nearest[i].centre == c && nearest[i].distance < bestDistance {
                (best, bestDistance) = (i, nearest[i].distance)
            }
            if best < 0 { best = distances(to: centres[c]).enumerated().min { $0.element < $1.element }!.offset }
            return (best, centres[c])
        }
    }

    /// k-means++ seeds (indices of points).
    func seeds(_ k: Int, rng: inout Xoshiro256StarStar) -> [Int] {
        var chosen = [rng.index(below: points.count)]
        var nearest = distances(to: points[chosen[0]])
        while chosen.count < k {
            let total = nearest.reduce(0, +)
            var next = 0
            if total > 0 {
                var target = rng.unit() * total
                for i in points.indices {
                    target -= nearest[i]
                    if target < 0 || i == points.count - 1 { next = i; break }
                }
            } else {
                next = points.indices.first { !chosen.contains($0) } ?? 0
            }
            if chosen.contains(next) { next = points.indices.first { !chosen.contains($0) } ?? next }
            chosen.append(next)
            nearest = zip(nearest, distances(to: points[next])).map { min($0, $1) }
        }
        return chosen
    }

    /// Each point's nearest centre (the lowest index among equals) and its distance.
    func assign(_ centres: [PatternVector]) -> [(centre: Int, distance: Double)] {
        var best = [(centre: Int, distance: Double)](repeating: (0, .infinity), count: points.count)
        for (c, centre) in centres.enumerated() {
            for (i, d) in distances(to: centre).enumerated() where d < best[i].distance { best[i] = (c, d) }
        }
        return best
    }

    /// The member with the smallest summed distance to the other members (the lowest among equals).
    func medoid(_ members: [Int]) -> Int {
        let sums = parallelMap(count: members.count, jobs: jobs) { a -> Double in
            let d = distances(to: points[members[a]])
            return members.reduce(0.0) { $0 + d[$1] }
        }
        var best = 0
        for k in sums.indices where sums[k] < sums[best] { best = k }
        return members[best]
    }

    /// The members' mean, binarized (0 → +1) for ±1 points.
    func mean(_ members: [Int]) -> PatternVector {
        let n = points[0].count
        var sum = [Double](repeating: 0, count: n)
        for m in members {
            let x = points[m].doubles
            for i in 0..<n { sum[i] += x[i] }
        }
        if case .binary = points[0] {
            let signs = sum.map { $0 >= 0 ? Int8(1) : Int8(-1) }
            return .binary(signs, BinaryPattern(signs))
        }
        return .continuous(sum.map { $0 / Double(members.count) })
    }

    func isSame(_ a: PatternVector, _ b: PatternVector) -> Bool {
        switch (a, b) {
        case (.binary(_, let x), .binary(_, let y)): return x == y
        default: return a.doubles == b.doubles
        }
    }
}
