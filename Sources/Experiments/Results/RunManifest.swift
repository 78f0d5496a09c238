/// A run's manifest.json: what made it (tool, commit, libraries, platform), from what (config,
/// seed, grid values, the dataset's fingerprint), by which conventions, and how long it took.
/// Written last into a run's folder: a folder with a manifest is complete.
public struct RunManifest: Sendable {
    /// The dataset a run read.
    public struct DatasetRecord: Sendable, Equatable {
        /// `dataset.path` as written in the config.
        public var path: String
        /// The same path made absolute.
        public var resolvedPath: String
        /// A hash of every file's bytes and path (``DatasetFingerprint``).
        public var fingerprint: String
        /// How the fingerprint is computed.
        public var fingerprintMethod: String
        /// Class names in label order.
        public var classes: [String]
        /// Files listed.
        public var files: Int
        /// Files decoded into patterns.
        public var usedImages: Int
        /// Files and other entries met and not used, with the reason (``LoadedDataset/unused``).
        public var refused: [(path: String, reason: String)]

        /// A dataset's record.
        public init(
            path: String, resolvedPath: String, fingerprint: String, fingerprintMethod: String, classes: [String],
            files: Int, usedImages: Int, refused: [(path: String, reason: String)]
        ) {
            self.path = path
            self.resolvedPath = resolvedPath
            self.fingerprint = fingerprint
            self.fingerprintMethod = fingerprintMethod
            self.classes = classes
            self.files = files
            self.usedImages = usedImages
            self.refused = refused
        }

        public static func == (a: DatasetRecord, b: DatasetRecord) -> Bool {
            a.path == b.path && a.resolvedPath == b.resolvedPath && a.fingerprint == b.fingerprint && a.classes == b.classes
                && a.files == b.files && a.usedImages == b.usedImages && a.refused.map(\.path) == b.refused.map(\.path)
        }
    }

    /// "HopfieldLab".
    public var tool = "HopfieldLab"
    /// The tool's version.
    public var version = HopfieldLab.version
    /// The binary that ran and the XXH3-128 of its bytes ("hopfield xxh3-128:…"): with the
    /// version, which build of HopfieldLab made the run (nil when it could not be read).
    public var build: String?
    /// The config file.
    public var config: String?
    /// The run's key.
    public var run: String
    /// The run's identity (``RunIdentity``), also the end of its folder's name; nil in
    /// manifests written before identities.
    public var identity: RunIdentity?
    /// The run's seed.
    public var seed: UInt64
    /// The run's grid values.
    public var grid: [(String, JSONValue)]
    /// The task's name.
    public var task: String
    /// The dataset read (nil for capacity runs).
    public var dataset: DatasetRecord?
    /// Every convention the run used, in words (``Conventions``).
    public var conventions: [(String, JSONValue)]
    /// The codec libraries' versions.
    public var libraries: String
    /// The operating system and architecture.
    public var platform: String
    /// ISO 8601.
    public var startedAt: String
    /// The network's parameter count.
    public var parameters: Int?
    /// Wall time of training (trained rules only).
    public var trainingSeconds: Double?
    /// What the run's network cannot promise (pseudo-inverse rank and self-couplings); written
    /// only when there are some.
    public var warnings: [String] = []
    /// Wall time of the run.
    public var seconds: Double
    /// Shard index and count when the run was one shard's.
    public var shard: (index: Int, count: Int)?
    /// Always true: written last, it marks a complete run folder.
    public var complete = true

    /// A manifest with the fields every run has; the optional ones are set afterwards.
    public init(
        run: String, seed: UInt64, grid: [(String, JSONValue)], task: String, conventions: [(String, JSONValue)],
        libraries: String, platform: String, startedAt: String, seconds: Double
    ) {
        self.run = run
        self.seed = seed
        self.grid = grid
        self.task = task
        self.conventions = conventions
        self.libraries = libraries
        self.platform = platform
        self.startedAt = startedAt
        self.seconds = seconds
    }

    /// The manifest as JSON, keys in a fixed order.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("tool", .string(tool)), ("version", .string(version)), ("build", build.map { .string($0) } ?? .null),
            ("config", config.map { .string($0) } ?? .null), ("run", .string(run)),
            ("identity", identity.map { .string($0.description) } ?? .null), ("seed", .number(String(seed))),
            ("grid", .object(grid)), ("task", .string(task))
        ]
        if let d = dataset {
            pairs.append(
                (
                    "dataset",
                    .object([
                        ("path", .string(d.path)), ("resolvedPath", .string(d.resolvedPath)), ("fingerprint", .string(d.fingerprint)),
                        ("fingerprintMethod", .string(d.fingerprintMethod)), ("classes", .array(d.classes.map { .string($0) })),
                        ("files", .int(d.files)), ("usedImages", .int(d.usedImages)),
                        ("refused", .array(d.refused.map { .object([("path", .string($0.path)), ("reason", .string($0.reason))]) }))
                    ])
                ))
        }
        pairs.append(("conventions", .object(conventions)))
        pairs += [("libraries", .string(libraries)), ("platform", .string(platform)), ("startedAt", .string(startedAt))]
        if let parameters { pairs.append(("parameters", .int(parameters))) }
        if let trainingSeconds { pairs.append(("trainingSeconds", .number(Format.fixed(trainingSeconds, 3)))) }
        if !warnings.isEmpty { pairs.append(("warnings", .array(warnings.map { .string($0) }))) }
        pairs.append(("seconds", .number(Format.fixed(seconds, 3))))
        if let shard { pairs.append(("shard", .object([("index", .int(shard.index)), ("count", .int(shard.count))]))) }
        pairs.append(("complete", .bool(complete)))
        return .object(pairs)
    }

    /// The text of manifest.json.
    public var text: String { json.pretty() + "\n" }

    /// A manifest read back from its JSON; `path` names the file in errors.
    public init(json: JSONValue, path: String) throws(ResultsFileError) {
        func string(_ v: JSONValue?) -> String? { if case .string(let s)? = v { return s }; return nil }
        func int(_ v: JSONValue?) -> Int? { if case .number(let t)? = v { return Int(t) }; return nil }
        func double(_ v: JSONValue?) -> Double? { if case .number(let t)? = v { return Double(t) }; return nil }
        guard let run = string(json["run"]), case .number(let seedText)? = json["seed"], let seed = UInt64(seedText),
            let task = string(json["task"]), let seconds = double(json["seconds"])
        else {
            throw ResultsFileError(path: path, reason: "not a run manifest (run, seed, task or seconds missing)")
        }
        var grid: [(String, JSONValue)] = []
        if case .object(let pairs)? = json["grid"] { grid = pairs }
        var conventions: [(String, JSONValue)] = []
        if case .object(let pairs)? = json["conventions"] { conventions = pairs }
        self.init(
            run: run, seed: seed, grid: grid, task: task, conventions: conventions, libraries: string(json["libraries"]) ?? "",
            platform: string(json["platform"]) ?? "", startedAt: string(json["startedAt"]) ?? "", seconds: seconds)
        tool = string(json["tool"]) ?? tool
        version = string(json["version"]) ?? ""
        build = string(json["build"])
        config = string(json["config"])
        identity = string(json["identity"]).flatMap(RunIdentity.init)
        if let d = json["dataset"] {
            var refused: [(String, String)] = []
            if case .array(let items)? = d["refused"] { refused = items.map { (string($0["path"]) ?? "", string($0["reason"]) ?? "") } }
            var classes: [String] = []
            if case .array(let items)? = d["classes"] { classes = items.compactMap(string) }
            dataset = DatasetRecord(
                path: string(d["path"]) ?? "", resolvedPath: string(d["resolvedPath"]) ?? "",
                fingerprint: string(d["fingerprint"]) ?? "", fingerprintMethod: string(d["fingerprintMethod"]) ?? "",
                classes: classes, files: int(d["files"]) ?? 0, usedImages: int(d["usedImages"]) ?? 0, refused: refused)
        }
        parameters = int(json["parameters"])
        trainingSeconds = double(json["trainingSeconds"])
        if case .array(let items)? = json["warnings"] { warnings = items.compactMap(string) }
        if let index = int(json["shard"]?["index"]), let count = int(json["shard"]?["count"]) { shard = (index, count) }
        if case .bool(let b)? = json["complete"] { complete = b }
    }
}
