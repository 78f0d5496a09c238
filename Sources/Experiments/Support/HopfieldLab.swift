/// The tool's identity, recorded in every manifest.
public enum HopfieldLab {
    /// The version in manifests and `hopfield --version`.
    public static let version = "0.1.0"
}
