import Foundation
import Imaging

/// A batch's results on disk, `Results/<name>/`: config.json (the batch as written), runs.csv,
/// summary.csv and one folder per run (tally.csv, manifest.json, ...). Reads go through the
/// same typed rows the runner writes, and never follow a symbolic link.
public struct ResultsFolder: Sendable {
    /// `<output>/<batch folder>`.
    public let root: String

    /// The results folder at `root`.
    public init(_ root: String) { self.root = root }

    /// The folder of one run.
    public func folder(of run: RunSpec) -> String { joinPath(root, run.folder) }

    /// Whether a run's folder is complete (its manifest, written last, is there).
    public func isComplete(_ run: RunSpec) -> Bool {
        FileManager.default.fileExists(atPath: joinPath(folder(of: run), "manifest.json"))
    }

    /// The runs of `batch` without a complete folder.
    public func missingRuns(of batch: Batch) -> [RunSpec] { batch.runs.filter { !isComplete($0) } }

    /// The batch of config.json.
    public func batch() throws -> Batch {
        let path = joinPath(root, "config.json")
        guard let text = try? ResultsFolder.readText(path) else {
            throw ResultsFileError(path: root, reason: "no config.json (is this a results folder written by hopfield run?)")
        }
        do { return try Batch.expand(try JSONParser.parse(text)) } catch {
            throw ResultsFileError(path: path, reason: "\(error)")
        }
    }

    /// A complete run's rows, from its tally.csv: each row must be the run's own, its values in
    /// their ranges (`RunTable.check(belongsTo:path:)`).
    public func table(of run: RunSpec, batch: Batch) throws -> RunTable {
        let path = joinPath(folder(of: run), "tally.csv")
        let table = try RunTable.read(csv: try ResultsFolder.readText(path), task: run.config.task, gridKeys: batch.gridKeys, path: path)
        try table.check(belongsTo: run, path: path)
        return table
    }

    /// A complete run's manifest. The identity it records must be the run's: a folder is never
    /// read as another run's (``RunIdentity``).
    public func manifest(of run: RunSpec) throws -> RunManifest {
        let path = joinPath(folder(of: run), "manifest.json")
        let text = try ResultsFolder.readText(path)
        let manifest: RunManifest
        do { manifest = try RunManifest(json: try JSONParser.parse(text), path: path) } catch let error as ResultsFileError {
            throw error
        } catch {
            throw ResultsFileError(path: path, reason: "\(error)")
        }
        if manifest.identity != run.identity {
            throw ResultsFileError(
                path: path, reason: "records run identity \(manifest.identity?.description ?? "none"), not \(run.identity) of \(run.key)")
        }
        return manifest
    }

    /// A run's training log (training.csv), or nil when it has none.
    public func trainingLog(of run: RunSpec) -> [TrainingLogRow]? {
        let path = joinPath(folder(of: run), "training.csv")
        guard let text = try? ResultsFolder.readText(path) else { return nil }
        return try? TrainingLogRow.rows(csv: text, path: path)
    }

    /// Every run's results, typed: the rows of runs.csv (recomputed from each run's tally.csv),
    /// the summary, the manifests and training logs. Throws if a run is missing, or if runs of
    /// one dataset were made from different data (`checkOneFingerprint`).
    public func read() throws -> BatchResults {
        let batch = try batch()
        let missing = missingRuns(of: batch)
        if !missing.isEmpty {
            throw ResultsFileError(
                path: root, reason: "runs.csv or summary.csv is missing (the batch is incomplete; run hopfield merge or --resume)")
        }
        var results = BatchResults(batch: batch, root: root)
        for run in batch.runs {
            results.add(
                run: run, table: try table(of: run, batch: batch), manifest: try manifest(of: run), trainingLog: trainingLog(of: run))
        }
        try Self.checkOneFingerprint(results)
        return results
    }

    /// Writes runs.csv, summary.csv and config.json at the root (and selection.csv when the batch
    /// selects on validation, basins.csv, every run's memories, for a basins batch), each atomically.
    public func writeRollups(_ results: BatchResults) throws {
        try AtomicFile.write(results.runs.csv(gridKeys: results.batch.gridKeys), to: joinPath(root, "runs.csv"))
        try AtomicFile.write(results.summary.csv(gridKeys: results.batch.gridKeys), to: joinPath(root, "summary.csv"))
        try AtomicFile.write(results.batch.source.pretty() + "\n", to: joinPath(root, "config.json"))
        if let selection = Selection.choose(results) {
            try AtomicFile.write(selection.csv(gridKeys: results.batch.gridKeys), to: joinPath(root, "selection.csv"))
        }
        for file in try results.runs.task.definition.batchFiles(self, results.batch) {
            try AtomicFile.write(file.text, to: joinPath(root, file.name))
        }
    }

    /// Every run's basins.csv rows, labelled with the run, in batch order (for the root's basins.csv).
    func basins(_ batch: Batch) throws -> [LabelledBasinRow] {
        var rows: [LabelledBasinRow] = []
        for run in batch.runs {
            let path = joinPath(folder(of: run), "basins.csv")
            rows += try BasinRow.rows(csv: try Self.readText(path), path: path).map { LabelledBasinRow(run: RunLabel(run), basin: $0) }
        }
        return rows
    }

    /// A file's text; a symbolic link, a folder or anything but a regular file is refused.
    public static func readText(_ path: String) throws -> String {
        let bytes = try readBytes(path)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A picture of a run folder to embed in a report: a PNG (by its signature) or an SVG (by
    /// its first tag), at most 64 MiB, read neither through a link nor from a run folder that
    /// is a link. Anything else (a link or hard link to a secret, a text renamed .png) is nil.
    public static func readPicture(_ path: String) -> [UInt8]? {
        var info = stat()
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        guard folder.isEmpty || (lstat(folder, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR) else { return nil }
        let svg = path.hasSuffix(".svg")
        return try? FileBytes.read(path, limit: 64 << 20, followLinks: false, headLength: 64) { head, _ in
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            let text = String(decoding: head, as: UTF8.self)
            let fits = svg ? text.hasPrefix("<svg") || text.hasPrefix("<?xml") : head.starts(with: png)
            return fits ? nil : "not a \(svg ? "SVG" : "PNG") picture"
        }
    }

    /// A regular file's bytes, never through a symbolic link.
    public static func readBytes(_ path: String) throws -> [UInt8] {
        do { return try FileBytes.read(path, followLinks: false) } catch { throw ResultsFileError(path: path, reason: error.reason) }
    }
}
