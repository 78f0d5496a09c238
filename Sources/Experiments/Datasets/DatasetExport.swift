import Imaging

/// `hopfield dataset export`: exactly what the network sees, for NumPy users.
public enum DatasetExport {
    /// Writes patterns.npy (int8 ±1 [images, N], or float32 for `none`), labels.npy (int32
    /// [images]), index.csv (row,path,class,label) and skipped.csv (path,reason: every entry of
    /// the dataset not in index.csv, with the cause). Returns the paths written.
    public static func write(_ loaded: LoadedDataset, to folder: String) throws -> [String] {
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
        let paths = [joinPath(folder, "patterns.npy"), joinPath(folder, "labels.npy"), joinPath(folder, "index.csv"), joinPath(folder, "skipped.csv")]
        try AtomicFile.write(patterns, to: paths[0])
        try AtomicFile.write(labels, to: paths[1])
        try AtomicFile.write(index.text, to: paths[2])
        try AtomicFile.write(skipped.text, to: paths[3])
        return paths
    }
}
