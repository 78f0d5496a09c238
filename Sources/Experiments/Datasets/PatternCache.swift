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
/// and renamed, so a concurrent reader sees the old pack or the new one; writers take turns
/// under a lock and merge (``add(_:for:)``).
///
/// The checksum detects damage, not forgery: anyone who can write the cache folder can put
/// other patterns under a file's hash and so change results. Share a cache only with people
/// you trust to write it (or give others a read-only copy, or their own `HOPFIELDLAB_CACHE`).
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
    /// The pack is memory-mapped and indexed, its entries decoded one by one when looked up, so
    /// a pack of any size is read without a copy (8,600 gray images at size 256 make 2.25 GB; a
    /// 2 GiB read limit once made every run decode them all again and rewrite the pack).
    func entries(for spec: ImageSpec) -> PatternPack.Index {
        guard let bytes = PackBytes.map(path(for: spec)) else { return .empty }
        return PatternPack.decode(bytes, spec: spec, description: PatternCache.description(spec)) ?? .empty
    }

    /// Stores `entries` as the pack of `spec` (replacing it atomically).
    public func store(_ entries: [ContentHash: Entry], for spec: ImageSpec) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicFile.write(PatternPack.encode(entries, spec: spec, description: PatternCache.description(spec)), to: path(for: spec))
    }

    /// Adds `fresh` entries to the pack of `spec`. Several processes may add to one pack at once
    /// (three runs on disjoint image sets): each holds an exclusive `flock` on `<pack>.lock`
    /// beside the pack, reads the pack as it is now, and writes it back with its own entries
    /// merged in, so no writer's entries are lost. A pack that already holds every entry is not
    /// rewritten. Stale temporaries of killed writers are removed first (``removeStaleTemporaries(olderThan:)``).
    public func add(_ fresh: [ContentHash: Entry], for spec: ImageSpec) throws {
        guard !fresh.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let lockPath = path(for: spec) + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw IOFailure(path: lockPath, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw IOFailure(path: lockPath, reason: String(cString: strerror(errno))) }
        }
        defer { flock(fd, LOCK_UN) }
        removeStaleTemporaries()
        let current = entries(for: spec)
        let missing = fresh.filter { current.offsets[$0.key] == nil }
        if missing.isEmpty { return }
        try store(current.all.merging(missing) { old, _ in old }, for: spec)
    }

    /// Removes the `.tmp-<pid>-…` files of pack writers that were killed (kill -9 while a pack
    /// was written left them, up to a pack's size each, forever): those whose writer process is
    /// gone, and any older than `age` seconds (a pack is written in seconds; an hour-old
    /// temporary file of a living process id is a reused id).
    public func removeStaleTemporaries(olderThan age: Double = 3600) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let now = Date().timeIntervalSince1970
        for name in names where name.hasPrefix(".tmp-") {
            let path = joinPath(folder, name)
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let pid = name.dropFirst(5).prefix { $0.isNumber }
            let gone = Int32(pid).map { kill($0, 0) != 0 && errno == ESRCH } ?? false
            if gone || now - Double(info.st_mtim.tv_sec) > age { unlink(path) }
        }
    }
}

extension Binarization {
    /// The gray level of `.threshold`, else nil.
    var thresholdLevel: Float? {
        if case .threshold(let t) = self { return t }
        return nil
    }
}
