/// The tool's identity, recorded in every manifest.
public enum HopfieldLab {
    public static let version = "0.1.0"
}
