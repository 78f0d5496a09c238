import Hopfield

extension Splitter {
    /// Holds `amount` of the training split out for validation: per class in proportion
    /// (largest remainders, ties to the lower label), each class keeping at least one training
    /// image, drawn with the seed's own stream `validation` (the train/test split is unchanged).
    public static func holdOut(
        _ split: Result, labels: [Int], classes: Int, amount: ExperimentConfig.Amount,
        seed: UInt64
    ) throws(ConfigError) -> Result {
        let train = split.train
        let count = amount.resolve(train.count)
        if count < 1 { throw ConfigError(path: "split.validation", "holds out no image of the \(train.count) training images") }
        if count > train.count - classes {
            throw ConfigError(
                path: "split.validation", "\(count) of \(train.count) training images leaves fewer than one per class for training")
        }
        let perClass = (0..<classes).map { c in train.filter { labels[$0] == c } }
        // Largest remainders of count · n_c / n, capped so every class keeps one training image.
        let exact = perClass.map { Double(count) * Double($0.count) / Double(train.count) }
        var quota = zip(exact, perClass).map { min(Int($0.0), max(0, $0.1.count - 1)) }
        let order = perClass.indices.sorted { (exact[$0] - exact[$0].rounded(.down), -$0) > (exact[$1] - exact[$1].rounded(.down), -$1) }
        var left = count - quota.reduce(0, +)
        while left > 0 {
            var placed = false
            for c in order where left > 0 && quota[c] < perClass[c].count - 1 {
                quota[c] += 1
                left -= 1
                placed = true
            }
            if !placed { break }
        }
        var held: [Int] = []
        for (c, members) in perClass.enumerated() {
            var rng = RandomStreams.stream(seed, RandomStreams.key("validation"), UInt64(c))
            var shuffled = members
            rng.shuffle(&shuffled)
            held += shuffled.prefix(quota[c])
        }
        let heldSet = Set(held)
        return Result(train: train.filter { !heldSet.contains($0) }, test: split.test, validation: held.sorted())
    }
}
