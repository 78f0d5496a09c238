import Hopfield
import Imaging

/// `hopfield dataset inspect`: what every file of a dataset is.
public enum DatasetInspector {
    /// Decodes every file at full size and reports what each one is.
    public static func inspect(
        _ dataset: Dataset, maxPixels: UInt64 = DecodeOptions.defaultMaxPixels,
        jobs: Int = availableCores
    ) -> [InspectionRow] {
        parallelMap(count: dataset.files.count, jobs: jobs) { i in
            let file = dataset.files[i]
            do throws(ImageError) {
                let decoded = try ImageDecoder.decodeFile(atPath: file.path, options: DecodeOptions(maxPixels: maxPixels))
                return InspectionRow(
                    file: file, format: decoded.format, width: decoded.sourceWidth,
                    height: decoded.sourceHeight, error: nil)
            } catch {
                return InspectionRow(file: file, format: nil, width: nil, height: nil, error: error)
            }
        }
    }

    /// The columns of `inspect`'s table.
    public static let header = ["path", "class", "status", "format", "width", "height", "reason"]

    /// One row per file (status ok or refused) and one per entry the walk did not list (status
    /// skipped), in order of their relative paths: every entry the walk met, each once.
    public static func table(_ dataset: Dataset, rows: [InspectionRow]) -> [[String]] {
        let files = rows.map { row in
            [
                row.file.relativePath, row.file.className, row.ok ? "ok" : "refused",
                row.format?.rawValue ?? "", row.width.map(String.init) ?? "", row.height.map(String.init) ?? "",
                row.error?.reason ?? ""
            ]
        }
        let notes = dataset.notes.map { [$0.relativePath, $0.className ?? "", "skipped", "", "", "", $0.reason] }
        return (files + notes).sorted { $0[0].utf8Precedes($1[0]) }
    }
}
