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

    /// Something at the top of the dataset that is not a class folder.
    public struct Note: Sendable, Equatable {
        /// The path of the entry.
        public var path: String
        /// Why it is not used.
        public var reason: String
    }

    /// The dataset folder, as given.
    public let root: String
    /// Class names in label order.
    public let classes: [String]
    /// Every listed file, class by class, each class in sorted order.
    public var files: [File]
    /// Entries that are not used, with the reason.
    public let notes: [Note]

    /// Lists a dataset. `classes` keeps only those classes (in the given order, which then sets
    /// the labels); nil takes every class folder. `limitPerClass` keeps the first K files of
    /// each class in sorted order.
    public static func open(_ root: String, classes wanted: [String]? = nil,
                            limitPerClass: Int? = nil) throws(DatasetError) -> Dataset {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw DatasetError.missingFolder(root)
        }
        guard isDirectory.boolValue else { throw DatasetError.notAFolder(root) }
        let entries: [String]
        do { entries = try fm.contentsOfDirectory(atPath: root) } catch {
            throw DatasetError.unreadable(root, "\(error.localizedDescription)")
        }
        var classFolders: [String] = []
        var notes: [Note] = []
        for name in entries.sorted(by: { $0.utf8Precedes($1) }) where !Dataset.isIgnored(name) {
            var dir: ObjCBool = false
            let path = joinPath(root, name)
            if fm.fileExists(atPath: path, isDirectory: &dir), dir.boolValue {
                classFolders.append(name)
            } else {
                notes.append(Note(path: path, reason: "not in a class folder (ignored)"))
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
        }
        var files: [File] = []
        for (label, className) in chosen.enumerated() {
            var relative = Dataset.listFiles(in: joinPath(root, className), prefix: "", notes: &notes)
            relative.sort(by: { $0.utf8Precedes($1) })
            if let limitPerClass { relative = Array(relative.prefix(limitPerClass)) }
            for (i, rel) in relative.enumerated() {
                let relativePath = className + "/" + rel
                files.append(File(relativePath: relativePath, path: joinPath(root, relativePath),
                                  className: className, label: label, indexInClass: i))
            }
        }
        return Dataset(root: root, classes: chosen, files: files, notes: notes)
    }

    /// Names never listed as images: hidden files, macOS and Windows system files.
    public static func isIgnored(_ name: String) -> Bool {
        if name.hasPrefix(".") { return true }
        let lower = name.lowercased()
        return ["thumbs.db", "ehthumbs.db", "ehthumbs_vista.db", "desktop.ini", "__macosx",
                "$recycle.bin", "system volume information", "icon\r"].contains(lower)
    }

    private static func listFiles(in folder: String, prefix: String, notes: inout [Note]) -> [String] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else {
            notes.append(Note(path: folder, reason: "cannot list this folder"))
            return []
        }
        var result: [String] = []
        for name in names where !isIgnored(name) {
            let path = joinPath(folder, name)
            var dir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &dir) else {
                notes.append(Note(path: path, reason: "broken link or vanished file (ignored)"))
                continue
            }
            if dir.boolValue {
                result += listFiles(in: path, prefix: prefix + name + "/", notes: &notes)
            } else {
                result.append(prefix + name)
            }
        }
        return result
    }

    /// Files per class, in class order.
    public var countsPerClass: [Int] {
        var counts = [Int](repeating: 0, count: classes.count)
        for f in files { counts[f.label] += 1 }
        return counts
    }
}
