import Hopfield
import Imaging

/// A run's ±1 codes of real-valued features (`features.codes`), fitted on the run's training
/// images only: the test images are coded with what the training split learned, so they never
/// shape their own code.
enum FeatureCodes {
    /// `data` with every image's features replaced by its code (or kept, for `codes: none`).
    /// `train` indexes the images the code is fitted on (the training split; every image for
    /// recall). Deterministic: sums run in index order, the projections come from the run's seed.
    static func apply(_ data: LoadedDataset, features: ExperimentConfig.FeaturesSection, train: [Int], seed: UInt64, jobs: Int)
        -> LoadedDataset
    {
        var values = data.images.map { image -> [Float] in
            guard case .continuous(let v) = image.values else { preconditionFailure("features are real values") }
            return v
        }
        // Fitted on the training images only (competing hidden units), from the run's own stream.
        values = features.encoder.fit(values, train: train, seed: seed, jobs: jobs)
        if features.codes == .none {
            var real = data
            for i in real.images.indices { real.images[i].values = .continuous(values[i]) }
            return real
        }
        let codes: [[Int8]]
        switch features.codes {
        case .none: preconditionFailure("handled above")
        case .median: codes = median(values, train: train)
        case .simhash: codes = simhash(values, train: train, bits: features.bits, seed: seed, jobs: jobs)
        }
        var coded = data
        for i in coded.images.indices { coded.images[i].values = .binary(codes[i]) }
        return coded
    }

    /// +1 where a feature is above its median over the training images (the mean of the two
    /// middle values for an even count, as NumPy's `median`), else −1: every bit is balanced on
    /// the training split up to ties.
    static func median(_ values: [[Float]], train: [Int]) -> [[Int8]] {
        let d = values.first?.count ?? 0
        let medians = (0..<d).map { j -> Float in
            let column = train.map { values[$0][j] }.sorted()
            let m = column.count / 2
            return column.count % 2 == 1 ? column[m] : (column[m - 1] + column[m]) / 2
        }
        return values.map { v in (0..<d).map { v[$0] > medians[$0] ? 1 : -1 } }
    }

    /// Charikar's SimHash: the signs of `bits` projections of the features centred on the
    /// training mean, onto Gaussian directions drawn from the run's "simhash" stream (row by
    /// row); the Hamming distance between two codes estimates the angle between the features.
    static func simhash(_ values: [[Float]], train: [Int], bits: Int, seed: UInt64, jobs: Int) -> [[Int8]] {
        let d = values.first?.count ?? 0
        var sums = [Double](repeating: 0, count: d)
        for i in train { for j in 0..<d { sums[j] += Double(values[i][j]) } }
        let mean = sums.map { $0 / Double(max(train.count, 1)) }
        var rng = RunStreams.item(seed, "simhash")
        let directions = (0..<bits * d).map { _ in rng.gaussian() }
        return parallelMap(count: values.count, jobs: jobs) { i in
            let centred = (0..<d).map { Double(values[i][$0]) - mean[$0] }
            return (0..<bits).map { b -> Int8 in
                var s = 0.0
                for j in 0..<d { s += directions[b * d + j] * centred[j] }
                return s > 0 ? 1 : -1
            }
        }
    }
}
