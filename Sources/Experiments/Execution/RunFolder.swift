import Foundation

/// Writes a run's folder: its data files, its pictures, its resolved config and, last, its
/// manifest, all into a temporary folder renamed into place, so a run's folder is complete or
/// absent.
enum RunFolder {
    static func write(_ result: RunResult, manifest: RunManifest, gridKeys: [String], root: String) throws {
        let config = result.spec.config
        // The text hashed into the run's identity: whoever has the folder can check it.
        var files: [(name: String, bytes: [UInt8])] = [("config.json", Array(RunIdentity.configText(config).utf8))]
        files += result.files(gridKeys: gridKeys)
        if let log = result.network?.trainingLog, !log.isEmpty { files.append(("training.svg", Array(Pictures.trainingPlot(log).utf8))) }
        if config.outputs.pictures { files += Pictures.runFiles(result.visuals, task: config.task) }
        files.append(("manifest.json", Array(manifest.text.utf8)))
        try writeAtomically(files, folder: result.spec.folder, root: root)
    }

    /// The files written into `.tmp-<folder>-<pid>-<random>`, then renamed to `<folder>`.
    static func writeAtomically(_ files: [(name: String, bytes: [UInt8])], folder: String, root: String) throws {
        let fm = FileManager.default
        let final = joinPath(root, folder)
        let temporary = joinPath(root, ".tmp-\(folder)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try fm.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        do {
            for (name, bytes) in files {
                do { try AtomicFile.writeFile(bytes, to: joinPath(temporary, name)) } catch {
                    throw IOFailure(path: joinPath(final, name), reason: error.reason)
                }
            }
            if fm.fileExists(atPath: final) { try fm.removeItem(atPath: final) }
            try fm.moveItem(atPath: temporary, toPath: final)
        } catch {
            try? fm.removeItem(atPath: temporary)
            throw error
        }
    }
}
