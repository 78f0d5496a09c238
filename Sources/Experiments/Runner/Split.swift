import Hopfield

/// Dividing a dataset's usable images into training and test sets.
public enum Splitter {
    public struct Result: Sendable, Equatable {
        /// Indices into the loaded images, in dataset order.
        public var train: [Int]
        public var test: [Int]
    }

    /// Splits `labels` (one per image, 0..<classes). Stratified: each class split in proportion
    /// (largest remainders, ties to the lower label), every class at least once in each split.
    /// Not stratified: one seeded shuffle of all images, redrawn until every class is in both
    /// splits (the notebook's loop), at most 1000 times.
    public static func split(labels: [Int], classes: Int, train: ExperimentConfig.Amount, test: ExperimentConfig.Amount,
                             stratify: Bool, seed: UInt64) throws(ConfigError) -> Result {
        let total = labels.count
        let trainCount = train.resolve(total), testCount = test.resolve(total)
        let perClass = (0..<classes).map { c in labels.indices.filter { labels[$0] == c } }
        for (c, members) in perClass.enumerated() where members.count < 2 {
            throw ConfigError(path: "dataset", "class \(c) has \(members.count) usable image(s); each class needs at least 2 (one per split)")
        }
        if trainCount < classes { throw ConfigError(path: "split.train", "\(trainCount) training images cannot hold all \(classes) classes") }
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

    /// Splits `amount` over classes in proportion to `sizes`, each class at least `reserve`
    /// and at most its size minus one for the other split (when reserve is 1).
    static func allocate(_ amount: Int, sizes: [Int], reserve: Int, path: String) throws(ConfigError) -> [Int] {
        let total = sizes.reduce(0, +)
        let caps = sizes.map { $0 - reserve }
        var quota = sizes.map { _ in 1 }
        var left = amount - sizes.count
        if left < 0 { throw ConfigError(path: path, "\(amount) images cannot hold all \(sizes.count) classes") }
        // Proportional shares of the rest, floors first, then largest remainders.
        let exact = sizes.map { Double(left) * Double($0) / Double(total) }
        for c in sizes.indices {
            let add = min(Int(exact[c]), caps[c] - quota[c])
            quota[c] += max(add, 0)
            left -= max(add, 0)
        }
        let order = sizes.indices.sorted { (exact[$0] - exact[$0].rounded(.down), -$0) > (exact[$1] - exact[$1].rounded(.down), -$1) }
        var progress = true
        while left > 0 && progress {
            progress = false
            for c in order where left > 0 && quota[c] < caps[c] {
                quota[c] += 1
                left -= 1
                progress = true
            }
        }
        if left > 0 { throw ConfigError(path: path, "\(amount) images do not fit the classes' sizes \(sizes)") }
        return quota
    }
}
