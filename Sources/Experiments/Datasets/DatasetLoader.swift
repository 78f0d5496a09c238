import Hopfield
import Imaging

/// Decoding a dataset's files into patterns.
public enum DatasetLoader {
    /// What one reading of a dataset gives: the images decoded with each spec asked for, every
    /// file's content hash, the fingerprint, and how much came from the cache.
    public struct Result: Sendable {
        /// One loaded dataset per spec, in the order asked.
        public var loaded: [LoadedDataset]
        /// Each file's content hash (nil when the file could not be read).
        public var hashes: [ContentHash?]
        /// The dataset's fingerprint (``DatasetFingerprint``), from the same bytes.
        public var fingerprint: String
        /// Images decoded now, and images found in the cache (summed over specs).
        public var decoded = 0, cached = 0

        /// One line for the terminal: the folder's files, and how many patterns came from the
        /// cache and were decoded.
        public func summary(_ folder: String) -> String {
            "\(folder): \(hashes.count) files, \(cached) pattern(s) from the cache, \(decoded) decoded"
        }
    }

    /// Decodes every file of `dataset` with `spec` on `jobs` threads (no cache). The result does
    /// not depend on `jobs`.
    public static func load(_ dataset: Dataset, spec: ImageSpec, jobs: Int = availableCores, cache: PatternCache? = nil) -> LoadedDataset {
        load(dataset, specs: [spec], jobs: jobs, cache: cache).loaded[0]
    }

    /// Reads every file of `dataset` once, hashes its bytes, and for each spec takes the pattern
    /// from the cache or decodes it from those bytes; new patterns are added to the cache. Files
    /// that are not regular files, too large, or not PNG/JPEG by their first bytes are refused
    /// before the rest is read. The result does not depend on `jobs` or on the cache.
    public static func load(_ dataset: Dataset, specs: [ImageSpec], jobs: Int = availableCores, cache: PatternCache? = nil) -> Result {
        let packs = specs.map { cache?.entries(for: $0) ?? .empty }
        let perFile = parallelMap(count: dataset.files.count, jobs: jobs) { i in
            decode(dataset.files[i], specs: specs, packs: packs)
        }
        var result = Result(
            loaded: [], hashes: perFile.map(\.hash), fingerprint: DatasetFingerprint.of(dataset, hashes: perFile.map(\.hash)))
        for (k, spec) in specs.enumerated() {
            var images: [LoadedImage] = [], refused: [RefusedFile] = []
            var fresh: [ContentHash: PatternCache.Entry] = [:]
            for (i, file) in perFile.enumerated() {
                switch file.outcomes[k] {
                case .success(let entry):
                    images.append(
                        LoadedImage(
                            file: dataset.files[i], values: entry.values, format: entry.format,
                            sourceWidth: entry.sourceWidth, sourceHeight: entry.sourceHeight))
                    if let hash = file.hash, packs[k].offsets[hash] == nil { fresh[hash] = entry }
                case .failure(let error): refused.append(RefusedFile(file: dataset.files[i], error: error))
                }
            }
            let added = fresh.count
            result.decoded += added
            result.cached += images.count - added
            if added > 0 { try? cache?.add(fresh, for: spec) }
            result.loaded.append(LoadedDataset(dataset: dataset, spec: spec, images: images, refused: refused, skipped: dataset.notes))
        }
        return result
    }

    /// One file: its hash, and for each spec its pattern (cached or decoded) or why it is refused.
    static func decode(_ file: Dataset.File, specs: [ImageSpec], packs: [PatternPack.Index])
        -> (hash: ContentHash?, outcomes: [Swift.Result<PatternCache.Entry, ImageError>])
    {
        let bytes: [UInt8]
        do { bytes = try ImageFile.read(file.path) } catch { return (nil, specs.map { _ in .failure(error) }) }
        let hash = ContentHash(of: bytes)
        let outcomes = specs.indices.map { k -> Swift.Result<PatternCache.Entry, ImageError> in
            if let hit = packs[k][hash] { return .success(hit) }
            do throws(ImageError) {
                let loaded = try ImagePipeline.load(bytes: bytes, path: file.path, spec: specs[k])
                return .success(
                    PatternCache.Entry(
                        format: loaded.decoded.format, sourceWidth: loaded.decoded.sourceWidth,
                        sourceHeight: loaded.decoded.sourceHeight, values: loaded.values))
            } catch {
                return .failure(error)
            }
        }
        return (hash, outcomes)
    }
}
