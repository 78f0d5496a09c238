import Foundation
import Hopfield
import Imaging

extension ExperimentRunner {
    /// Loads the data every run needs and checks what can only be checked with the data (classes
    /// present, splits and memory counts that fit, parameters to load). Writes nothing.
    public static func prepare(_ batch: Batch, options: RunOptions) throws(ConfigError) -> Plan {
        let (data, fingerprints, report) = try loadDatasets(batch, options: options)
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
        return Plan(
            batch: batch, root: root, inputs: inputs, fingerprints: fingerprints, costs: costs, selected: selected,
            datasets: report)
    }

    /// Each run's decoded dataset (nil for capacity). Each dataset's files are read once for
    /// every image spec the batch needs, and patterns come from the cache when it has them.
    static func loadDatasets(_ batch: Batch, options: RunOptions) throws(ConfigError) -> (
        data: [LoadedDataset?], fingerprints: [DatasetKey: String], report: [String]
    ) {
        var groups: [(key: DatasetKey, section: ExperimentConfig.DatasetSection, specs: [ImageSpec])] = []
        for run in batch.runs {
            guard let section = run.config.dataset else { continue }
            let spec = imageSpec(run.config)
            if let g = groups.firstIndex(where: { $0.key == DatasetKey(section) }) {
                if !groups[g].specs.contains(spec) { groups[g].specs.append(spec) }
            } else {
                groups.append((DatasetKey(section), section, [spec]))
            }
        }
        try prepareEncoders(batch)
        var loaded: [LoadedSetKey: LoadedDataset] = [:], fingerprints: [DatasetKey: String] = [:], report: [String] = []
        for group in groups {
            let dataset = try openDataset(group.section, file: batch.file)
            let result = DatasetLoader.load(dataset, specs: group.specs, jobs: options.jobs, cache: options.cache)
            fingerprints[group.key] = result.fingerprint
            report.append(result.summary(group.section.path))
            var loadedSets = result.loaded
            if let testPath = group.section.test {
                let test = try loadTestFolder(
                    testPath, section: group.section, train: dataset, specs: group.specs, options: options, file: batch.file)
                fingerprints[group.key] = result.fingerprint + " + " + test.fingerprint
                report.append(test.summary(testPath))
                loadedSets = zip(result.loaded, test.loaded).map { train, testSet in
                    var merged = train
                    merged.testStart = train.images.count
                    merged.images += testSet.images
                    merged.refused += testSet.refused
                    merged.skipped += testSet.skipped
                    return merged
                }
            }
            for (spec, data) in zip(group.specs, loadedSets) {
                if data.images.isEmpty {
                    throw ConfigError(
                        file: batch.file, path: "dataset.path", "\(group.section.path): no usable images (\(data.refused.count) refused)")
                }
                loaded[LoadedSetKey(dataset: group.key, spec: spec)] = data
            }
        }
        let data = batch.runs.map { run in
            run.config.dataset.flatMap { loaded[LoadedSetKey(dataset: DatasetKey($0), spec: imageSpec(run.config))] }
        }
        return (data, fingerprints, report)
    }

    /// A `dataset.test` folder, loaded for every spec: its classes must be the training folder's.
    /// Its images' paths start with the folder's name and their indices within a class follow
    /// the training folder's, so every image keeps its own random stream.
    static func loadTestFolder(
        _ path: String, section: ExperimentConfig.DatasetSection, train: Dataset, specs: [ImageSpec],
        options: RunOptions, file: String?
    ) throws(ConfigError) -> DatasetLoader.Result {
        var testSection = section
        testSection.path = path
        testSection.test = nil
        var dataset: Dataset
        do { dataset = try openDataset(testSection, file: file) } catch {
            throw ConfigError(file: file, path: "dataset.test", error.message)
        }
        if dataset.classes != train.classes {
            throw ConfigError(
                file: file, path: "dataset.test", "\(path): classes \(dataset.classes) differ from dataset.path's \(train.classes)")
        }
        let prefix = (path.split(separator: "/").last.map(String.init) ?? "test") + "/"
        var perClass = [Int](repeating: 0, count: train.classes.count)
        for f in train.files { perClass[f.label] = max(perClass[f.label], f.indexInClass + 1) }
        dataset.files = dataset.files.map { f in
            var g = f
            g.relativePath = prefix + f.relativePath
            g.indexInClass += perClass[f.label]
            return g
        }
        dataset.notes = dataset.notes.map { n in
            var m = n
            m.relativePath = prefix + n.relativePath
            return m
        }
        return DatasetLoader.load(dataset, specs: specs, jobs: options.jobs, cache: options.cache)
    }

    /// Loads what every run's encoder reads from disk (the cnn's weights), once per encoder and
    /// parameters; a problem is a config error in the batch's file.
    static func prepareEncoders(_ batch: Batch) throws(ConfigError) {
        var seen: [any EncoderDefinition] = []
        for run in batch.runs where !seen.contains(where: { $0.isSame(as: run.config.features.encoder) }) {
            seen.append(run.config.features.encoder)
            do { try run.config.features.encoder.prepare() } catch { throw ConfigError(file: batch.file, path: error.path, error.message) }
        }
    }

    /// A run's image spec, with its dataset's pixel limit.
    static func imageSpec(_ config: ExperimentConfig) -> ImageSpec {
        var spec = config.image.spec
        if let section = config.dataset { spec.maxPixels = section.maxPixels }
        spec.encoder = Encoder(config.features.encoder.extractor)
        if config.features.encoder.readsGrayLevels { spec.binarize = .none }
        return spec
    }

    /// Lists a dataset, turning a problem into a config error on `dataset.path` or `dataset.classes`.
    static func openDataset(_ section: ExperimentConfig.DatasetSection, file: String?) throws(ConfigError) -> Dataset {
        do { return try Dataset.open(section.path, classes: section.classes, limitPerClass: section.limitPerClass) } catch {
            let cwd = FileManager.default.currentDirectoryPath
            switch error {
            case .missingClass: throw ConfigError(file: file, path: "dataset.classes", error.description)
            case .missingFolder:
                throw ConfigError(
                    file: file, path: "dataset.path", "\(error.description) (relative paths are read from the working directory, \(cwd))")
            default: throw ConfigError(file: file, path: "dataset.path", error.description)
            }
        }
    }

    /// A run's input, after the checks that need its data: parameters to load, classes, the
    /// split, and memory quotas that fit the candidate images.
    static func checkedInput(_ run: RunSpec, data: LoadedDataset?) throws(ConfigError) -> RunInput? {
        let config = run.config
        if let folder = config.network.load {
            do { try config.network.rule.checkSaved(folder: folder, neurons: config.neurons, classes: data?.dataset.classes.count) } catch {
                throw ConfigError(path: "network.load", "\(error)")
            }
        }
        guard let data else { return nil }
        let labels = data.images.map(\.file.label)
        let classes = data.dataset.classes.count
        var candidates = labels
        var split: Splitter.Result?
        if config.task.splitsDataset {
            if classes < 2 { throw ConfigError(path: "dataset", "classification needs at least 2 classes, found \(classes)") }
            var s = Splitter.Result(train: [], test: [])
            if let start = data.testStart {
                s = Splitter.Result(train: Array(0..<start), test: Array(start..<data.images.count))
            } else {
                s = try Splitter.split(
                    labels: labels, classes: classes, train: config.split.train, test: config.split.test,
                    stratify: config.split.stratify, seed: run.seed)
            }
            if let validation = config.split.validation {
                s = try Splitter.holdOut(s, labels: labels, classes: classes, amount: validation, seed: run.seed)
            }
            if config.selectsMemories && config.memories.count > s.train.count {
                throw ConfigError(path: "memories.count", "\(config.memories.count) exceeds the \(s.train.count) training images")
            }
            candidates = s.train.map { labels[$0] }
            split = s
        }
        let quotas = config.selectsMemories ? MemorySelection.quotas(count: config.memories.count, classes: classes) : []
        for (c, quota) in quotas.enumerated() where quota > candidates.filter({ $0 == c }).count {
            let place = config.task.splitsDataset ? "the training split has" : "the dataset has"
            throw ConfigError(
                path: "memories.count",
                "\(config.memories.count) memories need \(quota) of class \"\(data.dataset.classes[c])\", but \(place) \(candidates.filter { $0 == c }.count)"
            )
        }
        if config.selectsMemories && config.memories.count > data.images.count {
            throw ConfigError(path: "memories.count", "\(config.memories.count) exceeds the \(data.images.count) usable images")
        }
        var input = RunInput(data: data, split: split)
        if let section = config.dataset {
            input.sharedKey = SharedDataKey(
                dataset: LoadedSetKey(dataset: DatasetKey(section), spec: imageSpec(config)), features: config.features, seed: run.seed,
                split: config.split)
        }
        return input
    }

    /// A run's estimated relative cost: images (or patterns) to converge, times N/64.
    static func cost(_ run: RunSpec, images: Int?) -> Int {
        run.config.task.definition.cost(run.config, images: images)
    }
}
