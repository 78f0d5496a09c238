import Experiments

/// libFuzzer's entry point for configs: the bytes as a config file's text, parsed by the strict
/// JSON parser, printed and parsed again (the same value must come back), and expanded into
/// runs (every section decoded and checked). Any error is an answer; a trap, a hang or a blow-up
/// is a bug. Built and run by scripts/fuzz.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let root = try? JSONParser.parse(String(decoding: bytes, as: UTF8.self)) else { return 0 }
    guard let again = try? JSONParser.parse(root.pretty()), again == root else {
        fatalError("pretty() of a parsed value does not parse back to it: \(root.compact)")
    }
    _ = try? Batch.expand(root)
    return 0
}
