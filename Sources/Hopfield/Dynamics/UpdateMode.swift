/// The order in which neurons are updated.
public enum UpdateMode: String, Sendable, CaseIterable, Codable {
    /// Every neuron once per sweep, in a fresh random order each sweep (notebook 000's
    /// intent). An order array starts as 0, 1, …, N−1; each sweep shuffles it in place with a
    /// forward Fisher–Yates pass (for position p = 0…N−2: swap p with p + bounded(N − p), the
    /// draws from the image's own xoshiro256** stream, see `Xoshiro256StarStar.bounded`), and
    /// the neurons are visited in the resulting order. Each sweep's order is a uniformly random
    /// permutation, independent of the previous one.
    case async
    /// N neurons picked uniformly with replacement per sweep (BrainPy's `async_recover`): some
    /// neurons are visited twice, some not at all.
    case asyncRandom = "async-random"
    /// Every neuron once per sweep in index order 0, 1, …, N−1.
    case sequential
    /// All neurons at once from the same state (can fall into 2-cycles: detected).
    case sync
}
