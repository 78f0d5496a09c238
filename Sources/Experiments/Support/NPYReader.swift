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

    /// Reads a .npy file: a regular file whose first bytes hold the magic number and a header
    /// whose shape and element size match the file's size, checked before the data is read.
    public static func read(_ path: String) throws -> Array {
        let bytes: [UInt8]
        do throws(FileBytes.ReadError) {
            bytes = try FileBytes.read(path, limit: 1 << 33, headLength: 4096) { head, size in
                do throws(IOFailure) {
                    let h = try header(head, path: path)
                    let needed = h.shape.reduce(h.itemSize, *)
                    return size - h.start == needed
                        ? nil : "\(size - h.start) bytes of data, but shape \(h.shape) of \(h.descr) needs \(needed)"
                } catch { return error.reason }
            }
        } catch { throw IOFailure(path: path, reason: error.reason) }
        let h = try header(bytes, path: path)
        return Array(descr: h.descr, shape: h.shape, data: bytes[h.start...])
    }

    /// The header at the start of a .npy file: element type, its size in bytes, shape, and
    /// where the data starts. Only headers within the first 4096 bytes are read (NumPy pads
    /// them to 64 or 128 bytes).
    static func header(_ bytes: [UInt8], path: String) throws(IOFailure) -> (descr: String, itemSize: Int, shape: [Int], start: Int) {
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
        guard bytes.count >= start + headerLength else { throw IOFailure(path: path, reason: "truncated or over-long .npy header") }
        let header = String(decoding: bytes[start..<start + headerLength], as: UTF8.self)
        func field(_ key: String) -> String? {
            guard let r = header.range(of: "'\(key)':") else { return nil }
            return String(header[r.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        guard let descrText = field("descr"), let q1 = descrText.firstIndex(of: "'"),
            let q2 = descrText[descrText.index(after: q1)...].firstIndex(of: "'")
        else {
            throw IOFailure(path: path, reason: "no dtype in the .npy header")
        }
        let descr = String(descrText[descrText.index(after: q1)..<q2])
        guard let itemSize = Int(descr.dropFirst(2)), (1...16).contains(itemSize) else {
            throw IOFailure(path: path, reason: "element type \(descr) is not supported")
        }
        if field("fortran_order")?.hasPrefix("True") == true { throw IOFailure(path: path, reason: "Fortran order is not supported") }
        guard let shapeText = field("shape"), let left = shapeText.firstIndex(of: "("), let right = shapeText.firstIndex(of: ")"),
            left < right
        else {
            throw IOFailure(path: path, reason: "no shape in the .npy header")
        }
        let dims = shapeText[shapeText.index(after: left)..<right].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let shape = dims.compactMap { Int($0) }
        guard shape.count == dims.filter({ !$0.isEmpty }).count, shape.allSatisfy({ (0...(1 << 32)).contains($0) }),
            shape.reduce(itemSize, { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }) < 1 << 40
        else {
            throw IOFailure(path: path, reason: "shape (\(dims.joined(separator: ","))) in the .npy header is not a list of sizes")
        }
        return (descr, itemSize, shape, start + headerLength)
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

    /// A little-endian float32 array of the given shape, every value finite: these are a
    /// network's saved parameters, and a NaN or an infinity among them would make every
    /// prediction the same, not fail.
    public static func float32(_ path: String, shape: [Int]) throws -> [Float] {
        let a = try read(path)
        try check(a, path, descr: "<f4", size: 4, shape: shape)
        let values = stride(from: a.data.startIndex, to: a.data.endIndex, by: 4).map { k in
            Float(bitPattern: UInt32(a.data[k]) | UInt32(a.data[k + 1]) << 8 | UInt32(a.data[k + 2]) << 16 | UInt32(a.data[k + 3]) << 24)
        }
        try checkFinite(values, path, shape: shape)
        return values
    }

    /// A float64 array of exactly this shape, every value finite (as ``float32(_:shape:)``).
    public static func float64(_ path: String, shape: [Int]) throws -> [Double] {
        let a = try read(path)
        try check(a, path, descr: "<f8", size: 8, shape: shape)
        let values = stride(from: a.data.startIndex, to: a.data.endIndex, by: 8).map { o in
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(a.data[o + k]) << UInt64(8 * k) }
            return Double(bitPattern: bits)
        }
        try checkFinite(values, path, shape: shape)
        return values
    }

    /// Refuses a NaN or an infinity, naming the first one's place.
    static func checkFinite<F: BinaryFloatingPoint>(_ values: [F], _ path: String, shape: [Int]) throws {
        guard let k = values.firstIndex(where: { !$0.isFinite }) else { return }
        var index: [Int] = [], rest = k
        for extent in shape.reversed() {
            index.insert(rest % max(1, extent), at: 0)
            rest /= max(1, extent)
        }
        let what = values[k].isNaN ? "NaN" : values[k] > 0 ? "+inf" : "-inf"
        throw IOFailure(
            path: path,
            reason: "non-finite parameters: \(what) at \(index) (\(values.filter { !$0.isFinite }.count) of \(values.count) values)")
    }

    /// An int8 array of any shape.
    public static func int8(_ path: String) throws -> (shape: [Int], values: [Int8]) {
        let a = try read(path)
        guard a.descr == "|i1" else { throw IOFailure(path: path, reason: "element type \(a.descr), expected |i1") }
        return (a.shape, a.data.map { Int8(bitPattern: $0) })
    }
}
