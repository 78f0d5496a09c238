import Foundation
import Hopfield
import Imaging

/// What a run produces: its files (written into its folder) and its rows of runs.csv.
public struct RunOutput: Sendable {
    public var files: [(name: String, bytes: [UInt8])] = []
    /// This run's rows of runs.csv (header: the task's run columns).
    public var tally: CSVTable
    /// Pictures and plots to draw, gathered while running.
    public var visuals: RunVisuals
    /// Learned or stored parameters (for the manifest).
    public var parameters: Int?
    /// Wall time spent training (manifest only, never a CSV).
    public var trainingSeconds: Double?

    init(tally: CSVTable, visuals: RunVisuals) {
        self.tally = tally
        self.visuals = visuals
    }

    /// training.csv, the training curve, the parameters, and the counts for the manifest.
    mutating func addNetwork(_ network: StoredNetwork) {
        parameters = network.parameterCount
        if !network.trainingLog.isEmpty {
            trainingSeconds = network.trainingSeconds
            var table = CSVTable(header: ["epoch", "loss", "stablePatterns"])
            for e in network.trainingLog { table.append([String(e.epoch), Format.fixed(e.loss, 6), Format.fixed(e.stablePatterns, 4)]) }
            add("training.csv", table.text)
            var plot = SVGPlot(title: "Training", xLabel: "epoch", yLabel: "fraction")
            plot.yRange = (0, 1)
            plot.series.append(SVGPlot.Series(name: "loss (unstable pairs or wrong pixels)", points: network.trainingLog.map { (Double($0.epoch), $0.loss) }))
            plot.series.append(SVGPlot.Series(name: "training patterns that are fixed points", points: network.trainingLog.map { (Double($0.epoch), $0.stablePatterns) }, dashed: true))
            add("training.svg", plot.svg)
        }
        for (name, bytes) in network.parameterFiles { add(name, bytes) }
    }

    mutating func add(_ name: String, _ text: String) { files.append((name, Array(text.utf8))) }
    mutating func add(_ name: String, _ bytes: [UInt8]) { files.append((name, bytes)) }
}

/// Material for the run's pictures: the memories, examples per outcome, one trajectory.
public struct RunVisuals: Sendable {
    public var size: Int = 0
    public var memories: [[Double]] = []
    public var memoryLabels: [String] = []
    /// outcome → up to 8 (input, state, nearest memory) triples.
    public var examples: [(outcome: String, input: [Double], state: [Double], nearest: [Double])] = []
    /// One image's states and energies sweep by sweep.
    public var trajectory: [[Double]] = []
    public var trajectoryEnergies: [Double] = []
    /// Energy histories of a few images.
    public var energyCurves: [[Double]] = []
    public var network: StoredNetwork?
}

/// The columns every runs.csv starts with.
func runColumns(_ batchGridKeys: [String]) -> [String] { ["run", "seed"] + batchGridKeys }

func runPrefix(_ spec: RunSpec) -> [String] { [spec.key, String(spec.seed)] + spec.gridValues.map { $0.1.label } }

/// The same image in every split: its stream is fixed by the seed and its place in the dataset.
func imageStream(_ seed: UInt64, _ purpose: String, _ keys: UInt64...) -> Xoshiro256StarStar {
    Xoshiro256StarStar(seed: RandomStreams.derive(seed, [RandomStreams.key(purpose)] + keys))
}

func fixed(_ v: Double) -> String { Format.fixed(v, 4) }

/// Training settings of a run: the run's own stream, its image side, a parameter folder to load.
func trainingContext(_ spec: RunSpec, jobs: Int, observer: TrainingObserver?) -> StoredNetwork.Training {
    var t = StoredNetwork.Training()
    t.seed = RandomStreams.derive(spec.seed, RandomStreams.key("train"))
    t.jobs = jobs
    t.side = spec.config.image.size
    t.load = spec.config.network.load
    t.observer = observer
    return t
}

// MARK: - classify

enum ClassifyTask {
    static let runHeader = ["split", "n", "correct", "errors", "inverted", "spurious", "cycles", "unconverged", "accuracy",
                            "spuriousRate", "nearestAccuracy", "meanSweeps", "selectionMinDissimilarity"]

    static func run(_ spec: RunSpec, data: LoadedDataset, gridKeys: [String], jobs: Int, observer: TrainingObserver? = nil) throws -> RunOutput {
        let config = spec.config
        let images = data.images
        let classes = data.dataset.classes
        let labels = images.map(\.file.label)
        let split = try Splitter.split(labels: labels, classes: classes.count, train: config.split.train,
                                       test: config.split.test, stratify: config.split.stratify, seed: spec.seed)
        // Memories from the training split.
        let candidates = split.train.map { MemorySelection.Candidate(label: labels[$0], pattern: PatternVector(images[$0].values)) }
        // (prepare has checked that every class quota fits the training split.)
        let quotas = MemorySelection.quotas(count: config.memories.count, classes: classes.count)
        let chosen = MemorySelection.choose(candidates, quotas: quotas, method: config.memories.select, seed: spec.seed, jobs: jobs)
        let memoryImages = chosen.map { split.train[$0] }
        let network = try StoredNetwork(rule: config.network.rule, patterns: chosen.map { candidates[$0].pattern },
                                        tolerance: config.network.tolerance,
                                        training: trainingContext(spec, jobs: jobs, observer: observer))
        let closest = MemorySelection.closest(chosen, candidates)
        let selectionMinimum = closest.compactMap { $0?.dissimilarity }.min() ?? 1

        // Converge every training and test image.
        let items = split.train.map { ("train", $0) } + split.test.map { ("test", $0) }
        let dynamics = config.dynamics.dynamics
        let wantStates = config.outputs.states
        let settled = parallelMap(count: items.count, jobs: jobs) { k -> StoredNetwork.Settled in
            let image = images[items[k].1]
            var rng = imageStream(spec.seed, "converge", UInt64(image.file.label), UInt64(image.file.indexInClass))
            // History for pictures: the first test image sweep by sweep, energies of the next seven.
            var d = dynamics
            if k == split.train.count { d.history = [.energy, .states] }
            if k > split.train.count && k < split.train.count + 8 { d.history = [.energy] }
            return network.settle(PatternVector(image.values).doubles, dynamics: d, rng: &rng)
        }

        var predictions = CSVTable(header: ["split", "index", "path", "class", "outcome", "predicted", "nearest", "nearestMemory",
                                            "nearestOverlap", "sweeps", "energyStart", "energyEnd"])
        var tally = CSVTable(header: runColumns(gridKeys) + runHeader)
        var visuals = RunVisuals()
        visuals.size = config.image.size
        visuals.network = network
        visuals.memories = chosen.map { candidates[$0].pattern.doubles }
        visuals.memoryLabels = memoryImages.map { classes[labels[$0]] }
        var examplesPerOutcome: [String: Int] = [:]
        for splitName in ["train", "test"] {
            var counts: [Outcome: Int] = [:]
            var nearestRight = 0, sweeps = 0, n = 0, index = 0
            for (k, item) in items.enumerated() where item.0 == splitName {
                let image = images[item.1], result = settled[k]
                let label = image.file.label
                var outcome: Outcome
                var predicted = ""
                switch result.match {
                case .memory(let mu):
                    let memoryLabel = labels[memoryImages[mu]]
                    outcome = memoryLabel == label ? .correct : .error
                    predicted = classes[memoryLabel]
                case .inverted: outcome = .inverted
                case .none: outcome = .spurious
                }
                if result.status == .cycle { outcome = .cycle }
                if result.status == .unconverged { outcome = .unconverged }
                let nearestLabel = labels[memoryImages[result.nearest]]
                counts[outcome, default: 0] += 1
                if nearestLabel == label { nearestRight += 1 }
                sweeps += result.sweeps
                n += 1
                predictions.append([splitName, String(index), image.file.relativePath, image.file.className, outcome.rawValue,
                                    predicted, classes[nearestLabel], String(result.nearest), fixed(result.nearestOverlap),
                                    String(result.sweeps), energyText(result.energyStart), energyText(result.energyEnd)])
                index += 1
                if examplesPerOutcome[outcome.rawValue, default: 0] < 8 && splitName == "test" {
                    examplesPerOutcome[outcome.rawValue, default: 0] += 1
                    visuals.examples.append((outcome.rawValue, PatternVector(image.values).doubles, result.state,
                                             network.continuousMemories.pattern(result.nearest)))
                }
                if let e = result.history?.energies ?? result.continuousHistory?.energies { visuals.energyCurves.append(e) }
                if k == split.train.count {
                    visuals.trajectory = result.history?.states.map { $0.map(Double.init) } ?? result.continuousHistory?.states ?? []
                    visuals.trajectoryEnergies = result.history?.energies ?? result.continuousHistory?.energies ?? []
                }
            }
            let c = { (o: Outcome) in counts[o, default: 0] }
            tally.append(runPrefix(spec) + [splitName, String(n), String(c(.correct)), String(c(.error)), String(c(.inverted)),
                                            String(c(.spurious)), String(c(.cycle)), String(c(.unconverged)),
                                            fixed(Double(c(.correct)) / Double(n)), fixed(Double(c(.spurious)) / Double(n)),
                                            fixed(Double(nearestRight) / Double(n)), fixed(Double(sweeps) / Double(n)),
                                            fixed(selectionMinimum)])
        }
        var output = RunOutput(tally: tally, visuals: visuals)
        output.add("predictions.csv", predictions.text)
        output.add("memories.csv", MemorySelection.table(images: memoryImages.map { images[$0] }, closest: closest).text)
        output.addNetwork(network)
        if wantStates {
            let rows = items.map { images[$0.1] }
            addStates(&output, memories: chosen.map { candidates[$0].pattern }, inputs: rows.map { PatternVector($0.values) },
                      states: settled.map(\.state), continuous: config.network.rule.isContinuous)
        }
        return output
    }
}

/// memories.npy, inputs.npy, states.npy (int8 ±1, or float32 for continuous networks).
func addStates(_ output: inout RunOutput, memories: [PatternVector], inputs: [PatternVector], states: [[Double]], continuous: Bool) {
    let n = memories.first?.count ?? 0
    if continuous {
        output.add("memories.npy", NPY.float32(memories.flatMap { $0.doubles.map(Float.init) }, shape: [memories.count, n]))
        output.add("inputs.npy", NPY.float32(inputs.flatMap { $0.doubles.map(Float.init) }, shape: [inputs.count, n]))
        output.add("states.npy", NPY.float32(states.flatMap { $0.map(Float.init) }, shape: [states.count, n]))
    } else {
        func int8(_ v: [Double]) -> [Int8] { v.map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) } }
        output.add("memories.npy", NPY.int8(memories.flatMap { int8($0.doubles) }, shape: [memories.count, n]))
        output.add("inputs.npy", NPY.int8(inputs.flatMap { int8($0.doubles) }, shape: [inputs.count, n]))
        output.add("states.npy", NPY.int8(states.flatMap { int8($0) }, shape: [states.count, n]))
    }
}
