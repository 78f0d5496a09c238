import Imaging

/// `hopfield dataset export`: exactly what the network sees, for NumPy users.
public enum DatasetExport {
    /// Writes patterns.npy (int8 ±1 [images, N], or float32 for `none`), labels.npy (int32
    /// [images]), index.csv (row,path,class,label) and skipped.csv (path,reason: every entry of
    /// the dataset not in index.csv, with the cause), and with `features` (the same dataset
    /// through an encoder) features.npy (float32 [images, D]). Returns the paths written.
    public static func write(_ pixels: LoadedDataset, features: LoadedDataset? = nil, to folder: String) throws -> [String] {
        var loaded = pixels
        var featureRows: [[Float]] = []
        if let features {
            // Only images both readings could use (the colour decoder may refuse what the gray one took).
            let byPath = Dictionary(features.images.map { ($0.file.relativePath, $0.values) }, uniquingKeysWith: { a, _ in a })
            loaded.images = pixels.images.filter { byPath[$0.file.relativePath] != nil }
            loaded.refused += features.refused.filter { r in pixels.images.contains { $0.file.relativePath == r.file.relativePath } }
            featureRows = loaded.images.map { image in
                guard case .continuous(let v) = byPath[image.file.relativePath]! else { preconditionFailure("features are real values") }
                return v
            }
        }
        let n = loaded.spec.neurons
        let count = loaded.images.count
        let patterns: [UInt8]
        if loaded.spec.binarize.isBinary {
            var values: [Int8] = []
            values.reserveCapacity(count * n)
            for image in loaded.images {
                guard case .binary(let v) = image.values else { preconditionFailure() }
                values += v
            }
            patterns = NPY.int8(values, shape: [count, n])
        } else {
            var values: [Float] = []
            values.reserveCapacity(count * n)
            for image in loaded.images {
                guard case .continuous(let v) = image.values else { preconditionFailure() }
                values += v
            }
            patterns = NPY.float32(values, shape: [count, n])
        }
        let labels = NPY.int32(loaded.images.map { Int32($0.file.label) }, shape: [count])
        var index = CSVTable(header: ["row", "path", "class", "label"])
        for (row, image) in loaded.images.enumerated() {
            index.append([String(row), image.file.relativePath, image.file.className, String(image.file.label)])
        }
        var skipped = CSVTable(header: ["path", "reason"])
        for entry in loaded.unused.sorted(by: { $0.path.utf8Precedes($1.path) }) { skipped.append([entry.path, entry.reason]) }
        let paths = [
            joinPath(folder, "patterns.npy"), joinPath(folder, "labels.npy"), joinPath(folder, "index.csv"), joinPath(folder, "skipped.csv")
        ]
        try AtomicFile.write(patterns, to: paths[0])
        try AtomicFile.write(labels, to: paths[1])
        try AtomicFile.write(index.text, to: paths[2])
        try AtomicFile.write(skipped.text, to: paths[3])
        guard let features else { return paths }
        let path = joinPath(folder, "features.npy")
        try AtomicFile.write(NPY.float32(featureRows.flatMap { $0 }, shape: [count, features.spec.valueCount]), to: path)
        return paths + [path]
    }
}
