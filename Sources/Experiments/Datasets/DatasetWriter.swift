import Foundation
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
    static func safeClassName(_ raw: String) -> String? {
        var name = raw.trimmingCharacters(in: .whitespaces)
        // "5.0" and "05" written by float exports are the class "5".
        if let value = Double(name), value == value.rounded(), abs(value) < 1e9 { name = String(Int(value)) }
        if name.isEmpty || name.hasPrefix(".") || name.contains("/") || name.contains("\0") { return nil }
        return name
    }

    mutating func add(_ image: GrayImage, className: String, number: Int) throws {
        let folder = staging + "/" + className
        if !created.contains(className) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            created.insert(className)
        }
        let bytes = try PNGEncoder.encode(image)
        let name = String(format: "%05d.png", number)
        guard FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes)) else {
            throw ImportError("\(folder)/\(name): cannot write")
        }
        counts[className, default: 0] += 1
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
