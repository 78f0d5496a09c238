import Foundation
import Imaging
import TestSupport
import Testing

@Suite(.serialized) struct PictureTests {
    /// A run writes its pictures; each decodes with our decoder and with an independent reader
    /// (Python's zlib and struct), which also checks CRCs and the APNG frame sequence.
    @Test func runPicturesDecodeTwice() throws {
        let out = ScratchFolder("pictures")
        defer { out.remove() }
        let result = try hopfield([
            "run", "Configs/catsdogs-seed.json", "--output", out.path, "--quiet",
            "--set", "dataset.path=\(TestPaths.shared("catsdogs"))", "--set", "seeds=[42]"
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // Run folders are "<key made safe>~<identity>".
        let run = try #require(
            try FileManager.default.contentsOfDirectory(atPath: out.file("catsdogs-seed")).first { $0.hasPrefix("seed=42~") })
        let folder = out.file("catsdogs-seed/" + run)
        let names = ["memories.png", "outcomes.png", "weights.png", "trajectory.png", "trajectory-animated.png"]
        for name in names {
            let decoded = try ImageDecoder.decodeFile(atPath: folder + "/" + name)
            #expect(decoded.format == .png && decoded.image.width > 50 && decoded.image.height > 50, "\(name)")
            #expect(Set(decoded.image.pixels).count > 2, "\(name) is not blank")
        }
        let check = try runProcess(
            "/usr/bin/env", ["python3", TestPaths.repository + "/scripts/check_png.py"] + names.map { folder + "/" + $0 })
        #expect(check.status == 0, "\(check.stdout)")
        let animated = check.stdout.split(separator: "\n").first { $0.contains("trajectory-animated") } ?? ""
        #expect(animated.contains("\"frames\": ") && !animated.contains("\"frames\": 1,"), "\(animated)")
        // The energy plot is SVG with a line per image; the report embeds everything.
        let svg = try String(contentsOfFile: folder + "/energy.svg", encoding: .utf8)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.contains("<polyline"))
        let html = try String(contentsOfFile: out.file("catsdogs-seed/report.html"), encoding: .utf8)
        // Pictures and plots are embedded as images (an <img> never runs a script an SVG may hold).
        #expect(html.contains("data:image/png;base64,") && html.contains("data:image/svg+xml;base64,"))
        #expect(
            !html.contains("<svg") && !html.contains("<script") && !html.contains("http://") && !html.contains("https://"),
            "no inline SVG, no script, no external resource")
        #expect(html.contains("test images in spurious states") && html.contains("1-NN on all training images"))
        // report regenerates the same page from the files alone.
        let again = try hopfield(["report", out.file("catsdogs-seed")])
        let rewritten = try String(contentsOfFile: out.file("catsdogs-seed/report.html"), encoding: .utf8)
        #expect(again.status == 0 && rewritten == html)
    }

    /// The single-image demo: stores images, converges one, prints where it ended.
    @Test func singleImageRecall() throws {
        let out = ScratchFolder("recall")
        defer { out.remove() }
        let digits = TestPaths.shared("digits")
        let memories = ["0", "1", "7"].map { c in
            digits + "/" + c + "/" + (try! FileManager.default.contentsOfDirectory(atPath: digits + "/" + c).sorted().first!)
        }
        let result = try hopfield(
            ["recall", "--memories"] + memories + ["--input", memories[2], "--size", "28", "--rule", "pseudoinverse", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("converged after 1 sweep(s) to memory 2"), "\(result.stdout)")
        for name in ["trajectory.png", "trajectory-animated.png", "energy.svg", "memories.png"] {
            #expect(FileManager.default.fileExists(atPath: out.file(name)), "\(name)")
        }
        let missing = try hopfield(["recall", "--memories", "/no/such", "--input", memories[0], "--out", out.path])
        #expect(missing.status == 1 && missing.stderr.contains("/no/such: no such file or folder"))
        // The input corrupted by the tool itself: exactly round(0.25·784) = 196 flips, then rows
        // 0..<14 of every column set to 0 (392 neurons, some of them flipped before); the same
        // seed gives the same words and pictures, another seed other flips.
        let corrupt =
            ["recall", "--memories"] + memories + [
                "--input", memories[2], "--size", "28", "--rule", "pseudoinverse",
                "--noise", "flip:0.25", "--mask", "0,14,0,28", "--value", "0"
            ]
        let first = try hopfield(corrupt + ["--out", out.file("a")])
        let second = try hopfield(corrupt + ["--out", out.file("b")])
        let other = try hopfield(corrupt + ["--out", out.file("c"), "--seed", "7"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("(corrupted: flip 0.25, mask rows 0..<14, columns 0..<28 set to 0; "), "\(first.stdout)")
        let changed = first.stdout.split(separator: ";")[1].split(separator: " ").first.flatMap { Int($0) } ?? -1
        #expect(changed > 392 && changed < 392 + 196, "all 392 masked neurons and the flips below row 14: \(changed)")
        #expect(
            first.stdout.replacingOccurrences(of: out.file("a"), with: "")
                == second.stdout.replacingOccurrences(of: out.file("b"), with: ""))
        #expect(
            FileManager.default.contents(atPath: out.file("a/trajectory.png"))
                == FileManager.default.contents(atPath: out.file("b/trajectory.png")))
        #expect(
            FileManager.default.contents(atPath: out.file("a/trajectory.png"))
                != FileManager.default.contents(atPath: out.file("c/trajectory.png")))
        let bad = try hopfield(["recall", "--memories", memories[0], "--input", memories[0], "--noise", "blur:0.2", "--out", out.path])
        #expect(bad.status == 64 && bad.stderr.contains("--noise blur:0.2: the kind is flip, flip-each or bernoulli"))
        let outside = try hopfield([
            "recall", "--memories", memories[0], "--input", memories[0], "--size", "28", "--mask", "0,30,0,5", "--out", out.path
        ])
        #expect(outside.status == 64 && outside.stderr.contains("must lie within the 28×28 pattern"))
    }
}
