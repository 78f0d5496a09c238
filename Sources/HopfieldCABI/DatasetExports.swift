import Experiments
import Foundation
import Hopfield
import Imaging

/// A decoded dataset behind an opaque handle.
final class DatasetHandle: Sendable {
    /// The images, as a run loads them.
    let data: LoadedDataset

    init(_ data: LoadedDataset) { self.data = data }

    /// The handle behind a pointer from hopfieldlab_dataset_load (not consumed).
    static func from(_ pointer: UnsafeMutableRawPointer?) throws -> DatasetHandle {
        guard let pointer else { throw ABIError("dataset: null handle (already closed?)") }
        return Unmanaged<DatasetHandle>.fromOpaque(pointer).takeUnretainedValue()
    }
}

/// Lists and decodes a dataset as a run does. `sections` is JSON with the config's `dataset` and
/// `image` sections (`{"dataset": {"path": "Datasets/digits"}, "image": {"size": 28}}`); files are
/// read on `jobs` threads; `cache` is the pattern cache folder ("" for the default one, null for
/// none). `*handle` receives the dataset, freed by hopfieldlab_dataset_free.
@_cdecl("hopfieldlab_dataset_load")
public func hopfieldlab_dataset_load(
    _ sections: UnsafePointer<CChar>?, _ jobs: Int, _ cache: UnsafePointer<CChar>?,
    _ handle: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ err: ErrorOut
) -> Int32 {
    guarded(err) {
        guard let handle else { throw ABIError("dataset: null handle pointer") }
        handle.pointee = nil
        let value = try json(sections, "dataset")
        let folder = cache.map { String(cString: $0) }
        let patterns = folder.map { PatternCache(folder: $0.isEmpty ? PatternCache.defaultFolder : $0) }
        let data = try Embedding.loadDataset(
            dataset: value["dataset"] ?? .null, image: value["image"] ?? .object([]),
            features: value["features"], jobs: jobs, cache: patterns)
        handle.pointee = Unmanaged.passRetained(DatasetHandle(data)).toOpaque()
    }
}

/// Releases a dataset from hopfieldlab_dataset_load (null is ignored).
@_cdecl("hopfieldlab_dataset_free")
public func hopfieldlab_dataset_free(_ handle: UnsafeMutableRawPointer?) {
    guard let handle else { return }
    Unmanaged<DatasetHandle>.fromOpaque(handle).release()
}

/// What was loaded, as JSON in a malloc'd `*info`: the image count, N, whether the patterns are
/// ±1, the class names, and per image its label, its place in its class (the key of its streams
/// in a run) and its path relative to the dataset; the refused files with the reason.
@_cdecl("hopfieldlab_dataset_info")
public func hopfieldlab_dataset_info(
    _ handle: UnsafeMutableRawPointer?, _ info: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ err: ErrorOut
) -> Int32 {
    guarded(err) {
        guard let info else { throw ABIError("info: null pointer") }
        let data = try DatasetHandle.from(handle).data
        let files = data.images.map(\.file)
        var binary = true
        if case .continuous = data.images.first?.values { binary = false }
        let value = JSONValue.object([
            ("root", .string(data.dataset.root)), ("images", .int(data.images.count)), ("neurons", .int(data.spec.valueCount)),
            ("binary", .bool(binary)), ("classes", .array(data.dataset.classes.map { .string($0) })),
            ("labels", .array(files.map { .int($0.label) })), ("indexInClass", .array(files.map { .int($0.indexInClass) })),
            ("paths", .array(files.map { .string($0.relativePath) })),
            ("refused", .array(data.refused.map { .string($0.error.description) }))
        ])
        info.pointee = cString(value.compact)
    }
}

/// Copies the patterns, one row of N per image in dataset order: into `binary` (int8 ±1) when
/// the dataset is binarized, else into `reals` (float32 gray levels in [−1, 1]).
@_cdecl("hopfieldlab_dataset_values")
public func hopfieldlab_dataset_values(
    _ handle: UnsafeMutableRawPointer?, _ binary: UnsafeMutablePointer<Int8>?,
    _ reals: UnsafeMutablePointer<Float>?, _ err: ErrorOut
) -> Int32 {
    guarded(err) {
        let data = try DatasetHandle.from(handle).data
        let n = data.spec.valueCount
        for (k, image) in data.images.enumerated() {
            switch image.values {
            case .binary(let v):
                guard let binary else { throw ABIError("values: the patterns are ±1: an int8 buffer is needed") }
                guard v.count == n else { throw ABIError("image \(k) has \(v.count) values, expected \(n)") }
                for i in 0..<n { binary[k * n + i] = v[i] }
            case .continuous(let v):
                guard let reals else { throw ABIError("values: the patterns are gray levels: a float32 buffer is needed") }
                guard v.count == n else { throw ABIError("image \(k) has \(v.count) values, expected \(n)") }
                for i in 0..<n { reals[k * n + i] = v[i] }
            }
        }
    }
}
