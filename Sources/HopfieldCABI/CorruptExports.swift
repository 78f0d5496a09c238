import Experiments
import Hopfield

/// Corrupts `count` rows of `neurons` values (row-major; `binary` int8 −1/0/+1 or `reals`) as a
/// recall run makes its starts, with the JSON `corruption` section (one level:
/// `{"kind": "flip", "levels": [0.2]}`), row k with the stream of ``rowStreams``. Writes count × N
/// doubles to `out` (0 where a mask leaves a neuron undecided).
@_cdecl("hopfieldlab_corrupt")
public func hopfieldlab_corrupt(
    _ binary: UnsafePointer<Int8>?, _ reals: UnsafePointer<Double>?, _ count: Int, _ neurons: Int,
    _ corruption: UnsafePointer<CChar>?, _ seed: UInt64, _ keys: UnsafePointer<UInt64>?, _ keysPerRow: Int,
    _ out: UnsafeMutablePointer<Double>?, _ err: ErrorOut
) -> Int32 {
    guarded(err) {
        guard let out else { throw ABIError("outputs: null pointer") }
        let rows = try copiedRows(
            binary: binary, reals: reals, count: count, neurons: neurons, what: "patterns", advice: "corrupt fewer rows at a time")
        for (k, row) in rows.enumerated() {
            if let i = row.firstIndex(where: { !$0.isFinite }) { throw ABIError("pattern \(k) entry \(i) is not a finite number") }
        }
        let streams = try rowStreams(seed: seed, keys: keys, keysPerRow: keysPerRow, count: count)
        let corrupted = try Embedding.corrupt(rows, corruption: try json(corruption, "corruption"), stream: streams)
        for (k, row) in corrupted.enumerated() {
            for i in 0..<neurons { out[k * neurons + i] = row[i] }
        }
    }
}
