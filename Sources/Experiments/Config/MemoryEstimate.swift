import Hopfield

/// The network a run of a config builds, checked against the memory budget from the config
/// alone, so that a run the machine cannot hold is a config error before anything is allocated
/// or written (not a SIGABRT "failed to allocate" after the results folder is made). The
/// estimate and the budget are the ones every network build checks (`NetworkFootprint`,
/// ``MemoryBudget``); here they run before the data is read.
enum MemoryEstimate {
    /// The network a run of `config` builds, as far as the config says: its rule, N, P and the
    /// key that sets what dominates it. Nil when P depends on the data (`memories.count: "all"`).
    static func network(_ config: ExperimentConfig) -> (rule: any RuleDefinition, neurons: Int, memories: Int, key: String)? {
        let rule = config.network.rule
        guard let size = rule.estimatedSize(config) else { return nil }
        return (rule, size.neurons, size.memories, size.key)
    }

    /// The footprint of `net`.
    static func footprint(_ net: (rule: any RuleDefinition, neurons: Int, memories: Int, key: String), continuous: Bool) -> NetworkFootprint
    {
        NetworkFootprint(
            neurons: net.neurons, memories: net.memories, continuous: continuous,
            rule: net.rule.footprint(neurons: net.neurons, memories: net.memories))
    }

    /// Whether the run's patterns are real values (gray levels or uncoded features).
    static func isContinuous(_ config: ExperimentConfig) -> Bool {
        config.image.binarize == .none || (config.features.isActive && config.features.codes == .none)
    }

    /// Refuses a config whose network would take more than `budget` bytes.
    static func check(_ config: ExperimentConfig, budget: Int = MemoryBudget.bytes) throws(ConfigError) {
        guard let net = network(config) else { return }
        let footprint = footprint(net, continuous: isContinuous(config))
        if let problem = footprint.problem(rule: net.rule.name, neurons: net.neurons, memories: net.memories, budget: budget) {
            throw ConfigError(path: net.key, problem)
        }
    }

    /// How many of these runs may be computed at once, at most `jobs`: the largest k whose k
    /// biggest networks fit in `budget` together (each alone was checked by ``check(_:budget:)``),
    /// at least 1. Runs whose network depends on the data count as nothing here (they are checked
    /// when built).
    static func concurrentRuns(_ configs: [ExperimentConfig], jobs: Int, budget: Int = MemoryBudget.bytes) -> Int {
        let sizes = configs.compactMap { config -> Int? in
            guard let net = network(config) else { return nil }
            return footprint(net, continuous: isContinuous(config)).bytes
        }.sorted(by: >)
        var total = 0, k = 0
        while k < min(jobs, configs.count) {
            let next = k < sizes.count ? sizes[k] : 0
            if k > 0, total > budget - next { break }
            total += next
            k += 1
        }
        return max(1, k)
    }
}
