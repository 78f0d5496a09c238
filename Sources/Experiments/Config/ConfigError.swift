/// A problem with a config: where (the file and the JSON path) and what.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The config file, when known.
    public var file: String?
    /// The JSON path ("memories.count", "grid[\"image.size\"][1]"); empty for the whole file.
    public var path: String
    /// What is wrong, in words.
    public var message: String

    /// An error at `path` (a JSON path) of `file`.
    public init(file: String? = nil, path: String, _ message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// "file: path: message", leaving out what is unknown.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if !path.isEmpty { parts.append(path) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }

    /// The same error, in `file`.
    func inFile(_ file: String) -> ConfigError {
        var copy = self
        copy.file = file
        return copy
    }
}
