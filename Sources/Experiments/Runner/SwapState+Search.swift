extension SwapState {
    /// ``MemorySelection/maxmin(_:quotas:distances:starts:)``'s swap search: rounds (at most 100)
    /// over the slots in order, each slot taking the first candidate of its class (in index
    /// order) whose swap lowers the largest σ, or keeps it with fewer pairs at it. A member in no
    /// pair at the largest σ cannot improve the set, so its slot is passed over (the original
    /// tried it and never accepted).
    mutating func search(labels: [Int], similarities: (Int) -> [Int32]) {
        var current = score
        var improved = true, rounds = 0
        while improved && rounds < 100 {
            improved = false
            rounds += 1
            for slot in members.indices {
                let rest = remaining(without: slot, current: current)
                if !rest.involved { continue }
                let label = labels[members[slot]]
                for c in inSet.indices where !inSet[c] && labels[c] == label {
                    let (value, count) = excluding(slot, for: c)
                    let maximum = max(rest.maximum, value)
                    let pairs = (rest.maximum == maximum ? rest.count : 0) + (value == maximum ? count : 0)
                    if maximum < current.maximum || (maximum == current.maximum && pairs < current.count) {
                        replace(slot, with: c, column: similarities(c))
                        current = (maximum, pairs)
                        improved = true
                        break
                    }
                }
            }
        }
    }

    /// The largest σ among the pairs of members that do not involve `slot`, and how many pairs
    /// have it; `involved`: whether the slot's member is in a pair at the current largest σ.
    func remaining(without slot: Int, current: (maximum: Int32, count: Int)) -> (maximum: Int32, count: Int, involved: Bool) {
        let a = members[slot]
        var mine = 0
        for t in columns.indices where t != slot && columns[t][a] == current.maximum { mine += 1 }
        if mine == 0 { return (current.maximum, current.count, false) }
        if mine < current.count { return (current.maximum, current.count - mine, true) }
        var maximum: Int32 = -1, count = 0
        for s in members.indices where s != slot {
            for t in (s + 1)..<members.count where t != slot {
                let v = columns[t][members[s]]
                if v > maximum { (maximum, count) = (v, 1) } else if v == maximum { count += 1 }
            }
        }
        return (maximum, count, true)
    }

    /// Candidate c's largest σ to the members other than the one in `slot`, and how many reach it.
    func excluding(_ slot: Int, for c: Int) -> (Int32, Int) {
        let v = columns[slot][c]
        if v == first[c] {
            return firstCount[c] > 1 ? (first[c], Int(firstCount[c]) - 1) : (second[c], Int(secondCount[c]))
        }
        return (first[c], Int(firstCount[c]))
    }

    /// Puts candidate c in `slot`, with its σ to every candidate, and updates the statistics.
    mutating func replace(_ slot: Int, with c: Int, column: [Int32]) {
        let old = columns[slot]
        inSet[members[slot]] = false
        inSet[c] = true
        members[slot] = c
        columns[slot] = column
        for k in column.indices {
            let v = old[k], w = column[k]
            if v == w { continue }
            if (v == first[k] && firstCount[k] == 1) || (v == second[k] && secondCount[k] == 1) {
                recount(k)
                continue
            }
            if v == first[k] { firstCount[k] -= 1 } else if v == second[k] { secondCount[k] -= 1 }
            include(k, w)
        }
    }
}
