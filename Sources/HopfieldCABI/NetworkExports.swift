import Experiments
import Foundation
import Hopfield

/// A stored network behind an opaque handle, with the network section that built it.
final class NetworkHandle: Sendable {
    /// The network, exactly as a run builds it (``StoredNetwork``).
    let network: StoredNetwork
    /// The rule and its parameters, every default filled in.
    let section: ExperimentConfig.NetworkSection

    init(network: StoredNetwork, section: ExperimentConfig.NetworkSection) {
        self.network = network
        self.section = section
    }

    /// The handle behind a pointer from hopfieldlab_network_create (not consumed).
    static func from(_ pointer: UnsafeMutableRawPointer?) throws -> NetworkHandle {
        guard let pointer else { throw ABIError("network: null handle (already closed?)") }
        return Unmanaged<NetworkHandle>.fromOpaque(pointer).takeUnretainedValue()
    }
}

/// The memories of hopfieldlab_network_create: ±1 rows (int8) for every rule, or real rows for the
/// modern network only, as in a config where `"binarize": "none"` needs the modern rule. The
/// sizes and the network's footprint (``MemoryBudget``) are checked before anything is copied.
func memoryPatterns(
    binary: UnsafePointer<Int8>?, reals: UnsafePointer<Double>?, count: Int, neurons: Int,
    rule: any RuleDefinition
) throws -> [PatternVector] {
    _ = try checkedTotal(count, neurons, "memories")
    guard count >= 1, neurons >= 1 else {
        throw ABIError("memories: at least one pattern of at least one neuron, got \(count) × \(neurons)")
    }
    try StoredNetwork.checkBuildable(rule, neurons: neurons, memories: count, continuous: binary == nil)
    if binary == nil, reals != nil, !rule.isContinuous {
        throw ABIError("real-valued memories: only the modern rule stores them (give \(rule.name) ±1 integers)")
    }
    if let binary {
        return try (0..<count).map { mu in
            let row = Array(UnsafeBufferPointer(start: binary + mu * neurons, count: neurons))
            if let i = row.firstIndex(where: { $0 != 1 && $0 != -1 }) {
                throw ABIError("memory \(mu) entry \(i) is \(row[i]), expected ±1")
            }
            return .binary(row, BinaryPattern(row))
        }
    }
    guard let reals else { throw ABIError("memories: null pointer") }
    let rows = (0..<count).map { mu in Array(UnsafeBufferPointer(start: reals + mu * neurons, count: neurons)) }
    if let problem = ModernNetwork.memoryProblem(rows) { throw ABIError(problem) }
    return rows.map { .continuous($0) }
}

/// The image side √N, for a rule that slides a kernel over images (conv refuses a non-square N
/// in ``RuleDefinition/sizeLimit(neurons:)``, checked with the memory budget by ``memoryPatterns``).
func imageSide(neurons: Int) -> Int { Int(Double(neurons).squareRoot().rounded()) }

/// Stores `count` memories of `neurons` values (row-major; `binary` int8 ±1, or `reals` for the
/// modern rule) with the rule of `network`, a JSON `network` config section
/// (`{"rule": "dense", "interaction": "exponential"}`), as a run does. Trained rules train with
/// the stream seeded by `trainingSeed`, on `jobs` threads. `*handle` receives the network, freed
/// by hopfieldlab_network_free.
@_cdecl("hopfieldlab_network_create")
public func hopfieldlab_network_create(
    _ binary: UnsafePointer<Int8>?, _ reals: UnsafePointer<Double>?, _ count: Int, _ neurons: Int,
    _ network: UnsafePointer<CChar>?, _ trainingSeed: UInt64, _ jobs: Int,
    _ handle: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ err: ErrorOut
) -> Int32 {
    guarded(err) {
        guard let handle else { throw ABIError("network: null handle pointer") }
        handle.pointee = nil
        let section = try Embedding.network(try json(network, "network"))
        let patterns = try memoryPatterns(binary: binary, reals: reals, count: count, neurons: neurons, rule: section.rule)
        var training = StoredNetwork.Training()
        training.seed = trainingSeed
        training.jobs = max(1, jobs)
        training.side = imageSide(neurons: neurons)
        training.load = section.load
        let stored = try StoredNetwork(rule: section.rule, patterns: patterns, tolerance: section.tolerance, training: training)
        handle.pointee = Unmanaged.passRetained(NetworkHandle(network: stored, section: section)).toOpaque()
    }
}

/// Releases a network from hopfieldlab_network_create (null is ignored).
@_cdecl("hopfieldlab_network_free")
public func hopfieldlab_network_free(_ handle: UnsafeMutableRawPointer?) {
    guard let handle else { return }
    Unmanaged<NetworkHandle>.fromOpaque(handle).release()
}

/// What a network is, as JSON in a malloc'd `*info`: its resolved network section, N, P,
/// whether its states are real, its parameter count and its training log.
@_cdecl("hopfieldlab_network_info")
public func hopfieldlab_network_info(
    _ handle: UnsafeMutableRawPointer?, _ info: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ err: ErrorOut
) -> Int32 {
    guarded(err) {
        guard let info else { throw ABIError("info: null pointer") }
        let h = try NetworkHandle.from(handle)
        var continuous = false
        if case .continuous = h.network.kind { continuous = true }
        let log = h.network.trainingLog.map { e in
            JSONValue.object([("epoch", .int(e.epoch)), ("loss", .double(e.loss)), ("stablePatterns", .double(e.stablePatterns))])
        }
        let value = JSONValue.object([
            ("network", Embedding.resolved(h.section)), ("neurons", .int(h.network.neurons)), ("memories", .int(h.network.memoryCount)),
            ("continuous", .bool(continuous)), ("parameters", .int(h.network.parameterCount)), ("trainingLog", .array(log))
        ])
        info.pointee = cString(value.compact)
    }
}
