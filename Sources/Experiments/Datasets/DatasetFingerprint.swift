import Imaging

/// A dataset's fingerprint for manifests: a hash over every file's bytes and relative path.
public enum DatasetFingerprint {
    /// How the fingerprint is computed, in words (recorded beside it).
    public static let method =
        "XXH3-128 of the `xxhsum -H2` listing (\"<hash>  <relative path>\" per file, sorted by path bytes; \"unreadable\" for a file that could not be read)"

    /// "xxh3-128:" and the XXH3-128 of the listing "<hash>  <relative path>\n" of every file in
    /// sorted path order, the hashes those of the bytes read for decoding: reproducible with
    /// `cd <dataset> && xxhsum -H2 <files>` and no second read of any file.
    public static func of(_ dataset: Dataset, hashes: [ContentHash?]) -> String {
        let order = dataset.files.indices.sorted { dataset.files[$0].relativePath.utf8Precedes(dataset.files[$1].relativePath) }
        let listing = order.map { (hashes[$0]?.description ?? "unreadable") + "  " + dataset.files[$0].relativePath + "\n" }.joined()
        return "xxh3-128:" + ContentHash(of: listing).description
    }
}
