import Foundation
import Imaging
import TestSupport
import Testing

@testable import Experiments

/// Issue 13, case 7: every file a user names (config, network.load weights, CSV and IDX
/// imports) is read only when it is a regular file of a sane size whose first bytes fit.
@Suite struct UserFileTests {
    /// A sparse file of `size` zero bytes (no disk space, instant).
    static func sparse(_ path: String, size: Int) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(fd >= 0 && ftruncate(fd, off_t(size)) == 0)
        close(fd)
    }

    static func message(_ body: () throws -> Void) -> String {
        do { try body() } catch { return "\(error)" }
        return "no error"
    }

    @Test func configFilesMustBeSmallRegularText() throws {
        let scratch = ScratchFolder("user-config")
        defer { scratch.remove() }
        #expect(mkfifo(scratch.file("fifo.json"), 0o644) == 0)
        #expect(
            Self.message { _ = try Batch.load(file: scratch.file("fifo.json")) }
                == "\(scratch.file("fifo.json")): cannot read the file: is not a regular file (a FIFO, device or socket)")
        Self.sparse(scratch.file("big.json"), size: 1_500_000_000)
        #expect(
            Self.message { _ = try Batch.load(file: scratch.file("big.json")) }
                == "\(scratch.file("big.json")): cannot read the file: 1500000000 bytes, above the 67108864-byte limit")
        _ = scratch.write([0x7B, 0x00, 0xFF, 0x7D], to: "binary.json")
        #expect(
            Self.message { _ = try Batch.load(file: scratch.file("binary.json")) }
                == "\(scratch.file("binary.json")): cannot read the file: not a text file (its first bytes are not UTF-8 text)")
    }

    @Test func npyHeaderAndSizeDecideBeforeTheDataIsRead() throws {
        let scratch = ScratchFolder("user-npy")
        defer { scratch.remove() }
        #expect(mkfifo(scratch.file("fifo.npy"), 0o644) == 0)
        #expect(
            Self.message { _ = try NPYReader.read(scratch.file("fifo.npy")) }.hasSuffix("is not a regular file (a FIFO, device or socket)"))
        Self.sparse(scratch.file("junk.npy"), size: 3 << 30)
        #expect(Self.message { _ = try NPYReader.read(scratch.file("junk.npy")) } == "\(scratch.file("junk.npy")): not a .npy file")
        // A real header, then 3 GB of zeros instead of 24 bytes: refused from the header and the size.
        let header = NPY.float32([1, 2, 3, 4, 5, 6], shape: [2, 3])
        let fd = open(scratch.file("long.npy"), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = header.withUnsafeBytes { write(fd, $0.baseAddress!, header.count - 24) }
        #expect(ftruncate(fd, off_t(3 << 30)) == 0)
        close(fd)
        #expect(Self.message { _ = try NPYReader.read(scratch.file("long.npy")) }.hasSuffix("but shape [2, 3] of <f4 needs 24"))
        _ = scratch.write(header, to: "ok.npy")
        #expect(try NPYReader.float32(scratch.file("ok.npy"), shape: [2, 3]) == [1, 2, 3, 4, 5, 6])
    }

    @Test func importsJudgeTheFirstBytes() throws {
        let scratch = ScratchFolder("user-import")
        defer { scratch.remove() }
        Self.sparse(scratch.file("junk.csv"), size: 3 << 30)
        #expect(
            Self.message { _ = try CSVImporter.importFile(scratch.file("junk.csv"), output: scratch.file("out"), label: .first) }
                == "\(scratch.file("junk.csv")): not a text file (its first bytes are not UTF-8 text)")
        #expect(
            looksLikeText(Array(Array("hé".utf8).dropLast(1))) == nil, "a character cut by the end of the head is not held against the file"
        )
        _ = scratch.write(Array("this is text, not IDX".utf8), to: "labels.idx")
        #expect(
            Self.message {
                _ = try IDXImporter.importFiles(
                    images: scratch.file("labels.idx"), labels: scratch.file("labels.idx"), output: scratch.file("out"))
            }
                == "\(scratch.file("labels.idx")): not an IDX file (the first two bytes must be zero)")
        #expect(mkfifo(scratch.file("fifo.csv"), 0o644) == 0)
        #expect(
            Self.message { _ = try CSVImporter.importFile(scratch.file("fifo.csv"), output: scratch.file("out"), label: .first) }
                == "\(scratch.file("fifo.csv")): is not a regular file (a FIFO, device or socket)")
    }
}
