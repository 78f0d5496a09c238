import Foundation
import Hopfield
import Imaging

/// Writes images into `output/<class>/<NNNNN>.png`. The whole dataset is built in a temporary
/// sibling folder and renamed into place at the end, so an interrupted import leaves nothing
/// behind. An existing non-empty `output` is refused unless `replace` is set.
struct DatasetWriter {
    let output: String
    let staging: String
    var counts: [String: Int] = [:]
    var created = Set<String>()

    init(output: String, replace: Bool) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: output, isDirectory: &isDirectory) {
            let contents = (try? fm.contentsOfDirectory(atPath: output))?.filter { !Dataset.isIgnored($0) } ?? []
            if !isDirectory.boolValue {
                throw ImportError("\(output): exists and is not a folder")
            }
            if !contents.isEmpty && !replace {
                throw ImportError("\(output): already holds \(contents.count) entries; pass --force to replace it")
            }
        }
        let parent = URL(fileURLWithPath: output).deletingLastPathComponent().path
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        self.output = output
        self.staging = parent + "/.import-\(getpid())-" + URL(fileURLWithPath: output).lastPathComponent
        try? fm.removeItem(atPath: staging)
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
    }

    /// A class name usable as a folder name, or nil.
    static func safeClassName(_ raw: String) -> String? { try? className(raw).get() }

    /// A label made a class folder's name ("5.0" and "05" from float exports are the class "5"),
    /// or why it cannot be one: empty, hidden, a path, longer than a file name may be, or a name
    /// the dataset loader ignores (Thumbs.db, __MACOSX, ...).
    static func className(_ raw: String) -> Result<String, ImportError> {
        var name = raw.trimmingCharacters(in: .whitespaces)
        if let value = Double(name), value == value.rounded(), abs(value) < 1e9 { name = String(Int(value)) }
        let shown = name.count > 40 ? String(name.prefix(40)) + "…" : name
        if name.isEmpty { return .failure(ImportError("the label is empty")) }
        if name.utf8.count > 255 {
            return .failure(ImportError("label '\(shown)' is \(name.utf8.count) bytes, longer than a folder name may be (255)"))
        }
        if name.hasPrefix(".") || name.contains("/") || name.contains("\0") || name.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            return .failure(ImportError("label '\(shown)' cannot be a folder name"))
        }
        if Dataset.isIgnored(name) {
            return .failure(ImportError("label '\(shown)' is a name the dataset loader ignores (a system file's)"))
        }
        return .success(name)
    }

    /// Writes images as `<class>/<number, 5 digits>.png`, encoding and writing on `jobs` threads
    /// (the files are independent; the staging folder is renamed only when all are written).
    mutating func write(_ items: [(className: String, number: Int, image: GrayImage)], jobs: Int = availableCores) throws {
        for className in Set(items.map(\.className)).subtracting(created).sorted() {
            try FileManager.default.createDirectory(atPath: staging + "/" + className, withIntermediateDirectories: true)
            created.insert(className)
        }
        let staging = self.staging
        let failures = parallelMap(count: items.count, jobs: jobs) { k -> String? in
            let item = items[k]
            let path = staging + "/" + item.className + "/" + String(format: "%05d.png", item.number)
            do {
                try DatasetWriter.writeFile(try PNGEncoder.encode(item.image), to: path)
                return nil
            } catch {
                return "\(error)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw ImportError(failure) }
        for item in items { counts[item.className, default: 0] += 1 }
    }

    /// Creates a new file with `bytes` (plain POSIX calls: no per-file temporary copy or flush;
    /// the whole staging folder is what is made atomic).
    static func writeFile(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 { throw IOFailure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var written = 0
        try bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw IOFailure(path: path, reason: String(cString: strerror(errno)))
                }
                written += n
            }
        }
    }

    func commit(skipped: [String]) throws -> ImportSummary {
        let fm = FileManager.default
        if fm.fileExists(atPath: output) { try fm.removeItem(atPath: output) }
        try fm.moveItem(atPath: staging, toPath: output)
        let perClass = counts.sorted { $0.key.utf8Precedes($1.key) }.map { ($0.key, $0.value) }
        return ImportSummary(output: output, imported: counts.values.reduce(0, +), perClass: perClass, skipped: skipped)
    }

    func abandon() { try? FileManager.default.removeItem(atPath: staging) }
}
