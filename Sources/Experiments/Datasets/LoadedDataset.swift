import Imaging

/// A dataset decoded, resized and binarized with one `ImageSpec`.
public struct LoadedDataset: Sendable {
    /// The dataset's files and classes.
    public var dataset: Dataset
    /// How each image became a pattern.
    public var spec: ImageSpec
    /// The usable images, in dataset order.
    public var images: [LoadedImage]
    /// The files that were skipped, in dataset order: one bad file never stops the others.
    public var refused: [RefusedFile]
    /// What the dataset's walk met and did not list (``Dataset/notes``; with a test folder, its
    /// notes too, under the folder's name).
    public var skipped: [Dataset.Note] = []
    /// With a test folder (`dataset.test`): the index of its first image in `images` (the
    /// training folder's images come first). Nil for one folder.
    public var testStart: Int?

    /// Everything met and not used, with the cause, as (path relative to the dataset, reason):
    /// the walk's notes, then the refused files. Every entry of the dataset is either an image
    /// or here.
    public var unused: [(path: String, reason: String)] {
        skipped.map { ($0.relativePath, $0.reason) } + refused.map { ($0.file.relativePath, $0.error.reason) }
    }

    /// Usable images per class.
    public var countsPerClass: [Int] {
        var counts = [Int](repeating: 0, count: dataset.classes.count)
        for image in images { counts[image.file.label] += 1 }
        return counts
    }
}
