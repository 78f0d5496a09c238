extension String {
    /// Byte-wise (UTF-8) order: the same on every machine and in every locale.
    public func utf8Precedes(_ other: String) -> Bool {
        self.utf8.lexicographicallyPrecedes(other.utf8)
    }
}

/// Joins path components with "/" (no normalisation, no file-system access).
public func joinPath(_ parts: String...) -> String {
    var result = ""
    for part in parts where !part.isEmpty {
        if result.isEmpty || result.hasSuffix("/") { result += part } else { result += "/" + part }
    }
    return result
}
