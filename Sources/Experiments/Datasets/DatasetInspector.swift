import Hopfield
import Imaging

/// `hopfield dataset inspect`: what every file of a dataset is.
public enum DatasetInspector {
    /// Decodes every file at full size and reports what each one is.
    public static func inspect(_ dataset: Dataset, maxPixels: UInt64 = DecodeOptions.defaultMaxPixels,
                               jobs: Int = availableCores) -> [InspectionRow] {
        parallelMap(count: dataset.files.count, jobs: jobs) { i in
            let file = dataset.files[i]
            do throws(ImageError) {
                let decoded = try ImageDecoder.decodeFile(atPath: file.path, options: DecodeOptions(maxPixels: maxPixels))
                return InspectionRow(file: file, format: decoded.format, width: decoded.sourceWidth,
                                     height: decoded.sourceHeight, error: nil)
            } catch {
                return InspectionRow(file: file, format: nil, width: nil, height: nil, error: error)
            }
        }
    }
}
