import Hopfield
import Imaging

/// The config's own decoders, for a program that embeds the engine (the Python package's C ABI,
/// `Sources/HopfieldCABI`): a network, dynamics or dataset given as a config section means what
/// it means in a config, with the same defaults, and fails with the same message.
public enum Embedding {
    /// A `network` section (`{"rule": "dense", "interaction": "exponential"}`), read and checked
    /// as in a config: unknown keys, keys of another rule and out-of-range values are errors at
    /// `network.<key>`.
    public static func network(_ section: JSONValue) throws(ConfigError) -> ExperimentConfig.NetworkSection {
        try ExperimentConfig.NetworkSection.decode(section)
    }

    /// A network section with every default written out, as a run's config.json has it
    /// (`{"rule": "modern", "beta": 1, "tolerance": 0.01}`).
    public static func resolved(_ section: ExperimentConfig.NetworkSection) -> JSONValue { section.json }

    /// A `dynamics` section (`{"mode": "sync", "maxSweeps": 20}`), read and checked as in a config.
    public static func dynamics(_ section: JSONValue) throws(ConfigError) -> ExperimentConfig.DynamicsSection {
        try ExperimentConfig.DynamicsSection.decode(section)
    }

    /// Lists and decodes a dataset as a run does: `dataset`, `image` and `features` are the
    /// config's sections of those names (path, classes, limitPerClass, maxPixels; size, resize,
    /// binarize, threshold, idct; encoder, weights), the files are read on `jobs` threads and
    /// patterns come from `cache` when it has them. With an encoder the values are its real
    /// features, uncoded (codes are fitted per run on a training split). A dataset with no
    /// usable image is an error, as in a run.
    public static func loadDataset(
        dataset: JSONValue, image: JSONValue, features: JSONValue? = nil, jobs: Int,
        cache: PatternCache?
    ) throws(ConfigError) -> LoadedDataset {
        guard let section = try ExperimentConfig.DatasetSection.decode(dataset, task: .recall, random: false) else {
            throw ConfigError(path: "dataset", "is required")
        }
        let imageSection = try ExperimentConfig.ImageSection.decode(image, task: .recall, random: false)
        let opened = try ExperimentRunner.openDataset(section, file: nil)
        var spec = imageSection.spec
        spec.maxPixels = section.maxPixels
        if let features {
            let encoder = try ExperimentConfig.FeaturesSection.decode(features, task: .recall, random: false)
            if !encoder.encoder.isPerImage {
                throw ConfigError(
                    path: "features.encoder",
                    "\(encoder.encoder.name) features are trained per run on its training split: use a config (hl.run)")
            }
            try encoder.encoder.prepare()
            spec.encoder = Encoder(encoder.encoder.extractor)
        }
        let data = DatasetLoader.load(opened, spec: spec, jobs: max(1, jobs), cache: cache)
        if data.images.isEmpty {
            throw ConfigError(path: "dataset.path", "\(section.path): no usable images (\(data.refused.count) refused)")
        }
        return data
    }

    /// Corrupts each row of `patterns` as a recall run makes its starts (`RecallStart`), with a
    /// `corruption` section holding one level (`{"kind": "flip", "levels": [0.2]}`): row k draws
    /// from `stream(k)`. Mask and corner read the rows as square images of side √N (or `rect`);
    /// mixture combines row k with rows k + 1 and k + 2 (with random signs), as a run combines
    /// memories. A kind without levels takes none.
    public static func corrupt(
        _ patterns: [[Double]], corruption: JSONValue,
        stream: (Int) -> Xoshiro256StarStar
    ) throws(ConfigError) -> [[Double]] {
        guard let section = try ExperimentConfig.CorruptionSection.decode(corruption, task: .recall) else { return patterns }
        if section.kind.usesLevels, section.levels.count != 1 {
            throw ConfigError(path: "corruption.levels", "one level at a time, got \(section.levels.count)")
        }
        let neurons = patterns.first?.count ?? 0
        let side = Int(Double(neurons).squareRoot().rounded())
        if [.mask, .corner].contains(section.kind) {
            if side * side != neurons {
                throw ConfigError(
                    path: "corruption.kind", "\(section.kind.rawValue) reads each row as a square image: N = \(neurons) is not a square")
            }
            if let rect = section.rect, rect[1] > side || rect[3] > side {
                throw ConfigError(path: "corruption.rect", "reaches beyond the \(side)×\(side) image")
            }
        }
        if section.kind == .mixture, patterns.count < 3 {
            throw ConfigError(path: "corruption.kind", "mixture combines three rows, got \(patterns.count)")
        }
        let level = section.levels.first ?? 0
        return patterns.indices.map { k in
            var rng = stream(k)
            return RecallStart.make(
                section.kind, level: level, value: section.value, rect: section.rect, memory: k, patterns: patterns, size: side, rng: &rng)
        }
    }
}
