import Foundation
import Hopfield

/// A run's largest allocations, estimated from its config alone, so that a run the machine
/// cannot hold is a config error before anything is allocated or written (not a SIGABRT
/// "failed to allocate" after the results folder is made). Each estimate counts the arrays a
/// rule keeps at once, at their element sizes; smaller ones are left out, so it is a floor.
enum MemoryEstimate {
    /// What a run needs: bytes, what they are, and the config key that sets them.
    struct Need {
        var bytes: Int
        var what: String
        var key: String
    }

    /// This machine's physical memory: the most any one run may need.
    static var budget: Int { Int(clamping: ProcessInfo.processInfo.physicalMemory) }

    /// The largest need of a run of `config` (nil when nothing large is allocated).
    static func need(_ config: ExperimentConfig) -> Need? {
        let n = config.neurons
        switch config.network.rule {
        case .perceptron:
            return Need(bytes: 2 * 4 * n * n, what: "two N×N int32 weight matrices (the weights and their pocket copy), N = \(n)", key: "image.size")
        case .rbm(let o):
            return Need(bytes: 3 * 8 * n * o.hidden, what: "three N×hidden float64 matrices (weights, gradient, positive statistics), N = \(n), hidden = \(o.hidden)",
                        key: "network.hidden")
        case .dam(let o):
            return Need(bytes: 3 * 4 * o.memories * (n + 1), what: "three K×N float32 matrices (memories, momentum, gradient), N = \(n), K = \(o.memories)",
                        key: "network.hidden")
        case .hebbian:
            guard let c = config.capacity, let p = c.patterns.max(), !HebbianCouplings.fits(neurons: c.neurons, patterns: p) else { return nil }
            return Need(bytes: 14 * p * c.neurons, what: "the patterns (P×N bytes, twice) and three P×N int32 mask tables, N = \(c.neurons), P = \(p)",
                        key: "capacity.patterns")
        default: return nil
        }
    }

    /// Refuses a config whose run would need more than `budget` bytes.
    static func check(_ config: ExperimentConfig, budget: Int = budget) throws(ConfigError) {
        guard let need = need(config), need.bytes > budget else { return }
        throw ConfigError(path: need.key, "a run would need about \(gib(need.bytes)) for \(need.what), more than this machine's \(gib(budget)) of memory")
    }

    /// Bytes in GiB, one decimal.
    static func gib(_ bytes: Int) -> String { Format.fixed(Double(bytes) / Double(1 << 30), 1) + " GiB" }
}
