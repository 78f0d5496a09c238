import Foundation
import Imaging

/// Decoded, resized and binarized patterns (or an encoder's features), stored once per (file content, image spec), so a grid,
/// a rerun or another results folder never decodes the same image with the same spec twice.
///
/// Each spec has one pack file, `patterns-<hash of the spec>.hlpc`, holding entries keyed by the
/// XXH3-128 of a file's bytes (`ContentHash`): a changed file has another key and is decoded
/// again; a renamed or copied file is found. The pack carries the spec it was made for and a
/// checksum of its entries: a pack that does not match either is ignored and rebuilt, never
/// trusted. Refused files are not cached (they fail fast). Packs are written to a temporary file
/// and renamed, so a concurrent reader sees the old pack or the new one.
public struct PatternCache: Sendable {
    /// The folder holding the packs.
    public let folder: String

    /// A cache in `folder` (created when first written).
    public init(folder: String) { self.folder = folder }

    /// `$HOPFIELDLAB_CACHE`, else `$XDG_CACHE_HOME/hopfieldlab`, else `~/.cache/hopfieldlab`.
    public static var defaultFolder: String {
        let env = ProcessInfo.processInfo.environment
        if let folder = env["HOPFIELDLAB_CACHE"], !folder.isEmpty { return folder }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return joinPath(xdg, "hopfieldlab") }
        return joinPath(env["HOME"] ?? "/tmp", ".cache", "hopfieldlab")
    }

    /// One cached image.
    public struct Entry: Sendable, Equatable {
        /// The file's format.
        public var format: ImageFormat
        /// The image's width before resizing.
        public var sourceWidth: Int
        /// The image's height before resizing.
        public var sourceHeight: Int
        /// The pattern.
        public var values: PatternValues
    }

    /// Everything the pack's spec depends on, as text: the tool's version (a new decoder may give
    /// other patterns) and every setting of the spec.
    static func description(_ spec: ImageSpec) -> String {
        "HopfieldLab \(HopfieldLab.version) size=\(spec.size) resize=\(spec.resize.rawValue) binarize=\(spec.binarize.name)"
            + (spec.binarize.thresholdLevel.map { "(\($0))" } ?? "") + " idct=\(spec.idct.rawValue) maxPixels=\(spec.maxPixels)"
            + spec.encoder.description
    }

    /// The pack file of a spec.
    public func path(for spec: ImageSpec) -> String {
        joinPath(folder, "patterns-\(ContentHash(of: PatternCache.description(spec)).description.prefix(16)).hlpc")
    }

    /// The entries cached for `spec`; empty when there is no pack or it is not to be trusted.
    /// They are decoded one by one when looked up.
    func entries(for spec: ImageSpec) -> PatternPack.Index {
        guard let bytes = try? FileBytes.read(path(for: spec), followLinks: false) else { return .empty }
        return PatternPack.decode(bytes, spec: spec, description: PatternCache.description(spec)) ?? .empty
    }

    /// Stores `entries` as the pack of `spec` (replacing it atomically).
    public func store(_ entries: [ContentHash: Entry], for spec: ImageSpec) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicFile.write(PatternPack.encode(entries, spec: spec, description: PatternCache.description(spec)), to: path(for: spec))
    }
}

extension Binarization {
    /// The gray level of `.threshold`, else nil.
    var thresholdLevel: Float? {
        if case .threshold(let t) = self { return t }
        return nil
    }
}
