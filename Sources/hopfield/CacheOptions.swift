import ArgumentParser
import Experiments

/// `--cache DIR` and `--no-cache`: where decoded patterns are kept between runs.
struct CacheOptions: ParsableArguments {
    @Option(
        name: .customLong("cache"),
        help: "The pattern cache folder (default: $HOPFIELDLAB_CACHE, $XDG_CACHE_HOME/hopfieldlab or ~/.cache/hopfieldlab).")
    var folder: String?

    @Flag(name: .customLong("no-cache"), help: "Decode every image, and store nothing in the cache.")
    var noCache = false

    /// The cache these options ask for.
    var cache: PatternCache? { noCache ? nil : PatternCache(folder: folder ?? PatternCache.defaultFolder) }
}
