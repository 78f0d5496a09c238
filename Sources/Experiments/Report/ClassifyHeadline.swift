/// The plain-words result of a classify batch, per grid point (rule, memories…), on the test
/// split: accuracy, spurious states, and where it stands against the baselines.
enum ClassifyHeadline {
    /// One sentence per test row of the summary: "accuracy 0.31 (…): above chance (0.10), equal to
    /// nearest-memory retrieval (0.34), 55 points below 1-NN (0.88)".
    /// The dam rule's rows (found through `batch`) get no nearest-memory comparison: its memories
    /// are trained features, not stored images, and nothing converges to them.
    static func sentences(_ rows: [ClassifySummaryRow], gridKeys: [String], batch: Batch? = nil) -> [String] {
        rows.filter { $0.split == .test }.map { row in
            let run = batch?.runs.first { $0.gridValues.map(\.1.label) == row.grid }
            var isDam = false
            if run?.config.network.rule.isClassifier == true { isDam = true }
            let point = zip(gridKeys, row.grid).map { "\($0) = \($1)" }.joined(separator: ", ")
            let name = point.isEmpty ? "this config" : point
            return "\(name): accuracy \(Format.fixed(row.meanAccuracy, 3)), \(row.spurious) of \(row.n) test images in spurious states; "
                + verdict(row, nearestMemory: !isDam)
        }
    }

    /// How the baselines are computed, in words: for ±1 patterns the sign of the class mean and
    /// Hamming distance, for real values the class mean and Euclidean distance (``Baselines``).
    static func baselineWords(_ batch: Batch?) -> String {
        let real = Set((batch?.runs ?? []).map(\.config.patternsAreRealValued))
        let binary = "the nearest class prototype (sign of the class mean) and 1-NN on all training images (Hamming distance)"
        let gray =
            "the nearest class prototype (the class mean, by Euclidean distance) and 1-NN on all training images (Euclidean distance)"
        switch real {
        case [true]: return gray
        case [true, false]:
            return "the nearest class prototype and 1-NN on all training images (sign of the class mean and Hamming distance "
                + "for ±1 patterns; the class mean and Euclidean distance for gray levels)"
        default: return binary
        }
    }

    /// How an accuracy compares with the baselines, allowing its binomial 95% margin. An accuracy
    /// or baseline that is not a number (no test images) gets no comparison, never a trap.
    static func verdict(_ row: ClassifySummaryRow, nearestMemory: Bool = true) -> String {
        let a = row.meanAccuracy
        let baselines =
            [row.meanChanceAccuracy, nearestMemory ? row.meanNearestAccuracy : 0, row.meanPrototypeAccuracy]
            + (row.meanNeighborAccuracy.map { [$0] } ?? [])
        guard a.isFinite, baselines.allSatisfy(\.isFinite) else { return "no comparison with the baselines (not a number)" }
        let margin = max(0.005, 1.96 * (a * (1 - a) / Double(max(1, row.n))).squareRoot())
        func points(_ x: Double) -> String {
            let n = Int((abs(x) * 100).rounded())
            return n == 1 ? "1 point" : "\(n) points"
        }
        var words: [String] = []
        let chance = row.meanChanceAccuracy
        if abs(a - chance) <= margin {
            words.append("at chance (\(Format.fixed(chance, 3)))")
        } else if a < chance {
            words.append("below chance (\(Format.fixed(chance, 3)))")
        } else {
            words.append("above chance (\(Format.fixed(chance, 3)))")
        }
        let nearest = row.meanNearestAccuracy
        if !nearestMemory {
            // (no nearest-memory retrieval to compare with)
        } else if abs(a - nearest) <= margin {
            words.append("equal to nearest-memory retrieval (\(Format.fixed(nearest, 3)))")
        } else {
            words.append("\(points(a - nearest)) \(a < nearest ? "below" : "above") nearest-memory retrieval (\(Format.fixed(nearest, 3)))")
        }
        let prototype = row.meanPrototypeAccuracy
        words.append(
            abs(a - prototype) <= margin
                ? "equal to the nearest class prototype (\(Format.fixed(prototype, 3)))"
                : "\(points(a - prototype)) \(a < prototype ? "below" : "above") the nearest class prototype (\(Format.fixed(prototype, 3)))"
        )
        if let neighbor = row.meanNeighborAccuracy {
            words.append(
                abs(a - neighbor) <= margin
                    ? "equal to 1-NN on all training images (\(Format.fixed(neighbor, 3)))"
                    : "\(points(a - neighbor)) \(a < neighbor ? "below" : "above") 1-NN on all training images (\(Format.fixed(neighbor, 3)))"
            )
        }
        return words.joined(separator: ", ")
    }
}
