import Foundation
import Hopfield
import Imaging

/// The classify task for the trained dense associative memory (`dam`): its memories trained on
/// every image of the training split (or loaded with `network.load`), then every training and
/// test image classified by one update of the class neurons. The outcomes are `correct` or
/// `error` (there are no dynamics, so no spurious state); the nearest memory is the one with the
/// largest pixel overlap, its class the one its class part votes for.
enum ClassifierTask {
    static func run(
        _ spec: RunSpec, data: LoadedDataset, split: Splitter.Result, baselines: Baselines, jobs: Int,
        observer: TrainingObserver?
    ) throws -> RunResult {
        guard let options = (spec.config.network.rule as? DamRule)?.options else { preconditionFailure("a dam run") }
        let classes = data.dataset.classes.count, n = data.images[0].values.count
        let started = Date()
        let model: DenseClassifier
        var log: [TrainingEpoch] = []
        if let folder = spec.config.network.load {
            let memories = try NPYReader.float32(joinPath(folder, "memories.npy"), shape: [options.memories, n + classes])
            model = DenseClassifier(neurons: n, classes: classes, options: options, memories: memories)
        } else {
            let images = split.train.flatMap { floats(data.images[$0].values) }
            let training = RunStreams.trainingContext(spec, jobs: jobs, observer: observer)
            (model, log) = DenseClassifier.train(
                images: images, labels: split.train.map { data.images[$0].file.label }, classes: classes,
                options: options, seed: training.seed, jobs: jobs, observer: observer)
            if let divergence = TrainingEpoch.diverged(log) { throw RunError(divergence) }
        }
        let trainingSeconds = Date().timeIntervalSince(started)
        let names = data.dataset.classes
        let (rows, predictions, test) = ClassifyLoop.run(
            spec, split: split, baselines: baselines, classes: names, selectionMinimum: 1
        ) { members, _ in
            parallelMap(count: members.count, jobs: jobs) { k in predict(model, data.images[members[k]], names: names) }
        }
        var visuals = RunVisuals()
        visuals.size = spec.config.pictureSide
        // Up to 8 examples per outcome for the pictures: the first test images of each outcome.
        for (image, p) in zip(split.test, test) {
            if visuals.examples.filter({ $0.group == p.outcome.rawValue }).count < 8 {
                let input = floats(data.images[image].values).map(Double.init)
                visuals.examples.append(
                    .init(group: p.outcome.rawValue, input: input, state: input, nearest: pixels(model, p.nearestMemory)))
            }
        }
        var result = RunResult(spec: spec, table: RunTable(ClassifyTask.self, rows), detail: ClassifyTask.Detail(predictions: predictions))
        var record = NetworkRecord(parameters: model.memories.count)
        record.trainingLog = log
        if !log.isEmpty { record.trainingSeconds = trainingSeconds }
        record.parameterFiles = [("memories.npy", NPY.float32(model.memories, shape: [model.count, model.width]))]
        result.network = record
        let shown = (0..<min(model.count, RunVisuals.shownLimit)).map { $0 * model.count / min(model.count, RunVisuals.shownLimit) }
        visuals.memories = shown.map { pixels(model, $0) }
        visuals.memoryIndices = shown
        visuals.memoryTotal = model.count
        visuals.memoryLabels = (0..<model.count).map { mu in
            label(classPart: model.memories[(mu * model.width + model.neurons)..<((mu + 1) * model.width)], classes: data.dataset.classes)
        }
        result.visuals = visuals
        return result
    }

    /// One image classified: outcome, predicted class and nearest memory's vote, energies of the
    /// start (class neurons off) and of the end (the predicted class on).
    static func predict(_ model: DenseClassifier, _ image: LoadedImage, names: [String]) -> ClassifyLoop.Classified {
        let v = floats(image.values)
        let predicted = model.classify(v)
        let nearest = model.nearestMemory(v)
        var p = ClassifyPrediction()
        p.path = image.file.relativePath
        p.className = image.file.className
        p.outcome = predicted == image.file.label ? .correct : .error
        p.predicted = names[predicted]
        p.nearest = names[nearest.vote]
        p.nearestMemory = nearest.memory
        p.nearestOverlap = overlap(model, nearest.memory, v)
        p.sweeps = 1
        p.energyStart = model.energy(v, on: nil)
        p.energyEnd = model.energy(v, on: predicted)
        return ClassifyLoop.Classified(prediction: p, label: image.file.label, nearestLabel: nearest.vote)
    }

    /// The image's values as Float (±1 or gray levels in [−1, 1]).
    static func floats(_ values: PatternValues) -> [Float] {
        switch values {
        case .binary(let v): return v.map(Float.init)
        case .continuous(let v): return v
        }
    }

    /// Memory μ's pixel part.
    static func pixels(_ model: DenseClassifier, _ mu: Int) -> [Double] {
        model.memories[(mu * model.width)..<(mu * model.width + model.neurons)].map(Double.init)
    }

    /// What a memory's class part says, for its picture: the class of its one largest component;
    /// else, when one component is below all the others (every other class at the clipping bound,
    /// say), "not" that class (the memory votes against it); else "mixed". Taking the first of
    /// tied largest components labelled such memories with the first class.
    static func label(classPart part: ArraySlice<Float>, classes: [String]) -> String {
        guard let top = part.max(), let bottom = part.min() else { return "" }
        let largest = part.indices.filter { part[$0] == top }, smallest = part.indices.filter { part[$0] == bottom }
        if largest.count == 1 { return classes[largest[0] - part.startIndex] }
        if smallest.count == 1 { return "not " + classes[smallest[0] - part.startIndex] }
        return "mixed"
    }

    /// cos between memory μ's pixel part and the image.
    static func overlap(_ model: DenseClassifier, _ mu: Int, _ v: [Float]) -> Double {
        let x = pixels(model, mu)
        var dot = 0.0, nx = 0.0, nv = 0.0
        for i in 0..<x.count {
            dot += x[i] * Double(v[i])
            nx += x[i] * x[i]
            nv += Double(v[i]) * Double(v[i])
        }
        return nx > 0 && nv > 0 ? dot / (nx * nv).squareRoot() : 0
    }
}
