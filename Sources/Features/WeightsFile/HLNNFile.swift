import Foundation

/// One named float32 tensor of a weights file, in PyTorch's layout (row-major over `shape`).
public struct HLNNTensor: Sendable {
    /// The dimensions, outermost first (a convolution's weight is [out, in/groups, kh, kw]).
    public let shape: [Int]
    /// The values, `shape.reduce(1, *)` of them.
    public let values: [Float]
}

/// A weights file in the HLNN format, read whole and checked.
///
/// Layout: bytes 0–7 are `HLNN` 00 00 00 01 (magic and version 1); bytes 8–15 the length H of
/// the header as a little-endian UInt64; then H bytes of UTF-8 JSON
/// `{"format":"hlnn","version":1,"model":…,"tensors":[{"name","shape","offset","count"},…]}`,
/// space-padded so that 16 + H is a multiple of 64 (the data is then aligned for any vector
/// load); then the float32 little-endian data, each tensor `count` floats from float `offset`.
/// Other header keys are allowed (they describe where the weights came from).
///
/// The reader refuses a file whose data is not exactly as long as its tensors need: a truncated
/// download or a file written by a different tool version fails here, not as wrong features.
public struct HLNNFile: Sendable {
    /// The header's `model`.
    public let model: String
    /// The tensors by name.
    public let tensors: [String: HLNNTensor]

    private struct Header: Decodable {
        let format: String
        let version: Int
        let model: String
        let tensors: [Entry]
    }

    private struct Entry: Decodable {
        let name: String
        let shape: [Int]
        let offset: Int
        let count: Int
    }

    /// Reads and checks the file at `path`; throws ``WeightsFileError`` naming the file.
    public init(contentsOf path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw WeightsFileError(path: path, cause: .unreadable(error.localizedDescription))
        }
        try self.init(data: data, path: path)
    }

    /// Reads a file already in memory; `path` only names it in errors.
    public init(data: Data, path: String) throws {
        try self.init(bytes: [UInt8](data), path: path)
    }

    /// Reads a file's bytes already in memory (as read to check their hash, without a copy);
    /// `path` only names it in errors.
    public init(bytes: [UInt8], path: String) throws {
        func fail(_ cause: WeightsFileError.Cause) -> WeightsFileError { WeightsFileError(path: path, cause: cause) }
        guard bytes.count >= 16 else { throw fail(.tooShort(bytes: bytes.count)) }
        guard bytes[0..<4].elementsEqual("HLNN".utf8) else { throw fail(.badMagic) }
        let version = bytes[4..<8].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard version == 1 else { throw fail(.unsupportedVersion(version)) }
        let headerLength = bytes[8..<16].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard headerLength <= UInt64(bytes.count - 16) else {
            throw fail(.headerPastEnd(headerLength: headerLength, fileBytes: bytes.count))
        }
        guard (16 + headerLength) % 64 == 0 else { throw fail(.misalignedData(headerLength: headerLength)) }
        let dataStart = 16 + Int(headerLength)

        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(bytes[16..<dataStart]))
        } catch {
            throw fail(.badHeader(Self.describe(error)))
        }
        guard header.format == "hlnn" else { throw fail(.wrongFormat(header.format)) }
        guard header.version == 1 else { throw fail(.wrongHeaderVersion(header.version)) }

        let dataBytes = bytes.count - dataStart
        let dataFloats = dataBytes / 4
        var end = 0
        var seen = Set<String>()
        for entry in header.tensors {
            guard seen.insert(entry.name).inserted else { throw fail(.duplicateTensor(entry.name)) }
            guard entry.shape.allSatisfy({ $0 >= 0 }), entry.count == entry.shape.reduce(1, *) else {
                throw fail(.countMismatch(name: entry.name, shape: entry.shape, count: entry.count))
            }
            guard entry.offset >= 0, entry.offset + entry.count <= dataFloats else {
                throw fail(.tensorPastEnd(name: entry.name, end: entry.offset + entry.count, dataFloats: dataFloats))
            }
            end = max(end, entry.offset + entry.count)
        }
        guard dataBytes == 4 * end else { throw fail(.dataSize(expectedBytes: 4 * end, foundBytes: dataBytes)) }

        var tensors: [String: HLNNTensor] = [:]
        bytes.withUnsafeBytes { raw in
            for entry in header.tensors {
                let values = [Float](unsafeUninitializedCapacity: entry.count) { buffer, initialized in
                    let start = dataStart + 4 * entry.offset
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(
                        from: UnsafeRawBufferPointer(rebasing: raw[start..<start + 4 * entry.count]))
                    // The file is little-endian; swap on a big-endian host.
                    if UInt32(littleEndian: 1) != 1 {
                        for i in 0..<entry.count { buffer[i] = Float(bitPattern: UInt32(littleEndian: buffer[i].bitPattern)) }
                    }
                    initialized = entry.count
                }
                tensors[entry.name] = HLNNTensor(shape: entry.shape, values: values)
            }
        }
        model = header.model
        self.tensors = tensors
    }

    /// A decoding error as one line: the JSON path and the decoder's words.
    private static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func at(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return "missing key \(path).\(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return at(context)
        @unknown default:
            return "\(error)"
        }
    }
}
