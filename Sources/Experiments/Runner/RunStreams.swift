import Hopfield

/// A run's random streams, each derived from the run's seed, a purpose and the item's own keys
/// (an image's class and place, a start's level, trial and memory), never from scheduling: the
/// same item gets the same stream in every split, grid point and thread count.
enum RunStreams {
    /// The stream of one item for one purpose ("converge", "corrupt", "patterns").
    static func item(_ seed: UInt64, _ purpose: String, _ keys: UInt64...) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: RandomStreams.derive(seed, [RandomStreams.key(purpose)] + keys))
    }

    /// How a run's network is trained: its stream, its threads, its image side, what to load.
    static func trainingContext(_ spec: RunSpec, jobs: Int, observer: TrainingObserver?, keys: [UInt64] = []) -> StoredNetwork.Training {
        var t = StoredNetwork.Training()
        t.seed = RandomStreams.derive(spec.seed, [RandomStreams.key("train")] + keys)
        t.jobs = jobs
        // Random patterns: nothing to load, no image side.
        if !spec.config.usesRandomPatterns {
            t.side = spec.config.image.size
            t.load = spec.config.network.load
            t.observer = observer
        }
        return t
    }
}
