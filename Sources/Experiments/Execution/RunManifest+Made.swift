import Foundation
import Imaging

extension RunManifest {
    /// The manifest of a run just computed: tool, seed, data fingerprint, every convention used,
    /// parameters, timings.
    static func made(
        for result: RunResult, batch: Batch, data: LoadedDataset?, fingerprints: [DatasetKey: String], build: String?,
        shard: Shard?, started: Date, seconds: Double
    ) -> RunManifest {
        let run = result.spec, c = run.config
        var m = RunManifest(
            run: run.key, seed: run.seed, grid: run.gridValues, task: c.task.rawValue, conventions: Conventions.of(c),
            libraries: codecLibraryVersions, platform: RunEnvironment.platformDescription(),
            startedAt: ISO8601DateFormatter().string(from: started), seconds: seconds)
        m.build = build
        m.identity = run.identity
        m.config = batch.file
        if let data, let section = c.dataset {
            m.dataset = DatasetRecord(
                path: section.path, resolvedPath: URL(fileURLWithPath: section.path).standardizedFileURL.path,
                fingerprint: fingerprints[DatasetKey(section)] ?? "", fingerprintMethod: DatasetFingerprint.method,
                classes: data.dataset.classes, files: data.dataset.files.count, usedImages: data.images.count,
                refused: data.unused)
        }
        m.parameters = result.network?.parameters
        m.trainingSeconds = result.network?.trainingSeconds
        m.warnings = result.network?.warnings ?? []
        m.shard = shard.map { ($0.index, $0.count) }
        return m
    }
}
