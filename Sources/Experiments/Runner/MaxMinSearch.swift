import Hopfield

/// The max-min selection of ``MemorySelection/maxmin(_:quotas:distances:starts:)`` for ±1
/// candidates, without a candidates × candidates matrix: the same starts, the same greedy
/// picks and the same accepted swaps, so the same memories, at the cost of the bit-packed
/// kernels.
///
/// Everything is in integer similarity, σ(a, b) = |x^a · x^b| (dissimilarity 1 − σ/N, so the
/// largest similarity is the smallest dissimilarity). The starts are the admissible pairs of
/// smallest σ, from the upper triangle computed in blocks on every thread. A greedy run keeps,
/// for every candidate, σ to each chosen memory (one kernel row per pick, T × P integers) and
/// its largest σ to the chosen set. The swap search keeps, for every candidate, the largest and
/// second largest σ to the members and how many members reach each, so a trial swap is decided
/// in O(1); only members in a pair at the current largest σ can improve the set, so only their
/// slots are tried. The starts run in parallel.
struct MaxMinSearch {
    let packed: PackedPatterns
    let labels: [Int]
    let quotas: [Int]

    init(_ candidates: [MemorySelection.Candidate], quotas: [Int]) {
        let rows = candidates.map { candidate -> [Int8] in
            guard case .binary(let v, _) = candidate.pattern else { preconditionFailure("MaxMinSearch takes ±1 candidates") }
            return v
        }
        packed = PackedPatterns(rows: rows, neurons: candidates[0].pattern.count)
        labels = candidates.map(\.label)
        self.quotas = quotas
    }

    /// The chosen candidates (sorted) of the best of `starts` runs.
    func choose(starts: Int, jobs: Int) -> [Int] {
        let pairs = startPairs(max(1, starts), jobs: jobs)
        let runs = parallelMap(count: pairs.count, jobs: jobs) { k in run(from: pairs[k]) }
        var best = runs[0]
        for r in runs.dropFirst()
        where r.score.maximum < best.score.maximum || (r.score.maximum == best.score.maximum && r.score.count < best.score.count) {
            best = r
        }
        return best.chosen.sorted()
    }

    /// The `count` admissible pairs (a < b) of smallest σ, ties to the lower (a, b).
    func startPairs(_ count: Int, jobs: Int) -> [(Int, Int)] {
        let t = packed.count, block = 32
        let blocks = parallelMap(count: (t + block - 1) / block, jobs: jobs) { k -> [(Int32, Int, Int)] in
            // Only the upper triangle: columns from the block's first row on.
            let a0 = k * block, a1 = min(t, a0 + block), width = t - a0
            let sims = packed.overlaps(a0..<a1, with: packed, columns: a0..<t)
            var best: [(Int32, Int, Int)] = []
            var worst = Int32.max  // σ of the last kept pair once `count` are kept
            sims.withUnsafeBufferPointer { sims in
                for a in a0..<a1 where quotas[labels[a]] > 0 {
                    let row = sims.baseAddress! + (a - a0) * width - a0
                    let la = labels[a]
                    for b in (a + 1)..<t {
                        let s = abs(row[b])
                        if s > worst { continue }
                        let lb = labels[b]
                        if la == lb ? quotas[la] < 2 : quotas[lb] < 1 { continue }
                        if best.count < count || (s, a, b) < best[best.count - 1] {
                            best.insert((s, a, b), at: best.firstIndex { (s, a, b) < $0 } ?? best.count)
                            if best.count > count { best.removeLast() }
                            if best.count == count { worst = best[count - 1].0 }
                        }
                    }
                }
            }
            return best
        }
        return blocks.flatMap { $0 }.sorted { $0 < $1 }.prefix(count).map { ($0.1, $0.2) }
    }

    /// σ of one candidate with every candidate.
    func similarities(_ c: Int) -> [Int32] { packed.overlaps(c..<(c + 1), with: packed).map { abs($0) } }

    /// Greedy farthest-point growth from a pair, then swap search.
    func run(from pair: (Int, Int)) -> (chosen: [Int], score: (maximum: Int32, count: Int)) {
        let t = packed.count, total = quotas.reduce(0, +)
        var state = SwapState(candidates: t)
        var room = quotas
        var nearest = [Int32](repeating: Int32.min, count: t)
        for c in [pair.0, pair.1] {
            state.add(c, column: similarities(c))
            room[labels[c]] -= 1
        }
        for c in 0..<t { nearest[c] = max(state.columns[0][c], state.columns[1][c]) }
        while state.members.count < total {
            var pick = -1, value = Int32.max
            for c in 0..<t where !state.inSet[c] && room[labels[c]] > 0 && nearest[c] < value {
                pick = c
                value = nearest[c]
            }
            let column = similarities(pick)
            state.add(pick, column: column)
            room[labels[pick]] -= 1
            for c in 0..<t { nearest[c] = max(nearest[c], column[c]) }
        }
        state.search(labels: labels) { similarities($0) }
        return (state.members, state.score)
    }
}

/// The chosen set during a swap search: members by slot, σ of every candidate to each member,
/// and per candidate the largest σ to the members, the second largest, and how many members
/// reach each.
struct SwapState {
    var members: [Int] = []
    var inSet: [Bool]
    /// columns[slot][c] = σ(candidate c, member in slot).
    var columns: [[Int32]] = []
    var first: [Int32], firstCount: [Int32], second: [Int32], secondCount: [Int32]

    init(candidates t: Int) {
        inSet = [Bool](repeating: false, count: t)
        first = [Int32](repeating: -1, count: t)
        firstCount = [Int32](repeating: 0, count: t)
        second = first
        secondCount = firstCount
    }

    /// (the largest σ between two members, how many pairs have it).
    var score: (maximum: Int32, count: Int) {
        var maximum: Int32 = -1, count = 0
        for (s, a) in members.enumerated() {
            for t in (s + 1)..<members.count {
                let v = columns[t][a]
                if v > maximum { (maximum, count) = (v, 1) } else if v == maximum { count += 1 }
            }
        }
        return (maximum, count)
    }

    mutating func add(_ c: Int, column: [Int32]) {
        members.append(c)
        inSet[c] = true
        columns.append(column)
        for k in column.indices { include(k, column[k]) }
    }

    /// Counts a member at σ = v in candidate k's statistics.
    mutating func include(_ k: Int, _ v: Int32) {
        if v > first[k] {
            (second[k], secondCount[k]) = (first[k], firstCount[k])
            (first[k], firstCount[k]) = (v, 1)
        } else if v == first[k] {
            firstCount[k] += 1
        } else if v > second[k] {
            (second[k], secondCount[k]) = (v, 1)
        } else if v == second[k] {
            secondCount[k] += 1
        }
    }

    /// Candidate k's statistics recomputed from every member's column.
    mutating func recount(_ k: Int) {
        (first[k], firstCount[k], second[k], secondCount[k]) = (-1, 0, -1, 0)
        for column in columns { include(k, column[k]) }
    }
}
