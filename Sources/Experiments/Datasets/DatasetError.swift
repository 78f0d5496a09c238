/// Why a dataset could not be opened.
public enum DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingFolder(String)
    case notAFolder(String)
    case unreadable(String, String)
    case noClasses(String)
    case missingClass(String, root: String, found: [String])
    case duplicateClass(String)

    public var description: String {
        switch self {
        case .missingFolder(let p): return "\(p): no such folder"
        case .notAFolder(let p): return "\(p): not a folder (a dataset is a folder of class folders)"
        case .unreadable(let p, let why): return "\(p): cannot list the folder: \(why)"
        case .noClasses(let p): return "\(p): no class folders (a dataset is a folder of class folders, one per class)"
        case .missingClass(let c, let root, let found):
            return "\(root): no class folder '\(c)' (found: \(found.joined(separator: ", ")))"
        case .duplicateClass(let c): return "class '\(c)' is listed twice"
        }
    }
}
