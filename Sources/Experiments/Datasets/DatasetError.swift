/// Why a dataset could not be opened.
public enum DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder does not exist.
    case missingFolder(String)
    /// The path cannot name a folder (the reason).
    case badPath(String, String)
    /// The path is a file, not a folder.
    case notAFolder(String)
    /// The folder cannot be listed (the system's reason).
    case unreadable(String, String)
    /// The folder holds no class folder.
    case noClasses(String)
    /// A class asked for has no folder (the classes found).
    case missingClass(String, root: String, found: [String])
    /// A class is asked for twice.
    case duplicateClass(String)

    public var description: String {
        switch self {
        case .missingFolder(let p): return "\(p): no such folder"
        case .badPath(let p, let why): return "\(p.debugDescription): not a usable path: \(why)"
        case .notAFolder(let p): return "\(p): not a folder (a dataset is a folder of class folders)"
        case .unreadable(let p, let why): return "\(p): cannot list the folder: \(why)"
        case .noClasses(let p): return "\(p): no class folders (a dataset is a folder of class folders, one per class)"
        case .missingClass(let c, let root, let found):
            return "\(root): no class folder '\(c)' (found: \(found.joined(separator: ", ")))"
        case .duplicateClass(let c): return "class '\(c)' is listed twice"
        }
    }
}
