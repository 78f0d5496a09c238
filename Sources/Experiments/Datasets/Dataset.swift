import Foundation
import Imaging

/// A dataset is a folder of class folders: `root/<class>/<image files>`.
///
/// Class names are the sub-folder names; label indices follow their sorted (UTF-8 byte) order;
/// files are taken in sorted order of their path relative to the class folder, sub-folders
/// included. The order is the same on every machine, whatever the file system returns.
/// Hidden files and folders (names starting with "."), and system files (Thumbs.db,
/// desktop.ini, __MACOSX, ...) are never listed. Whether a file is an image is decided later,
/// by its bytes: a file with no extension can be a JPEG.
public struct Dataset: Sendable {
    /// One file of a dataset, with its class.
    public struct File: Sendable, Equatable {
        /// Path relative to the dataset root, with "/" separators ("cat/cat.1.jpg").
        public var relativePath: String
        /// The path to open (root joined with relativePath).
        public var path: String
        /// The class folder's name.
        public var className: String
        /// The class's place in the dataset's class order (0-based).
        public var label: Int
        /// Position among the files of its class (0-based, in sorted order).
        public var indexInClass: Int
    }

    /// Something the walk met and does not use: a file outside the class folders, a hidden or
    /// system file, a link loop, a link out of the dataset, a name that is not UTF-8, a folder
    /// that cannot be listed.
    public struct Note: Sendable, Equatable {
        /// The path of the entry (the root joined with ``relativePath``).
        public var path: String
        /// The path relative to the dataset root, "/"-separated; bytes that are not UTF-8 are
        /// shown as \\xNN.
        public var relativePath: String
        /// The class folder it is in (nil at the top of the dataset).
        public var className: String?
        /// Why it is not used.
        public var reason: String
    }

    /// The dataset folder, as given.
    public let root: String
    /// Class names in label order.
    public let classes: [String]
    /// Every listed file, class by class, each class in sorted order.
    public var files: [File]
    /// Entries the walk met and does not list, with the reason, in order of their relative paths.
    public var notes: [Note]

    /// Lists a dataset. `classes` keeps only those classes (in the given order, which then sets
    /// the labels); nil takes every class folder. `limitPerClass` keeps the first K files of
    /// each class in sorted order.
    public static func open(
        _ root: String, classes wanted: [String]? = nil,
        limitPerClass: Int? = nil
    ) throws(DatasetError) -> Dataset {
        if let at = root.unicodeScalars.firstIndex(where: { $0.properties.generalCategory == .control }) {
            throw DatasetError.badPath(
                root, "a control character (U+\(String(root.unicodeScalars[at].value, radix: 16, uppercase: true))) in the path")
        }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw DatasetError.missingFolder(root)
        }
        guard isDirectory.boolValue else { throw DatasetError.notAFolder(root) }
        var walk = try FolderWalk(root: root)
        guard FolderWalk.names(in: root) != nil else { throw DatasetError.unreadable(root, FolderWalk.systemError()) }
        var classFolders: [String] = []
        for (name, kind) in walk.entries(of: "", className: nil).sorted(by: { $0.name.utf8Precedes($1.name) }) {
            if case .folder = kind {
                classFolders.append(name)
            } else {
                walk.note(name, nil, "not in a class folder (ignored)")
            }
        }
        guard !classFolders.isEmpty else { throw DatasetError.noClasses(root) }
        var chosen = classFolders
        if let wanted {
            var seen = Set<String>()
            for name in wanted {
                guard classFolders.contains(name) else {
                    throw DatasetError.missingClass(name, root: root, found: classFolders)
                }
                guard seen.insert(name).inserted else { throw DatasetError.duplicateClass(name) }
            }
            chosen = wanted
            for name in classFolders where !seen.contains(name) { walk.note(name, nil, "a class folder not chosen (not used)") }
        }
        var files: [File] = []
        for (label, className) in chosen.enumerated() {
            var relative = walk.files(inClass: className)
            relative.sort(by: { $0.utf8Precedes($1) })
            if let limitPerClass { relative = Array(relative.prefix(limitPerClass)) }
            for (i, rel) in relative.enumerated() {
                let relativePath = className + "/" + rel
                files.append(
                    File(
                        relativePath: relativePath, path: joinPath(root, relativePath),
                        className: className, label: label, indexInClass: i))
            }
        }
        let notes = walk.notes.sorted { $0.relativePath.utf8Precedes($1.relativePath) }
        return Dataset(root: root, classes: chosen, files: files, notes: notes)
    }

    /// Names never listed as images: hidden files, macOS and Windows system files.
    public static func isIgnored(_ name: String) -> Bool {
        if name.hasPrefix(".") { return true }
        let lower = name.lowercased()
        return [
            "thumbs.db", "ehthumbs.db", "ehthumbs_vista.db", "desktop.ini", "__macosx",
            "$recycle.bin", "system volume information", "icon\r"
        ].contains(lower)
    }

    /// Files per class, in class order.
    public var countsPerClass: [Int] {
        var counts = [Int](repeating: 0, count: classes.count)
        for f in files { counts[f.label] += 1 }
        return counts
    }
}
