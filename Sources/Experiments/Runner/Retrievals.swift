import Hopfield
import Imaging

/// What a run with a feature stage shows instead of pattern pictures (codes are not images): the
/// test photos beside the training photos they retrieved, and the codes' statistics.
enum Retrievals {
    /// The side of the gray thumbnails in the gallery.
    static let side = RunVisuals.retrievalSide
    /// Right and wrong retrievals shown, each.
    static let perGroup = 8

    /// Up to 8 right and 8 wrong test retrievals, the classes in turn: each test photo beside the
    /// training photo of the memory nearest its final state, captioned "class>class retrieved".
    /// `predictions` and `settled` are the test images' (same order). A photo that cannot be
    /// read again is left out.
    static func gallery(
        _ predictions: [ClassifyPrediction], data: LoadedDataset, memories: RunMemories,
        settled: [StoredNetwork.Settled]
    ) -> [RunVisuals.Example] {
        let spec = ImageSpec(size: side, resize: .area, binarize: .none)
        var examples: [RunVisuals.Example] = []
        var counts = ["right": 0, "wrong": 0]
        let byPath = Dictionary(data.images.map { ($0.file.relativePath, $0.file.path) }, uniquingKeysWith: { a, _ in a })
        // Test images taken in turn from each class (the first of every class, then the second, ...).
        var rank: [String: Int] = [:]
        let order = predictions.indices.map { k -> (Int, String, Int) in
            defer { rank[predictions[k].className, default: 0] += 1 }
            return (rank[predictions[k].className, default: 0], predictions[k].className, k)
        }.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.2)
        for (p, result) in order.map({ (predictions[$0], settled[$0]) }) {
            let memoryImage = data.images[memories.images[result.nearest]]
            let group = memoryImage.file.className == p.className ? "right" : "wrong"
            guard counts[group]! < perGroup, let path = byPath[p.path],
                let test = try? ImagePipeline.load(path: path, spec: spec).values,
                let retrieved = try? ImagePipeline.load(path: memoryImage.file.path, spec: spec).values
            else { continue }
            counts[group]! += 1
            examples.append(
                .init(
                    group: group, input: PatternVector(test).doubles, state: [], nearest: PatternVector(retrieved).doubles,
                    caption: p.className + ">" + memoryImage.file.className))
        }
        return examples
    }

    /// codes.csv: the balance of the training codes' bits and how much the memories overlap
    /// (nil for real-valued features).
    static func codeStatistics(_ data: LoadedDataset, train: [Int], memories: RunMemories) -> CodeStatistics? {
        func code(_ values: PatternValues) -> [Int8]? {
            if case .binary(let v) = values { return v }
            return nil
        }
        let codes = train.compactMap { code(data.images[$0].values) }
        guard codes.count == train.count else { return nil }
        return CodeStatistics(train: codes, memories: memories.images.compactMap { code(data.images[$0].values) })
    }
}
