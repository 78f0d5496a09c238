/// What a neuron does when its field is exactly zero (within the network's tie tolerance).
public enum TieRule: String, Sendable, CaseIterable, Codable {
    /// Become +1: notebook 000's `if activation < 0: -1 else: 1`.
    case plus
    /// Keep the current value (an undecided 0 becomes +1).
    case keep
    /// Become −1.
    case minus
}
