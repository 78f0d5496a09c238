import CKernels
import Hopfield
import Synchronization

/// What simple classifiers achieve on exactly a classify run's patterns and split, so every
/// result says where it stands:
/// - chance: the share of the split's most frequent class (always answering it);
/// - nearest prototype: each class's prototype is the sign of the mean of its training patterns
///   (0 → +1; for real-valued patterns the mean itself); an image gets the class whose prototype
///   has the largest overlap (±1) or the smallest squared distance (real values), the lowest class
///   index among equals;
/// - 1-NN: the class of the training image with the smallest Hamming distance (real values:
///   squared Euclidean distance), the first in split order among equals. Test images only (on
///   the training split every image would find itself).
/// Nearest-memory retrieval, the fourth baseline, depends on the memories and is measured by the
/// run itself.
public struct Baselines: Sendable, Equatable {
    /// The majority class's share of the training split.
    public var trainChance: Double
    /// The majority class's share of the test split.
    public var testChance: Double
    /// The nearest-prototype class of every training image, in split order.
    public var trainPrototype: [Int]
    /// The nearest-prototype class of every test image, in split order.
    public var testPrototype: [Int]
    /// The 1-NN class of every test image, in split order.
    public var testNeighbor: [Int]
    /// The majority class's share of the validation split (0 without one).
    public var validationChance = 0.0
    /// The nearest-prototype class of every validation image, in split order.
    public var validationPrototype: [Int] = []
    /// The 1-NN class (over the training split) of every validation image, in split order.
    public var validationNeighbor: [Int] = []

    /// One split's baselines: its chance, the prototype class of each image, and the 1-NN class
    /// of each image (nil for the training split, where every image would find itself).
    public func part(_ split: Split) -> (chance: Double, prototype: [Int], neighbor: [Int]?) {
        switch split {
        case .train: return (trainChance, trainPrototype, nil)
        case .validation: return (validationChance, validationPrototype, validationNeighbor)
        case .test: return (testChance, testPrototype, testNeighbor)
        }
    }

    /// Computes every baseline; the 1-NN search in tiles of test images over `jobs` threads.
    public static func compute(data: LoadedDataset, split: Splitter.Result, jobs: Int) -> Baselines {
        let classes = data.dataset.classes.count
        let labels = data.images.map(\.file.label)
        let patterns = data.images.map(\.pattern)
        func chance(_ members: [Int]) -> Double {
            var counts = [Int](repeating: 0, count: classes)
            for k in members { counts[labels[k]] += 1 }
            return members.isEmpty ? 0 : Double(counts.max()!) / Double(members.count)
        }
        let prototypes = Prototypes(patterns: split.train.map { patterns[$0] }, labels: split.train.map { labels[$0] }, classes: classes)
        let neighbors = nearestNeighbors(train: split.train.map { patterns[$0] }, test: split.test.map { patterns[$0] }, jobs: jobs)
        var result = Baselines(
            trainChance: chance(split.train), testChance: chance(split.test),
            trainPrototype: split.train.map { prototypes.classify(patterns[$0]) },
            testPrototype: split.test.map { prototypes.classify(patterns[$0]) },
            testNeighbor: neighbors.map { labels[split.train[$0]] })
        if !split.validation.isEmpty {
            result.validationChance = chance(split.validation)
            result.validationPrototype = split.validation.map { prototypes.classify(patterns[$0]) }
            result.validationNeighbor = nearestNeighbors(
                train: split.train.map { patterns[$0] }, test: split.validation.map { patterns[$0] },
                jobs: jobs
            ).map { labels[split.train[$0]] }
        }
        return result
    }

    /// For each test pattern, the index (into `train`) of its nearest training pattern.
    static func nearestNeighbors(train: [PatternVector], test: [PatternVector], jobs: Int) -> [Int] {
        guard let first = train.first, !test.isEmpty else { return [] }
        let block = 64
        if case .binary = first {
            let n = first.count
            let packed = PackedPatterns(train.map(\.binaryPattern), neurons: n)
            let queries = test.map(\.binaryPattern)
            return parallelMap(count: (test.count + block - 1) / block, jobs: jobs) { b -> [Int] in
                let range = (b * block)..<min(test.count, (b + 1) * block)
                return packed.best(for: PackedPatterns(Array(queries[range]), neurons: n), absolute: false).map(\.index)
            }.flatMap { $0 }
        }
        return continuousNeighbors(train: train, test: test, jobs: jobs)
    }
}

extension Baselines {
    /// Test rows per block of the 1-NN search, and training rows per tile of dot products.
    static let neighborQueries = 32, neighborTile = 256

    /// 1-NN for real values: the smallest |y|² − 2 x·y over training rows y (the squared
    /// Euclidean distance less |x|², in Float with ``FloatDot``'s fixed order), the first among
    /// equals. The dot products come as blocked matrix products (`hl_fdot_rows`, register tiles,
    /// the same order and so the same bits as ``FloatDot``): 32 test rows against 256 training
    /// rows at a time, each test row then scanning its tile in training order.
    static func continuousNeighbors(train: [PatternVector], test: [PatternVector], jobs: Int) -> [Int] {
        let n = train[0].count, q = neighborQueries, t = neighborTile
        let rows = train.flatMap { $0.doubles.map(Float.init) }
        let queries = test.flatMap { $0.doubles.map(Float.init) }
        let norms = rows.withUnsafeBufferPointer { r in
            (0..<train.count).map { FloatDot.dot(r.baseAddress! + $0 * n, r.baseAddress! + $0 * n, n) }
        }
        return parallelMap(count: (test.count + q - 1) / q, jobs: jobs) { block -> [Int] in
            let first = block * q, count = min(q, test.count - first)
            var best = [Int](repeating: 0, count: count), smallest = [Float](repeating: .infinity, count: count)
            var dots = [Float](repeating: 0, count: q * t)
            rows.withUnsafeBufferPointer { r in
                queries.withUnsafeBufferPointer { x in
                    for j0 in stride(from: 0, to: train.count, by: t) {
                        let width = min(t, train.count - j0)
                        hl_fdot_rows(x.baseAddress! + first * n, n, count, r.baseAddress! + j0 * n, n, width, n, &dots, count)
                        for j in 0..<width {
                            for k in 0..<count {
                                let d = norms[j0 + j] - 2 * dots[j * count + k]
                                if d < smallest[k] { (best[k], smallest[k]) = (j0 + j, d) }
                            }
                        }
                    }
                }
            }
            return best
        }.flatMap { $0 }
    }
}

/// Each class's prototype: the sign of the class mean for ±1 patterns, the mean for real values.
struct Prototypes {
    var rows: [PatternVector]

    init(patterns: [PatternVector], labels: [Int], classes: Int) {
        let n = patterns.first?.count ?? 0
        var sums = [[Double]](repeating: [Double](repeating: 0, count: n), count: classes)
        var counts = [Int](repeating: 0, count: classes)
        for (p, c) in zip(patterns, labels) {
            let values = p.doubles
            for i in 0..<n { sums[c][i] += values[i] }
            counts[c] += 1
        }
        let binary: Bool = { if case .binary = patterns.first { return true } else { return false } }()
        rows = (0..<classes).map { c in
            if binary {
                let signs = sums[c].map { $0 >= 0 ? Int8(1) : Int8(-1) }
                return .binary(signs, BinaryPattern(signs))
            }
            return .continuous(sums[c].map { counts[c] > 0 ? $0 / Double(counts[c]) : 0 })
        }
    }

    /// The class of the nearest prototype (lowest class among equals).
    func classify(_ pattern: PatternVector) -> Int {
        var best = 0
        switch pattern {
        case .binary(_, let x):
            var bestOverlap = Int.min
            for (c, row) in rows.enumerated() {
                let m = row.binaryPattern.overlap(with: x)
                if m > bestOverlap { (best, bestOverlap) = (c, m) }
            }
        case .continuous(let x):
            var bestDistance = Double.infinity
            for (c, row) in rows.enumerated() {
                let y = row.doubles
                var d = 0.0
                for i in 0..<x.count { d += (x[i] - y[i]) * (x[i] - y[i]) }
                if d < bestDistance { (best, bestDistance) = (c, d) }
            }
        }
        return best
    }
}

/// Values computed once per key and shared by the runs of a batch: the classify baselines and the
/// feature codes, per dataset, image spec, features and split, used by runs that differ only in
/// the network (a run waits while another computes).
public final class OnceCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let entries = Mutex<[Key: Value]>([:])

    /// An empty cache.
    public init() {}

    /// The value for `key`, computed by `make` the first time.
    public func value(_ key: Key, _ make: () -> Value) -> Value {
        entries.withLock { cache in
            if let known = cache[key] { return known }
            let made = make()
            cache[key] = made
            return made
        }
    }
}

extension PatternVector {
    /// The packed form of a ±1 pattern (precondition: binary).
    var binaryPattern: BinaryPattern {
        guard case .binary(_, let packed) = self else { preconditionFailure("a ±1 pattern") }
        return packed
    }
}
