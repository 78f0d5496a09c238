#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Walking a dataset's folders with POSIX calls, so that nothing is lost or taken twice:
/// every entry is either listed or given back as a note with its cause.
///
/// - Each real folder is walked once (by device and inode): a link loop (`ln -s . a`) or a
///   second link to a folder is a note, not a hang.
/// - Nothing outside the dataset is read: a link whose real path leaves the dataset's real
///   root (`ln -s .. up`, `ln -s /dev/zero x.png`) is a note.
/// - Names are read as bytes: a name that is not valid UTF-8 is a note, not a silent gap.
/// - A folder that cannot be listed, a broken link, a hidden or system file: a note each.
/// The walk keeps its own stack, so a deep tree cannot overflow the call stack.
struct FolderWalk {
    /// A folder's identity on the machine.
    struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// What an entry of a folder is.
    enum Kind {
        /// A folder to walk (its identity).
        case folder(FolderID)
        /// Anything else: a regular file, or a FIFO, device or socket that reading will refuse.
        case file
        /// Not used, with the cause.
        case skipped(String)
    }

    /// The dataset root's real path (links and `..` resolved).
    let realRoot: String
    /// Folders walked so far, with the relative path each was first met at.
    var walked: [FolderID: String] = [:]
    /// Entries not used, with their cause.
    var notes: [Dataset.Note] = []
    let root: String

    /// A walk of `root`; throws when the root's real path cannot be resolved.
    init(root: String) throws(DatasetError) {
        guard let real = FolderWalk.realPath(root) else { throw DatasetError.unreadable(root, FolderWalk.systemError()) }
        self.root = root
        realRoot = real
        if case .folder(let id) = FolderWalk.kind(ofReal: real) { walked[id] = "" }
    }

    /// The entries of the folder at `relative` (relative to the root; "" for the root), as
    /// (name, kind), in byte order of their names (so which of two links to one folder is
    /// walked does not depend on the file system); what cannot be used is noted and left out.
    mutating func entries(of relative: String, className: String?) -> [(name: String, kind: Kind)] {
        let folder = joinPath(root, relative)
        guard let names = FolderWalk.names(in: folder) else {
            note(relative, className, "cannot list this folder: \(FolderWalk.systemError())")
            return []
        }
        var result: [(String, Kind)] = []
        for bytes in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let name = String(validating: bytes, as: UTF8.self) else {
                note(joinPath(relative, FolderWalk.escaped(bytes)), className, "the name is not valid UTF-8 (rename it to use it)")
                continue
            }
            let path = joinPath(relative, name)
            if Dataset.isIgnored(name) {
                note(path, className, "hidden or system file (skipped by rule)")
                continue
            }
            switch kind(of: path) {
            case .skipped(let reason): note(path, className, reason)
            case .folder(let id):
                if let first = walked[id] {
                    note(path, className, "the same folder as '\(first.isEmpty ? "." : first)' (a link loop or a second link; walked once)")
                } else {
                    walked[id] = path
                    result.append((name, .folder(id)))
                }
            case .file: result.append((name, .file))
            }
        }
        return result
    }

    /// Every file below the class folder `className`, relative to it, in no particular order.
    mutating func files(inClass className: String) -> [String] {
        var files: [String] = [], pending = [""]
        while let sub = pending.popLast() {
            for (name, kind) in entries(of: joinPath(className, sub), className: className) {
                if case .folder = kind { pending.append(joinPath(sub, name)) } else { files.append(joinPath(sub, name)) }
            }
        }
        return files
    }

    mutating func note(_ relative: String, _ className: String?, _ reason: String) {
        notes.append(Dataset.Note(path: joinPath(root, relative), relativePath: relative, className: className, reason: reason))
    }

    /// What the entry at `relative` is: links are resolved and must stay inside the dataset.
    func kind(of relative: String) -> Kind {
        let path = joinPath(root, relative)
        var info = stat()
        guard lstat(path, &info) == 0 else { return .skipped("cannot read: \(FolderWalk.systemError())") }
        guard info.st_mode & S_IFMT == S_IFLNK else { return FolderWalk.kind(info) }
        guard let target = FolderWalk.realPath(path) else { return .skipped("broken link (\(FolderWalk.systemError()))") }
        guard target == realRoot || target.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") else {
            return .skipped("a link to '\(target)', outside the dataset (not followed)")
        }
        return FolderWalk.kind(ofReal: target)
    }

    static func kind(ofReal path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .skipped("cannot read: \(systemError())") }
        return kind(info)
    }

    static func kind(_ info: stat) -> Kind {
        info.st_mode & S_IFMT == S_IFDIR ? .folder(FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))) : .file
    }

    /// The names in a folder as bytes ("." and ".." left out), or nil (errno set).
    static func names(in folder: String) -> [[UInt8]]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
        }
        return names
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func systemError() -> String { String(cString: strerror(errno)) }

    /// A name with every byte that is not printable ASCII shown as \xNN.
    static func escaped(_ bytes: [UInt8]) -> String {
        bytes.map { (0x20..<0x7F).contains($0) && $0 != 0x5C ? String(UnicodeScalar($0)) : "\\x" + hex($0) }.joined()
    }

    private static func hex(_ byte: UInt8) -> String { (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
}
