import Foundation
import TestSupport
import Testing

@testable import Experiments

/// Issue 13, cases 8 and 12: one writer per results folder, and never a write or a delete
/// through a symbolic link.
@Suite struct ResultsFolderSafetyTests {
    /// Two `hopfield run` into one folder both ran: the second deleted the first's temporary
    /// run folders and both lost runs. Another writer holding `<folder>/.lock` now makes a run
    /// refuse at once, touching nothing.
    @Test func aSecondWriterIsRefusedAtOnce() throws {
        let out = ScratchFolder("lock")
        defer { out.remove() }
        let root = out.file("cap")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let lockFile = open(joinPath(root, ".lock"), O_RDWR | O_CREAT, 0o644)
        defer { close(lockFile) }
        #expect(flock(lockFile, LOCK_EX | LOCK_NB) == 0)
        let leftover = out.write(Array("partial".utf8), to: "cap/.tmp-seed=1-1-2/tally.csv")
        for force in [false, true] {
            let error = #expect(throws: RunError.self) {
                try RunIdentityTests.run(try RunIdentityTests.capacity(), into: out.path, force: force)
            }
            #expect(
                error?.description
                    == "\(root) is being written by another hopfield run (it holds \(root)/.lock); wait for it to finish, or use another --output"
            )
        }
        #expect(tree(root).keys.sorted() == [".lock", ".tmp-seed=1-1-2/tally.csv"], "the other writer's files are untouched")
        #expect(FileManager.default.fileExists(atPath: leftover))
        flock(lockFile, LOCK_UN)
        #expect(try RunIdentityTests.run(try RunIdentityTests.capacity(), into: out.path).ran.count == 2)
    }

    /// Shards of one batch share the folder; the same shard twice, or a whole run beside a
    /// shard, is refused.
    @Test func shardsShareTheFolderButNotAShard() throws {
        let out = ScratchFolder("shardlock")
        defer { out.remove() }
        let one = try ResultsLock(root: out.path, shard: Shard(index: 1, count: 2))
        let two = try ResultsLock(root: out.path, shard: Shard(index: 2, count: 2))
        #expect(throws: RunError.self) { try ResultsLock(root: out.path, shard: Shard(index: 1, count: 2)) }
        #expect(throws: RunError.self) { try ResultsLock(root: out.path, shard: nil) }
        one.release()
        two.release()
        #expect(throws: Never.self) { try ResultsLock(root: out.path, shard: nil) }
    }

    /// `run --force` into a results folder that was a link emptied the link's target.
    @Test func forceNeverDeletesThroughALink() throws {
        let out = ScratchFolder("link")
        defer { out.remove() }
        let precious = out.write(Array("keep".utf8), to: "precious/thesis.tex")
        try FileManager.default.createDirectory(atPath: out.file("results"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out.file("results/cap"), withDestinationPath: out.file("precious"))
        for (resume, force) in [(false, true), (true, false), (false, false)] {
            let error = #expect(throws: RunError.self) {
                try RunIdentityTests.run(try RunIdentityTests.capacity(), into: out.file("results"), resume: resume, force: force)
            }
            #expect(
                error?.description.hasPrefix(
                    "\(out.file("results/cap")) is a symbolic link (to \(out.file("precious"))); results are written only into a real folder"
                ) == true,
                "\(String(describing: error))")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.file("precious")) == ["thesis.tex"])
        #expect(FileManager.default.contents(atPath: precious) == Data("keep".utf8))
    }
}
