import Imaging

/// Reads the .npy files HopfieldLab writes (and NumPy's own: version 1.0–3.0, little-endian,
/// C order), checking the element type and the shape.
public enum NPYReader {
    /// An array read from a .npy file.
    public struct Array: Sendable {
        /// NumPy's element type ("<i4", "|i1", ...).
        public var descr: String
        /// The shape.
        public var shape: [Int]
        /// The raw values, C order.
        public var data: ArraySlice<UInt8>
    }

    /// Reads a .npy file.
    public static func read(_ path: String) throws -> Array {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path) } catch { throw IOFailure(path: path, reason: error.reason) }
        guard bytes.count >= 10, bytes[0] == 0x93, Swift.Array(bytes[1..<6]) == Swift.Array("NUMPY".utf8) else {
            throw IOFailure(path: path, reason: "not a .npy file")
        }
        let major = bytes[6]
        let headerLength: Int, start: Int
        if major == 1 {
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            start = 10
        } else {
            guard bytes.count >= 12 else { throw IOFailure(path: path, reason: "truncated .npy header") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            start = 12
        }
        guard bytes.count >= start + headerLength else { throw IOFailure(path: path, reason: "truncated .npy header") }
        let header = String(decoding: bytes[start..<start + headerLength], as: UTF8.self)
        func field(_ key: String) -> String? {
            guard let r = header.range(of: "'\(key)':") else { return nil }
            return String(header[r.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        guard let descrText = field("descr"), let q1 = descrText.firstIndex(of: "'"),
              let q2 = descrText[descrText.index(after: q1)...].firstIndex(of: "'") else {
            throw IOFailure(path: path, reason: "no dtype in the .npy header")
        }
        let descr = String(descrText[descrText.index(after: q1)..<q2])
        if field("fortran_order")?.hasPrefix("True") == true { throw IOFailure(path: path, reason: "Fortran order is not supported") }
        guard let shapeText = field("shape"), let open = shapeText.firstIndex(of: "("), let close = shapeText.firstIndex(of: ")") else {
            throw IOFailure(path: path, reason: "no shape in the .npy header")
        }
        let shape = shapeText[shapeText.index(after: open)..<close].split(separator: ",").compactMap {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        return Array(descr: descr, shape: shape, data: bytes[(start + headerLength)...])
    }

    static func check(_ a: Array, _ path: String, descr: String, size: Int, shape: [Int]) throws {
        guard a.descr == descr else { throw IOFailure(path: path, reason: "element type \(a.descr), expected \(descr)") }
        guard a.shape == shape else { throw IOFailure(path: path, reason: "shape \(a.shape), expected \(shape)") }
        guard a.data.count == shape.reduce(1, *) * size else { throw IOFailure(path: path, reason: "data length does not match the shape") }
    }

    /// An int32 array of exactly this shape.
    public static func int32(_ path: String, shape: [Int]) throws -> [Int32] {
        let a = try read(path)
        try check(a, path, descr: "<i4", size: 4, shape: shape)
        return stride(from: a.data.startIndex, to: a.data.endIndex, by: 4).map { o in
            Int32(bitPattern: UInt32(a.data[o]) | UInt32(a.data[o + 1]) << 8 | UInt32(a.data[o + 2]) << 16 | UInt32(a.data[o + 3]) << 24)
        }
    }

    /// A little-endian float32 array of the given shape.
    public static func float32(_ path: String, shape: [Int]) throws -> [Float] {
        let a = try read(path)
        try check(a, path, descr: "<f4", size: 4, shape: shape)
        return stride(from: a.data.startIndex, to: a.data.endIndex, by: 4).map { k in
            Float(bitPattern: UInt32(a.data[k]) | UInt32(a.data[k + 1]) << 8 | UInt32(a.data[k + 2]) << 16 | UInt32(a.data[k + 3]) << 24)
        }
    }

    /// A float64 array of exactly this shape.
    public static func float64(_ path: String, shape: [Int]) throws -> [Double] {
        let a = try read(path)
        try check(a, path, descr: "<f8", size: 8, shape: shape)
        return stride(from: a.data.startIndex, to: a.data.endIndex, by: 8).map { o in
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(a.data[o + k]) << UInt64(8 * k) }
            return Double(bitPattern: bits)
        }
    }

    /// An int8 array of any shape.
    public static func int8(_ path: String) throws -> (shape: [Int], values: [Int8]) {
        let a = try read(path)
        guard a.descr == "|i1" else { throw IOFailure(path: path, reason: "element type \(a.descr), expected |i1") }
        return (a.shape, a.data.map { Int8(bitPattern: $0) })
    }
}
