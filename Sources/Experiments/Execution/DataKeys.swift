import Imaging

/// Which files a dataset section reads (not how they are decoded): the runs whose sections have
/// equal keys share one listing, one load and one fingerprint.
public struct DatasetKey: Hashable, Sendable {
    let path: String
    let classes: [String]?
    let limitPerClass: Int?
    let test: String?

    /// The key of `section`'s files.
    public init(_ section: ExperimentConfig.DatasetSection) {
        path = section.path
        classes = section.classes
        limitPerClass = section.limitPerClass
        test = section.test
    }
}

/// One decoding of a dataset's files: the runs with equal keys share the loaded patterns.
struct LoadedSetKey: Hashable, Sendable {
    let dataset: DatasetKey
    let spec: ImageSpec
}

/// What the classify baselines and the feature codes of a run depend on: the loaded patterns,
/// the features, the seed (which draws the split) and the split section. Runs with equal keys
/// (runs that differ only in the network) share them.
public struct SharedDataKey: Hashable, Sendable {
    let dataset: LoadedSetKey
    let features: ExperimentConfig.FeaturesSection
    let seed: UInt64
    let split: ExperimentConfig.SplitSection
}
