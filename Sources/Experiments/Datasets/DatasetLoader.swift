import Imaging

/// One image of a dataset as the network sees it.
public struct LoadedImage: Sendable {
    public var file: Dataset.File
    public var values: PatternValues
    public var format: ImageFormat
    public var sourceWidth: Int
    public var sourceHeight: Int
}

/// A file that could not be used, and why.
public struct RefusedFile: Sendable {
    public var file: Dataset.File
    public var error: ImageError
}

/// A dataset decoded, resized and binarized with one `ImageSpec`.
public struct LoadedDataset: Sendable {
    public var dataset: Dataset
    public var spec: ImageSpec
    /// The usable images, in dataset order.
    public var images: [LoadedImage]
    /// The files that were skipped, in dataset order: one bad file never stops the others.
    public var refused: [RefusedFile]

    /// Usable images per class.
    public var countsPerClass: [Int] {
        var counts = [Int](repeating: 0, count: dataset.classes.count)
        for image in images { counts[image.file.label] += 1 }
        return counts
    }
}

public enum DatasetLoader {
    /// Decodes every file of `dataset` with `spec` on `jobs` threads. The result does not depend
    /// on `jobs`.
    public static func load(_ dataset: Dataset, spec: ImageSpec, jobs: Int = availableCores) -> LoadedDataset {
        let results = parallelMap(count: dataset.files.count, jobs: jobs) { i -> Result<LoadedImage, ImageError> in
            let file = dataset.files[i]
            do throws(ImageError) {
                let loaded = try ImagePipeline.load(path: file.path, spec: spec)
                return .success(LoadedImage(file: file, values: loaded.values, format: loaded.decoded.format,
                                            sourceWidth: loaded.decoded.sourceWidth,
                                            sourceHeight: loaded.decoded.sourceHeight))
            } catch {
                return .failure(error)
            }
        }
        var images: [LoadedImage] = []
        var refused: [RefusedFile] = []
        for (i, result) in results.enumerated() {
            switch result {
            case .success(let image): images.append(image)
            case .failure(let error): refused.append(RefusedFile(file: dataset.files[i], error: error))
            }
        }
        return LoadedDataset(dataset: dataset, spec: spec, images: images, refused: refused)
    }
}

/// One row of `hopfield dataset inspect`.
public struct InspectionRow: Sendable {
    public var file: Dataset.File
    public var format: ImageFormat?
    public var width: Int?
    public var height: Int?
    public var error: ImageError?

    public var ok: Bool { error == nil }
}

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
