import Hopfield

/// Dividing a dataset's usable images into training and test sets.
public enum Splitter {
    /// The two splits.
    public struct Result: Sendable, Equatable {
        /// Indices into the loaded images, in dataset order.
        public var train: [Int]
        /// Indices into the loaded images, in dataset order.
        public var test: [Int]
        /// Training images held out for validation (`split.validation`), in dataset order;
        /// disjoint from `train`.
        public var validation: [Int] = []

        /// The splits with images, in the order runs report them: train, validation (when
        /// held out), test.
        public var parts: [Split] { validation.isEmpty ? [.train, .test] : [.train, .validation, .test] }

        /// The images of `split`.
        public func members(_ split: Split) -> [Int] {
            switch split {
            case .train: train
            case .validation: validation
            case .test: test
            }
        }
    }

    /// Splits `labels` (one per image, 0..<classes). Stratified: each class split in proportion
    /// (largest remainders, ties to the lower label), every class at least once in each split.
    /// Not stratified: one seeded shuffle of all images, redrawn until every class is in both
    /// splits (the notebook's loop), at most 1000 times.
    public static func split(
        labels: [Int], classes: Int, train: ExperimentConfig.Amount, test: ExperimentConfig.Amount,
        stratify: Bool, seed: UInt64
    ) throws(ConfigError) -> Result {
        let total = labels.count
        let (trainCount, testCount) = counts(train: train, test: test, total: total)
        let perClass = (0..<classes).map { c in labels.indices.filter { labels[$0] == c } }
        for (c, members) in perClass.enumerated() where members.count < 2 {
            throw ConfigError(
                path: "dataset", "class \(c) has \(members.count) usable image(s); each class needs at least 2 (one per split)")
        }
        if trainCount < classes {
            throw ConfigError(path: "split.train", "\(trainCount) training images cannot hold all \(classes) classes")
        }
        if testCount < classes { throw ConfigError(path: "split.test", "\(testCount) test images cannot hold all \(classes) classes") }
        if trainCount + testCount > total {
            throw ConfigError(path: "split", "train \(trainCount) + test \(testCount) exceeds the \(total) usable images")
        }
        if stratify {
            let trainQuota = try allocate(trainCount, sizes: perClass.map(\.count), reserve: 1, path: "split.train")
            let remaining = zip(perClass, trainQuota).map { $0.count - $1 }
            let testQuota = try allocate(testCount, sizes: remaining, reserve: 0, path: "split.test")
            var trainSet: [Int] = [], testSet: [Int] = []
            for (c, members) in perClass.enumerated() {
                var rng = RandomStreams.stream(seed, RandomStreams.key("split"), UInt64(c))
                var shuffled = members
                rng.shuffle(&shuffled)
                trainSet += shuffled.prefix(trainQuota[c])
                testSet += shuffled.dropFirst(trainQuota[c]).prefix(testQuota[c])
            }
            return Result(train: trainSet.sorted(), test: testSet.sorted())
        }
        var rng = RandomStreams.stream(seed, RandomStreams.key("split"))
        for _ in 0..<1000 {
            var all = Array(0..<total)
            rng.shuffle(&all)
            let trainSet = Array(all.prefix(trainCount)), testSet = Array(all.dropFirst(trainCount).prefix(testCount))
            if Set(trainSet.map { labels[$0] }).count == classes && Set(testSet.map { labels[$0] }).count == classes {
                return Result(train: trainSet.sorted(), test: testSet.sorted())
            }
        }
        throw ConfigError(path: "split", "1000 shuffles never put every class in both splits; use \"stratify\": true")
    }

    /// The two sizes for `total` usable images. Fractions are apportioned by largest remainder
    /// (train, test and the unused rest, ties in that order), so fractions that add up to at
    /// most 1 always fit: 0.5/0.5 of 21 is 11 + 10, not 11 + 11. A fraction beside a count
    /// rounds to nearest, or down where rounding up would not fit beside the count.
    public static func counts(train: ExperimentConfig.Amount, test: ExperimentConfig.Amount, total: Int) -> (train: Int, test: Int) {
        switch (train, test) {
        case (.fraction(let a), .fraction(let b)):
            let exact = [a, b, max(0, 1 - a - b)].map { $0 * Double(total) }
            var parts = exact.map { Int($0.rounded(.down)) }
            let byRemainder = exact.indices.sorted {
                let x = exact[$0] - exact[$0].rounded(.down), y = exact[$1] - exact[$1].rounded(.down)
                return x != y ? x > y : $0 < $1
            }
            for k in byRemainder.prefix(max(0, total - parts.reduce(0, +))) { parts[k] += 1 }
            return (parts[0], parts[1])
        case (.count(let c), .fraction(let f)): return (c, fitting(f, beside: c, total: total))
        case (.fraction(let f), .count(let c)): return (fitting(f, beside: c, total: total), c)
        case (.count(let a), .count(let b)): return (a, b)
        }
    }

    /// `f` of `total`, rounded to nearest, or down when that leaves room for `count`.
    private static func fitting(_ f: Double, beside count: Int, total: Int) -> Int {
        let nearest = ExperimentConfig.Amount.fraction(f).resolve(total), down = Int((f * Double(total)).rounded(.down))
        return count + nearest > total ? max(down, total - count) : nearest
    }

    /// Splits `amount` over classes in proportion to `sizes` (floors of the exact shares, then
    /// one more to the largest remainders, ties to the lower label), then makes sure every class
    /// has at least one (taken from the class with the most) and at most size − reserve.
    static func allocate(_ amount: Int, sizes: [Int], reserve: Int, path: String) throws(ConfigError) -> [Int] {
        let total = sizes.reduce(0, +)
        let caps = sizes.map { $0 - reserve }
        if amount < sizes.count { throw ConfigError(path: path, "\(amount) images cannot hold all \(sizes.count) classes") }
        if amount > caps.reduce(0, +) { throw ConfigError(path: path, "\(amount) images do not fit the classes' sizes \(sizes)") }
        let exact = sizes.map { Double(amount) * Double($0) / Double(total) }
        var quota = exact.map { Int($0.rounded(.down)) }
        var left = amount - quota.reduce(0, +)
        let byRemainder = sizes.indices.sorted {
            let a = exact[$0] - exact[$0].rounded(.down), b = exact[$1] - exact[$1].rounded(.down)
            return a != b ? a > b : $0 < $1
        }
        for c in byRemainder where left > 0 {
            quota[c] += 1
            left -= 1
        }
        // At least one per class, at most its cap: move units from the fullest classes.
        for c in sizes.indices where quota[c] < 1 {
            let donor = sizes.indices.filter { quota[$0] > 1 }.max { (quota[$0], -$0) < (quota[$1], -$1) }!
            quota[donor] -= 1
            quota[c] += 1
        }
        for c in sizes.indices where quota[c] > caps[c] {
            var excess = quota[c] - caps[c]
            quota[c] = caps[c]
            for other in byRemainder where excess > 0 && quota[other] < caps[other] {
                let add = min(excess, caps[other] - quota[other])
                quota[other] += add
                excess -= add
            }
        }
        return quota
    }
}
