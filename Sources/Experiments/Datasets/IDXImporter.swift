import Foundation
import Imaging

/// MNIST's IDX files (http://yann.lecun.com/exdb/mnist/): images `[count, rows, cols]` of
/// unsigned bytes (magic 0x00000803) and labels `[count]` (magic 0x00000801), big-endian sizes,
/// raw or gzip-compressed. Fashion-MNIST and EMNIST use the same format.
public enum IDXImporter {
    /// An IDX array of unsigned bytes.
    public struct Array3 {
        /// The dimensions, outermost first.
        public var dims: [Int]
        /// The values in row-major order.
        public var bytes: ArraySlice<UInt8>
    }

    /// Parses an IDX file of unsigned bytes.
    public static func parse(_ data: [UInt8], path: String) throws -> Array3 {
        guard data.count >= 4, data[0] == 0, data[1] == 0 else {
            throw ImportError("\(path): not an IDX file (the first two bytes must be zero)")
        }
        guard data[2] == 0x08 else {
            throw ImportError("\(path): IDX element type 0x\(String(data[2], radix: 16)) is not supported (only unsigned bytes, 0x08)")
        }
        let rank = Int(data[3])
        guard rank >= 1, rank <= 4, data.count >= 4 + 4 * rank else {
            throw ImportError("\(path): IDX header is truncated or has \(rank) dimensions")
        }
        var dims: [Int] = []
        for d in 0..<rank {
            let o = 4 + 4 * d
            dims.append(Int(data[o]) << 24 | Int(data[o + 1]) << 16 | Int(data[o + 2]) << 8 | Int(data[o + 3]))
        }
        let expected = dims.reduce(1, *)
        let start = 4 + 4 * rank
        guard data.count - start >= expected else {
            throw ImportError("\(path): IDX data is truncated: \(data.count - start) bytes for dimensions \(dims) (\(expected) expected)")
        }
        return Array3(dims: dims, bytes: data[start..<start + expected])
    }

    /// Whether a file's first bytes can start an IDX file: two zero bytes.
    static func magic(_ head: [UInt8]) -> String? {
        head.count >= 4 && head[0] == 0 && head[1] == 0 ? nil : "not an IDX file (the first two bytes must be zero)"
    }

    /// Imports images and labels into class folders named by the label value (or by `names`).
    public static func importFiles(
        images imagesPath: String, labels labelsPath: String, output: String,
        limit: Int? = nil, names: [String]? = nil, replace: Bool = false
    ) throws -> ImportSummary {
        let images = try parse(try readMaybeGzip(imagesPath, accept: magic), path: imagesPath)
        let labels = try parse(try readMaybeGzip(labelsPath, accept: magic), path: labelsPath)
        guard images.dims.count == 3 else {
            throw ImportError("\(imagesPath): expected images of shape [count, rows, cols], found \(images.dims)")
        }
        guard labels.dims.count == 1 else {
            throw ImportError("\(labelsPath): expected labels of shape [count], found \(labels.dims)")
        }
        guard images.dims[0] == labels.dims[0] else {
            throw ImportError("\(imagesPath) has \(images.dims[0]) images but \(labelsPath) has \(labels.dims[0]) labels")
        }
        let (count, rows, cols) = (images.dims[0], images.dims[1], images.dims[2])
        let n = min(count, limit ?? count)
        let classNames = try folderNames(labels: labels, count: n, names: names, path: labelsPath)
        var writer = try DatasetWriter(output: output, replace: replace)
        do {
            let base = images.bytes.startIndex
            let items = (0..<n).map { i -> (className: String, number: Int, image: GrayImage) in
                let start = base + i * rows * cols
                return (classNames[i], i, GrayImage(width: cols, height: rows, pixels: Array(images.bytes[start..<start + rows * cols])))
            }
            try writer.write(items)
            return try writer.commit(skipped: [])
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// Each record's class folder: the label's number, or with `names`, "<label>-<name>" with the
    /// label zero-padded so that sorted folders keep the official label order (Fashion-MNIST's
    /// T-shirt is label 0, Trouser 1, ...).
    static func folderNames(labels: Array3, count: Int, names: [String]?, path: String) throws -> [String] {
        let values = (0..<count).map { Int(labels.bytes[labels.bytes.startIndex + $0]) }
        guard let names else { return values.map(String.init) }
        let width = String(max(names.count - 1, 0)).count
        var folders: [String] = []
        for name in names {
            guard let safe = DatasetWriter.safeClassName(name) else { throw ImportError("class name '\(name)' cannot be a folder name") }
            let number = String(folders.count)
            folders.append(String(repeating: "0", count: width - number.count) + number + "-" + safe)
        }
        return try values.enumerated().map { i, label in
            guard label < folders.count else {
                throw ImportError("\(path): label \(label) at record \(i) has no name (\(names.count) names given)")
            }
            return folders[label]
        }
    }
}
