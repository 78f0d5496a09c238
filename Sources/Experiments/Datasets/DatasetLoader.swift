import Hopfield
import Imaging

/// Decoding a dataset's files into patterns.
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
