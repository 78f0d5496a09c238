import Hopfield

extension StoredNetwork {
    /// A .npy file a trained rule saves in its run folder and `network.load` reads back: name,
    /// NumPy element type and shape.
    public struct SavedFile: Sendable, Equatable {
        /// The file's name (weights.npy).
        public var name: String
        /// The NumPy element type (`<i4`, `<f8`).
        public var descr: String
        /// The array's shape.
        public var shape: [Int]

        /// A file description.
        public init(name: String, descr: String, shape: [Int]) {
            self.name = name
            self.descr = descr
            self.shape = shape
        }
    }

    /// Checks, before a batch starts, that a folder holds `files` with the right element types
    /// and shapes, and real parameters only finite values.
    public static func checkSavedFiles(_ files: [SavedFile], folder: String) throws {
        for file in files {
            let path = joinPath(folder, file.name)
            if file.descr == "<f8" {
                _ = try NPYReader.float64(path, shape: file.shape)
                continue
            }
            let array = try NPYReader.read(path)
            try NPYReader.check(array, path, descr: file.descr, size: 4, shape: file.shape)
        }
    }

    /// The learned parameters as .npy files (weights.npy ...), to reload with `network.load`.
    public var parameterFiles: [(String, [UInt8])] {
        switch kind {
        case .binary(.perceptron(let network)):
            let n = network.neurons
            return [("weights.npy", NPY.int32(network.weights, shape: [n, n])), ("biases.npy", NPY.int32(network.biases, shape: [n]))]
        case .binary(.conv(let network)):
            let k = network.kernelSize
            return [("kernel.npy", NPY.int32(network.kernel, shape: [k, k])), ("bias.npy", NPY.int32([network.bias], shape: [1]))]
        case .rbm(let network):
            return [
                ("weights.npy", NPY.float64(network.weights, shape: [network.visible, network.hidden])),
                ("visible-bias.npy", NPY.float64(network.visibleBias, shape: [network.visible])),
                ("hidden-bias.npy", NPY.float64(network.hiddenBias, shape: [network.hidden]))
            ]
        default:
            return []
        }
    }
}

extension StoredNetwork {
    /// The network's record for the run's files and manifest: parameter count, training log and
    /// time (trained rules only), learned parameters.
    public var record: NetworkRecord {
        var record = NetworkRecord(parameters: parameterCount)
        record.trainingLog = trainingLog
        if !trainingLog.isEmpty { record.trainingSeconds = trainingSeconds }
        record.parameterFiles = parameterFiles.map { (name: $0.0, bytes: $0.1) }
        record.warnings = warnings
        return record
    }

    /// What the weights picture shows (binary networks only): W when N ≤ 400, else the row of
    /// the neuron at the centre of a side×side image; and the overlaps m/N between memories.
    public func weightsView(side: Int) -> WeightsView? {
        guard case .binary(let box) = kind else { return nil }
        // The overlap matrix is pictured for up to 256 memories (it is P×P).
        let memories = (0..<min(memoryCount, 256)).map(memoryPattern)
        let p = memories.count, n = neurons
        var overlaps = [Double](repeating: 0, count: p * p)
        for a in 0..<p { for b in 0..<p { overlaps[a * p + b] = zip(memories[a], memories[b]).reduce(0) { $0 + $1.0 * $1.1 } / Double(n) } }
        if n <= 400, box.weightRow(0) != nil {
            return WeightsView(matrix: (0..<n).map { box.weightRow($0)! }, centreRow: nil, overlaps: overlaps)
        }
        return WeightsView(matrix: nil, centreRow: box.weightRow((side / 2) * side + side / 2), overlaps: overlaps)
    }
}
