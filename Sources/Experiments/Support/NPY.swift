import Imaging

/// NumPy's .npy format, version 1.0: magic, a Python-dict header padded with spaces to a
/// multiple of 64 bytes and ending in "\n", then the raw little-endian C-order data.
/// https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
public enum NPY {
    /// The header of an array of element type `descr` and `shape`.
    public static func header(descr: String, shape: [Int]) -> [UInt8] {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var dict = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        let prefix = 10  // magic (6) + version (2) + header length (2)
        let total = ((prefix + dict.utf8.count + 1 + 63) / 64) * 64
        dict += String(repeating: " ", count: total - prefix - dict.utf8.count - 1) + "\n"
        let length = UInt16(dict.utf8.count)
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(dict.utf8)
    }

    /// An int8 array.
    public static func int8(_ values: [Int8], shape: [Int]) -> [UInt8] {
        precondition(shape.reduce(1, *) == values.count)
        return header(descr: "|i1", shape: shape) + values.map { UInt8(bitPattern: $0) }
    }

    /// A little-endian int32 array.
    public static func int32(_ values: [Int32], shape: [Int]) -> [UInt8] {
        precondition(shape.reduce(1, *) == values.count)
        var bytes = header(descr: "<i4", shape: shape)
        bytes.reserveCapacity(bytes.count + values.count * 4)
        for v in values { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        return bytes
    }

    /// A little-endian float32 array.
    public static func float32(_ values: [Float], shape: [Int]) -> [UInt8] {
        precondition(shape.reduce(1, *) == values.count)
        var bytes = header(descr: "<f4", shape: shape)
        bytes.reserveCapacity(bytes.count + values.count * 4)
        for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        return bytes
    }

    /// A little-endian float64 array.
    public static func float64(_ values: [Double], shape: [Int]) -> [UInt8] {
        precondition(shape.reduce(1, *) == values.count)
        var bytes = header(descr: "<f8", shape: shape)
        bytes.reserveCapacity(bytes.count + values.count * 8)
        for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        return bytes
    }
}
