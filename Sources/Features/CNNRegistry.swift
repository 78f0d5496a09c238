import Synchronization

/// The pretrained networks loaded in this process, by the path they were read from: a run
/// checks and loads its weights once, before anything is written, and every image of every run
/// then uses the same instance.
public enum CNNRegistry {
    private static let networks = Mutex<[String: EfficientNetLite0]>([:])

    /// Keeps `network` for the images to come.
    public static func register(_ network: EfficientNetLite0, at path: String) {
        networks.withLock { $0[path] = network }
    }

    /// The network loaded from `path`, if any.
    public static func network(at path: String) -> EfficientNetLite0? {
        networks.withLock { $0[path] }
    }
}
