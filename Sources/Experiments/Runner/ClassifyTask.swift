import Hopfield

/// Notebook 000's experiment: memories chosen from the training split and stored; every
/// training and test image converged and tallied as correct, error, inverted, spurious, cycle
/// or unconverged, beside the nearest-memory fallback.
enum ClassifyTask: Sendable {
    static func run(
        _ spec: RunSpec, data: LoadedDataset, split: Splitter.Result, baselines: Baselines, jobs: Int,
        observer: TrainingObserver? = nil
    ) throws -> RunResult {
        let config = spec.config
        let memories = try RunMemories(spec, data: data, candidates: split.train, jobs: jobs, observer: observer)
        // The images of every split, in report order (indices into the loaded images).
        let items = split.parts.flatMap(split.members)
        let firstTest = split.train.count + split.validation.count
        // The weight read-out needs every final state; the others keep the test images' only.
        let voter =
            config.network.readout == .weight
            ? memories.network.classVoter(labels: memories.images.map { data.images[$0].file.label }, classes: data.dataset.classes.count)
            : nil
        let settled = converge(
            spec, data: data, items: items, firstTest: firstTest, keepAll: voter != nil,
            network: memories.network, jobs: jobs)
        var visuals = memories.visuals(data, side: config.pictureSide, pictures: config.outputs.pictures)
        let classes = data.dataset.classes
        let (rows, predictions, test) = ClassifyLoop.run(
            spec, split: split, baselines: baselines, classes: classes, selectionMinimum: memories.minimumDissimilarity
        ) { members, offset in
            members.indices.map { index in
                let k = offset + index
                return predict(items[k], settled[k], data: data, memories: memories, voter: voter)
            }
        }
        // Energy curves and the trajectory in dataset order (the first test images); the
        // pictures' examples across classes: test images taken in turn from each class (the
        // first of every class, then the second, ...), not in dataset order.
        var examples: [(rank: Int, label: Int, k: Int)] = []
        var seenPerClass: [Int: Int] = [:]
        for k in firstTest..<items.count {
            if let energies = settled[k].energies { visuals.energyCurves.append(("test image \(k - firstTest)", energies)) }
            if k == firstTest {
                visuals.trajectory = settled[k].states
                visuals.trajectoryEnergies = settled[k].energies ?? []
            }
            let label = data.images[items[k]].file.label
            examples.append((seenPerClass[label, default: 0], label, k))
            seenPerClass[label, default: 0] += 1
        }
        for e in examples.sorted(by: { ($0.rank, $0.label) < ($1.rank, $1.label) }) {
            collect(&visuals, test[e.k - firstTest], input: data.images[items[e.k]], settled[e.k], memories.network)
        }
        var result = RunResult(spec: spec, table: RunTable(ClassifyTask.self, rows), detail: ClassifyTask.Detail(predictions: predictions))
        if config.features.isActive {
            result.codes = Retrievals.codeStatistics(data, train: split.train, memories: memories)
            if config.outputs.pictures {
                visuals.retrievals = Retrievals.gallery(
                    test, data: data, memories: memories,
                    settled: Array(settled[firstTest...]))
            }
        }
        result.memories = memories.entries(data)
        result.network = memories.network.record
        result.visuals = visuals
        if config.outputs.states {
            result.states = StateArrays(
                memories: memories.patterns.map(NetworkState.init), inputs: items.map { NetworkState(data.images[$0].values) },
                states: settled.map(\.state), continuous: config.network.rule.isContinuous)
        }
        return result
    }

    /// Every item converged from its image, each with the image's own stream. The first test
    /// image records its states and energies sweep by sweep, the next seven their energies.
    static func converge(
        _ spec: RunSpec, data: LoadedDataset, items: [Int], firstTest: Int, keepAll: Bool = false,
        network: StoredNetwork, jobs: Int
    ) -> [StoredNetwork.Settled] {
        let dynamics = spec.config.dynamics.dynamics
        let keepAll = keepAll || spec.config.outputs.states
        return network.settleAll(
            count: items.count, jobs: jobs, start: { k in NetworkState(data.images[items[k]].values) },
            dynamics: { k in
                var d = dynamics
                if k == firstTest { d.history = [.energy, .states] }
                if k > firstTest && k < firstTest + 8 { d.history = [.energy] }
                return d
            },
            stream: { k in
                let file = data.images[items[k]].file
                return RunStreams.item(spec.seed, "converge", UInt64(file.label), UInt64(file.indexInClass))
            }, keepState: { k in keepAll || k >= firstTest })
    }

    /// What one image's converged state says: the outcome, the class reached, the nearest memory.
    static func predict(
        _ item: Int, _ result: StoredNetwork.Settled, data: LoadedDataset,
        memories: RunMemories, voter: StoredNetwork.ClassVoter? = nil
    ) -> ClassifyLoop.Classified {
        let image = data.images[item]
        let classes = data.dataset.classes
        func memoryLabel(_ mu: Int) -> Int { data.images[memories.images[mu]].file.label }
        var p = ClassifyPrediction()
        p.path = image.file.relativePath
        p.className = image.file.className
        p.outcome = Outcome(match: result.match, status: result.status) { memoryLabel($0) == image.file.label }
        if case .memory(let mu) = result.match { p.predicted = classes[memoryLabel(mu)] }
        if let voter {
            let votes = voter.votes(result.state)
            // The class of largest summed softmax weight (the lowest label on a tie): every state
            // names a class, so the outcome is correct or error.
            let best = votes.indices.max { votes[$0] < votes[$1] || (votes[$0] == votes[$1] && $0 > $1) }!
            p.predicted = classes[best]
            p.outcome = best == image.file.label ? .correct : .error
        }
        p.nearest = classes[memoryLabel(result.nearest)]
        p.nearestMemory = result.nearest
        p.nearestOverlap = result.nearestOverlap
        p.sweeps = result.sweeps
        p.energyStart = result.energyStart
        p.energyEnd = result.energyEnd
        p.attractor = AttractorFields(result.attractor)
        return ClassifyLoop.Classified(prediction: p, label: image.file.label, nearestLabel: memoryLabel(result.nearest))
    }

    /// An example for the pictures from a test image: up to 8 per outcome, with the image's class
    /// and the class it reached as a caption.
    static func collect(
        _ visuals: inout RunVisuals, _ prediction: ClassifyPrediction, input: LoadedImage, _ result: StoredNetwork.Settled,
        _ network: StoredNetwork
    ) {
        let outcome = prediction.outcome
        if visuals.examples.filter({ $0.group == outcome.rawValue }).count < 8, !result.state.isEmpty {
            let caption = prediction.className + ">" + (prediction.predicted.isEmpty ? prediction.nearest + "?" : prediction.predicted)
            visuals.examples.append(
                .init(
                    group: outcome.rawValue, input: NetworkState(input.values).doubles, state: result.state.doubles,
                    nearest: network.memoryPattern(result.nearest), caption: caption))
        }
    }
}
