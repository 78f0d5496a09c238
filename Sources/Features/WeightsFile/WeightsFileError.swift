/// Why a weights file could not be used, with the file it came from.
///
/// Every failure of ``HLNNFile`` and of ``EfficientNetLite0/init(contentsOf:)`` is one of these;
/// ``description`` is the only place that turns one into text.
public struct WeightsFileError: Error, CustomStringConvertible, Equatable {
    /// The file that was read.
    public let path: String
    /// What is wrong with it.
    public let cause: Cause

    /// What can be wrong with a weights file.
    public enum Cause: Equatable, Sendable {
        /// The file could not be read at all (the system's reason).
        case unreadable(String)
        /// Fewer than the 16 bytes of magic, version and header length.
        case tooShort(bytes: Int)
        /// The first four bytes are not `HLNN`.
        case badMagic
        /// A version other than 1 in bytes 4–7.
        case unsupportedVersion(UInt32)
        /// The header length runs past the end of the file.
        case headerPastEnd(headerLength: UInt64, fileBytes: Int)
        /// 16 + header length is not a multiple of 64, so the data would not be aligned.
        case misalignedData(headerLength: UInt64)
        /// The header is not the expected JSON (the decoder's reason).
        case badHeader(String)
        /// The header's `format` is not `hlnn`.
        case wrongFormat(String)
        /// The header's `version` is not 1.
        case wrongHeaderVersion(Int)
        /// The header names a different model.
        case wrongModel(expected: String, found: String)
        /// A tensor is listed twice.
        case duplicateTensor(String)
        /// A tensor's `count` is not the product of its shape.
        case countMismatch(name: String, shape: [Int], count: Int)
        /// A tensor reaches past the end of the data (offsets and counts in floats).
        case tensorPastEnd(name: String, end: Int, dataFloats: Int)
        /// The data section is not exactly as long as the tensors need.
        case dataSize(expectedBytes: Int, foundBytes: Int)
        /// A tensor the model needs is absent.
        case missingTensor(String)
        /// A tensor the model does not have (another architecture's weights).
        case unexpectedTensor(String)
        /// A tensor has the wrong shape.
        case wrongShape(name: String, expected: [Int], found: [Int])
    }

    /// The error `cause` of the file at `path`.
    public init(path: String, cause: Cause) {
        self.path = path
        self.cause = cause
    }

    /// `path: reason`, one line.
    public var description: String {
        let reason: String
        switch cause {
        case .unreadable(let why): reason = "cannot be read: \(why)"
        case .tooShort(let bytes): reason = "is \(bytes) bytes, too short for an HLNN header (16 bytes)"
        case .badMagic: reason = "is not an HLNN weights file (the first bytes are not \"HLNN\")"
        case .unsupportedVersion(let v): reason = "has HLNN version \(v); only version 1 is supported"
        case .headerPastEnd(let h, let bytes): reason = "declares a \(h)-byte header but the file is \(bytes) bytes"
        case .misalignedData(let h): reason = "has a \(h)-byte header; 16 + header length must be a multiple of 64"
        case .badHeader(let why): reason = "has an unreadable JSON header: \(why)"
        case .wrongFormat(let f): reason = "has header format \"\(f)\", expected \"hlnn\""
        case .wrongHeaderVersion(let v): reason = "has header version \(v), expected 1"
        case .wrongModel(let expected, let found): reason = "holds model \"\(found)\", expected \"\(expected)\""
        case .duplicateTensor(let name): reason = "lists tensor \(name) twice"
        case .countMismatch(let name, let shape, let count):
            reason = "gives tensor \(name) shape \(shape) but count \(count)"
        case .tensorPastEnd(let name, let end, let floats):
            reason = "has tensor \(name) ending at float \(end), past the end of the data (\(floats) floats)"
        case .dataSize(let expected, let found):
            reason = "has \(found) data bytes; the tensors need exactly \(expected)"
        case .missingTensor(let name): reason = "lacks tensor \(name)"
        case .unexpectedTensor(let name): reason = "has tensor \(name), which the model does not use"
        case .wrongShape(let name, let expected, let found):
            reason = "has tensor \(name) of shape \(found), expected \(expected)"
        }
        return "\(path): \(reason)"
    }
}
