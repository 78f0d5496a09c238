import Foundation
import Testing

@testable import Features

/// One test per way a weights file can be wrong, each checking the whole message.
struct WeightsFileTests {
    /// An HLNN file: magic, version, header length, the JSON header space-padded to a multiple of
    /// 64, then the floats. `tensors` are (name, shape, values), stored in order.
    static func file(
        model: String = "efficientnet-lite0", tensors: [(String, [Int], [Float])],
        magic: String = "HLNN", version: UInt8 = 1, pad: Bool = true, extraData: Int = 0
    ) -> Data {
        var offset = 0
        var entries: [String] = []
        for (name, shape, values) in tensors {
            entries.append("{\"name\":\"\(name)\",\"shape\":\(shape),\"offset\":\(offset),\"count\":\(values.count)}")
            offset += values.count
        }
        var header = Array(
            "{\"format\":\"hlnn\",\"version\":1,\"model\":\"\(model)\",\"tensors\":[\(entries.joined(separator: ","))]}".utf8)
        while pad && (16 + header.count) % 64 != 0 { header.append(0x20) }
        var bytes = Array(magic.utf8) + [0, 0, 0, version]
        bytes += (0..<8).map { UInt8(truncatingIfNeeded: UInt64(header.count) >> (8 * $0)) }
        bytes += header
        for (_, _, values) in tensors { values.map { $0.bitPattern.littleEndian }.withUnsafeBytes { bytes += $0 } }
        bytes += [UInt8](repeating: 0, count: extraData)
        return Data(bytes)
    }

    static func message(_ data: Data) -> String {
        do {
            _ = try EfficientNetLite0(file: try HLNNFile(data: data, path: "w.hlnn"), path: "w.hlnn")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    static let small: [(String, [Int], [Float])] = [("_conv_stem.weight", [2, 3], [1, 2, 3, 4, 5, 6])]

    @Test func readsTensors() throws {
        let file = try HLNNFile(data: Self.file(tensors: Self.small + [("b", [2], [7, 8])]), path: "w.hlnn")
        #expect(file.model == "efficientnet-lite0")
        #expect(file.tensors["_conv_stem.weight"]?.shape == [2, 3])
        #expect(file.tensors["b"]?.values == [7, 8])
    }

    @Test func tooShort() { #expect(Self.message(Data([72, 76])) == "w.hlnn: is 2 bytes, too short for an HLNN header (16 bytes)") }

    @Test func badMagic() {
        #expect(
            Self.message(Self.file(tensors: Self.small, magic: "PK\u{3}\u{4}"))
                == "w.hlnn: is not an HLNN weights file (the first bytes are not \"HLNN\")")
    }

    @Test func badVersion() {
        #expect(Self.message(Self.file(tensors: Self.small, version: 2)) == "w.hlnn: has HLNN version 2; only version 1 is supported")
    }

    @Test func misaligned() {
        #expect(Self.message(Self.file(tensors: Self.small, pad: false)).hasSuffix("16 + header length must be a multiple of 64"))
    }

    @Test func truncatedOrTrailingData() {
        #expect(Self.message(Self.file(tensors: Self.small, extraData: 4)) == "w.hlnn: has 28 data bytes; the tensors need exactly 24")
        let data = Self.file(tensors: Self.small)
        #expect(
            Self.message(data.prefix(data.count - 4))
                == "w.hlnn: has tensor _conv_stem.weight ending at float 6, past the end of the data (5 floats)")
    }

    @Test func wrongModel() {
        #expect(
            Self.message(Self.file(model: "efficientnet-b0", tensors: Self.small))
                == "w.hlnn: holds model \"efficientnet-b0\", expected \"efficientnet-lite0\"")
    }

    @Test func wrongShapeAndMissingTensor() {
        #expect(
            Self.message(Self.file(tensors: Self.small))
                == "w.hlnn: has tensor _conv_stem.weight of shape [2, 3], expected [32, 3, 3, 3]")
        #expect(Self.message(Self.file(tensors: [("x", [1], [0])])) == "w.hlnn: lacks tensor _conv_stem.weight")
    }

    @Test func unexpectedTensor() {
        let all = EfficientNetLite0Architecture.expectedTensors.map {
            ($0.name, $0.shape, [Float](repeating: 1, count: $0.shape.reduce(1, *)))
        }
        #expect(Self.message(Self.file(tensors: all)) == "no error")
        #expect(
            Self.message(Self.file(tensors: all + [("_blocks.1._se_reduce.weight", [4], [0, 0, 0, 0])]))
                == "w.hlnn: has tensor _blocks.1._se_reduce.weight, which the model does not use")
    }

    @Test func badHeader() {
        var bytes = [UInt8](Self.file(tensors: Self.small))
        bytes[16] = UInt8(ascii: "[")
        #expect(Self.message(Data(bytes)).hasPrefix("w.hlnn: has an unreadable JSON header: "))
    }

    @Test func unreadableFile() {
        #expect(throws: WeightsFileError.self) { try EfficientNetLite0(contentsOf: "/nonexistent/w.hlnn") }
    }
}
