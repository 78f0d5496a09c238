import Foundation
import TestSupport
import Testing

@testable import Experiments

/// Issue 13, cases 1 and 2: a run is known by its identity (its resolved config and seed,
/// hashed), which names its folder and which `--resume` checks.
@Suite struct RunIdentityTests {
    static func expand(_ text: String) throws -> Batch { try Batch.expand(try JSONParser.parse(text)) }

    /// A small capacity batch (no data to read): `extra` is spliced into the config.
    static func capacity(_ extra: String = "") throws -> Batch {
        try expand(
            """
            {"name": "cap", "task": "capacity", "capacity": {"neurons": 32, "patterns": [2], "trials": 1}, "seeds": [1, 2]\(extra)}
            """)
    }

    /// Runs `batch` into `output` in this process.
    @discardableResult
    static func run(_ batch: Batch, into output: String, resume: Bool = false, force: Bool = false) throws -> RunReport {
        var options = RunOptions()
        options.output = output
        options.jobs = 1
        options.resume = resume
        options.force = force
        options.report = false
        options.cache = nil
        return try ExperimentRunner.execute(try ExperimentRunner.prepare(batch, options: options), options: options)
    }

    /// 1e-2 and 1e+2 had one folder ("+" became "-"), a long key cut at 200 characters put seeds
    /// 1 and 2 in one folder, and the configs `猫` and `犬` both wrote to `Results/-/`.
    @Test func foldersNeverCollide() throws {
        let beta = try Self.expand(
            """
            {"name": "b", "dataset": {"path": "D"}, "network": {"rule": "modern"}, "grid": {"network.beta": [1e-2, 1e+2]}}
            """)
        #expect(Set(beta.runs.map(\.folder)).count == 2, "\(beta.runs.map(\.folder))")
        let path = "/data/" + String(repeating: "./", count: 100) + "digits"
        let long = try Self.expand(
            """
            {"name": "l", "dataset": {"path": "D"}, "seeds": [1, 2], "grid": {"dataset.path": ["\(path)"]}}
            """)
        #expect(long.runs[0].folder != long.runs[1].folder)
        #expect(long.runs.allSatisfy { $0.folder.utf8.count == 120 + 17 }, "120 characters of the key, '~', the identity")
        #expect(Batch.folderName("猫") != Batch.folderName("犬"))
        #expect(Batch.folderName("quickstart") == "quickstart", "safe names stay as they are")
        #expect(beta.runs[0].folder.hasPrefix("network.beta=1e-2__seed=42~"))
    }

    /// The identity is what the run computes from: the same values however written (and
    /// whatever the comment) are one run; another seed or value is another.
    @Test func identityIsTheResolvedConfigAndSeed() throws {
        let a = try Self.expand("{\"name\": \"x\", \"dataset\": {\"path\": \"D\"}, \"split\": {\"train\": 0.5}}").runs[0]
        let b = try Self.expand(
            """
            {"name": "x", "comment": "notes", "dataset": {"path": "D"}, "split": {"train": 5e-1}, "dynamics": {"maxSweeps": 100}}
            """
        ).runs[0]
        let c = try Self.expand("{\"name\": \"x\", \"dataset\": {\"path\": \"D\"}, \"seeds\": [43]}").runs[0]
        let d = try Self.expand("{\"name\": \"x\", \"dataset\": {\"path\": \"D\"}, \"dynamics\": {\"maxSweeps\": 99}}").runs[0]
        #expect(a.identity == b.identity)
        #expect(a.identity != c.identity && a.identity != d.identity)
        #expect(a.identity == RunIdentity(configText: RunIdentity.configText(a.config), seed: 42), "the hash of config.json and the seed")
        #expect(!RunIdentity.configText(b.config).contains("notes"), "the comment is not copied into run folders")
    }

    /// Two grid values that resolve to one config would be one run counted twice.
    @Test func twoGridValuesResolvingToOneRunAreRefused() {
        let error = #expect(throws: ConfigError.self) {
            try Self.expand("{\"name\": \"x\", \"dataset\": {\"path\": \"D\"}, \"grid\": {\"dynamics\": [{}, {\"maxSweeps\": 100}]}}")
        }
        #expect(error?.path == "grid")
        #expect(
            error?.message.hasPrefix("runs dynamics=,seed=42 and dynamics=maxSweeps:100,seed=42 resolve to the same config") == true,
            "\(String(describing: error))")
    }

    /// `--resume` with changed values used to reuse the old runs ("2 already complete") and
    /// write the new values into config.json. Now the same batch resumes, another is refused
    /// with what changed, and nothing in the folder changes.
    @Test func resumeFinishesOnlyTheSameBatch() throws {
        let out = ScratchFolder("resume")
        defer { out.remove() }
        try Self.run(try Self.capacity(), into: out.path)
        let root = out.file("cap")
        let again = try Self.run(try Self.capacity(", \"comment\": \"only words changed\""), into: out.path, resume: true)
        #expect(again.ran.isEmpty && again.skipped.count == 2)
        let before = tree(root)
        let changed = try Self.capacity().withSource { $0.replacingOccurrences(of: "\"trials\": 1", with: "\"trials\": 2") }
        let error = #expect(throws: RunError.self) { try Self.run(changed, into: out.path, resume: true) }
        #expect(
            error?.description == """
                \(root) holds another batch than this config's (--resume only finishes the batch it holds):
                  capacity.trials: 1 → 2
                run the config it was made with, use another --output, or --force to replace its results
                """)
        let more = try Self.capacity().withSource { $0.replacingOccurrences(of: "[1, 2]", with: "[1, 2, 3]") }
        let added = #expect(throws: RunError.self) { try Self.run(more, into: out.path, resume: true) }
        #expect(added?.description.contains("1 run(s) only in this config: seed=3") == true, "\(String(describing: added))")
        #expect(tree(root) == before, "a refused resume changes nothing")
    }

    /// A manifest that records another identity is never read as this run's.
    @Test func aFolderIsReadOnlyAsItsOwnRun() throws {
        let out = ScratchFolder("identity")
        defer { out.remove() }
        try Self.run(try Self.capacity(), into: out.path)
        let root = out.file("cap")
        let run = try Self.capacity().runs[0]
        let manifest = joinPath(root, run.folder, "manifest.json")
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: run.identity.description, with: "0000000000000000").write(
            toFile: manifest, atomically: true, encoding: .utf8)
        let read = #expect(throws: ResultsFileError.self) { try ResultsFolder(root).read() }
        #expect(read?.description.contains("records run identity 0000000000000000, not \(run.identity) of seed=1") == true)
    }
}

extension Batch {
    /// The batch of this batch's source text changed by `edit`.
    func withSource(_ edit: (String) -> String) throws -> Batch {
        try Batch.expand(try JSONParser.parse(edit(source.pretty())))
    }
}

/// Every file under `root` (relative path → bytes), hidden files included.
func tree(_ root: String) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let walk = FileManager.default.enumerator(atPath: root) else { return files }
    while let relative = walk.nextObject() as? String {
        if let data = FileManager.default.contents(atPath: joinPath(root, relative)) { files[relative] = data }
    }
    return files
}
