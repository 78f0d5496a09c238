import Foundation
import Hopfield
import Imaging

extension ExperimentRunner {
    /// Loads the data every run needs and checks what can only be checked with the data (classes
    /// present, splits and memory counts that fit, parameters to load). Writes nothing.
    public static func prepare(_ batch: Batch, options: RunOptions) throws(ConfigError) -> Plan {
        let (data, fingerprints) = try loadDatasets(batch, jobs: options.jobs)
        var inputs: [RunInput?] = []
        for (i, run) in batch.runs.enumerated() {
            do throws(ConfigError) {
                inputs.append(try checkedInput(run, data: data[i]))
            } catch {
                var e = Batch.attribute(error, to: run.gridValues, grid: batch.grid)
                e.file = batch.file
                if run.seed != batch.seeds.first || batch.seeds.count > 1 { e.message += " (run \(run.key))" }
                throw e
            }
        }
        let costs = batch.runs.enumerated().map { i, run in cost(run, images: data[i]?.images.count) }
        let root = joinPath(options.output, batch.folderName)
        let selected = options.shard.map { Sharding.select(batch: batch, costs: costs, shard: $0) } ?? Array(batch.runs.indices)
        return Plan(batch: batch, root: root, inputs: inputs, fingerprints: fingerprints, costs: costs, selected: selected)
    }

    /// Each run's decoded dataset (nil for capacity), every (folder, image spec) decoded once.
    static func loadDatasets(_ batch: Batch, jobs: Int) throws(ConfigError) -> ([LoadedDataset?], [String: String]) {
        var loaded: [String: LoadedDataset] = [:]
        var fingerprints: [String: String] = [:]
        var data: [LoadedDataset?] = []
        for run in batch.runs {
            guard let section = run.config.dataset else {
                data.append(nil)
                continue
            }
            let key = "\(datasetKey(section))|\(section.maxPixels)|\(run.config.image.spec)"
            if loaded[key] == nil {
                let dataset = try openDataset(section, file: batch.file)
                var spec = run.config.image.spec
                spec.maxPixels = section.maxPixels
                let result = DatasetLoader.load(dataset, spec: spec, jobs: jobs)
                if result.images.isEmpty {
                    throw ConfigError(file: batch.file, path: "dataset.path", "\(section.path): no usable images (\(result.refused.count) refused)")
                }
                loaded[key] = result
                if fingerprints[datasetKey(section)] == nil { fingerprints[datasetKey(section)] = DatasetFingerprint.of(dataset, jobs: jobs) }
            }
            data.append(loaded[key])
        }
        return (data, fingerprints)
    }

    /// The key of a dataset section's files (not of how they are decoded).
    static func datasetKey(_ section: ExperimentConfig.DatasetSection) -> String {
        "\(section.path)|\(section.classes ?? [])|\(section.limitPerClass ?? -1)"
    }

    /// Lists a dataset, turning a problem into a config error on `dataset.path` or `dataset.classes`.
    static func openDataset(_ section: ExperimentConfig.DatasetSection, file: String?) throws(ConfigError) -> Dataset {
        do { return try Dataset.open(section.path, classes: section.classes, limitPerClass: section.limitPerClass) } catch {
            let cwd = FileManager.default.currentDirectoryPath
            switch error {
            case .missingClass: throw ConfigError(file: file, path: "dataset.classes", error.description)
            case .missingFolder:
                throw ConfigError(file: file, path: "dataset.path", "\(error.description) (relative paths are read from the working directory, \(cwd))")
            default: throw ConfigError(file: file, path: "dataset.path", error.description)
            }
        }
    }

    /// A run's input, after the checks that need its data: parameters to load, classes, the
    /// split, and memory quotas that fit the candidate images.
    static func checkedInput(_ run: RunSpec, data: LoadedDataset?) throws(ConfigError) -> RunInput? {
        let config = run.config
        if let folder = config.network.load {
            do { try StoredNetwork.checkSavedFiles(config.network.rule, neurons: config.neurons, folder: folder) } catch {
                throw ConfigError(path: "network.load", "\(error)")
            }
        }
        guard let data else { return nil }
        let labels = data.images.map(\.file.label)
        let classes = data.dataset.classes.count
        var candidates = labels
        var split: Splitter.Result?
        if config.task == .classify {
            if classes < 2 { throw ConfigError(path: "dataset", "classification needs at least 2 classes, found \(classes)") }
            let s = try Splitter.split(labels: labels, classes: classes, train: config.split.train, test: config.split.test,
                                       stratify: config.split.stratify, seed: run.seed)
            if config.memories.count > s.train.count {
                throw ConfigError(path: "memories.count", "\(config.memories.count) exceeds the \(s.train.count) training images")
            }
            candidates = s.train.map { labels[$0] }
            split = s
        }
        let quotas = MemorySelection.quotas(count: config.memories.count, classes: classes)
        for (c, quota) in quotas.enumerated() where quota > candidates.filter({ $0 == c }).count {
            let place = config.task == .classify ? "the training split has" : "the dataset has"
            throw ConfigError(path: "memories.count", "\(config.memories.count) memories need \(quota) of class \"\(data.dataset.classes[c])\", but \(place) \(candidates.filter { $0 == c }.count)")
        }
        if config.memories.count > data.images.count {
            throw ConfigError(path: "memories.count", "\(config.memories.count) exceeds the \(data.images.count) usable images")
        }
        return RunInput(data: data, split: split)
    }

    /// A run's estimated relative cost: images (or patterns) to converge, times N/64.
    static func cost(_ run: RunSpec, images: Int?) -> Int {
        let config = run.config
        switch config.task {
        case .classify: return max(1, images ?? 1) * config.neurons / 64
        case .recall:
            return max(1, config.memories.count * max(1, config.corruption?.levels.count ?? 1) * (config.corruption?.trials ?? 1)) * config.neurons / 64
        case .capacity:
            let c = config.capacity!
            return c.patterns.reduce(0) { $0 + $1 * $1 } * c.trials * c.neurons / 1024
        }
    }
}
