import Foundation

extension ResultsFolder {
    /// Refuses to add runs to a folder that holds another batch. `--resume` and shards add to
    /// what is there, so what is there must be runs of `batch`: the folder's config.json, when
    /// written, must expand to the same runs (the same ``RunIdentity`` set: a changed comment or
    /// key order is the same batch, a changed value is not), and no run folder may belong to
    /// another batch. Why refuse rather than recompute the changed runs: the folder would then
    /// mix runs of two configs, and config.json could describe only one of them.
    public func checkHolds(_ batch: Batch) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: joinPath(root, "config.json")) {
            let old: Batch
            do { old = try self.batch() } catch {
                throw RunError("\(root): cannot read the batch it holds: \(error); use --force to replace it")
            }
            if Set(old.runs.map(\.identity)) != Set(batch.runs.map(\.identity)) {
                throw RunError(refusal(BatchDifference.lines(old: old, new: batch)))
            }
        }
        let folders = Set(batch.runs.map(\.folder))
        let entries = (try? fm.contentsOfDirectory(atPath: root)) ?? []
        let foreign = entries.filter { entry in
            !entry.hasPrefix(".") && !folders.contains(entry) && fm.fileExists(atPath: joinPath(root, entry, "manifest.json"))
        }.sorted()
        if !foreign.isEmpty {
            throw RunError(
                refusal([
                    "run folders of another batch: " + foreign.prefix(3).joined(separator: ", ")
                        + (foreign.count > 3 ? " and \(foreign.count - 3) more" : "")
                ]))
        }
    }

    /// Refuses to add runs made from other data. Every complete run's manifest records the
    /// fingerprint of the dataset it read (``DatasetFingerprint``); `fingerprints` are the data's
    /// now, by dataset key. Images replaced (even under the same names), added or removed since
    /// would make the folder pool runs of two datasets: `--resume` and shards refuse and name it.
    public func checkData(_ batch: Batch, fingerprints: [DatasetKey: String]) throws {
        for run in batch.runs where isComplete(run) {
            guard let section = run.config.dataset, let now = fingerprints[DatasetKey(section)],
                let recorded = (try? manifest(of: run))?.dataset?.fingerprint, !recorded.isEmpty, recorded != now
            else { continue }
            throw RunError(
                "dataset \(section.path) changed since the runs in \(root) were made (fingerprint \(recorded) → \(now)): rerun with --force"
            )
        }
    }

    /// Refuses results that pool runs made from different data: runs that read one dataset path
    /// must carry one fingerprint (`hopfield merge` of shards run before and after the images changed).
    static func checkOneFingerprint(_ results: BatchResults) throws(ResultsFileError) {
        var first: [String: (fingerprint: String, run: String)] = [:]
        for record in results.records {
            guard let d = record.manifest.dataset, !d.fingerprint.isEmpty else { continue }
            if let seen = first[d.path], seen.fingerprint != d.fingerprint {
                throw ResultsFileError(
                    path: results.root,
                    reason:
                        "its runs were made from different data: dataset \(d.path) had fingerprint \(seen.fingerprint) for run \(seen.run) and \(d.fingerprint) for run \(record.spec.key); rerun the batch with --force"
                )
            }
            if first[d.path] == nil { first[d.path] = (d.fingerprint, record.spec.key) }
        }
    }

    private func refusal(_ lines: [String]) -> String {
        "\(root) holds another batch than this config's (--resume only finishes the batch it holds):\n"
            + lines.map { "  " + $0 }.joined(separator: "\n")
            + "\nrun the config it was made with, use another --output, or --force to replace its results"
    }
}
