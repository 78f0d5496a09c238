import Foundation
import Imaging
import TestSupport
import Testing

/// `../shared/datasets/odd-inputs/MANIFEST.csv`: 30 unusual and broken files and what each must do.
struct ManifestEntry: CustomStringConvertible {
    var path: String
    var mustDecode: String  // yes, no, skip
    var what: String
    var description: String { "\(path) (\(what))" }

    static func load() throws -> [ManifestEntry] {
        let text = try String(contentsOfFile: TestPaths.shared("odd-inputs/MANIFEST.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let parts = line.split(separator: ",", maxSplits: 2).map(String.init)
            return ManifestEntry(path: parts[0], mustDecode: parts[1], what: parts[2])
        }
    }
}

@Suite struct DecoderTests {
    @Test func manifestListsThirtyFiles() throws {
        let entries = try ManifestEntry.load()
        #expect(entries.count == 30)
        #expect(Set(entries.map(\.mustDecode)) == ["yes", "no", "skip"])
    }

    @Test func everyOddInputDoesWhatTheManifestSays() throws {
        for entry in try ManifestEntry.load() where entry.mustDecode != "skip" {
            let path = TestPaths.shared("odd-inputs/" + entry.path)
            do {
                let decoded = try ImageDecoder.decodeFile(atPath: path)
                #expect(entry.mustDecode == "yes", "\(entry) decoded but must be refused")
                #expect(decoded.image.width > 0 && decoded.image.height > 0)
                #expect(decoded.image.pixels.count == decoded.image.width * decoded.image.height)
            } catch {
                #expect(entry.mustDecode == "no", "\(entry) was refused: \(error)")
                #expect(error.path == path, "the message names the file")
                #expect(error.description.hasPrefix(path + ": "))
            }
        }
    }

    /// Each refusal names its cause, not just "failed".
    @Test(arguments: [
        ("cat/empty.jpg", "empty", "empty file"),
        ("cat/truncated.jpg", "corrupt", "Premature end of JPEG file"),
        ("dog/truncated.png", "corrupt", "truncated"),
        ("cat/noise.jpg", "unknown-format", "not a PNG or JPEG"),
        ("dog/text.png", "text", "text file"),
        ("dog/gif-named.jpg", "unsupported-format", "GIF is not supported"),
        ("dog/bomb.png", "too-large", "200000x200000"),
        ("cat/bomb.jpg", "too-large", "65500x65500"),
        ("dog/badcrc.png", "corrupt", "CRC mismatch")
    ])
    func refusalNamesTheCause(file: String, kind: String, words: String) throws {
        let path = TestPaths.shared("odd-inputs/" + file)
        let error = try #require(throws: ImageError.self) { try ImageDecoder.decodeFile(atPath: path) }
        #expect(error.kind == kind)
        #expect(error.reason.contains(words), "\(error.reason)")
    }

    @Test func formatComesFromTheBytesNotTheName() throws {
        let pngNamedJpg = try ImageDecoder.decodeFile(atPath: TestPaths.shared("odd-inputs/dog/png-named.jpg"))
        #expect(pngNamedJpg.format == .png)
        let noExtension = try ImageDecoder.decodeFile(atPath: TestPaths.shared("odd-inputs/cat/noext"))
        #expect(noExtension.format == .jpeg)
        let upper = try ImageDecoder.decodeFile(atPath: TestPaths.shared("odd-inputs/cat/UPPER.JPG"))
        #expect(upper.image == noExtension.image, "UPPER.JPG and noext hold the same JPEG")
    }

    /// The same photo in every PNG variant decodes to (nearly) the same gray image: 16-bit is
    /// scaled, not byte-swapped; palette is expanded; interlacing is undone; alpha is dropped.
    @Test(arguments: [
        ("dog/rgb16.png", 0.5), ("dog/rgba.png", 0.5), ("dog/interlaced.png", 0.5),
        ("dog/gray16.png", 2.0), ("dog/grayalpha.png", 2.0), ("dog/palette.png", 8.0)
    ])
    func pngVariantsAgreeWithTheEightBitRGB(file: String, meanTolerance: Double) throws {
        let reference = try ImageDecoder.decodeFile(atPath: TestPaths.shared("odd-inputs/dog/rgb8.png")).image
        let variant = try ImageDecoder.decodeFile(atPath: TestPaths.shared("odd-inputs/" + file)).image
        #expect(variant.width == reference.width && variant.height == reference.height)
        let meanDifference =
            zip(reference.pixels, variant.pixels).map { abs(Double($0) - Double($1)) }
            .reduce(0, +) / Double(reference.pixels.count)
        #expect(meanDifference <= meanTolerance, "\(file): mean difference \(meanDifference)")
    }

    @Test func jpegVariantsAgreeWithTheBaseline() throws {
        let reference = try ImageDecoder.decodeFile(atPath: TestPaths.shared("odd-inputs/cat/baseline.jpg")).image
        for file in ["cat/progressive.jpg", "cat/s444.jpg", "cat/cmyk.jpg", "cat/gray.jpg"] {
            let variant = try ImageDecoder.decodeFile(atPath: TestPaths.shared("odd-inputs/" + file)).image
            #expect(variant.width == reference.width && variant.height == reference.height)
            let meanDifference =
                zip(reference.pixels, variant.pixels).map { abs(Double($0) - Double($1)) }
                .reduce(0, +) / Double(reference.pixels.count)
            #expect(meanDifference < 2, "\(file): mean difference \(meanDifference)")
        }
        let cmyk = try ImageDecoder.decodeFile(atPath: TestPaths.shared("odd-inputs/cat/cmyk.jpg"))
        #expect(cmyk.cmyk && cmyk.components == 4)
        let progressive = try ImageDecoder.decodeFile(atPath: TestPaths.shared("odd-inputs/cat/progressive.jpg"))
        #expect(progressive.progressive)
    }

    /// A 16×16 JPEG (Pillow, quality 100, 4:4:4) with red, green, blue and white quadrants.
    /// Grayscale is libjpeg's Y channel: BT.601 gives 76, 150, 29, 255; BT.709 would give 54,
    /// 182, 18.
    static let quadrantsJPEG = Array(
        Data(
            base64Encoded: """
                /9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/2wBDAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAARCAAQABADAREAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD8X6/ynP8Av4P6UK/y3P8Awrz+Dev/AGmD/qwP9xCv+Ac/qg//2Q==
                """, options: .ignoreUnknownCharacters)!)

    @Test(arguments: IDCTMethod.allCases)
    func jpegGrayIsTheYChannel(idct: IDCTMethod) throws {
        let decoded = try ImageDecoder.decode(Self.quadrantsJPEG, path: "quadrants.jpg", options: DecodeOptions(idct: idct))
        let image = decoded.image
        #expect(image.width == 16 && image.height == 16 && decoded.components == 3)
        for (x, y, expected) in [(3, 3, 76), (12, 3, 150), (3, 12, 29), (12, 12, 255)] {
            #expect(abs(Int(image[x, y]) - expected) <= 1, "(\(x),\(y)) = \(image[x, y]), expected \(expected)")
        }
    }

    /// PNG colour goes through the same BT.601 weights as JPEG (not libpng's own default).
    @Test func pngColourUsesBT601() throws {
        var rgb: [UInt8] = []
        for (r, g, b) in [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255), (10, 20, 30)] {
            rgb += [UInt8(r), UInt8(g), UInt8(b)]
        }
        let png = try PNGEncoder.encode(pixels: rgb, width: 5, height: 1, channels: 3)
        let gray = try ImageDecoder.decode(png, path: "rgb.png").image.pixels
        // 0.299·255 = 76.2, 0.587·255 = 149.7, 0.114·255 = 29.1, 0.299·10+0.587·20+0.114·30 = 18.1
        #expect(gray == [76, 150, 29, 255, 18])
        // Alpha is dropped, not composited: a fully transparent red pixel is still red's luma.
        let rgba = try PNGEncoder.encode(pixels: [255, 0, 0, 0, 0, 0, 255, 255], width: 2, height: 1, channels: 4)
        #expect(try ImageDecoder.decode(rgba, path: "rgba.png").image.pixels == [76, 29])
    }

    @Test func pngRoundTripIsExact() throws {
        var generator = SystemRandomNumberGenerator()
        let pixels = (0..<(37 * 23)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let png = try PNGEncoder.encode(pixels: pixels, width: 37, height: 23)
        let decoded = try ImageDecoder.decode(png, path: "random.png")
        #expect(decoded.image == GrayImage(width: 37, height: 23, pixels: pixels))
        #expect(decoded.format == .png && decoded.bitDepth == 8)
    }

    @Test func pixelLimitIsSettableAndCheckedOnTheHeader() throws {
        let path = TestPaths.shared("odd-inputs/cat/baseline.jpg")  // 300×280 = 84,000 pixels
        _ = try ImageDecoder.decodeFile(atPath: path, options: DecodeOptions(maxPixels: 84_000))
        let error = try #require(throws: ImageError.self) {
            try ImageDecoder.decodeFile(atPath: path, options: DecodeOptions(maxPixels: 83_999))
        }
        #expect(error.kind == "too-large")
        let png = try PNGEncoder.encode(pixels: [UInt8](repeating: 7, count: 100), width: 10, height: 10)
        #expect(throws: ImageError.self) { try ImageDecoder.decode(png, path: "x.png", options: DecodeOptions(maxPixels: 99)) }
    }

    /// Scaled IDCT: the smallest of 1/2, 1/4, 1/8 whose output is not below the target.
    @Test(arguments: [
        (0, 300, 280, 1), (150, 300, 280, 1), (140, 150, 140, 2), (64, 75, 70, 4),
        (35, 38, 35, 8), (36, 75, 70, 4)
    ])
    func scaledDecodingPicksTheSmallestScaleNotBelowTheTarget(target: Int, width: Int, height: Int, denominator: Int) throws {
        let options = DecodeOptions(minimumDecodedSize: target == 0 ? nil : (target, target))
        let decoded = try ImageDecoder.decodeFile(atPath: TestPaths.shared("odd-inputs/cat/baseline.jpg"), options: options)
        #expect(decoded.image.width == width && decoded.image.height == height)
        #expect(decoded.scaleDenominator == denominator)
        #expect(decoded.sourceWidth == 300 && decoded.sourceHeight == 280)
    }

    /// Every prefix of a JPEG and a PNG, and a damaged copy, is either refused with an error that
    /// names the file and says why, or decoded at the full file's size: never a crash, never an
    /// image of another size. The complete files decode; the empty prefix is refused.
    @Test func truncatingAnyValidFileNeverCrashes() throws {
        for file in ["cat/baseline.jpg", "cat/progressive.jpg", "dog/interlaced.png", "dog/palette.png"] {
            let bytes = try FileBytes.read(TestPaths.shared("odd-inputs/" + file))
            let full = try ImageDecoder.decode(bytes, path: file)
            var refused = 0, lengths = 0
            func check(_ data: [UInt8], _ what: String) {
                do {
                    let image = try ImageDecoder.decode(data, path: file)
                    #expect(image.image.width == full.image.width && image.image.height == full.image.height, "\(file) \(what)")
                } catch {
                    refused += 1
                    #expect(error.path == file && !error.reason.isEmpty, "\(file) \(what): \(error)")
                }
            }
            for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
                lengths += 1
                check(Array(bytes[..<length]), "first \(length) bytes")
            }
            #expect(refused >= lengths - 2, "\(file): \(lengths - refused) of \(lengths) truncated copies decoded")
            var damaged = bytes
            for i in stride(from: bytes.count / 3, to: bytes.count, by: 97) { damaged[i] ^= 0x5A }
            check(damaged, "damaged")
        }
        #expect(throws: ImageError.self) { try ImageDecoder.decode([], path: "empty") }
    }
}

@Suite struct SnifferTests {
    @Test func signatures() {
        func kind(_ bytes: [UInt8]) -> SniffedKind { FormatSniffer.sniff(bytes) }
        #expect(kind([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .supported(.png))
        #expect(kind([0xFF, 0xD8, 0xFF, 0xE0]) == .supported(.jpeg))
        #expect(kind(Array("GIF89a....".utf8)) == .unsupported("GIF"))
        #expect(kind(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == .unsupported("WebP"))
        #expect(kind(Array("BM".utf8) + [UInt8](repeating: 0, count: 20)) == .unsupported("BMP"))
        #expect(kind([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]) == .unsupported("TIFF"))
        #expect(kind([0, 0, 0, 0x1C] + Array("ftypheic".utf8)) == .unsupported("HEIF/HEIC"))
        #expect(kind([]) == .empty)
        #expect(kind(Array("label,pixel0\n1,0\n".utf8)) == .text)
        #expect(kind(Array("café ☕\n".utf8)) == .text)
        #expect(kind([0x00, 0x01, 0x02, 0xF3, 0x99]) == .unknown)
    }
}
