// TEMPORARY stubs until the helpers' implementations land.
public enum HOG {
    public static func features(_ pixels: [Float], width: Int, height: Int) -> [Float] { fatalError() }
}
public enum SobelEdges {
    public static func features(_ pixels: [Float], width: Int, height: Int) -> [Float] { fatalError() }
}
public final class EfficientNetLite0: Sendable {
    public init(bytes: [UInt8], path: String) throws {}
    public func features(planes: [[Float]], side: Int) -> [Float] { fatalError() }
}
