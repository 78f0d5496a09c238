import Hopfield
import Imaging

/// A dataset's fingerprint for manifests: a hash over every file's bytes and relative path.
public enum DatasetFingerprint {
    /// How the fingerprint is computed, in words (recorded beside it).
    public static let method = "SHA-256 of the sha256sum listing (\"<digest>  <relative path>\" per file, sorted by path bytes)"

    /// SHA-256 over the `sha256sum`-style listing of the dataset's files in sorted order
    /// ("<hex digest>  <relative path>\n" per file): reproducible with coreutils.
    public static func of(_ dataset: Dataset, jobs: Int) -> String {
        let lines = parallelMap(count: dataset.files.count, jobs: jobs) { i -> String in
            let file = dataset.files[i]
            let bytes = (try? FileBytes.read(file.path)) ?? []
            return SHA256.hash(bytes) + "  " + file.relativePath + "\n"
        }
        let order = dataset.files.indices.sorted { dataset.files[$0].relativePath.utf8Precedes(dataset.files[$1].relativePath) }
        return "sha256:" + SHA256.hash(Array(order.map { lines[$0] }.joined().utf8))
    }
}
